// Terraform addresses and references as data: `module.db["a"].aws_kms_key.main[0].arn` → steps.
// Used for resource addresses in plans and for `references` / `${…}` traversals.

export type Step = { name: string } | { index: string | number };

/** Split a traversal into name and index steps; undefined when it is not a plain traversal. */
export function parseTraversal(text: string): Step[] | undefined {
  const steps: Step[] = [];
  let i = 0;
  const s = text.trim();
  while (i < s.length) {
    if (s[i] === '.') {
      if (steps.length === 0) return undefined;
      i++;
      continue;
    }
    if (s[i] === '[') {
      const close = findClose(s, i);
      if (close === -1) return undefined;
      const inner = s.slice(i + 1, close).trim();
      if (/^"(?:[^"\\]|\\.)*"$/.test(inner)) {
        try {
          steps.push({ index: JSON.parse(inner) as string });
        } catch {
          return undefined;
        }
      } else if (/^\d+$/.test(inner)) steps.push({ index: Number(inner) });
      else if (inner === '*') steps.push({ index: '*' });
      else return undefined; // a computed index (`[each.key]`): not a plain traversal
      i = close + 1;
      continue;
    }
    const m = /^[A-Za-z_*][A-Za-z0-9_-]*/.exec(s.slice(i));
    if (!m) return undefined;
    steps.push({ name: m[0] });
    i += m[0].length;
  }
  return steps.length > 0 ? steps : undefined;
}

function findClose(s: string, open: number): number {
  let inString = false;
  for (let i = open + 1; i < s.length; i++) {
    const c = s[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ']') return i;
  }
  return -1;
}

export function isName(step: Step | undefined): step is { name: string } {
  return step !== undefined && 'name' in step;
}

export function isIndex(step: Step | undefined): step is { index: string | number } {
  return step !== undefined && 'index' in step;
}

/** `["a"]` / `[0]` as Terraform writes an instance key. */
export function indexText(index: string | number): string {
  return typeof index === 'number' ? `[${index}]` : `[${JSON.stringify(index)}]`;
}

/** Split a full resource address into its module part and the resource part (`module.a[0]`, `aws_x.y[1]`). */
export function splitAddress(address: string): { module: string; resource: string } {
  const steps = parseTraversal(address);
  if (!steps) return { module: '', resource: address };
  let cut = 0;
  let i = 0;
  while (i < steps.length) {
    const s = steps[i];
    if (isName(s) && s.name === 'module' && isName(steps[i + 1])) {
      i += 2;
      if (isIndex(steps[i])) i++;
      cut = i;
    } else break;
  }
  return { module: render(steps.slice(0, cut)), resource: render(steps.slice(cut)) };
}

/** Steps back to text (`module.a["x"].aws_s3_bucket.b`). */
export function render(steps: readonly Step[]): string {
  let out = '';
  for (const s of steps) {
    if (isName(s)) out += (out ? '.' : '') + s.name;
    else out += indexText(s.index);
  }
  return out;
}

/** The module calls of a module instance address, without instance keys: `module.a[0].module.b` → [a, b]. */
export function moduleCallPath(moduleAddress: string): string[] {
  const steps = parseTraversal(moduleAddress) ?? [];
  const out: string[] = [];
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    const next = steps[i + 1];
    if (isName(s) && s.name === 'module' && isName(next)) {
      out.push(next.name);
      i++;
    }
  }
  return out;
}

/** The parent of a module instance and the call that made it: `module.a.module.b["k"]` → (`module.a`, `b`, `k`). */
export function parentModule(moduleAddress: string): { parent: string; call: string; key?: string | number } | undefined {
  const steps = parseTraversal(moduleAddress);
  if (!steps || steps.length < 2) return undefined;
  let end = steps.length;
  let key: string | number | undefined;
  const last = steps[end - 1];
  if (isIndex(last)) {
    key = last.index;
    end--;
  }
  const call = steps[end - 1];
  const kw = steps[end - 2];
  if (!isName(call) || !isName(kw) || kw.name !== 'module') return undefined;
  return { parent: render(steps.slice(0, end - 2)), call: call.name, key };
}

/** Join a module address and a relative address. */
export function within(moduleAddress: string, relative: string): string {
  return moduleAddress ? `${moduleAddress}.${relative}` : relative;
}
