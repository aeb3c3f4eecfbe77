// Regenerates the CDK rule fixtures (fixtures/cdk/<rule-id>/<case>/, real cloud assemblies) from the
// small apps below. Run from the repo root after changing an app or upgrading aws-cdk-lib:
//   npx tsx test/helpers/cdk-fixtures.ts
// cases.json names each finding by its JSON path in the template (`at`), so moved lines need no edit
// (test/helpers/rule-tester.ts computes them). Keep the apps small: no Lambda
// code, no custom resources (autoDeleteObjects, bucket deployments), so no assets are written.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { App, CfnParameter, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';

process.env.CDK_VALIDATION = 'false';
const ENV = { account: '111122223333', region: 'eu-west-1' };

/** A distribution serving `bucket` through an origin access control (OAC). */
function siteDistribution(stack: Stack, bucket: s3.IBucket): void {
  new cloudfront.Distribution(stack, 'Site', { defaultBehavior: { origin: origins.S3BucketOrigin.withOriginAccessControl(bucket) } });
}

/** A minimal DynamoDB table with the given encryption settings. */
function table(scope: Construct, props: Partial<dynamodb.TableProps> = {}): dynamodb.Table {
  return new dynamodb.Table(scope, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, ...props });
}

/** A data-only key policy statement for the application role. */
function appRoleStatement(): iam.PolicyStatement {
  return new iam.PolicyStatement({ principals: [new iam.ArnPrincipal('arn:aws:iam::111122223333:role/app')], actions: ['kms:Encrypt', 'kms:Decrypt'], resources: ['*'] });
}

const KEY_ARN = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

const fixtures: Record<string, Record<string, (stack: Stack) => void>> = {
  'aws-managed-key-wrong-service': {
    // An SQS queue handed the AWS managed key of SNS: that key admits only requests through SNS.
    'fail-queue-sns-alias': (stack) => {
      new sqs.Queue(stack, 'Queue', { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: kms.Alias.fromAliasName(stack, 'SnsKey', 'alias/aws/sns') });
    },
    'pass-queue-sqs-alias': (stack) => {
      new sqs.Queue(stack, 'Queue', { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: kms.Alias.fromAliasName(stack, 'SqsKey', 'alias/aws/sqs') });
    },
  },
  'cloudfront-origin-aws-managed-key': {
    'fail-oac-bucket-kms-managed': (stack) => {
      siteDistribution(stack, new s3.Bucket(stack, 'Content', { encryption: s3.BucketEncryption.KMS_MANAGED }));
    },
    'pass-oac-bucket-s3-managed': (stack) => {
      siteDistribution(stack, new s3.Bucket(stack, 'Content', { encryption: s3.BucketEncryption.S3_MANAGED }));
    },
  },
  'customer-key-rotation-disabled': {
    // kms.Key defaults enableKeyRotation to false.
    'fail-key-default-rotation': (stack) => {
      new kms.Key(stack, 'Key');
    },
    'pass-key-rotation-enabled': (stack) => {
      new kms.Key(stack, 'Key', { enableKeyRotation: true });
    },
  },
  'customer-key-deletion-unprotected': {
    'fail-key-removal-destroy': (stack) => {
      new kms.Key(stack, 'Key', { enableKeyRotation: true, removalPolicy: RemovalPolicy.DESTROY });
    },
    'fail-key-short-pending-window': (stack) => {
      new kms.Key(stack, 'Key', { enableKeyRotation: true, pendingWindow: Duration.days(7) });
    },
    // The default removal policy of kms.Key is RETAIN (both policies Retain), the window 30 days.
    'pass-key-default-retain': (stack) => {
      new kms.Key(stack, 'Key', { enableKeyRotation: true });
    },
  },
  'key-policy-wildcard-principal': {
    'fail-any-principal': (stack) => {
      new kms.Key(stack, 'Key', { enableKeyRotation: true }).addToResourcePolicy(
        new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: ['kms:Decrypt'], resources: ['*'] }),
      );
    },
    'pass-any-principal-caller-account': (stack) => {
      new kms.Key(stack, 'Key', { enableKeyRotation: true }).addToResourcePolicy(
        new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: ['kms:Decrypt'], resources: ['*'], conditions: { StringEquals: { 'kms:CallerAccount': '111122223333' } } }),
      );
    },
  },
  'requirement-customer-managed': {
    // cases.json requires a customer managed key for construct paths App/Payments/**.
    'fail-payments-bucket-kms-managed': (stack) => {
      new s3.Bucket(new Construct(stack, 'Payments'), 'Data', { encryption: s3.BucketEncryption.KMS_MANAGED });
    },
    'pass-payments-bucket-customer-key': (stack) => {
      const payments = new Construct(stack, 'Payments');
      new s3.Bucket(payments, 'Data', { encryptionKey: new kms.Key(payments, 'Key', { enableKeyRotation: true }) });
    },
    'pass-path-not-matched': (stack) => {
      new s3.Bucket(new Construct(stack, 'Reports'), 'Data', { encryption: s3.BucketEncryption.KMS_MANAGED });
    },
  },
  'unresolved-key-reference': {
    // A key ARN from a CfnParameter without a default is known only at deploy time.
    'fail-key-from-parameter': (stack) => {
      const arn = new CfnParameter(stack, 'QueueKeyArn', { type: 'String' });
      new sqs.Queue(stack, 'Queue', { encryptionMasterKey: kms.Key.fromKeyArn(stack, 'QueueKey', arn.valueAsString) });
    },
    'pass-key-from-parameter-with-default': (stack) => {
      const arn = new CfnParameter(stack, 'QueueKeyArn', { type: 'String', default: KEY_ARN });
      new sqs.Queue(stack, 'Queue', { encryptionMasterKey: kms.Key.fromKeyArn(stack, 'QueueKey', arn.valueAsString) });
    },
  },
  'cross-account-aws-managed-key': {
    // A bucket on KMS_MANAGED (alias/aws/s3) read by another account: that account cannot decrypt.
    'fail-bucket-granted-to-other-account': (stack) => {
      new s3.Bucket(stack, 'Data', { encryption: s3.BucketEncryption.KMS_MANAGED }).grantRead(new iam.AccountPrincipal('444455556666'));
    },
    'pass-bucket-granted-to-own-account': (stack) => {
      new s3.Bucket(stack, 'Data', { encryption: s3.BucketEncryption.KMS_MANAGED }).grantRead(new iam.AccountPrincipal('111122223333'));
    },
  },
  'implicit-aws-managed-key': {
    'fail-bucket-kms-managed': (stack) => {
      new s3.Bucket(stack, 'Data', { encryption: s3.BucketEncryption.KMS_MANAGED });
    },
    'pass-bucket-customer-key': (stack) => {
      new s3.Bucket(stack, 'Data', { encryptionKey: new kms.Key(stack, 'Key', { enableKeyRotation: true }) });
    },
  },
  'service-publisher-aws-managed-key': {
    // SqsSubscription refuses this combination at synth; the plain Subscription construct does not.
    'fail-topic-to-kms-managed-queue': (stack) => {
      const queue = new sqs.Queue(stack, 'Queue', { encryption: sqs.QueueEncryption.KMS_MANAGED });
      new sns.Subscription(stack, 'Subscription', { topic: new sns.Topic(stack, 'Topic'), endpoint: queue.queueArn, protocol: sns.SubscriptionProtocol.SQS });
    },
    'pass-topic-to-customer-key-queue': (stack) => {
      const queue = new sqs.Queue(stack, 'Queue', { encryptionMasterKey: new kms.Key(stack, 'Key', { enableKeyRotation: true }) });
      new sns.Subscription(stack, 'Subscription', { topic: new sns.Topic(stack, 'Topic'), endpoint: queue.queueArn, protocol: sns.SubscriptionProtocol.SQS });
    },
  },
  'key-policy-lockout': {
    // With an explicit `policy`, kms.Key adds no root statement (the defaultKeyPolicies flag, always on
    // in aws-cdk-lib v2, only adds it when `policy` is absent): the synthesized KeyPolicy has only the app role.
    'fail-policy-app-role-only': (stack) => {
      new kms.Key(stack, 'Key', { enableKeyRotation: true, policy: new iam.PolicyDocument({ statements: [appRoleStatement()] }) });
    },
    'pass-policy-with-account-root': (stack) => {
      new kms.Key(stack, 'Key', {
        enableKeyRotation: true,
        policy: new iam.PolicyDocument({
          statements: [new iam.PolicyStatement({ principals: [new iam.AccountRootPrincipal()], actions: ['kms:*'], resources: ['*'] }), appRoleStatement()],
        }),
      });
    },
  },
  'requirement-rotation': {
    // cases.json requires rotation every 90 days or less for construct paths App/Quarterly/**.
    // KMS_MANAGED is alias/aws/s3, rotated yearly by AWS.
    'fail-bucket-kms-managed': (stack) => {
      new s3.Bucket(new Construct(stack, 'Quarterly'), 'Data', { encryption: s3.BucketEncryption.KMS_MANAGED });
    },
    'pass-bucket-key-rotation-90-days': (stack) => {
      const scope = new Construct(stack, 'Quarterly');
      new s3.Bucket(scope, 'Data', { encryptionKey: new kms.Key(scope, 'Key', { enableKeyRotation: true, rotationPeriod: Duration.days(90) }) });
    },
  },
  'requirement-deletion': {
    // cases.json requires a deletable (crypto-shreddable) key for App/Customers/**.
    'fail-table-aws-managed': (stack) => {
      table(new Construct(stack, 'Customers'), { encryption: dynamodb.TableEncryption.AWS_MANAGED });
    },
    'pass-table-customer-key': (stack) => {
      const scope = new Construct(stack, 'Customers');
      table(scope, { encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED, encryptionKey: new kms.Key(scope, 'Key', { enableKeyRotation: true }) });
    },
  },
  'requirement-disable': {
    // cases.json requires a key that can be disabled for App/Events/**. sqs.Queue defaults to SQS_MANAGED (SSE-SQS, AWS owned).
    'fail-queue-default-sse-sqs': (stack) => {
      new sqs.Queue(new Construct(stack, 'Events'), 'Queue');
    },
    'pass-queue-customer-key': (stack) => {
      const scope = new Construct(stack, 'Events');
      new sqs.Queue(scope, 'Queue', { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: new kms.Key(scope, 'Key', { enableKeyRotation: true }) });
    },
  },
  'requirement-key-policy': {
    // cases.json requires a key whose policy you write for App/Api/**. A Secret without encryptionKey uses alias/aws/secretsmanager.
    'fail-secret-default-key': (stack) => {
      new secretsmanager.Secret(new Construct(stack, 'Api'), 'Secret');
    },
    'pass-secret-customer-key': (stack) => {
      const scope = new Construct(stack, 'Api');
      new secretsmanager.Secret(scope, 'Secret', { encryptionKey: new kms.Key(scope, 'Key', { enableKeyRotation: true }) });
    },
  },
  'requirement-imported-material': {
    // cases.json requires imported key material for App/Archive/**. kms.Key has no origin prop (always AWS_KMS).
    'fail-bucket-kms-generated-key': (stack) => {
      const scope = new Construct(stack, 'Archive');
      new s3.Bucket(scope, 'Data', { encryptionKey: new kms.Key(scope, 'Key', { enableKeyRotation: true }) });
    },
    'pass-bucket-external-origin-key': (stack) => {
      const scope = new Construct(stack, 'Archive');
      const key = new kms.CfnKey(scope, 'Key', {
        origin: 'EXTERNAL',
        keyPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }] },
      });
      key.applyRemovalPolicy(RemovalPolicy.RETAIN);
      new s3.Bucket(scope, 'Data', { encryptionKey: kms.Key.fromCfnKey(key) });
    },
  },
  'requirement-multi-region': {
    // cases.json requires a multi-Region key for App/Orders/**.
    'fail-table-single-region-key': (stack) => {
      const scope = new Construct(stack, 'Orders');
      table(scope, { encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED, encryptionKey: new kms.Key(scope, 'Key', { enableKeyRotation: true }) });
    },
    'pass-table-multi-region-key': (stack) => {
      const scope = new Construct(stack, 'Orders');
      table(scope, { encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED, encryptionKey: new kms.Key(scope, 'Key', { enableKeyRotation: true, multiRegion: true }) });
    },
  },
  'requirement-audit': {
    // cases.json requires key use in the account's CloudTrail for App/Ledger/**. The table default is an
    // AWS owned key (not logged); AWS_MANAGED (alias/aws/dynamodb) is logged like a customer key.
    'fail-table-default-aws-owned': (stack) => {
      table(new Construct(stack, 'Ledger'));
    },
    'pass-table-aws-managed': (stack) => {
      table(new Construct(stack, 'Ledger'), { encryption: dynamodb.TableEncryption.AWS_MANAGED });
    },
  },
};

for (const [rule, cases] of Object.entries(fixtures)) {
  for (const [name, build] of Object.entries(cases)) {
    const outdir = join('fixtures', 'cdk', rule, name);
    rmSync(outdir, { recursive: true, force: true });
    const app = new App({
      outdir,
      builtinCloudFormationValidation: false,
      stackTraces: false,
      analyticsReporting: false,
      treeMetadata: false,
      // No asset bundling (none of these apps has assets; this keeps it so).
      context: { 'aws:cdk:bundling-stacks': [] },
    });
    build(new Stack(app, 'App', { env: ENV }));
    app.synth();
    console.log(outdir);
  }
}
