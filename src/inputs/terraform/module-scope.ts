// Terraform reads every *.tf.json file of a directory as one module. Each file stays its own
// Template (its own positions), but references resolve across the module and the provider's
// accounts apply to all of it.
import { dirname } from 'node:path';
import type { Template } from '../../model/types.js';

export function joinTerraformModules(templates: readonly Template[]): void {
  const byDir = new Map<string, Template[]>();
  for (const t of templates) {
    if (t.format !== 'terraform-config') continue;
    const dir = dirname(t.doc.file);
    byDir.set(dir, [...(byDir.get(dir) ?? []), t]);
  }
  for (const group of byDir.values()) {
    if (group.length < 2) continue;
    const shared = new Map<string, Template['resources'][number]>();
    for (const t of group) for (const [id, r] of t.resourcesById) if (!shared.has(id)) shared.set(id, r);
    const accounts = [...new Set(group.flatMap((t) => t.accounts))];
    for (const t of group) {
      t.resourcesById = shared;
      t.accounts = accounts;
    }
  }
}
