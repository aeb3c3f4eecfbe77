import { createRule, NO_OPTIONS } from '../src/rule-kit/index.js';

// The engine turns every failure of a rule or of the analysis on one input into this rule's
// finding (always an error, never suppressed); the rule itself checks nothing.
export const rule = createRule({
  meta: {
    id: 'internal-error',
    defaultSeverity: 'error',
    group: 'information',
    description: 'kmslint failed on one input or rule; the run exits 2 and every other finding is kept.',
    messages: {
      ruleFailed: 'Rule {{rule}} failed on this input ({{cause}}), so its findings here are missing; every other input and rule was checked — please report this to kmslint',
      setFailed: 'Rule {{rule}} failed on the inputs taken together, though on each input alone it passes ({{cause}}), so its findings here are missing — please report this to kmslint',
      keyFailed: 'Analysing the key of {{resource}} failed ({{cause}}), so no rule checked it; every other resource was checked — please report this to kmslint',
      sharingFailed: 'Reading whom {{resource}} shares with or publishes to failed ({{cause}}), so the sharing rules did not see it; every other resource was checked — please report this to kmslint',
      exportsFailed: 'Reading the Outputs of this template failed ({{cause}}), so other templates cannot import its values — please report this to kmslint',
    },
    schema: NO_OPTIONS,
  },
  check() {},
});
