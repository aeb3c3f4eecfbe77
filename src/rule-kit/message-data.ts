// Types that tie a report to its rule's messages: the message id must be a key of meta.messages,
// and data must give a value to each `{{name}}` of that message, where TypeScript sees the
// template as a literal (a template built with `+` or `${}` is just `string`: checked at run time
// by the engine's renderMessage only).
import type { MessageData } from './types.js';

type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;

/** The placeholder names of a literal template: `'{{a}} and {{ b }}'` → `'a' | 'b'`. */
export type PlaceholdersOf<T extends string> = T extends `${string}{{${infer Name}}}${infer Rest}` ? Trim<Name> | PlaceholdersOf<Rest> : never;

/** `data` for a template: required with its placeholders when they are known, optional when there are none. */
export type DataFor<T extends string> = string extends T
  ? { data?: MessageData }
  : [PlaceholdersOf<T>] extends [never]
    ? { data?: MessageData }
    : { data: Readonly<Record<PlaceholdersOf<T>, string | number>> & MessageData };
