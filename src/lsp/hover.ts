// Hover on a resource: its effective key, why, under which condition branch, and for a key resource
// the resources it protects. Markdown; every value from the analysis, nothing decided here.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { AnalysedResource, Analysis, EffectiveKey, Resource } from '../index.js';
import { keyChoices, resourceAt, type KeyChoice } from './resource-at.js';

const KEY_RESOURCE_TYPES = new Set(['AWS::KMS::Key', 'AWS::KMS::ReplicaKey', 'aws_kms_key', 'aws_kms_replica_key', 'aws_kms_external_key', 'aws_kms_replica_external_key']);

export function hoverAt(analysis: Analysis, file: string, pos: Position): Hover | undefined {
  const at = resourceAt(analysis, file, pos);
  if (!at) return undefined;
  const sections = [`**${code(at.resource.id)}** · ${code(at.resource.type)}`];
  if (at.analysed) sections.push(...keySections(at.analysed));
  if (KEY_RESOURCE_TYPES.has(at.resource.type)) sections.push(protectedSection(analysis, at.resource, file));
  if (sections.length === 1) return undefined; // neither encryptable nor a key: nothing to say
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n') }, range: at.range };
}

function keySections(a: AnalysedResource): string[] {
  return keyChoices(a).map((c) => {
    const head = [c.branch ? `When ${code(c.branch)}` : '', c.purpose === 'data' ? 'Key' : `${capitalised(c.purpose)} key`].filter(Boolean).join(', ');
    const uncertain = c.resolved.uncertain ? ' *(the catalog is not certain of this default)*' : '';
    return `${head}: ${describeKey(c.resolved.key)}${uncertain}\n\n${escapeMarkdown(c.resolved.reason)}`;
  });
}

function protectedSection(analysis: Analysis, key: Resource, file: string): string {
  const protectedBy: { resource: Resource; choice: KeyChoice }[] = [];
  for (const a of analysis.resources) {
    for (const choice of keyChoices(a)) if (choice.resolved.keyResource === key) protectedBy.push({ resource: a.resource, choice });
  }
  if (!protectedBy.length) return 'Protects no resource of the analysed templates.';
  const lines = protectedBy.map(({ resource, choice }) => {
    const where = resource.template.doc.file !== file ? ` in ${code(resource.template.doc.file)}` : '';
    const purpose = choice.purpose === 'data' ? '' : ` (${choice.purpose} key)`;
    const branch = choice.branch ? ` when ${code(choice.branch)}` : '';
    return `- ${code(resource.id)} · ${code(resource.type)}${purpose}${where}${branch}`;
  });
  return `Protects:\n${[...new Set(lines)].join('\n')}`;
}

export function describeKey(key: EffectiveKey): string {
  const how = key.origin === 'explicit' ? ', named' : key.origin === 'implicit' ? ', by default' : '';
  switch (key.kind) {
    case 'customer-managed':
      return `**customer managed**${key.keyRef ? ` ${code(key.keyRef)}` : ''}${key.external ? ' (not declared in the analysed templates)' : ''}${how}`;
    case 'aws-managed':
      return `**AWS managed** ${key.alias ? code(key.alias) : ''}${how}`;
    case 'aws-owned':
      return `**AWS owned**${how}`;
    case 'none':
      return '**no KMS encryption**';
    default:
      return `**unknown**${key.keyRef ? ` ${code(key.keyRef)}` : ''}`;
  }
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** An inline code span that holds any text (a backtick inside widens the fence). */
function code(s: string): string {
  const fence = s.includes('`') ? '``' : '`';
  return `${fence}${fence.length > 1 ? ' ' : ''}${s}${fence.length > 1 ? ' ' : ''}${fence}`;
}

function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}
