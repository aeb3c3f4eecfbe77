import type { Evaluator } from './evaluate.js';
import { isRecord, own } from '../util/objects.js';
import { scalarText } from '../util/bounded.js';

/** Tags as CloudFormation (`[{Key, Value}]` or a map) or Terraform (a map) write them. */
export function tagsOf(value: unknown, ev: Evaluator): Map<string, string> {
  const out = new Map<string, string>();
  const raw = ev.resolve(value);
  if (raw.kind !== 'literal') return out;
  const put = (k: unknown, v: unknown) => {
    const kk = ev.resolve(k);
    const vv = ev.resolve(v);
    if (kk.kind === 'literal' && vv.kind === 'literal' && typeof kk.value === 'string') out.set(kk.value, scalarText(vv.value));
  };
  if (Array.isArray(raw.value)) for (const t of raw.value) put(own(t, 'Key'), own(t, 'Value'));
  else if (isRecord(raw.value)) for (const [k, v] of Object.entries(raw.value)) put(k, v);
  return out;
}
