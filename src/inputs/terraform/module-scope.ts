// Terraform reads every *.tf / *.tf.json file of a directory as one module. Each file stays its own
// Template (its own positions), but references and variables resolve across the module and the
// provider's accounts apply to all of it. The Templates of a module instantiated by a call
// (HCL `module` blocks with a local source) belong to the calling module's directory.
import { dirname } from 'node:path';
import type { Resource, Template } from '../../model/types.js';
import { own, setOwn } from '../../util/objects.js';

const callingDirectory = new WeakMap<Template, string>();
const missingLocalModules = new WeakSet<Resource>();

/** A Template of a called module's instance is joined with its root caller's directory, not its own. */
export function markCalledTemplate(template: Template, callerDirectory: string): void {
  callingDirectory.set(template, callerDirectory);
}

/** A call (HCL reader) whose `./` or `../` source is not a directory: warned about as unfetched ones are. */
export function markMissingLocalModule(call: Resource): void {
  missingLocalModules.add(call);
}

export function joinTerraformModules(templates: readonly Template[]): void {
  const byDir = new Map<string, Template[]>();
  for (const t of templates) {
    if (t.format !== 'terraform-config') continue;
    const dir = callingDirectory.get(t) ?? dirname(t.doc.file);
    byDir.set(dir, [...(byDir.get(dir) ?? []), t]);
  }
  for (const group of byDir.values()) {
    if (group.length < 2) continue;
    const shared = new Map<string, Template['resources'][number]>();
    for (const t of group) for (const [id, r] of t.resourcesById) if (!shared.has(id)) shared.set(id, r);
    const accounts = [...new Set(group.flatMap((t) => t.accounts))];
    // A variable declared in one file is a parameter of every file (a *.tf.json file's `${var.x}`
    // declared in a .tf file reads its default or *.tfvars value).
    const parameters: Record<string, unknown> = {};
    for (const t of group) for (const [name, p] of Object.entries(t.parameters)) if (own(parameters, name) === undefined) setOwn(parameters, name, p);
    for (const t of group) {
      t.resourcesById = shared;
      t.accounts = accounts;
      for (const [name, p] of Object.entries(parameters)) if (own(t.parameters, name) === undefined) setOwn(t.parameters, name, p);
    }
  }
}

/**
 * One warning per module source kmslint does not read (registry, git, URLs: anything but `./` and
 * `../`; and local sources that are not a directory), naming its calls: their resources are not
 * checked and their outputs are unknown.
 */
export function unfetchedModuleWarnings(templates: readonly Template[]): string[] {
  const calls = new Map<string, Set<string>>();
  for (const t of templates) {
    if (t.format !== 'terraform-config') continue;
    for (const r of t.resources) {
      if (r.terraformMode !== 'module') continue;
      const source = own(r.properties, 'source');
      const missing = missingLocalModules.has(r);
      if (!missing && typeof source === 'string' && /^\.\.?[\\/]/.test(source)) continue;
      const written = typeof source === 'string' ? source : 'a computed source';
      const why = missing ? `Terraform module ${written} is not found (no such directory)` : `Terraform module ${written} is not fetched (kmslint reads local ./ and ../ modules only)`;
      calls.set(why, (calls.get(why) ?? new Set()).add(`${r.id} in ${t.doc.file}`));
    }
  }
  return [...calls].map(([why, where]) => {
    const list = [...where];
    const shown = list.slice(0, 3).join(', ') + (list.length > 3 ? `, … (${list.length - 3} more)` : '');
    return `${why}: the resources of ${shown} are not checked and their outputs are unknown`;
  });
}
