// Built once per run over the whole input set: every encryptable resource's effective key.
// Rules, reporters, the editor server and the CDK Aspect all read this one model.
import type { AnalysedResource, Resource, Template } from '../model/types.js';
import { catalogEntry } from '../catalog/index.js';
import { analyseResource } from './effective-key.js';
import { Evaluator, type ExportIndex } from './evaluate.js';
import { isRecord, own } from '../util/objects.js';
import type { RelationGraph } from './relations.js';
import { buildRelationGraph } from './sharing.js';

export interface Analysis {
  templates: Template[];
  resources: AnalysedResource[];
  /** Analysed resources by template and id. */
  byResource: Map<Template, Map<string, AnalysedResource>>;
  exports: ExportIndex;
  /** The branch-free evaluator of a template, made once and shared by every rule. */
  evaluatorFor(template: Template): Evaluator;
  /** Resources (or templates) the analysis could not finish; the engine reports each as `internal-error`. */
  failures: AnalysisFailure[];
  /** How resources relate (sharing, publishers, origins, keys), built once from the catalog's relation rows. */
  relations: RelationGraph;
}

/** One resource or template whose analysis threw: it is left out, the rest of the set is analysed. */
export interface AnalysisFailure {
  /** `key`: its effective key; `sharing`: its relation edges (sharing, publishers, origins…); `exports`: its Outputs. */
  stage: 'key' | 'sharing' | 'exports';
  template: Template;
  resource?: Resource;
  error: unknown;
}

export function analyse(templates: Template[]): Analysis {
  const failures: AnalysisFailure[] = [];
  const exports = buildExportIndex(templates, failures);
  const resources: AnalysedResource[] = [];
  const byResource = new Map<Template, Map<string, AnalysedResource>>();
  for (const template of templates) {
    const map = new Map<string, AnalysedResource>();
    byResource.set(template, map);
    // Terraform: a side resource that sets another resource's key is analysed as that resource
    // (Resource.keySource) and not reported on its own; data sources and module calls are not declared here.
    const sides = new Set(template.resources.flatMap((r) => (r.keySource ? [r.keySource.resource] : [])));
    for (const resource of template.resources) {
      if (resource.terraformMode || sides.has(resource)) continue;
      const entry = catalogEntry(resource.keySource?.slotsType ?? resource.type);
      if (!entry) continue;
      let analysed: AnalysedResource;
      try {
        analysed = analyseResource(resource.keySource?.resource ?? resource, entry.row, entry.slots, exports);
      } catch (error) {
        // One hostile resource must not cost the other resources and templates their analysis.
        failures.push({ stage: 'key', template, resource, error });
        continue;
      }
      analysed.resource = resource;
      if (analysed.variants.length === 0) continue; // its Condition is false in every case
      // A type known only by its key properties says nothing useful until a key is named.
      if (entry.row.generic && analysed.variants.every((v) => !v.primary.named && v.secondary.length === 0)) continue;
      // Configured to keep nothing under a key in every branch: not an encryptable resource here.
      if (analysed.variants.every((v) => v.primary.nothingStored && v.secondary.length === 0)) continue;
      resources.push(analysed);
      map.set(resource.id, analysed);
    }
  }
  const evaluators = new Map<Template, Evaluator>();
  const evaluatorFor = (t: Template): Evaluator => {
    let ev = evaluators.get(t);
    if (!ev) evaluators.set(t, (ev = new Evaluator(t, {}, exports)));
    return ev;
  };
  const relations = buildRelationGraph(templates, evaluatorFor, resources, failures);
  return { templates, resources, byResource, exports, evaluatorFor, failures, relations };
}

/** `Outputs.*.Export.Name` of every CloudFormation template, for `Fn::ImportValue` across the set. */
function buildExportIndex(templates: Template[], failures: AnalysisFailure[]): ExportIndex {
  const index = new Map<string, { template: Template; value: unknown }>();
  for (const template of templates) {
    try {
      for (const output of Object.values(template.outputs)) {
        if (!isRecord(output)) continue;
        const name = own(own(output, 'Export'), 'Name');
        if (typeof name === 'string' && !index.has(name)) index.set(name, { template, value: own(output, 'Value') });
      }
    } catch (error) {
      failures.push({ stage: 'exports', template, error });
    }
  }
  return { lookup: (name) => index.get(name) };
}
