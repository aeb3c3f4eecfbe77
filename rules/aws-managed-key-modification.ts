import type { Rule } from '../src/engine/rule.js';
import { getPath } from '../src/analysis/effective-key.js';
import { awsManagedAlias, inReservedAliasNamespace } from '../src/analysis/classify-key.js';

/** Why the AWS managed namespace is off limits, the same for every way of touching it. */
const BECAUSE = 'AWS managed keys and the alias/aws/ prefix belong to AWS — their aliases, policies, grants, rotation and deletion cannot be changed, so this fails at deploy time';

const MESSAGES = {
  reservedAlias: `{{resource}} creates an alias in the reserved alias/aws/ namespace ({{alias}}); ${BECAUSE}`,
  aliasTarget: `{{resource}} points an alias at an AWS managed key ({{alias}}); ${BECAUSE}`,
  keyPolicy: `{{resource}} sets the key policy of an AWS managed key ({{alias}}); ${BECAUSE}`,
  grant: `{{resource}} creates a grant on an AWS managed key ({{alias}}); ${BECAUSE}`,
};

/** Properties that manage a key or alias, per type: the AWS managed namespace is off limits to all. */
const MANAGING: Record<string, { path: string; messageId: keyof typeof MESSAGES }[]> = {
  'AWS::KMS::Alias': [
    { path: 'AliasName', messageId: 'reservedAlias' },
    { path: 'TargetKeyId', messageId: 'aliasTarget' },
  ],
  aws_kms_alias: [
    { path: 'name', messageId: 'reservedAlias' },
    // Terraform appends a random suffix to name_prefix: a prefix under alias/aws/ gives a name there.
    { path: 'name_prefix', messageId: 'reservedAlias' },
    { path: 'target_key_id', messageId: 'aliasTarget' },
  ],
  aws_kms_key_policy: [{ path: 'key_id', messageId: 'keyPolicy' }],
  aws_kms_grant: [{ path: 'key_id', messageId: 'grant' }],
};

export const rule: Rule = {
  meta: {
    id: 'aws-managed-key-modification',
    defaultSeverity: 'error',
    group: 'misuse',
    description: 'The input tries to manage an AWS managed key (alias, policy, grant, rotation, deletion); AWS owns those keys.',
    messages: MESSAGES,
  },
  check(ctx) {
    for (const template of ctx.analysis.templates) {
      const ev = ctx.analysis.evaluatorFor(template);
      for (const r of template.resources) {
        if (/(^|\.)data\./.test(r.id)) continue; // a Terraform data source only reads the key
        for (const site of Object.prototype.hasOwnProperty.call(MANAGING, r.type) ? MANAGING[r.type] : []) {
          const at = getPath(ev, { value: r.properties ?? {}, path: r.propertiesPath }, site.path);
          if (!at) continue;
          const v = ev.resolve(at.value);
          const text = v.kind === 'literal' && typeof v.value === 'string' ? v.value : undefined;
          // A new alias's name is reserved by its prefix alone, whatever Fn::Sub / Fn::Join / an
          // interpolation adds after it; a key reference must name an AWS managed key exactly.
          const alias = text === undefined ? undefined : site.messageId === 'reservedAlias' ? (inReservedAliasNamespace(text) ? text : undefined) : awsManagedAlias(text);
          if (!alias) continue;
          ctx.report({ resource: r, at: at.path, counterpart: alias, messageId: site.messageId, data: { resource: r.id, alias } });
        }
      }
    }
  },
};
