// Synthesize a small CDK app into a temporary cloud assembly for tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import * as cxapi from 'aws-cdk-lib/cx-api';

// CDK's own synth-time CloudFormation validation is the slow part of synth; kmslint does not need it.
process.env.CDK_VALIDATION = 'false';

export const ENV = { account: '111122223333', region: 'eu-west-1' } as const;

const dirs: string[] = [];

export interface SynthOptions {
  /** Write `aws:cdk:path` and `aws:asset:path` template metadata as the CDK CLI does. */
  cliMetadata?: boolean;
}

/** Build an app with `build`, synthesize it, and return the assembly directory. */
export function synthApp(build: (app: App) => void, options: SynthOptions = {}): string {
  const outdir = mkdtempSync(join(tmpdir(), 'kmslint-cdk-'));
  dirs.push(outdir);
  const context: Record<string, unknown> = options.cliMetadata
    ? { [cxapi.PATH_METADATA_ENABLE_CONTEXT]: true, [cxapi.ASSET_RESOURCE_METADATA_ENABLED_CONTEXT]: true }
    : {};
  const app = new App({ outdir, context, builtinCloudFormationValidation: false, stackTraces: false, analyticsReporting: false });
  build(app);
  app.synth();
  return outdir;
}

/** Remove every assembly written by `synthApp`. */
export function cleanupApps(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}
