import { createRule, NO_OPTIONS } from '../src/rule-kit/index.js';
import { awsManagedAlias, inReservedAliasNamespace } from '../src/analysis/classify-key.js';

/** Why the AWS managed namespace is off limits, the same for every way of touching it. */
const BECAUSE = 'AWS managed keys and the alias/aws/ prefix belong to AWS — their aliases, policies, grants, rotation and deletion cannot be changed, so this fails at deploy time';

const MESSAGES = {
  reservedAlias: `{{resource}} creates an alias in the reserved alias/aws/ namespace ({{alias}}); ${BECAUSE}`,
  aliasTarget: `{{resource}} points an alias at an AWS managed key ({{alias}}); ${BECAUSE}`,
  keyPolicy: `{{resource}} sets the key policy of an AWS managed key ({{alias}}); ${BECAUSE}`,
  grant: `{{resource}} creates a grant on an AWS managed key ({{alias}}); ${BECAUSE}`,
};

/** The message for each way of managing a key or alias (the catalog's `keyManagement` rows say where each is written). */
const MESSAGE_OF = { aliasName: 'reservedAlias', aliasTarget: 'aliasTarget', keyPolicy: 'keyPolicy', grant: 'grant' } as const;

export const rule = createRule({
  meta: {
    id: 'aws-managed-key-modification',
    defaultSeverity: 'error',
    group: 'misuse',
    description: 'The input tries to manage an AWS managed key (alias, policy, grant, rotation, deletion); AWS owns those keys.',
    messages: MESSAGES,
    schema: NO_OPTIONS,
  },
  check(ctx) {
    for (const edge of ctx.relations.ofKind('manages')) {
      const { from: r, text, what } = edge;
      // A new alias's name is reserved by its prefix alone, whatever Fn::Sub / Fn::Join / an
      // interpolation adds after it; a key reference must name an AWS managed key exactly.
      const alias = text === undefined ? undefined : what === 'aliasName' ? (inReservedAliasNamespace(text) ? text : undefined) : awsManagedAlias(text);
      if (!alias) continue;
      ctx.report({ resource: r, at: edge.at, counterpart: alias, messageId: MESSAGE_OF[what], data: { resource: r.id, alias } });
    }
  },
});
