// Which resource (and which of its key choices) a position in a document is on: its logical id line,
// or the property where its key is chosen. Hover and the quick fixes both ask here.
import type { Position, Range } from 'vscode-languageserver';
import type { AnalysedResource, Analysis, ResolvedKey, Resource, Template } from '../index.js';
import { contains, toRange } from './ranges.js';

export interface KeyChoice {
  purpose: string;
  resolved: ResolvedKey;
  /** Condition branch of the variant, `Cond=true, Other=false`, or empty. */
  branch: string;
  /** From the key of the property to the end of its value. */
  range: Range;
}

export interface ResourceAt {
  resource: Resource;
  analysed?: AnalysedResource;
  /** The hovered range: the logical id line, or the key property. */
  range: Range;
}

export function templatesOf(analysis: Analysis, file: string): Template[] {
  return analysis.templates.filter((t) => t.doc.file === file);
}

/** Where a resource's key properties are written: a Terraform bucket's key is set on its side resource. */
export function keyTemplateOf(a: AnalysedResource): Template {
  return a.resource.keySource?.resource.template ?? a.resource.template;
}

/** Every key choice of an analysed resource, per variant and purpose, with its range. */
export function keyChoices(a: AnalysedResource): KeyChoice[] {
  const out: KeyChoice[] = [];
  for (const v of a.variants) {
    const branch = Object.entries(v.branch).map(([k, b]) => `${k}=${b}`).join(', ');
    for (const k of [{ purpose: 'data', resolved: v.primary }, ...v.secondary]) {
      const loc = safeLocate(keyTemplateOf(a), k.resolved.at, true);
      if (loc) out.push({ purpose: k.purpose, resolved: k.resolved, branch, range: toRange(loc) });
    }
  }
  return out;
}

export function resourceAt(analysis: Analysis, file: string, pos: Position): ResourceAt | undefined {
  const templates = templatesOf(analysis, file);
  for (const template of templates) {
    const lines = template.doc.text.split('\n');
    for (const resource of template.resources) {
      const idLine = logicalIdRange(resource, lines);
      if (idLine && contains(idLine, pos)) return { resource, analysed: analysis.byResource.get(template)?.get(resource.id), range: idLine };
    }
  }
  for (const analysed of analysis.resources) {
    if (!templates.includes(keyTemplateOf(analysed))) continue;
    for (const choice of keyChoices(analysed)) {
      if (contains(choice.range, pos)) return { resource: analysed.resource, analysed, range: choice.range };
    }
  }
  return undefined;
}

/** The first line of a resource entry, from its logical id to the end of that line. */
export function logicalIdRange(resource: Resource, lines: readonly string[]): Range | undefined {
  const loc = safeLocate(resource.template, resource.path, true);
  if (!loc) return undefined;
  const start = toRange(loc).start;
  const lineEnd = lines[start.line]?.replace(/\r$/, '').length ?? start.character;
  return { start, end: { line: start.line, character: Math.max(start.character, lineEnd) } };
}

export function safeLocate(template: Template, path: readonly (string | number)[], key: boolean) {
  try {
    return template.doc.locate(path, key);
  } catch {
    return undefined;
  }
}
