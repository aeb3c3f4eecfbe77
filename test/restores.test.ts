// RDS restores keep their snapshot's key whatever StorageEncrypted says (issue 9 hand review:
// restored Aurora clusters were reported as alias/aws/rds). A new cluster is the near miss.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadFile } from '../src/inputs/load.js';
import { analyse } from '../src/analysis/analyse.js';
import { keyRows } from '../src/analysis/key-rows.js';
import { lintPaths } from './helpers/lint-files.js';

const FILE = join(process.cwd(), 'fixtures/cloudformation/catalog-restores/restored-encrypted.yaml');

describe('restored RDS databases', () => {
  it('keep the snapshot key (unknown), while a new encrypted cluster falls back to alias/aws/rds', () => {
    const rows = keyRows(analyse(loadFile(FILE, { explicit: true }).templates));
    expect(rows.map((r) => [r.id, r.key.kind, r.key.alias, r.reason])).toEqual([
      ['RestoredCluster', 'unknown', undefined, 'KmsKeyId is absent, so the key cannot be determined: restored from a snapshot, whose key it keeps and the input does not show'],
      ['RestoredInstance', 'unknown', undefined, 'KmsKeyId is absent, so the key cannot be determined: restored from a snapshot, whose key it keeps and the input does not show'],
      ['NewCluster', 'aws-managed', 'alias/aws/rds', 'StorageEncrypted is true and KmsKeyId is absent, so RDS uses alias/aws/rds'],
    ]);
    const implicit = lintPaths([FILE]).findings.filter((f) => f.ruleId === 'implicit-aws-managed-key');
    expect(implicit.map((f) => [f.resource?.id, f.line, f.column])).toEqual([['NewCluster', 21, 7]]);
  });
});
