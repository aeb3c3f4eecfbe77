// Regenerates the CDK rule fixtures (fixtures/cdk/<rule-id>/<case>/, real cloud assemblies) from the
// small apps below. Run from the repo root after changing an app or upgrading aws-cdk-lib:
//   npx tsx test/helpers/cdk-fixtures.ts
// then update the lines in each cases.json if the templates moved.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';

process.env.CDK_VALIDATION = 'false';
const ENV = { account: '111122223333', region: 'eu-west-1' };

const fixtures: Record<string, Record<string, (stack: Stack) => void>> = {
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
    const app = new App({ outdir, builtinCloudFormationValidation: false, stackTraces: false, analyticsReporting: false, treeMetadata: false });
    build(new Stack(app, 'App', { env: ENV }));
    app.synth();
    console.log(outdir);
  }
}
