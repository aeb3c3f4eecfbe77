// Regenerates the CDK rule fixtures (fixtures/cdk/<rule-id>/<case>/, real cloud assemblies) from the
// small apps below. Run from the repo root after changing an app or upgrading aws-cdk-lib:
//   npx tsx test/helpers/cdk-fixtures.ts
// then update the lines in each cases.json if the templates moved. Keep the apps small: no Lambda
// code, no custom resources (autoDeleteObjects, bucket deployments), so no assets are written.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { App, CfnParameter, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';

process.env.CDK_VALIDATION = 'false';
const ENV = { account: '111122223333', region: 'eu-west-1' };

/** A distribution serving `bucket` through an origin access control (OAC). */
function siteDistribution(stack: Stack, bucket: s3.IBucket): void {
  new cloudfront.Distribution(stack, 'Site', { defaultBehavior: { origin: origins.S3BucketOrigin.withOriginAccessControl(bucket) } });
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
