// Quick fixes: a suppression with an empty reason for the author to write (CloudFormation Metadata;
// Terraform has none, so an override in the config), and the mechanical key fixes: the service's
// own AWS managed alias for `aws-managed-key-wrong-service`, or a customer key declared in the
// same template instead of an AWS managed alias.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Analysis, Finding, SourceDocument, Template } from '../index.js';
import { insertListEntry } from './insert-entry.js';
import { keyChoices, keyTemplateOf, templatesOf } from './resource-at.js';
import { overlaps, toRange } from './ranges.js';

/** Findings no suppression can hide (the engine's own, and a broken suppression itself). */
const UNSUPPRESSIBLE = new Set(['parse-error', 'internal-error', 'invalid-suppression']);
const REASON_PROMPT = 'write why this finding is accepted; an empty reason suppresses nothing';
const SUPPRESSION_KEYS = ['Metadata', 'kmslint', 'ignore'];
const DECLARED_KEY_TYPES = new Set(['AWS::KMS::Key']);

export interface ActionContext {
  uri: string;
  file: string;
  analysis: Analysis;
  /** The document's findings as published, each beside its diagnostic. */
  findings: readonly { finding: Finding; diagnostic: Diagnostic }[];
  range: Range;
  /** The workspace folder's config file and its text, for Terraform suppressions. */
  config?: { uri: string; doc: SourceDocument };
  /** Where a new config file would go when there is none, if the client can create files. */
  newConfigUri?: string;
}

export function codeActions(ctx: ActionContext): CodeAction[] {
  const templates = templatesOf(ctx.analysis, ctx.file);
  const hit = ctx.findings.filter((f) => overlaps(f.diagnostic.range, ctx.range));
  return [...keyFixes(ctx, templates, hit), ...hit.flatMap((f) => suppression(ctx, templates, f.finding, f.diagnostic))];
}

function suppression(ctx: ActionContext, templates: Template[], finding: Finding, diagnostic: Diagnostic): CodeAction[] {
  if (UNSUPPRESSIBLE.has(finding.ruleId)) return [];
  const template = templates.find((t) => !finding.resource || t.resourcesById.has(finding.resource.id)) ?? templates[0];
  if (!template) return [];
  const resource = finding.resource ? template.resourcesById.get(finding.resource.id) : undefined;
  const what = resource ? resource.id : 'this template';
  if (template.format === 'cloudformation' || template.format === 'cdk') {
    const edit = insertListEntry({ doc: template.doc, at: resource ? resource.path : [], keys: SUPPRESSION_KEYS, entry: { rule: finding.ruleId, reason: '' }, comment: REASON_PROMPT });
    if (!edit) return [];
    return [action(`Suppress ${finding.ruleId} for ${what} (Metadata; write the reason)`, { changes: { [ctx.uri]: [edit] } }, [diagnostic])];
  }
  // Terraform has no resource metadata: the config switches the rule off for the address.
  if (!resource) return [];
  const entry = { resources: [resource.id], rules: { [finding.ruleId]: 'off' } };
  const comment = `reason: ${REASON_PROMPT.replace(/; .*/, '')}`;
  if (ctx.config) {
    const packageJson = /(^|\/)package\.json$/.test(ctx.config.doc.file);
    const edit = insertListEntry({ doc: ctx.config.doc, at: packageJson ? ['kmslint'] : [], keys: ['overrides'], entry, comment });
    if (!edit) return [];
    return [action(`Switch ${finding.ruleId} off for ${resource.id} in the kmslint config`, { changes: { [ctx.config.uri]: [edit] } }, [diagnostic])];
  }
  if (!ctx.newConfigUri) return [];
  const text = `# kmslint configuration (see kmslint init for every setting)\noverrides:\n  - resources:\n      - ${JSON.stringify(resource.id)}\n    rules:\n      ${finding.ruleId}: "off" # ${comment}\n`;
  const edit: WorkspaceEdit = {
    documentChanges: [
      { kind: 'create', uri: ctx.newConfigUri, options: { ignoreIfExists: true } },
      { textDocument: { uri: ctx.newConfigUri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] },
    ],
  };
  return [action(`Switch ${finding.ruleId} off for ${resource.id} in a new .kmslintrc.yaml`, edit, [diagnostic])];
}

function keyFixes(ctx: ActionContext, templates: Template[], hit: readonly { finding: Finding; diagnostic: Diagnostic }[]): CodeAction[] {
  const out: CodeAction[] = [];
  const seen = new Set<string>();
  for (const analysed of ctx.analysis.resources) {
    const template = keyTemplateOf(analysed);
    if (!templates.includes(template)) continue;
    for (const choice of keyChoices(analysed)) {
      const key = choice.resolved.key;
      if (key.kind !== 'aws-managed' || key.origin !== 'explicit' || !key.alias || !overlaps(choice.range, ctx.range)) continue;
      const written = valueAt(template.doc.root, choice.resolved.at);
      const loc = template.doc.locate(choice.resolved.at);
      if (typeof written !== 'string' || !loc) continue;
      const valueRange = toRange(loc);
      const source = textIn(template.doc.text, valueRange);
      const related = hit.filter((f) => f.finding.resource?.id === analysed.resource.id && overlaps(f.diagnostic.range, choice.range)).map((f) => f.diagnostic);
      const add = (title: string, edit: TextEdit, preferred: boolean) => {
        const id = `${edit.range.start.line}:${edit.range.start.character}:${edit.newText}`;
        if (seen.has(id)) return;
        seen.add(id);
        out.push({ ...action(title, { changes: { [ctx.uri]: [edit] } }, related, related.length ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite), ...(preferred ? { isPreferred: true } : {}) });
      };
      const expected = choice.resolved.expectedAlias;
      const at = source.indexOf(key.alias);
      if (expected && expected !== key.alias && choice.resolved.aliasKnown !== false && at !== -1 && source.indexOf(key.alias, at + 1) === -1) {
        const start = { line: valueRange.start.line, character: valueRange.start.character + at };
        // A value on one line is the only kind a string alias is written as; a folded one is left alone.
        if (valueRange.start.line === valueRange.end.line) add(`Use ${expected}, the AWS managed key of ${analysed.resource.type}`, { range: { start, end: { line: start.line, character: start.character + key.alias.length } }, newText: expected }, true);
      }
      if (template.format !== 'cloudformation') continue;
      const json = /^\s*[{[]/.test(template.doc.text) && !/\.ya?ml$/i.test(template.doc.file);
      for (const declared of template.resources.filter((r) => DECLARED_KEY_TYPES.has(r.type))) {
        const newText = json ? `{ "Ref": ${JSON.stringify(declared.id)} }` : `!Ref ${declared.id}`;
        add(`Use the customer managed key ${declared.id} declared in this template (${newText})`, { range: valueRange, newText }, false);
      }
    }
  }
  return out;
}

function action(title: string, edit: WorkspaceEdit, diagnostics: Diagnostic[], kind: string = CodeActionKind.QuickFix): CodeAction {
  return { title, kind, edit, ...(diagnostics.length ? { diagnostics } : {}) };
}

function textIn(text: string, r: Range): string {
  const lines = text.split('\n');
  if (r.start.line === r.end.line) return (lines[r.start.line] ?? '').slice(r.start.character, r.end.character);
  return [lines[r.start.line]?.slice(r.start.character) ?? '', ...lines.slice(r.start.line + 1, r.end.line), lines[r.end.line]?.slice(0, r.end.character) ?? ''].join('\n');
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let cur = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}
