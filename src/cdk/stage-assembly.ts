// The templates of one assembly (an App or a Stage) while it is being synthesized, after CDK has
// prepared it (cross-stack references, nested stack assets) and before it writes cdk.out. Each stack's
// own synthesizer writes it, through the public `IStackSynthesizer.synthesize(session)`, into a
// scratch cloud assembly that is read like cdk.out and then removed. Nothing of the app is changed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Stack, Stage } from 'aws-cdk-lib';
import { CloudAssemblyBuilder } from 'aws-cdk-lib/cx-api';
import type { IConstruct } from 'constructs';
import { loadFile, type LoadedInput } from '../inputs/load.js';

export interface StageTemplates {
  input: LoadedInput;
  /** The stacks (nested ones included) of the assembly, by the template file reported for each. */
  stacksByFile: Map<string, Stack>;
}

/** Stacks whose templates belong to `root`'s assembly: not those of a Stage inside it. */
export function stacksOf(root: Stage): Stack[] {
  return root.node.findAll().filter((c): c is Stack => Stack.isStack(c) && Stage.of(c) === root);
}

/**
 * Synthesize `root`'s stacks into a scratch directory and load them as one cloud assembly. Files are
 * reported where CDK will write them (`root.outdir`), so locations match `kmslint cdk.out`.
 */
export function readStageTemplates(root: Stage): StageTemplates {
  const scratch = mkdtempSync(join(tmpdir(), 'kmslint-cdk-'));
  try {
    const assembly = new CloudAssemblyBuilder(scratch);
    const stacks = stacksOf(root);
    for (const stack of stacks) stack.synthesizer.synthesize({ outdir: scratch, assembly });
    assembly.buildAssembly();
    const input = loadFile(scratch, { explicit: true, display: root.outdir });
    const stacksByFile = new Map(stacks.map((s) => [join(root.outdir, s.templateFile), s]));
    return { input, stacksByFile };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The Stage (or App) whose assembly holds `node`'s templates. */
export function assemblyRootOf(node: IConstruct): Stage | undefined {
  return Stage.isStage(node) ? node : Stage.of(node);
}
