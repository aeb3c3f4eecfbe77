// Renders a rule's message template (`{{name}}` placeholders, ESLint style). A message id the rule
// does not declare, or a placeholder without a value, is a bug of the rule: it throws, and the
// engine reports it as that rule's internal error on the input.
import type { MessageData, RuleMeta } from '../rule-kit/types.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function renderMessage(meta: RuleMeta, messageId: string, data: MessageData | undefined): string {
  const template = Object.prototype.hasOwnProperty.call(meta.messages, messageId) ? meta.messages[messageId] : undefined;
  if (template === undefined) throw new Error(`rule ${meta.id} reported message id "${messageId}", which its meta.messages does not declare`);
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = data && Object.prototype.hasOwnProperty.call(data, name) ? data[name] : undefined;
    if (value === undefined) throw new Error(`rule ${meta.id} left placeholder {{${name}}} of message "${messageId}" without a value`);
    return String(value);
  });
}

/** The placeholder names of a template, for tests and rule authors. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}
