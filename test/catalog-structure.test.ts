// The catalog is the one home of per-type facts (issue 12, item 1): every resource type the code
// names outside src/catalog/ must be in it, and the CloudFormation and Terraform names of one
// family must agree with each other and with the key rows.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogEntry, catalogRows, familyOf, resourceFamilies } from '../src/catalog/index.js';
import type { CatalogRow, ResourceFamily } from '../src/catalog/types.js';
import keyProperties from '../src/catalog/key-properties.json' with { type: 'json' };
import { POLICY_DOCUMENT } from '../src/inputs/terraform/hcl/policy-document.js';

const ROOT = join(import.meta.dirname, '..');
/** A CloudFormation type (`AWS::S3::Bucket`), a CDK custom resource type, or a Terraform type, quoted as code writes it. */
const TYPE_LITERAL = /['"`](AWS::[A-Za-z0-9]+::[A-Za-z0-9]+|Custom::[A-Za-z0-9]+|aws_[a-z0-9_]+)['"`]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Every type the catalog knows: key rows (CloudFormation, SAM, Terraform), generic key properties, relation families. */
function catalogTypes(): Set<string> {
  const out = new Set<string>(Object.keys((keyProperties as { types: Record<string, unknown> }).types));
  for (const row of catalogRows()) {
    for (const t of row.cfnTypes) out.add(t);
    for (const t of row.terraform ?? []) out.add(t.type);
  }
  for (const f of resourceFamilies()) for (const t of [...f.cloudFormation, ...f.terraform]) out.add(t);
  // A Terraform data source the HCL reader renders (a policy document): not a resource type, so not
  // the catalog's; the reader names it once, as this constant.
  out.add(POLICY_DOCUMENT);
  return out;
}

/** `file:line type` for each type named outside the catalog that the catalog does not know. */
function unknownTypeMentions(known: Set<string>): string[] {
  const files = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'rules'))].filter((f) => !relative(ROOT, f).startsWith(join('src', 'catalog')));
  const out: string[] = [];
  for (const file of files) {
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      for (const m of line.matchAll(TYPE_LITERAL)) if (!known.has(m[1])) out.push(`${relative(ROOT, file)}:${i + 1} ${m[1]}`);
    });
  }
  return out;
}

/**
 * Where the names of families disagree: a type in two families; a relation row, role or
 * cross-account fact on a type its family does not list; a Terraform type whose key row is not the
 * key row of its family's CloudFormation types; a key row whose CloudFormation and Terraform types
 * sit in different families; a Terraform type that two key rows claim.
 */
function disagreements(families: readonly ResourceFamily[], rows: readonly CatalogRow[]): string[] {
  const out: string[] = [];
  const owner = new Map<string, string>();
  for (const f of families) {
    for (const t of [...f.cloudFormation, ...f.terraform]) {
      const other = owner.get(t);
      if (other !== undefined) out.push(`${t} is in families "${other}" and "${f.name}"`);
      else owner.set(t, f.name);
    }
    const members = new Set([...f.cloudFormation, ...f.terraform]);
    for (const r of f.relations) if (!members.has(r.on)) out.push(`"${f.name}": a ${r.kind} row is on ${r.on}, which the family does not list`);
    for (const { role, types } of f.roles ?? []) for (const t of types) if (!members.has(t)) out.push(`"${f.name}": role ${role} names ${t}, which the family does not list`);
    for (const t of f.crossAccount?.types ?? []) if (!members.has(t)) out.push(`"${f.name}": its cross-account fact names ${t}, which the family does not list`);
    for (const t of f.terraform) if (t.startsWith('AWS::') || !t.startsWith('aws_')) out.push(`"${f.name}": ${t} is listed as a Terraform type`);
    for (const t of f.cloudFormation) if (!/^(AWS|Custom)::/.test(t)) out.push(`"${f.name}": ${t} is listed as a CloudFormation type`);
    const cfnRows = new Set(f.cloudFormation.map((t) => catalogEntry(t)?.row).filter((r) => r && !r.generic));
    if (cfnRows.size === 0) continue;
    for (const t of f.terraform) {
      const row = catalogEntry(t)?.row;
      if (row && !row.generic && !cfnRows.has(row)) out.push(`"${f.name}": ${t}'s key row is that of ${row.cfnTypes.join(', ')}, not of a CloudFormation type of the family`);
    }
  }
  const claimed = new Map<string, CatalogRow>();
  for (const row of rows) {
    for (const tf of row.terraform ?? []) {
      const first = claimed.get(tf.type);
      if (first && first !== row) out.push(`${tf.type} is the Terraform type of key rows ${first.cfnTypes.join(', ')} and ${row.cfnTypes.join(', ')}`);
      else claimed.set(tf.type, row);
      const tfFamily = familyOf(tf.type);
      for (const c of row.cfnTypes) {
        const cfnFamily = familyOf(c);
        if (tfFamily && cfnFamily && tfFamily !== cfnFamily) out.push(`key row ${c} ↔ ${tf.type}: the families say "${cfnFamily.name}" and "${tfFamily.name}"`);
      }
    }
  }
  return out;
}

describe('catalog structure', () => {
  it('knows every resource type named in src/ and rules/ outside the catalog', () => {
    expect(unknownTypeMentions(catalogTypes())).toEqual([]);
  });

  it('fails on a type it does not know', () => {
    expect(unknownTypeMentions(new Set(['AWS::S3::Bucket'])).length).toBeGreaterThan(0);
  });

  it('has no disagreement between the CloudFormation and Terraform names of a family', () => {
    expect(disagreements(resourceFamilies(), catalogRows())).toEqual([]);
  });

  it('reports a Terraform type listed in two families, a row on a type its family lacks, and a split key row', () => {
    const bucket = resourceFamilies().find((f) => f.name === 'S3 general purpose bucket')!;
    const queue = resourceFamilies().find((f) => f.name === 'SQS queue')!;
    const broken: ResourceFamily[] = [
      bucket,
      { ...queue, terraform: [...queue.terraform, 'aws_s3_bucket'], relations: [...queue.relations, { kind: 'policy', on: 'aws_sns_topic_policy', via: 'topic policy', policy: 'policy', source: 'https://docs.aws.amazon.com/' }] },
    ];
    expect(disagreements(broken, [])).toEqual([
      'aws_s3_bucket is in families "S3 general purpose bucket" and "SQS queue"',
      '"SQS queue": a policy row is on aws_sns_topic_policy, which the family does not list',
      '"SQS queue": aws_s3_bucket\'s key row is that of AWS::S3::Bucket, not of a CloudFormation type of the family',
    ]);
    const split: CatalogRow = { cfnTypes: ['AWS::SQS::Queue'], service: 'SQS', slots: [], confidence: 'V', source: 'https://docs.aws.amazon.com/', terraform: [{ type: 'aws_s3_bucket', slots: [] }] };
    expect(disagreements([], [split])).toEqual(['key row AWS::SQS::Queue ↔ aws_s3_bucket: the families say "SQS queue" and "S3 general purpose bucket"']);
  });
});
