// A module directory linted on its own is judged with its defaults; the same resources are also
// judged through every call of the module (module.ts), under the call's address. Where a call
// changes nothing for a finding (same rule, cause, line, severity and key, once the call's address
// is taken away), the call's finding repeats the module's own: it is left out, so a module called
// by ten examples that pass it nothing says each thing once. A call that passes a different key
// keeps its finding; a module not linted on its own keeps the findings of its calls.
import type { Finding } from '../../../model/findings.js';
import { splitAddress } from '../address.js';

export function withoutRepeatedModuleFindings(findings: readonly Finding[]): Finding[] {
  const candidates = findings.filter(isModuleInstanceFinding);
  if (candidates.length === 0) return [...findings];
  const seen = new Set(findings.map((f) => signature(f, '')));
  return findings.filter((f) => !isModuleInstanceFinding(f) || !outerPrefixes(f.resource!.id).some((p) => seen.has(signature(f, p))));
}

/** A finding in a `.tf` file on a resource under a module address (plans and `*.tf.json` instantiate no calls). */
function isModuleInstanceFinding(f: Finding): boolean {
  return f.resource !== undefined && /\.tf$/i.test(f.file) && splitAddress(f.resource.id).module !== '';
}

/** `module.a.module.b.x` → [`module.a.`, `module.a.module.b.`]: the call addresses a shorter id drops. */
function outerPrefixes(id: string): string[] {
  const { module } = splitAddress(id);
  const out: string[] = [];
  const call = /module\.[A-Za-z0-9_-]+(?:\[(?:\d+|"(?:[^"\\]|\\.)*")\])?\./gy;
  while (call.exec(`${module}.`) !== null) out.push(`${module}.`.slice(0, call.lastIndex));
  return out;
}

function signature(f: Finding, prefix: string): string {
  const strip = (s: string | undefined) => (s === undefined || prefix === '' ? s : s.split(prefix).join(''));
  const key = f.key ? { ...f.key, keyRef: strip(f.key.keyRef) } : undefined;
  return JSON.stringify([f.ruleId, f.messageId, f.severity, f.file, f.line, strip(f.resource?.id), strip(f.message), key]);
}
