// Walks over parsed values that input controls: iterative, with a limit, so a value nested 10,000
// deep or holding a million nodes costs bounded time and never the call stack.

/** Most nodes a comparison visits before giving up (undecided). */
export const MAX_COMPARE_NODES = 100_000;

/**
 * A short JSON-like preview of a value (`["a",{"b":1}]`), cut at `maxChars` with `…`. Unlike
 * `JSON.stringify` it never recurses, so any depth is safe.
 */
export function preview(value: unknown, maxChars = 40): string {
  let out = '';
  // A stack of pending pieces: either a value to write or literal text (closing brackets, commas).
  const stack: ({ text: string } | { value: unknown })[] = [{ value }];
  while (stack.length > 0 && out.length <= maxChars) {
    const item = stack.pop()!;
    if ('text' in item) {
      out += item.text;
      continue;
    }
    const v = item.value;
    if (Array.isArray(v)) {
      out += '[';
      stack.push({ text: ']' });
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push({ value: v[i] });
        if (i > 0) stack.push({ text: ',' });
      }
    } else if (typeof v === 'object' && v !== null) {
      out += '{';
      stack.push({ text: '}' });
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        stack.push({ value: (v as Record<string, unknown>)[keys[i]] });
        stack.push({ text: `${JSON.stringify(keys[i].slice(0, maxChars))}:` });
        if (i > 0) stack.push({ text: ',' });
      }
    } else {
      out += typeof v === 'string' ? JSON.stringify(v.slice(0, maxChars + 1)) : typeof v === 'number' || typeof v === 'boolean' ? String(v) : 'null';
    }
  }
  return out.length > maxChars || stack.length > 0 ? out.slice(0, Math.max(0, maxChars - 1)) + '…' : out;
}

/** `String(value)` for scalars; a bounded preview for lists and objects (`String` of a deep list recurses). */
export function scalarText(value: unknown): string {
  return typeof value === 'object' && value !== null ? preview(value) : String(value);
}

/**
 * Structural equality of two parsed values, iteratively. Undefined when the values are larger than
 * `maxNodes` (too large to decide within budget).
 */
export function deepEqual(a: unknown, b: unknown, maxNodes = MAX_COMPARE_NODES): boolean | undefined {
  const pending: [unknown, unknown][] = [[a, b]];
  let visited = 0;
  while (pending.length > 0) {
    if (++visited > maxNodes) return undefined;
    const [x, y] = pending.pop()!;
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    if (Array.isArray(x)) {
      const ys = y as unknown[];
      if (x.length !== ys.length) return false;
      for (let i = 0; i < x.length; i++) pending.push([x[i], ys[i]]);
      continue;
    }
    const xk = Object.keys(x);
    const yr = y as Record<string, unknown>;
    if (xk.length !== Object.keys(yr).length) return false;
    for (const k of xk) {
      if (!Object.prototype.hasOwnProperty.call(yr, k)) return false;
      pending.push([(x as Record<string, unknown>)[k], yr[k]]);
    }
  }
  return true;
}
