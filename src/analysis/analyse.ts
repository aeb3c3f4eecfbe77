// Built once per run over the whole input set: every encryptable resource's effective key.
// Rules, reporters, the editor server and the CDK Aspect all read this one model.
import type { AnalysedResource, Template } from '../model/types.js';
import { catalogEntry } from '../catalog/index.js';
import { analyseResource } from './effective-key.js';
import type { ExportIndex } from './evaluate.js';
import { isRecord, own } from '../util/objects.js';

export interface Analysis {
  templates: Template[];
  resources: AnalysedResource[];
  /** Analysed resources by template and id. */
  byResource: Map<Template, Map<string, AnalysedResource>>;
  exports: ExportIndex;
}

export function analyse(templates: Template[]): Analysis {
  const exports = buildExportIndex(templates);
  const resources: AnalysedResource[] = [];
  const byResource = new Map<Template, Map<string, AnalysedResource>>();
  for (const template of templates) {
    const map = new Map<string, AnalysedResource>();
    byResource.set(template, map);
    for (const resource of template.resources) {
      const entry = catalogEntry(resource.type);
      if (!entry) continue;
      const analysed = analyseResource(resource, entry.row, entry.slots, exports);
      if (analysed.variants.length === 0) continue; // its Condition is false in every case
      resources.push(analysed);
      map.set(resource.id, analysed);
    }
  }
  return { templates, resources, byResource, exports };
}

/** `Outputs.*.Export.Name` of every CloudFormation template, for `Fn::ImportValue` across the set. */
function buildExportIndex(templates: Template[]): ExportIndex {
  const index = new Map<string, { template: Template; value: unknown }>();
  for (const template of templates) {
    for (const output of Object.values(template.outputs)) {
      if (!isRecord(output)) continue;
      const name = own(own(output, 'Export'), 'Name');
      if (typeof name === 'string' && !index.has(name)) index.set(name, { template, value: own(output, 'Value') });
    }
  }
  return { lookup: (name) => index.get(name) };
}
