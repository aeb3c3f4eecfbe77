import type { Rule } from '../src/engine/rule.js';
import { getPath } from '../src/analysis/effective-key.js';
import { awsManagedAlias } from '../src/analysis/classify-key.js';

/** Properties that manage a key or alias, per type: the AWS managed namespace is off limits to all. */
const MANAGING: Record<string, { path: string; what: string }[]> = {
  'AWS::KMS::Alias': [
    { path: 'AliasName', what: 'creates an alias in the reserved alias/aws/ namespace' },
    { path: 'TargetKeyId', what: 'points an alias at an AWS managed key' },
  ],
  aws_kms_alias: [
    { path: 'name', what: 'creates an alias in the reserved alias/aws/ namespace' },
    { path: 'target_key_id', what: 'points an alias at an AWS managed key' },
  ],
  aws_kms_key_policy: [{ path: 'key_id', what: 'sets the key policy of an AWS managed key' }],
  aws_kms_grant: [{ path: 'key_id', what: 'creates a grant on an AWS managed key' }],
};

export const rule: Rule = {
  meta: {
    id: 'aws-managed-key-modification',
    defaultSeverity: 'error',
    group: 'misuse',
    description: 'The input tries to manage an AWS managed key (alias, policy, grant, rotation, deletion); AWS owns those keys.',
  },
  check(ctx) {
    for (const template of ctx.analysis.templates) {
      const ev = ctx.analysis.evaluatorFor(template);
      for (const r of template.resources) {
        if (/(^|\.)data\./.test(r.id)) continue; // a Terraform data source only reads the key
        for (const site of MANAGING[r.type] ?? []) {
          const at = getPath(ev, { value: r.properties ?? {}, path: r.propertiesPath }, site.path);
          if (!at) continue;
          const v = ev.resolve(at.value);
          const alias = v.kind === 'literal' && typeof v.value === 'string' ? awsManagedAlias(v.value) : undefined;
          if (!alias) continue;
          ctx.report({
            resource: r,
            at: at.path,
            message: `${r.id} ${site.what} (${alias}); AWS managed keys and the alias/aws/ prefix belong to AWS — their aliases, policies, grants, rotation and deletion cannot be changed, so this fails at deploy time`,
          });
        }
      }
    }
  },
};
