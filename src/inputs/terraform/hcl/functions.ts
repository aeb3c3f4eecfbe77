// The Terraform functions that matter for keys and policies, computed when their arguments are
// known (https://developer.hashicorp.com/terraform/language/functions). Any other function, or one
// whose arguments are not known, is an unknown value naming it.
import { isUnknownValue, UNKNOWN, unknownValue } from '../../../model/types.js';

/** Reasons of unknowns that are Terraform errors (what `try` catches). */
const FAILED = /is not in the value|cannot be followed|is not an instance kmslint can tell|is not declared in the module/;
import { isRecord, setOwn } from '../../../util/objects.js';

/** A value with nothing Terraform computes later inside (to depth 16). */
function known(v: unknown, depth = 0): boolean {
  if (v === null || typeof v !== 'object') return true;
  if (depth > 16 || isUnknownValue(v)) return false;
  if (Array.isArray(v)) return v.every((x) => known(x, depth + 1));
  const keys = Object.keys(v);
  if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) return false;
  return Object.values(v).every((x) => known(x, depth + 1));
}

const isText = (v: unknown): v is string => typeof v === 'string';

export function callFunction(name: string, args: unknown[], expandLast: boolean): unknown {
  if (expandLast) {
    const last = args[args.length - 1];
    if (!Array.isArray(last)) return unknownValue(`${name}(…) with expanded arguments`);
    args = [...args.slice(0, -1), ...(last as unknown[])];
  }
  const computed = () => unknownValue(`${name}(…) is computed by Terraform`);
  switch (name) {
    // Functions that pick one of their arguments work on references too.
    case 'coalesce': {
      for (const a of args) {
        if (!known(a)) return a;
        if (a !== null && a !== '') return a;
      }
      return computed();
    }
    case 'try': {
      // try() moves on past an argument that is an error (a missing key or instance), not past one
      // Terraform computes later: that one stays unknown rather than silently taking the fallback.
      for (const a of args) if (!isUnknownValue(a) || !FAILED.test(a[UNKNOWN])) return a;
      return computed();
    }
    case 'one':
      return Array.isArray(args[0]) ? (args[0].length === 0 ? null : args[0].length === 1 ? args[0][0] : computed()) : computed();
    case 'element':
    case 'lookup': {
      const [c, k, d] = args;
      if (Array.isArray(c) && typeof k === 'number' && c.length > 0) return c[k % c.length];
      if (isRecord(c) && isText(k) && known(k)) return Object.prototype.hasOwnProperty.call(c, k) ? c[k] : args.length > 2 ? d : computed();
      return computed();
    }
    case 'tostring':
    case 'tolist':
    case 'toset':
    case 'tomap':
    case 'tonumber':
    case 'tobool':
    case 'sensitive':
    case 'nonsensitive':
      return args[0];
    case 'concat':
      return args.every(Array.isArray) ? args.flat() : computed();
    case 'merge': {
      if (!args.every((a) => isRecord(a) && known(a))) return computed();
      const out: Record<string, unknown> = {};
      for (const a of args as Record<string, unknown>[]) for (const [k, v] of Object.entries(a)) setOwn(out, k, v);
      return out;
    }
    case 'compact':
      return Array.isArray(args[0]) ? args[0].filter((x) => x !== null && x !== '') : computed();
    case 'flatten':
      return Array.isArray(args[0]) && known(args[0]) ? (args[0] as unknown[]).flat(Infinity) : computed();
    case 'distinct':
      return Array.isArray(args[0]) && known(args[0]) ? [...new Set(args[0].map((x) => JSON.stringify(x)))].map((x) => JSON.parse(x) as unknown) : computed();
    case 'length':
      return Array.isArray(args[0]) ? args[0].length : isRecord(args[0]) && known(args[0]) ? Object.keys(args[0]).length : isText(args[0]) ? [...args[0]].length : computed();
    case 'keys':
      return isRecord(args[0]) && known(args[0]) ? Object.keys(args[0]).sort() : computed();
    case 'values':
      return isRecord(args[0]) && known(args[0]) ? Object.keys(args[0]).sort().map((k) => (args[0] as Record<string, unknown>)[k]) : computed();
    case 'contains':
      return Array.isArray(args[0]) && known(args[0]) && known(args[1]) ? args[0].some((x) => JSON.stringify(x) === JSON.stringify(args[1])) : computed();
    case 'join':
      return isText(args[0]) && Array.isArray(args[1]) && args[1].every((x) => typeof x === 'string' || typeof x === 'number') ? args[1].join(args[0]) : computed();
    case 'format': {
      const [f, ...rest] = args;
      if (!isText(f) || !rest.every((x) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean')) return computed();
      let i = 0;
      return f.replace(/%%|%[-+# 0-9.]*[a-zA-Z]/g, (m) => (m === '%%' ? '%' : String(rest[i++] ?? m)));
    }
    case 'lower':
      return isText(args[0]) ? args[0].toLowerCase() : computed();
    case 'upper':
      return isText(args[0]) ? args[0].toUpperCase() : computed();
    case 'trimspace':
      return isText(args[0]) ? args[0].trim() : computed();
    case 'replace':
      return args.every(isText) && !/^\/.*\/$/.test(args[1]) ? (args[0]).split(args[1]).join(args[2]) : computed();
    case 'jsonencode':
      return known(args[0]) ? JSON.stringify(args[0]) : args[0];
    case 'jsondecode': {
      if (!isText(args[0])) return computed();
      try {
        return JSON.parse(args[0]) as unknown;
      } catch {
        return computed();
      }
    }
    default:
      return computed();
  }
}
