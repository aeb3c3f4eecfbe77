// Synth time of a 100-resource CDK app with and without the KmsLintAspect (issue 10), median of runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Aspects, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { KmsLintAspect } from '../src/cdk/index.js';

const ENV = { account: '111122223333', region: 'eu-west-1' };

/** Two stacks, each a key, 25 queues on it and 24 buckets (half on alias/aws/s3): 100 resources. */
function hundredResourceApp(outdir: string): App {
  const app = new App({ outdir, stackTraces: false, analyticsReporting: false });
  for (const name of ['One', 'Two']) {
    const stack = new Stack(app, name, { env: ENV });
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    for (let i = 0; i < 25; i++) new sqs.Queue(stack, `Queue${i}`, { encryptionMasterKey: key });
    for (let i = 0; i < 24; i++) new s3.Bucket(stack, `Bucket${i}`, { encryption: i % 2 ? s3.BucketEncryption.KMS_MANAGED : s3.BucketEncryption.S3_MANAGED });
  }
  return app;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function cdkSynthTimes(runs: number): { withoutMs: number; withMs: number } {
  const times = { without: [] as number[], with: [] as number[] };
  for (let i = 0; i < runs; i++) {
    for (const mode of ['without', 'with'] as const) {
      const outdir = mkdtempSync(join(tmpdir(), 'kmslint-bench-cdk-'));
      try {
        const app = hundredResourceApp(outdir);
        if (mode === 'with') Aspects.of(app).add(new KmsLintAspect({ config: {} }));
        const start = performance.now();
        app.synth();
        times[mode].push(performance.now() - start);
      } finally {
        rmSync(outdir, { recursive: true, force: true });
      }
    }
  }
  return { withoutMs: median(times.without), withMs: median(times.with) };
}
