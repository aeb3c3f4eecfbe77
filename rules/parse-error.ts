import { createRule, NO_OPTIONS } from '../src/rule-kit/index.js';

// The engine turns every unreadable input into this rule's finding; the rule itself checks nothing.
export const rule = createRule({
  meta: {
    id: 'parse-error',
    defaultSeverity: 'error',
    group: 'information',
    description: 'An input could not be read or parsed; the run exits 2 after every other input is linted.',
    // The reader's own sentence (what is wrong, where): one cause per input, so one message id.
    messages: { unparsable: '{{reason}}' },
    schema: NO_OPTIONS,
  },
  check() {},
});
