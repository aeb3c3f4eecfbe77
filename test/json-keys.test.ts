// The JSON key table stays linear when its keys collide (hostile input) and agrees with JSON.parse.
import { describe, expect, it } from 'vitest';
import { KeyTable, keyHash, stringHash } from '../src/inputs/json-keys.js';

/** The text `{"k0":0,"k1":0,…}` and the offsets of each key literal. */
function objectOf(keys: string[]): { text: string; literals: [number, number][] } {
  const literals: [number, number][] = [];
  let text = '{';
  for (const key of keys) {
    if (text.length > 1) text += ',';
    const literal = JSON.stringify(key);
    literals.push([text.length, text.length + literal.length]);
    text += literal + ':0';
  }
  return { text: text + '}', literals };
}

describe('KeyTable', () => {
  it('finds every key, escaped or not, and nothing else', () => {
    const keys = Array.from({ length: 500 }, (_, i) => `Key${i}`);
    const { text, literals } = objectOf(keys);
    const table = new KeyTable(text);
    for (const [start, end] of literals) table.add(keyHash(text, start, end), start, end);
    expect(table.flooded).toBe(false);
    literals.forEach(([start, end], e) => expect([table.find(keyHash(text, start, end), start, end), table.findKey(keys[e]), table.startOf(e)]).toEqual([e, e, start]));
    expect(table.findKey('Key500')).toBe(-1);
    const escaped = '"\\u004bey7"';
    const withEscape = text + escaped;
    expect(new KeyTable(withEscape).find(keyHash(withEscape, text.length, withEscape.length), text.length, withEscape.length)).toBe(-1);
    expect(keyHash(withEscape, text.length, withEscape.length)).toBe(stringHash('Key7'));
  });

  it('moves to a Map when every key has one hash, and still answers the same', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}`);
    const { text, literals } = objectOf(keys);
    const table = new KeyTable(text);
    // One hash for all: what a crafted object would do to an unseeded table.
    for (const [start, end] of literals) table.add(7, start, end);
    expect(table.flooded).toBe(true);
    literals.forEach(([start, end], e) => expect([table.find(7, start, end), table.findKey(keys[e])]).toEqual([e, e]));
    expect([table.findKey('k20000'), table.findKey('__proto__'), table.findKey('0')]).toEqual([-1, -1, -1]);
  });

  it('is not flooded by keys whose characters share their low bits, whatever the seed', () => {
    // FNV-1a's low bits depend only on the characters' low bits: 0x61, 0x161, 0x261, … are one to them.
    const variants = Array.from({ length: 40 }, (_, j) => String.fromCharCode(0x61 + 0x100 * j));
    const keys = variants.flatMap((a) => variants.flatMap((b) => variants.map((c) => a + b + c))).slice(0, 40_000);
    const { text, literals } = objectOf(keys);
    const table = new KeyTable(text);
    for (const [start, end] of literals) table.add(keyHash(text, start, end), start, end);
    expect(table.flooded).toBe(false);
    expect(table.findKey(keys[39_999])).toBe(39_999);
  });
});
