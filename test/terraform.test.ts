// Terraform inputs (contract §1, §2, §4; issue 4): plan JSON and *.tf.json configuration, values known
// only after apply, modules, count/for_each, KMS data sources, split S3 encryption resources, accounts,
// broken plans, and the corpus of real plans read in place.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFile, loadText, type LoadedInput } from '../src/inputs/load.js';
import { inputAdapters } from '../src/inputs/adapters.js';
import { terraformConfigAdapter, terraformPlanAdapter } from '../src/inputs/terraform/index.js';
import { analyse, type Analysis } from '../src/analysis/analyse.js';
import { catalogEntry } from '../src/catalog/index.js';
import { buildSharingModel } from '../src/analysis/sharing.js';
import type { AnalysedResource, EffectiveKey, Resource, Template } from '../src/model/types.js';

// Temporary directories made by these tests, removed when the file is done.
const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const FIXTURES = resolve(import.meta.dirname, '../fixtures/terraform');
const CORPUS = resolve(import.meta.dirname, '../../shared/corpus/terraform');

function load(name: string): { loaded: LoadedInput; template: Template; analysis: Analysis } {
  const loaded = loadFile(join(FIXTURES, name), { explicit: true });
  expect(loaded.error).toBeNull();
  expect(loaded.templates).toHaveLength(1);
  return { loaded, template: loaded.templates[0], analysis: analyse(loaded.templates) };
}

function analysed(analysis: Analysis, id: string): AnalysedResource {
  const found = analysis.resources.find((r) => r.resource.id === id);
  if (!found) throw new Error(`${id} not analysed; have ${analysis.resources.map((r) => r.resource.id).join(', ')}`);
  return found;
}

function keyOf(analysis: Analysis, id: string): EffectiveKey {
  const r = analysed(analysis, id);
  expect(r.variants).toHaveLength(1);
  return r.variants[0].primary.key;
}

function resource(template: Template, id: string): Resource {
  const r = template.resourcesById.get(id);
  if (!r) throw new Error(`${id} not in template; have ${[...template.resourcesById.keys()].join(', ')}`);
  return r;
}

describe('terraform adapters', () => {
  it('are registered input adapters for both formats', () => {
    expect(inputAdapters).toContain(terraformPlanAdapter);
    expect(inputAdapters).toContain(terraformConfigAdapter);
    expect(terraformPlanAdapter.format).toBe('terraform-plan');
    expect(terraformConfigAdapter.format).toBe('terraform-config');
  });
});

describe('plan: values known only after apply', () => {
  const { loaded, template, analysis } = load('plan-rds.json');

  it('is a terraform-plan input whose resource ids are full addresses (count index kept)', () => {
    expect(loaded.format).toBe('terraform-plan');
    expect(template.format).toBe('terraform-plan');
    expect([...template.resourcesById.keys()]).toEqual(['aws_kms_key.main', 'aws_db_instance.main[0]', 'aws_db_instance.implicit']);
    expect(resource(template, 'aws_db_instance.main[0]').type).toBe('aws_db_instance');
  });

  it('resolves an unknown kms_key_id through the configuration reference to the declared key', () => {
    expect(keyOf(analysis, 'aws_db_instance.main[0]')).toEqual({ kind: 'customer-managed', keyRef: 'aws_kms_key.main' });
    const r = resource(template, 'aws_db_instance.main[0]');
    expect(r.properties?.kms_key_id).toEqual({ 'Fn::GetAtt': ['aws_kms_key.main', 'arn'] });
    expect(r.unknownAfterApply).toMatchObject({ kms_key_id: true });
  });

  it('leaves the parsed document untouched (edits are made on a copy)', () => {
    const root = template.doc.root as { planned_values: { root_module: { resources: { values: Record<string, unknown> }[] } } };
    expect(root.planned_values.root_module.resources[1].values).not.toHaveProperty('kms_key_id');
  });

  it('falls back as the catalog says when the configuration does not set the key (unknown only because computed)', () => {
    expect(keyOf(analysis, 'aws_db_instance.implicit')).toEqual({ kind: 'aws-managed', alias: 'alias/aws/rds', origin: 'implicit' });
    const v = analysed(analysis, 'aws_db_instance.implicit').variants[0];
    expect(v.primary.reason).toBe('storage_encrypted is true and kms_key_id is absent, so RDS uses alias/aws/rds');
    // The position points into the plan: the storage_encrypted attribute of that resource's values.
    const at = template.doc.locate(v.primary.at);
    expect(at).toMatchObject({ line: 52 });
  });

  it('without configuration, a key known only after apply is unknown (not the fallback)', () => {
    const plan = JSON.parse(readFileSync(join(FIXTURES, 'plan-rds.json'), 'utf8')) as Record<string, unknown>;
    delete plan.configuration;
    const l = loadText('plan.json', JSON.stringify(plan), { explicit: true });
    const a = analyse(l.templates);
    expect(keyOf(a, 'aws_db_instance.main[0]')).toEqual({ kind: 'unknown' });
    expect(keyOf(a, 'aws_db_instance.implicit')).toEqual({ kind: 'unknown' });
  });

  it('reads accounts from allowed_account_ids (constant and variable) and assume_role ARNs, and the region', () => {
    expect(template.accounts.sort()).toEqual(['111122223333', '222233334444', '444455556666']);
    expect(template.region).toBe('eu-west-1');
  });
});

describe('plan: split S3 encryption resource', () => {
  const { template, analysis } = load('plan-s3-split.json');

  it('reports the key on the bucket, computed from its aws_s3_bucket_server_side_encryption_configuration', () => {
    expect(keyOf(analysis, 'aws_s3_bucket.data')).toEqual({ kind: 'aws-managed', alias: 'alias/aws/s3', origin: 'implicit' });
    const bucket = resource(template, 'aws_s3_bucket.data');
    const side = resource(template, 'aws_s3_bucket_server_side_encryption_configuration.data');
    expect(bucket.keySource).toEqual({ resource: side, slotsType: 'aws_s3_bucket_server_side_encryption_configuration' });
    expect(side.attachesTo).toBe('aws_s3_bucket.data');
    // The located path is inside the side resource, so the position (and a `related` location) is right.
    const at = analysed(analysis, 'aws_s3_bucket.data').variants[0].primary.at;
    expect(at.slice(0, side.propertiesPath.length)).toEqual(side.propertiesPath);
    expect(template.doc.locate(at)).toMatchObject({ line: 30 }); // sse_algorithm of the side resource
  });

  it('does not report the side resources as encryptable resources of their own', () => {
    expect(analysis.resources.map((r) => r.resource.type)).not.toContain('aws_s3_bucket_server_side_encryption_configuration');
    expect(analysis.resources.map((r) => r.resource.id).sort()).toEqual(['aws_s3_bucket.data', 'aws_s3_bucket.logs["a"]', 'aws_s3_bucket.logs["b"]', 'aws_s3_bucket.plain']);
  });

  it('matches for_each instances of the side resource to the bucket instance with the same key', () => {
    expect(resource(template, 'aws_s3_bucket.logs["a"]').keySource?.resource.id).toBe('aws_s3_bucket_server_side_encryption_configuration.logs["a"]');
    expect(resource(template, 'aws_s3_bucket.logs["b"]').keySource?.resource.id).toBe('aws_s3_bucket_server_side_encryption_configuration.logs["b"]');
    expect(keyOf(analysis, 'aws_s3_bucket.logs["a"]')).toEqual({ kind: 'aws-owned' });
    expect(keyOf(analysis, 'aws_s3_bucket.logs["b"]')).toEqual({ kind: 'customer-managed', keyRef: 'arn:aws:kms:eu-west-1:111122223333:alias/logs', external: true });
  });

  it.runIf(catalogEntry('aws_s3_bucket') !== undefined)('falls back to SSE-S3 for a bucket without any encryption configuration', () => {
    expect(keyOf(analysis, 'aws_s3_bucket.plain')).toEqual({ kind: 'aws-owned' });
  });

  it('links a bucket policy to its bucket by the bucket name in the plan, as a reference later analyses follow', () => {
    const policy = resource(template, 'aws_s3_bucket_policy.data');
    expect(policy.attachesTo).toBe('aws_s3_bucket.data');
    expect(policy.properties?.bucket).toEqual({ 'Fn::GetAtt': ['aws_s3_bucket.data', 'bucket'] });
    expect(analysis.resources.map((r) => r.resource.id)).not.toContain('aws_s3_bucket_policy.data');
    // A known policy document from a data source stays the JSON text (only identities become references).
    expect(typeof policy.properties?.policy).toBe('string');
    const sharing = buildSharingModel(analysis);
    expect(sharing.sharing.map((e) => [e.target.id, e.via])).toEqual([['aws_s3_bucket.data', 'bucket policy aws_s3_bucket_policy.data']]);
  });
});

describe('plan: KMS data sources for AWS managed keys', () => {
  const { template, analysis } = load('plan-sqs-data-alias.json');

  it('a queue whose key is data.aws_kms_alias "alias/aws/sqs" (key ARN known in the plan) uses the AWS managed key explicitly', () => {
    expect(keyOf(analysis, 'aws_sqs_queue.orders')).toEqual({ kind: 'aws-managed', alias: 'alias/aws/sqs', origin: 'explicit' });
  });

  it('a queue whose key is data.aws_kms_key "alias/aws/sqs" read only at apply time does too', () => {
    expect(keyOf(analysis, 'aws_sqs_queue.later')).toEqual({ kind: 'aws-managed', alias: 'alias/aws/sqs', origin: 'explicit' });
  });

  it('keeps data sources as resources (for references) but never analyses them', () => {
    expect(resource(template, 'data.aws_kms_alias.sqs').terraformMode).toBe('data');
    expect(resource(template, 'data.aws_kms_key.sqs').terraformMode).toBe('data');
    expect(analysis.resources.map((r) => r.resource.id).sort()).toEqual(['aws_sqs_queue.later', 'aws_sqs_queue.orders']);
  });
});

describe('plan: modules at any depth, for_each module instances, inputs and outputs', () => {
  const { template, analysis } = load('plan-modules.json');

  it('keeps full addresses of nested module instances', () => {
    expect([...template.resourcesById.keys()]).toContain('module.db.module.queues["orders"].aws_sqs_queue.q');
    expect([...template.resourcesById.keys()]).toContain('module.db.module.queues["refunds"].aws_kms_key.q');
  });

  it('resolves a module variable to the key the caller passes', () => {
    expect(keyOf(analysis, 'module.db.aws_db_instance.main')).toEqual({ kind: 'customer-managed', keyRef: 'aws_kms_key.shared' });
  });

  it('resolves a reference inside a module instance to the key of the same instance', () => {
    expect(keyOf(analysis, 'module.db.module.queues["orders"].aws_sqs_queue.q')).toEqual({ kind: 'customer-managed', keyRef: 'module.db.module.queues["orders"].aws_kms_key.q' });
    expect(keyOf(analysis, 'module.db.module.queues["refunds"].aws_sqs_queue.q')).toEqual({ kind: 'customer-managed', keyRef: 'module.db.module.queues["refunds"].aws_kms_key.q' });
  });

  it('resolves a module output', () => {
    expect(keyOf(analysis, 'aws_sns_topic.alerts')).toEqual({ kind: 'customer-managed', keyRef: 'module.db.aws_kms_key.own' });
  });
});

describe('plan: errors with a position, never a crash', () => {
  it('rejects an unknown format_version major at the format_version value', () => {
    const l = loadFile(join(FIXTURES, 'plan-version-2.json'), { explicit: true });
    expect(l.templates).toEqual([]);
    expect(l.error).toEqual({ message: expect.stringMatching(/unsupported Terraform plan format_version "2\.0"/), line: 2, column: 21 });
  });

  it('accepts the 0.x formats of Terraform 0.12–0.15 and every 1.x', () => {
    for (const v of ['0.1', '0.2', '1.0', '1.2', '1.9']) {
      const text = JSON.stringify({ format_version: v, planned_values: { root_module: { resources: [] } } });
      expect(loadText('plan.json', text, { explicit: true }).error).toBeNull();
    }
    const bad = loadText('plan.json', '{"format_version": "one", "planned_values": {}}', { explicit: true });
    expect(bad.error).toMatchObject({ line: 1, column: 20 }); // the "one" value
  });

  it('reports a truncated plan as invalid JSON with line and column', () => {
    const l = loadFile(join(FIXTURES, 'plan-truncated.json'), { explicit: false });
    expect(l.error).toEqual({ message: 'invalid JSON: colon expected', line: 26, column: 20 });
  });

  it('reports UTF-16 plans, with or without a byte order mark', () => {
    const bom = loadFile(join(FIXTURES, 'plan-utf16-bom.json'), { explicit: false });
    expect(bom.error).toMatchObject({ message: expect.stringMatching(/UTF-16/), line: 1, column: 1 });
    const noBom = loadFile(join(FIXTURES, 'plan-utf16-nobom.json'), { explicit: false });
    expect(noBom.error).toMatchObject({ line: 1, column: 1 });
    expect(noBom.error?.message).toMatch(/NUL|UTF-16/);
    // The same bytes handed over as text (an editor buffer) fail as JSON, also with a position.
    const text = readFileSync(join(FIXTURES, 'plan-utf16-nobom.json')).toString('utf8');
    const asText = loadText('plan.json', text, { explicit: true });
    expect(asText.error?.line).toBeGreaterThanOrEqual(1);
    expect(asText.error?.column).toBeGreaterThanOrEqual(1);
  });

  it('survives hostile shapes: wrong types everywhere, __proto__ keys, deep module nesting, reference cycles', () => {
    let deep: Record<string, unknown> = { resources: [{ address: 'x', type: 'aws_sqs_queue', values: { kms_master_key_id: 'alias/aws/sqs' } }] };
    for (let i = 0; i < 200; i++) deep = { address: `module.m${i}`, child_modules: [deep] };
    const plans: unknown[] = [
      { format_version: '1.0', planned_values: 5, resource_changes: 'x', configuration: [] },
      { format_version: '1.0', planned_values: { root_module: { resources: [null, 1, { address: 3 }, { address: 'a.b', type: 'aws_sqs_queue', values: [] }] } } },
      { format_version: '1.0', planned_values: { root_module: { child_modules: [deep] } } },
      JSON.parse(
        '{"format_version":"1.0","planned_values":{"root_module":{"resources":[{"address":"aws_sqs_queue.q","mode":"managed","type":"aws_sqs_queue","name":"q","values":{"__proto__":{"polluted":true}}}]}},' +
          '"resource_changes":[{"address":"aws_sqs_queue.q","change":{"after":{},"after_unknown":{"__proto__":true,"kms_master_key_id":true}}}],' +
          '"configuration":{"root_module":{"resources":[{"address":"aws_sqs_queue.q","expressions":{"__proto__":{"references":["var.a"]},"kms_master_key_id":{"references":["module.a.out"]}}}],' +
          '"module_calls":{"a":{"module":{"outputs":{"out":{"expression":{"references":["module.b.out"]}}},"module_calls":{"b":{"module":{"outputs":{"out":{"expression":{"references":["var.x"]}}}}}}}}}}}}',
      ),
    ];
    for (const plan of plans) {
      const l = loadText('plan.json', JSON.stringify(plan), { explicit: true });
      expect(l.error).toBeNull();
      expect(() => analyse(l.templates)).not.toThrow();
    }
    const hostile = loadText('plan.json', JSON.stringify(plans[3]), { explicit: true });
    expect(keyOf(analyse(hostile.templates), 'aws_sqs_queue.q')).toEqual({ kind: 'unknown' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('*.tf.json configuration', () => {
  const { loaded, template, analysis } = load('main.tf.json');

  it('is a terraform-config input with resources, data sources and module calls', () => {
    expect(loaded.format).toBe('terraform-config');
    expect(resource(template, 'aws_db_instance.main').type).toBe('aws_db_instance');
    expect(resource(template, 'data.aws_kms_alias.sqs').terraformMode).toBe('data');
    expect(resource(template, 'module.network').terraformMode).toBe('module');
    expect(analysis.resources.map((r) => r.resource.id)).not.toContain('module.network');
  });

  it('turns "${aws_kms_key.main.arn}" into a reference to the declared key', () => {
    expect(resource(template, 'aws_db_instance.main').properties?.kms_key_id).toEqual({ 'Fn::GetAtt': ['aws_kms_key.main', 'arn'] });
    expect(keyOf(analysis, 'aws_db_instance.main')).toEqual({ kind: 'customer-managed', keyRef: 'aws_kms_key.main' });
  });

  it('uses variable defaults (storage_encrypted = "${var.encrypt}" → implicit alias/aws/rds)', () => {
    expect(keyOf(analysis, 'aws_db_instance.implicit')).toEqual({ kind: 'aws-managed', alias: 'alias/aws/rds', origin: 'implicit' });
  });

  it('resolves data.aws_kms_alias "alias/aws/sqs" to the AWS managed key, explicitly', () => {
    expect(keyOf(analysis, 'aws_sqs_queue.managed')).toEqual({ kind: 'aws-managed', alias: 'alias/aws/sqs', origin: 'explicit' });
  });

  it('resolves an alias name through the declared aws_kms_alias (Terraform name / target_key_id)', () => {
    expect(keyOf(analysis, 'aws_sqs_queue.by_alias')).toEqual({ kind: 'customer-managed', keyRef: 'aws_kms_key.main' });
    expect(resource(template, 'aws_kms_alias.main').attachesTo).toBe('aws_kms_key.main');
  });

  it('follows locals (nested attributes, through other locals) and stops at cycles', () => {
    expect(keyOf(analysis, 'aws_sqs_queue.from_local')).toEqual({ kind: 'customer-managed', keyRef: 'aws_kms_key.main' });
    expect(keyOf(analysis, 'aws_sqs_queue.looping')).toEqual({ kind: 'unknown' });
  });

  it('a variable without default, and a module output, are unknown', () => {
    expect(keyOf(analysis, 'aws_sqs_queue.no_default')).toEqual({ kind: 'unknown' });
    expect(analysed(analysis, 'aws_sqs_queue.no_default').variants[0].primary.reason).toMatch(/var\.queue_key has no default/);
    expect(keyOf(analysis, 'aws_sqs_queue.from_module')).toEqual({ kind: 'unknown' });
  });

  it('substitutes what is known in text around interpolations', () => {
    expect(resource(template, 'aws_sqs_queue.arn_text').properties?.kms_master_key_id).toBe('arn:aws:kms:eu-west-1:${data.aws_caller_identity.current.account_id}:alias/aws/sqs');
    expect(keyOf(analysis, 'aws_sqs_queue.arn_text')).toEqual({ kind: 'aws-managed', alias: 'alias/aws/sqs', origin: 'explicit' });
  });

  it('reports the split SSE resource on its bucket (single nested blocks written as objects)', () => {
    expect(keyOf(analysis, 'aws_s3_bucket.data')).toEqual({ kind: 'aws-managed', alias: 'alias/aws/s3', origin: 'implicit' });
    expect(resource(template, 'aws_s3_bucket.data').keySource?.resource.id).toBe('aws_s3_bucket_server_side_encryption_configuration.data');
    expect(analysis.resources.map((r) => r.resource.type)).not.toContain('aws_s3_bucket_server_side_encryption_configuration');
    expect(resource(template, 'aws_s3_bucket_policy.data').attachesTo).toBe('aws_s3_bucket.data');
  });

  it('reads accounts from allowed_account_ids and assume_role ARNs, and the default provider region', () => {
    expect(template.accounts.sort()).toEqual(['111122223333', '222233334444']);
    expect(template.region).toBe('eu-west-1');
  });

  it('is safe against __proto__ names and attributes', () => {
    const text = '{"resource":{"aws_sqs_queue":{"__proto__":{"kms_master_key_id":"${local.__proto__}","__proto__":{"polluted":true}}}},"locals":{"__proto__":"alias/aws/sqs"}}';
    const l = loadText('x.tf.json', text, { explicit: true });
    expect(l.error).toBeNull();
    const a = analyse(l.templates);
    expect(keyOf(a, 'aws_sqs_queue.__proto__')).toEqual({ kind: 'aws-managed', alias: 'alias/aws/sqs', origin: 'explicit' });
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

// ---------------------------------------------------------------------------------------------
// Corpus: every file read in place, none may throw; counts of AWS managed key fallbacks per format.

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

describe.runIf(existsSync(CORPUS))('terraform corpus', () => {
  it('loads and analyses every file without throwing; each is analysed, skipped, or an error with a position', () => {
    const files = walk(CORPUS).sort();
    expect(files.length).toBe(184);
    const outcome: Record<string, number> = {};
    const fallbacks: Record<string, Record<string, number>> = {};
    const explicit: Record<string, Record<string, number>> = {};
    const kinds: Record<string, Record<string, number>> = {};
    for (const file of files) {
      let loaded: LoadedInput;
      let analysis: Analysis;
      try {
        loaded = loadFile(file, { explicit: false });
        analysis = analyse(loaded.templates);
      } catch (err) {
        throw new Error(`${file}: ${(err as Error).stack}`, { cause: err });
      }
      if (loaded.error) {
        expect(loaded.error.line, file).toBeGreaterThanOrEqual(1);
        expect(loaded.error.column, file).toBeGreaterThanOrEqual(1);
        outcome.error = (outcome.error ?? 0) + 1;
        continue;
      }
      if (loaded.skipped) {
        outcome.skipped = (outcome.skipped ?? 0) + 1;
        continue;
      }
      const format = loaded.format!;
      outcome[format] = (outcome[format] ?? 0) + 1;
      for (const r of analysis.resources) {
        for (const v of r.variants) {
          const k = v.primary.key;
          (kinds[format] ??= {})[k.kind] = ((kinds[format] ??= {})[k.kind] ?? 0) + 1;
          if (k.kind !== 'aws-managed' || !k.alias) continue;
          const bucket = k.origin === 'implicit' ? (fallbacks[format] ??= {}) : (explicit[format] ??= {});
          bucket[k.alias] = (bucket[k.alias] ?? 0) + 1;
        }
      }
    }
    console.log('terraform corpus: inputs by outcome', JSON.stringify(outcome));
    console.log('terraform corpus: primary keys by kind, per format', JSON.stringify(kinds));
    console.log('terraform corpus: resources falling back (implicit) to each AWS managed key, per format', JSON.stringify(fallbacks, null, 1));
    console.log('terraform corpus: resources naming an AWS managed key explicitly, per format', JSON.stringify(explicit, null, 1));
    expect(outcome.error).toBe(3); // the three UTF-16 plans
    expect((outcome['terraform-plan'] ?? 0) + (outcome['terraform-config'] ?? 0)).toBeGreaterThan(170);
  });
});

describe('a module split over several *.tf.json files', () => {
  it('resolves references and provider accounts across the files of one directory', async () => {
    const { loadInputs } = await import('../src/engine/load-inputs.js');
    const { lint } = await import('../src/engine/lint.js');
    const { configFrom } = await import('./helpers/lint-files.js');
    const set = loadInputs(['fixtures/terraform/module-split']);
    expect(set.inputs.map((i) => i.error)).toEqual([null, null, null]);
    const run = lint(set.inputs, { config: configFrom({}) });
    const db = run.analysis.resources.find((r) => r.resource.id === 'aws_db_instance.main')!;
    expect(db.variants[0].primary.key).toEqual({ kind: 'customer-managed', keyRef: 'aws_kms_key.main' });
    // The bucket policy in db.tf.json grants the provider's own account (declared in kms.tf.json).
    expect(run.result.findings.filter((f) => f.ruleId === 'cross-account-aws-managed-key')).toEqual([]);
    // The same module granting another account: the policy in one file reaches the bucket in another.
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kmslint-tfmod-'));
    tempDirs.push(dir);
    fs.cpSync('fixtures/terraform/module-split', dir, { recursive: true });
    const dbFile = path.join(dir, 'db.tf.json');
    fs.writeFileSync(dbFile, fs.readFileSync(dbFile, 'utf8').replace('111122223333:root', '444455556666:root'));
    const foreign = lint(loadInputs([dir]).inputs, { config: configFrom({}) });
    expect(foreign.result.findings.filter((f) => f.ruleId === 'cross-account-aws-managed-key').map((f) => f.resource?.id)).toEqual(['aws_s3_bucket.reports']);
  });
});
