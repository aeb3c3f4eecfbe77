// CloudFormation templates (JSON or YAML) → the shared Template model.
import type { Resource, SourceDocument, Template } from '../../model/types.js';
import { isRecord, own } from '../../util/objects.js';
import { isSamTemplate, mergeGlobals, type SourceMap } from './sam-globals.js';
import { withGlobalsSources } from './sam-document.js';

/** Contract §1: a mapping with `Resources` whose entries have `Type: AWS::…`, or `AWSTemplateFormatVersion`. */
export function isCloudFormationTemplate(root: unknown): boolean {
  if (!isRecord(root)) return false;
  if (own(root, 'AWSTemplateFormatVersion') !== undefined) return true;
  const resources = own(root, 'Resources');
  if (!isRecord(resources)) return false;
  return Object.values(resources).some((r) => typeof own(r, 'Type') === 'string' && /^[A-Za-z0-9]+::/.test(own(r, 'Type') as string));
}

export interface TemplateOptions {
  format?: Template['format'];
  stack?: string;
  accounts?: string[];
  region?: string;
  /** CDK: logical id → construct path from the manifest. */
  constructPaths?: Map<string, string>;
}

export function buildCloudFormationTemplate(doc: SourceDocument, options: TemplateOptions = {}): Template {
  const root = isRecord(doc.root) ? doc.root : {};
  const template: Template = {
    format: options.format ?? 'cloudformation',
    doc,
    stack: options.stack ?? stackNameFromFile(doc.file),
    resources: [],
    resourcesById: new Map(),
    parameters: recordOrEmpty(own(root, 'Parameters')),
    conditions: recordOrEmpty(own(root, 'Conditions')),
    mappings: recordOrEmpty(own(root, 'Mappings')),
    outputs: recordOrEmpty(own(root, 'Outputs')),
    metadata: isRecord(own(root, 'Metadata')) ? (own(root, 'Metadata') as Record<string, unknown>) : undefined,
    accounts: options.accounts ?? [],
    region: options.region,
  };
  const resources = own(root, 'Resources');
  if (!isRecord(resources)) return template;
  // SAM: Globals are merged into each AWS::Serverless::* resource, as the transform does.
  const sam = isSamTemplate(root);
  const globalsSources = new Map<string, SourceMap>();
  for (const [id, raw] of Object.entries(resources)) {
    if (!isRecord(raw)) continue;
    const type = own(raw, 'Type');
    if (typeof type !== 'string') continue;
    const merged = sam ? mergeGlobals(root, id, raw) : undefined;
    if (merged) globalsSources.set(id, merged.source);
    const props = merged ? merged.properties : own(raw, 'Properties');
    const metadata = isRecord(own(raw, 'Metadata')) ? (own(raw, 'Metadata') as Record<string, unknown>) : undefined;
    const cdkPath = own(metadata, 'aws:cdk:path');
    const resource: Resource = {
      id,
      type,
      properties: isRecord(props) ? props : undefined,
      propertiesPath: ['Resources', id, 'Properties'],
      path: ['Resources', id],
      template,
      constructPath: typeof cdkPath === 'string' ? cdkPath : options.constructPaths?.get(id),
      condition: typeof own(raw, 'Condition') === 'string' ? (own(raw, 'Condition') as string) : undefined,
      deletionPolicy: own(raw, 'DeletionPolicy'),
      updateReplacePolicy: own(raw, 'UpdateReplacePolicy'),
      metadata,
    };
    template.resources.push(resource);
    template.resourcesById.set(id, resource);
  }
  template.doc = withGlobalsSources(doc, globalsSources);
  return template;
}

function recordOrEmpty(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function stackNameFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/(\.template)?\.(json|ya?ml|template)$/i, '');
}
