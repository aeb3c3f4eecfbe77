// `Aspects.of(app).add(new KmsLintAspect())`: lints every stack of the app (or Stage) together once CDK
// has prepared it, and annotates the construct behind each finding.
import { Annotations, type IAspect, type Stage } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { Finding } from '../model/findings.js';
import type { KmsLintOptions } from './options.js';
import { assemblyRootOf, readStageTemplates, type StageTemplates } from './stage-assembly.js';
import { findingText, lintForCdk, type CdkLintRun } from './findings.js';

/**
 * An Aspect only sees constructs, and runs before CDK resolves cross-stack references; templates exist
 * only later. So the Aspect registers one read-only tree validation (`node.addValidation`) on the
 * assembly root it is applied in; CDK runs it after preparation and before writing cdk.out, when the
 * templates are final and annotations still reach the cloud assembly. CDK does not carry Aspects into
 * a Stage: add the Aspect to each Stage as well (`Aspects.of(stage).add(aspect)`).
 */
export class KmsLintAspect implements IAspect {
  private readonly registered = new WeakSet<Stage>();
  /** Constructs in the Aspect's scope: only they (or their nearest such ancestor) are annotated. */
  private readonly inScope = new WeakSet<IConstruct>();

  constructor(private readonly options: KmsLintOptions = {}) {}

  visit(node: IConstruct): void {
    this.inScope.add(node);
    const root = assemblyRootOf(node);
    if (!root || this.registered.has(root)) return;
    this.registered.add(root);
    root.node.addValidation({
      validate: () => {
        this.check(root);
        return []; // findings are annotations, so the CDK CLI reports (and fails on) them as its own
      },
    });
  }

  private check(root: Stage): void {
    const templates = readStageTemplates(root);
    const run = lintForCdk([templates.input], this.options);
    for (const f of run.shown) this.annotate(root, templates, run, f);
  }

  private annotate(root: Stage, templates: StageTemplates, run: CdkLintRun, f: Finding): void {
    const target = this.ownerOf(root, templates, f);
    if (!target) return;
    const text = findingText(f, run.result);
    const annotations = Annotations.of(target);
    if (f.severity === 'error') annotations.addError(text);
    else if (f.severity === 'warning') annotations.addWarning(text);
    else annotations.addInfo(text);
  }

  /** The construct at the finding's construct path, else its stack, climbing to one in scope. */
  private ownerOf(root: Stage, templates: StageTemplates, f: Finding): IConstruct | undefined {
    const path = f.resource?.path;
    let node: IConstruct | undefined = (path !== undefined ? findByPath(root, path) : undefined) ?? templates.stacksByFile.get(f.file) ?? root;
    while (node && !this.inScope.has(node)) node = node.node.scope;
    return node;
  }
}

/** `Stack/Bucket/Resource` (a path from the assembly root) → that construct. */
function findByPath(root: Stage, path: string): IConstruct | undefined {
  let node: IConstruct | undefined = root;
  const prefix = root.node.path;
  const rel = prefix && path.startsWith(`${prefix}/`) ? path.slice(prefix.length + 1) : path;
  for (const id of rel.split('/')) {
    node = node.node.tryFindChild(id);
    if (!node) return undefined;
  }
  return node;
}
