// The corpus snapshots (test/snapshots/*.json, written by `npm run snapshots`) still describe what
// kmslint says about every real file in ../shared/corpus: any change of a finding or an effective key
// fails here with the changed rows, and is accepted by regenerating the snapshots in the same commit.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { computeSnapshots, readSnapshots, serialiseSnapshot, snapshotFileName, type Snapshot } from '../scripts/snapshots.js';

const CORPUS = '../shared/corpus';
const SNAPSHOTS = 'test/snapshots';
const SHOWN = 20;

/** The rows one side has and the other lacks, `-` for the snapshot's and `+` for today's, in file order. */
function rowDiff(before: Snapshot | undefined, after: Snapshot | undefined): string[] {
  const lines = (s: Snapshot | undefined) =>
    s ? [...s.inputs.map((r) => `inputs ${JSON.stringify(r)}`), ...s.findings.map((r) => `findings ${JSON.stringify(r)}`), ...s.keys.map((r) => `keys ${JSON.stringify(r)}`)] : [];
  const was = lines(before);
  const now = lines(after);
  const wasSet = new Set(was);
  const nowSet = new Set(now);
  return [...was.filter((l) => !nowSet.has(l)).map((l) => `- ${l}`), ...now.filter((l) => !wasSet.has(l)).map((l) => `+ ${l}`)].sort((a, b) => (a.slice(2) < b.slice(2) ? -1 : a.slice(2) > b.slice(2) ? 1 : 0));
}

describe.skipIf(!existsSync(CORPUS))('corpus snapshots', () => {
  it('every corpus source lints to exactly its snapshot (regenerate with npm run snapshots)', async () => {
    const expected = readSnapshots(SNAPSHOTS);
    const actual = await computeSnapshots(CORPUS);
    const changes: string[] = [];
    for (const source of new Set([...expected.keys(), ...actual.keys()])) {
      const before = expected.get(source);
      const after = actual.get(source);
      if (before && after && serialiseSnapshot(before) === serialiseSnapshot(after)) continue;
      const diff = rowDiff(before, after);
      changes.push(`${SNAPSHOTS}/${snapshotFileName(source)}: ${diff.length} row(s) changed${!before ? ' (no snapshot)' : !after ? ' (source gone)' : ''}`, ...diff.slice(0, SHOWN).map((d) => `  ${d}`));
      if (diff.length > SHOWN) changes.push(`  … ${diff.length - SHOWN} more`);
    }
    expect(changes.join('\n'), 'corpus behaviour changed: if intended, run `npm run snapshots` and commit test/snapshots/').toBe('');
    expect(actual.size).toBeGreaterThanOrEqual(9);
  });
});
