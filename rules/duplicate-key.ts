import { createRule, NO_OPTIONS } from '../src/rule-kit/index.js';
import type { DocPath, SourceDocument, Template } from '../src/model/types.js';

/** Repeats reported per file; a file repeating more keys than this gets one closing finding with the rest counted. */
const MAX_REPORTED = 500;

// The readers record every repeated key (the last value is the one read, as CloudFormation deploys
// it); this rule only reports them, at the repeat, with the first occurrence as related location.
export const rule = createRule({
  meta: {
    id: 'duplicate-key',
    defaultSeverity: 'warning',
    group: 'information',
    description: 'A mapping repeats a key; the last value is used, as CloudFormation deploys it.',
    messages: {
      repeated: 'Key {{key}} is repeated in {{mapping}} (first at line {{firstLine}}); the value written last is the one read and deployed',
      more: '{{count}} more repeated keys in this file are not listed',
    },
    schema: NO_OPTIONS,
  },
  check(ctx) {
    const seen = new Set<SourceDocument>();
    for (const template of ctx.analysis.templates) {
      const doc = template.doc;
      if (seen.has(doc) || !doc.duplicateKeys) continue;
      seen.add(doc);
      // Occurrences of one key in one mapping are numbered, so each repeat is its own finding.
      const occurrence = new Map<string, number>();
      doc.duplicateKeys.forEach((d, index) => {
        if (index > MAX_REPORTED) return;
        if (index === MAX_REPORTED) {
          ctx.report({ template, at: d.path, range: d.second, messageId: 'more', counterpart: 'more', data: { count: doc.duplicateKeys!.length - MAX_REPORTED } });
          return;
        }
        const where = JSON.stringify(d.path);
        const n = (occurrence.get(where) ?? 1) + 1;
        occurrence.set(where, n);
        ctx.report({
          resource: resourceAt(template, d.path),
          template,
          at: d.path,
          range: d.second,
          messageId: 'repeated',
          counterpart: `${where}#${n}`,
          data: { key: String(d.path[d.path.length - 1]), mapping: mappingName(d.path.slice(0, -1)), firstLine: d.first.line },
          related: [{ template, at: d.path, range: d.first, message: 'first occurrence (its value is not used)' }],
        });
      });
    }
  },
});

/** The CloudFormation resource a repeated key belongs to, so the finding names it and its suppressions apply. */
function resourceAt(template: Template, path: DocPath) {
  if (template.format !== 'cloudformation' && template.format !== 'cdk') return undefined;
  return path[0] === 'Resources' && path.length >= 2 ? template.resourcesById.get(String(path[1])) : undefined;
}

function mappingName(path: DocPath): string {
  if (path.length === 0) return 'the top level of the template';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
