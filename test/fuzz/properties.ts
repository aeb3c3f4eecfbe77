// The fuzz properties, shared by the fixed-seed suite (test/fuzz.test.ts) and the long runner
// (test/fuzz/run.ts). Each one loads generated or mutated text with loadText, lints it and lists its
// keys the way `kmslint lint` and `kmslint keys` do, and checks what must hold for any input.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { loadText } from '../../src/inputs/load.js';
import { lint } from '../../src/engine/lint.js';
import { analyse } from '../../src/analysis/analyse.js';
import { keyJson, keyRows, type KeyRow } from '../../src/analysis/key-rows.js';
import { keysFormatters } from '../../src/reporters/keys.js';
import { ConfigError, resolveConfig, validateConfig } from '../../src/config/load.js';
import { ruleIds } from '../../rules/index.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import {
  UNRELATED_ADDRESS,
  UNRELATED_ID,
  configWithUnrelatedResource,
  planWithUnrelatedResource,
  type CloudFormationSpec,
  type Mutation,
  type ScaledShape,
  buildScaled,
  scaledShape,
  type TerraformSpec,
  buildCloudFormation,
  buildTerraformConfig,
  buildTerraformPlan,
  cloudFormationSpec,
  invalidConfig,
  mutate,
  mutation,
  terraformSpec,
  validConfig,
  withUnrelatedResource,
} from './arbitraries.js';

/** Generous: real templates take milliseconds; only a hang or a blow-up comes near this. */
export const CASE_LIMIT_MS = 5_000;

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
export const CORPUS = resolve(ROOT, '../shared/corpus');

/** A fixed small sample of real files (JSON, YAML with short-form tags, plans, *.tf.json, a CDK stack), read in place. */
export const CORPUS_SAMPLE = [
  'cloudformation/npm__aws-cdk-3.0.0/lib/api/bootstrap/bootstrap-template.yaml',
  'cloudformation/stelligent__cfn_nag/spec/test_templates/yaml/sqs/sqs_queue_kms_master_key_id_defined.yaml',
  'cloudformation/stelligent__cfn_nag/spec/test_templates/json/kms/kms_key_with_wildcard_principal.json',
  'cloudformation/stelligent__cfn_nag/spec/test_templates/json/redshift/cluster_with_kms.json',
  'cloudformation/aws-cloudformation__cfn-lint/test/fixtures/templates/good/conditions.yaml',
  'cloudformation/aws-cloudformation__cfn-lint/test/fixtures/templates/good/functions_findinmap.yaml',
  'terraform/terraform-compliance__cli/tests/functional/test_kms_key_rotation_success/plan.out.json',
  'terraform/terraform-compliance__cli/tests/functional/test_dynamodb_kms_key_problem/plan.out.json',
  'terraform/bridgecrewio__checkov/tests/terraform_json/examples/cdk.tf.json',
  'cdk/awslabs__aws-solutions-constructs/source/patterns/@aws-solutions-constructs/aws-apigateway-sqs/test/integ.apisqs-apigateway-sqs-crud.js.snapshot/apisqs-apigateway-sqs-crud.template.json',
];

export const haveCorpus = CORPUS_SAMPLE.every((p) => existsSync(resolve(CORPUS, p)));

const defaultConfig: ResolvedConfig = resolveConfig(validateConfig({}, ruleIds), ROOT);

/** What one lint + keys run over one text gave. */
export interface CaseResult {
  rows: KeyRow[];
  ms: number;
}

/** One input text and the path it is reported under (its extension picks the parser). */
export interface FuzzInput {
  path: string;
  text: string;
}

export function lintCase(path: string, text: string, config: ResolvedConfig = defaultConfig): CaseResult {
  return lintCases([{ path, text }], config);
}

/**
 * Loads, lints and lists the keys of a set of texts (one run, as the CLI does), and checks that it
 * never throws, that each input gives findings or exactly one positioned error, that no rule failed
 * and that the run finished in time.
 */
export function lintCases(files: FuzzInput[], config: ResolvedConfig = defaultConfig): CaseResult {
  const ruleFailures: string[] = [];
  // Today a failing rule is reported as a process warning; count that as a failure of the case.
  const emit = Object.getOwnPropertyDescriptor(process, 'emitWarning')!;
  const record = (warning: string | Error) => void ruleFailures.push(String(warning instanceof Error ? warning.message : warning).split('\n')[0]);
  Object.defineProperty(process, 'emitWarning', { ...emit, value: record });
  const start = performance.now();
  let rows: KeyRow[];
  let loaded: ReturnType<typeof loadText>[];
  let result: ReturnType<typeof lint>['result'];
  try {
    loaded = files.map((f) => loadText(f.path, f.text, { explicit: true }));
    result = lint(loaded, { config, cwd: ROOT }).result;
    rows = keyRows(analyse(loaded.flatMap((i) => i.templates)));
    const inputs = loaded.filter((i) => !i.skipped || i.error).map((i) => ({ path: i.path, format: i.format, error: i.error }));
    keysFormatters.json({ inputs, rows }, { color: false });
  } finally {
    Object.defineProperty(process, 'emitWarning', emit);
  }
  const ms = performance.now() - start;
  const names = files.length === 1 ? files[0].path : `${files.length} files`;
  assert.ok(ms <= CASE_LIMIT_MS, `${names}: took ${Math.round(ms)} ms, over the ${CASE_LIMIT_MS} ms bound`);
  assert.deepEqual(ruleFailures, [], `${names}: a rule failed`);
  assert.deepEqual(
    result.findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.message),
    [],
    `${names}: internal error`,
  );

  const lineCounts = new Map(files.map((f) => [f.path, f.text.split('\n').length]));
  const positioned = (what: string, file: string, line: number, column: number) => {
    const lines = lineCounts.get(file) ?? 0;
    assert.ok(Number.isInteger(line) && line >= 1 && line <= lines + 1, `${what}: line ${line} outside 1..${lines + 1}`);
    assert.ok(Number.isInteger(column) && column >= 1, `${what}: column ${column} below 1`);
  };
  files.forEach((file, i) => {
    const input = loaded[i];
    const parseErrors = result.findings.filter((f) => f.ruleId === 'parse-error' && f.file === file.path);
    if (input.error) {
      positioned(`${file.path} error "${input.error.message}"`, file.path, input.error.line, input.error.column);
      assert.ok(input.error.message.length > 0, `${file.path}: empty error message`);
      assert.equal(input.templates.length, 0, `${file.path}: an input with an error also gave templates`);
      assert.equal(parseErrors.length, 1, `${file.path}: expected exactly one parse-error finding, got ${parseErrors.length}`);
    } else {
      assert.equal(parseErrors.length, 0, `${file.path}: parse-error finding without an input error`);
    }
  });
  for (const f of result.findings) {
    assert.ok(lineCounts.has(f.file), `${f.ruleId}: finding on a file that is not an input (${f.file})`);
    positioned(`${f.file} ${f.ruleId} "${f.message}"`, f.file, f.line, f.column);
    assert.ok(typeof f.message === 'string' && f.message.length > 0, `${f.file} ${f.ruleId}: empty message`);
  }
  for (const r of rows) positioned(`${r.file} key row ${r.id}`, r.file, r.line, r.column);
  return { rows, ms };
}

/** The effective key of each resource, without positions or file names (which legitimately differ). */
export function effectiveKeys(rows: KeyRow[], leaveOut?: string): unknown[] {
  return rows
    .filter((r) => r.id !== leaveOut)
    .map((r) => ({ id: r.id, type: r.type, branch: r.branch, key: keyJson(r.key), reason: r.reason, // Positions differ between serialisations by design; the keys and reasons must not.
    secondary: r.secondary.map((s) => ({ purpose: s.purpose, key: keyJson(s.key), reason: s.reason })) }));
}

const json = (v: unknown) => JSON.stringify(v, null, 2);
// Long-form intrinsics only, so no tags; no line folding keeps long ARNs on one line.
const yaml = (v: unknown) => stringify(v, { lineWidth: 0 });

export interface FuzzProperty {
  name: string;
  /** Runs in the fixed-seed suite; the long runner takes --runs. */
  suiteRuns: number;
  /** Reads the shared corpus (absent outside this workplace). */
  needsCorpus?: boolean;
  property: () => fc.IProperty<never>;
  /** The input text(s) of a counterexample, for the report. */
  show?: (counterexample: never) => string;
}

const asProperty = <T>(p: fc.IProperty<T>) => p as unknown as fc.IProperty<never>;

export const properties: FuzzProperty[] = [
  {
    name: 'cloudformation (JSON and YAML): never throws; findings or one positioned error; bounded time',
    suiteRuns: 200,
    property: () =>
      asProperty(
        fc.property(cloudFormationSpec, fc.boolean(), (spec, asYaml) => {
          const t = buildCloudFormation(spec);
          lintCase(asYaml ? 'template.yaml' : 'template.json', asYaml ? yaml(t) : json(t));
        }),
      ),
    show: ([spec, asYaml]: [CloudFormationSpec, boolean]) => (asYaml ? yaml : json)(buildCloudFormation(spec)),
  },
  {
    name: 'cloudformation: the effective keys do not change when an unrelated resource is added',
    suiteRuns: 100,
    property: () =>
      asProperty(
        fc.property(cloudFormationSpec, (spec) => {
          const t = buildCloudFormation(spec);
          const before = lintCase('template.json', json(t)).rows;
          const after = lintCase('template.json', json(withUnrelatedResource(t))).rows;
          assert.deepEqual(effectiveKeys(after, UNRELATED_ID), effectiveKeys(before));
        }),
      ),
    show: ([spec]: [CloudFormationSpec]) => json(buildCloudFormation(spec)),
  },
  {
    name: 'cloudformation: the effective keys do not change when JSON is re-serialised as YAML',
    suiteRuns: 100,
    property: () =>
      asProperty(
        fc.property(cloudFormationSpec, (spec) => {
          const t = buildCloudFormation(spec);
          const fromJson = lintCase('template.json', json(t)).rows;
          const fromYaml = lintCase('template.yaml', yaml(t)).rows;
          assert.deepEqual(effectiveKeys(fromYaml), effectiveKeys(fromJson));
        }),
      ),
    show: ([spec]: [CloudFormationSpec]) => json(buildCloudFormation(spec)),
  },
  {
    name: 'terraform plan and *.tf.json: never throws; findings or one positioned error; bounded time',
    suiteRuns: 200,
    property: () =>
      asProperty(
        fc.property(terraformSpec, (spec) => {
          lintCase('plan.json', json(buildTerraformPlan(spec)));
          lintCase('main.tf.json', json(buildTerraformConfig(spec)));
        }),
      ),
    show: ([spec]: [TerraformSpec]) => `plan.json:\n${json(buildTerraformPlan(spec))}\nmain.tf.json:\n${json(buildTerraformConfig(spec))}`,
  },
  {
    name: 'terraform plan and *.tf.json: the effective keys do not change when an unrelated resource is added',
    suiteRuns: 100,
    property: () =>
      asProperty(
        fc.property(terraformSpec, (spec) => {
          const plan = buildTerraformPlan(spec);
          assert.deepEqual(effectiveKeys(lintCase('plan.json', json(planWithUnrelatedResource(plan))).rows, UNRELATED_ADDRESS), effectiveKeys(lintCase('plan.json', json(plan)).rows));
          const config = buildTerraformConfig(spec);
          assert.deepEqual(effectiveKeys(lintCase('main.tf.json', json(configWithUnrelatedResource(config))).rows, UNRELATED_ADDRESS), effectiveKeys(lintCase('main.tf.json', json(config)).rows));
        }),
      ),
    show: ([spec]: [TerraformSpec]) => `plan.json:\n${json(buildTerraformPlan(spec))}\nmain.tf.json:\n${json(buildTerraformConfig(spec))}`,
  },
  {
    name: 'config: a valid config lints; an invalid one is a ConfigError listing problems, never another throw',
    suiteRuns: 150,
    property: () =>
      asProperty(
        fc.property(fc.oneof(validConfig, invalidConfig), cloudFormationSpec, (raw, spec) => {
          let config: ResolvedConfig;
          try {
            config = resolveConfig(validateConfig(raw, ruleIds, 'fuzz.kmslintrc.json'), ROOT, 'fuzz.kmslintrc.json');
          } catch (err) {
            assert.ok(err instanceof ConfigError, `not a ConfigError: ${String(err)}`);
            assert.ok(err.problems.length > 0 && err.problems.every((p) => p.length > 0), 'a ConfigError without problems');
            return;
          }
          lintCase('template.json', json(buildCloudFormation(spec)), config);
        }),
      ),
    show: ([raw, spec]: [unknown, CloudFormationSpec]) => `config:\n${json(raw)}\ntemplate.json:\n${json(buildCloudFormation(spec))}`,
  },
  {
    name: 'scaled shapes (deep nesting, shared sub-conditions, mapping chains, reference cycles, import cycles): never throws; bounded time',
    suiteRuns: 15,
    property: () =>
      asProperty(
        fc.property(scaledShape, (shape) => {
          lintCases(buildScaled(shape).map((text, i) => ({ path: `stack${i}.${shape.asYaml ? 'yaml' : 'json'}`, text })));
        }),
      ),
    show: ([shape]: [ScaledShape]) => `${JSON.stringify(shape)}: ${buildScaled(shape).length} template(s), the first:\n${buildScaled(shape)[0].slice(0, 2000)}`,
  },
  {
    name: 'corpus mutations (delete/duplicate/swap lines, flip bytes, truncate, insert): never throws; findings or one positioned error',
    suiteRuns: 250,
    needsCorpus: true,
    property: () => {
      // Read in place, once per property build; names keep their extension so detection is unchanged.
      const files = CORPUS_SAMPLE.map((p) => ({ name: p.split('/').pop()!, text: readFileSync(resolve(CORPUS, p), 'utf8') }));
      return asProperty(
        fc.property(fc.constantFrom(...files.map((f) => Object.assign(f, { [fc.toStringMethod]: () => JSON.stringify(f.name) }))), fc.array(mutation, { minLength: 1, maxLength: 4 }), (file, mutations) => {
          lintCase(file.name, mutate(file.text, mutations));
        }),
      );
    },
    show: ([file, mutations]: [{ name: string; text: string }, Mutation[]]) => `${file.name} after ${JSON.stringify(mutations)}:\n${mutate(file.text, mutations)}`,
  },
];
