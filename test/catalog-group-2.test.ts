// Catalog group 2 (issue 12, item 7). Each row of src/catalog/families/group-2.ts has a fixture,
// fixtures/cloudformation/families/group-2/<service>.yaml; the table below gives, per resource, the
// exact primary `key` object (contract §2) and the secondary keys expected, written from the page
// each row cites. The rows are also checked for their sources and key paths, and the group's types
// without a row must be the ones docs/catalog-uncovered-group-2.md lists.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFile } from '../src/inputs/load.js';
import { analyse, type Analysis } from '../src/analysis/analyse.js';
import { loadHclReader } from '../src/inputs/terraform/hcl/pending.js';
import { catalogEntry, catalogRows } from '../src/catalog/index.js';
import { group2Rows } from '../src/catalog/families/group-2.js';
import type { EffectiveKey } from '../src/model/types.js';
import keyProperties from '../src/catalog/key-properties.json' with { type: 'json' };

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'fixtures', 'cloudformation', 'families', 'group-2');
const UNCOVERED_DOC = join(ROOT, 'docs', 'catalog-uncovered-group-2.md');
const TERRAFORM_FIXTURE = join(ROOT, 'fixtures', 'terraform-hcl', 'catalog-group-2', 'main.tf');
/** Types in group 2's slice of the key-bearing list: rows plus the uncovered list. */
const SLICE_SIZE = 62;

const CUSTOMER: EffectiveKey = { kind: 'customer-managed', keyRef: 'Key' };
const implicit = (alias: string): EffectiveKey => ({ kind: 'aws-managed', alias, origin: 'implicit' });
const OWNED: EffectiveKey = { kind: 'aws-owned' };
const UNKNOWN: EffectiveKey = { kind: 'unknown' };
const NONE: EffectiveKey = { kind: 'none' };
/** An AWS managed key whose alias no page documents: kind and origin exact, alias only by shape. */
const MANAGED_ALIAS_UNDOCUMENTED = 'aws-managed, alias not documented' as const;

interface Expectation {
  primary: EffectiveKey | typeof MANAGED_ALIAS_UNDOCUMENTED;
  /** purpose → key; resources not listed here must have no secondary key. */
  secondary?: Record<string, EffectiveKey>;
}
const k = (primary: Expectation['primary'], secondary?: Expectation['secondary']): Expectation => ({ primary, secondary });

const EXPECTED: Record<string, Record<string, Expectation>> = {
  'ec2.yaml': {
    FleetExplicit: k(CUSTOMER),
    FleetImplicit: k(implicit('alias/aws/ebs')),
    FleetDefault: k(UNKNOWN),
    VAEndpointExplicit: k(CUSTOMER),
    VAEndpointDefault: k(OWNED),
    VAGroupExplicit: k(CUSTOMER),
    VAGroupDefault: k(OWNED),
    VANearMiss: k(OWNED),
    VATrustProviderExplicit: k(CUSTOMER),
    VATrustProviderDefault: k(OWNED),
  },
  'ecs.yaml': {
    Explicit: k(CUSTOMER, { 'service-connect-tls': CUSTOMER }),
    Implicit: k(implicit('alias/aws/ebs')),
    Unencrypted: k(NONE),
  },
  'elasticache.yaml': { Explicit: k(CUSTOMER), Default: k(OWNED) },
  'emr.yaml': {
    Explicit: k(CUSTOMER),
    Inherits: k(CUSTOMER),
    OrphanStep: k(UNKNOWN),
    StudioExplicit: k(CUSTOMER),
    StudioDefault: k(OWNED),
  },
  'emrcontainers.yaml': {
    Explicit: k(CUSTOMER, { 'local-disk': CUSTOMER }),
    SseS3: k(OWNED),
    NoOption: k(UNKNOWN),
    NearMiss: k(UNKNOWN),
  },
  'evs.yaml': { Explicit: k(CUSTOMER), Default: k(implicit('alias/aws/secretsmanager')) },
  'entityresolution.yaml': {
    IdMappingExplicit: k(CUSTOMER),
    IdMappingDefault: k(OWNED),
    MatchingExplicit: k(CUSTOMER),
    MatchingDefault: k(OWNED),
  },
  'eventsv2.yaml': {
    BusExplicit: k(CUSTOMER),
    BusDefault: k(OWNED),
    SourceExplicit: k(CUSTOMER),
    SourceDefault: k(OWNED),
    ServiceEvents: k(UNKNOWN),
  },
  'forecast.yaml': { Explicit: k(CUSTOMER), Default: k(OWNED) },
  'fsx.yaml': { Explicit: k(CUSTOMER), Default: k(implicit('alias/aws/fsx')) },
  'glue.yaml': {
    Explicit: k(CUSTOMER),
    Default: k(implicit('alias/aws/redshift')),
    AccessOff: k(UNKNOWN),
    NoAccess: k(UNKNOWN),
    NearMiss: k(implicit('alias/aws/redshift')),
  },
  'guardduty.yaml': { Explicit: k(CUSTOMER), Missing: k(UNKNOWN) },
  'healthimaging.yaml': { Explicit: k(CUSTOMER), Default: k(OWNED) },
  'healthlake.yaml': {
    StoreExplicit: k(CUSTOMER),
    StoreDefault: k(OWNED),
    StoreOwned: k(OWNED),
    StoreNearMiss: k(UNKNOWN),
    ProfileExplicit: k(CUSTOMER),
    ProfileDefault: k(OWNED),
  },
  'imagebuilder.yaml': {
    Explicit: k(CUSTOMER, { 'container-image': CUSTOMER }),
    Implicit: k(implicit('alias/aws/ebs')),
    Unencrypted: k(NONE),
    WorkflowExplicit: k(CUSTOMER),
    WorkflowDefault: k(OWNED),
  },
  'iot.yaml': { Explicit: k(CUSTOMER), Owned: k(OWNED), NearMiss: k(UNKNOWN) },
  'iotsitewise.yaml': { Explicit: k(CUSTOMER), Default: k(OWNED), NearMiss: k(UNKNOWN) },
  'kendra.yaml': { Explicit: k(CUSTOMER), Default: k(OWNED) },
  'kinesis.yaml': { Explicit: k(CUSTOMER), Default: k(OWNED) },
  'lambda.yaml': {
    Explicit: k(CUSTOMER),
    Default: k(OWNED),
    CapacityExplicit: k(CUSTOMER),
    CapacityDefault: k(implicit('alias/aws/ebs')),
  },
  'lex.yaml': {
    BotExplicit: k(CUSTOMER, { 'grammar-source': CUSTOMER }),
    BotBucketDefault: k(OWNED),
    BotNoLogs: k(OWNED),
    AliasExplicit: k(CUSTOMER),
    AliasBucketDefault: k(OWNED),
  },
  'location.yaml': {
    CollectionExplicit: k(CUSTOMER),
    CollectionDefault: k(OWNED),
    TrackerExplicit: k(CUSTOMER),
    TrackerDefault: k(OWNED),
  },
  'logs.yaml': { Explicit: k(CUSTOMER), Default: k(OWNED), DetectorExplicit: k(CUSTOMER), DetectorDefault: k(OWNED) },
  'lookoutequipment.yaml': {
    Explicit: k(CUSTOMER, { 'inference-output': CUSTOMER }),
    Default: k(OWNED),
  },
  'lookoutmetrics.yaml': { Explicit: k(CUSTOMER), Default: k(OWNED) },
  'm2.yaml': {
    ApplicationExplicit: k(CUSTOMER),
    ApplicationDefault: k(OWNED),
    EnvironmentExplicit: k(CUSTOMER),
    EnvironmentDefault: k(OWNED),
  },
  'mgn.yaml': { Explicit: k(CUSTOMER), Default: k(implicit('alias/aws/ssm')), Disabled: k(NONE), Unset: k(UNKNOWN) },
  'msk.yaml': { Explicit: k(CUSTOMER), Default: k(OWNED) },
  'mwaaserverless.yaml': { Explicit: k(CUSTOMER), ManagedKey: k(OWNED), Unstated: k(UNKNOWN), NearMiss: k(UNKNOWN) },
  'neptunegraph.yaml': {
    Explicit: k(CUSTOMER, { 'import-s3-export': CUSTOMER }),
    Default: k(MANAGED_ALIAS_UNDOCUMENTED),
  },
  'nimblestudio.yaml': { Explicit: k(CUSTOMER), Owned: k(OWNED), Unstated: k(UNKNOWN), NearMiss: k(UNKNOWN) },
  'observabilityadmin.yaml': {
    TelemetryExplicit: k(CUSTOMER),
    TelemetryDefault: k(OWNED),
    OrgTelemetryExplicit: k(CUSTOMER),
    OrgTelemetryDefault: k(OWNED),
    CentralizationExplicit: k(CUSTOMER, { backup: CUSTOMER }),
    CentralizationDefault: k(OWNED),
    CentralizationOwned: k(OWNED),
    CentralizationNearMiss: k(UNKNOWN),
    S3TableExplicit: k(CUSTOMER),
    S3TableSseS3: k(OWNED),
  },
  'omics.yaml': {
    AnnotationExplicit: k(CUSTOMER),
    AnnotationDefault: k(OWNED),
    ReferenceExplicit: k(CUSTOMER),
    ReferenceDefault: k(OWNED),
    SequenceExplicit: k(CUSTOMER),
    SequenceTypeOnly: k(OWNED),
    SequenceDefault: k(OWNED),
  },
  'osis.yaml': { Explicit: k(CUSTOMER), Default: k(OWNED) },
};

const analyses = new Map<string, Analysis>();
function analysisOf(file: string): Analysis {
  const cached = analyses.get(file);
  if (cached) return cached;
  const loaded = loadFile(join(FIXTURES, file), { explicit: true });
  if (loaded.error) throw new Error(`${file}: ${loaded.error.message} (${loaded.error.line}:${loaded.error.column})`);
  expect(loaded.format).toBe('cloudformation');
  const analysis = analyse(loaded.templates);
  analyses.set(file, analysis);
  return analysis;
}

/** Only the members that are set, as JSON would carry them. */
const plain = (key: EffectiveKey): Record<string, unknown> => JSON.parse(JSON.stringify(key)) as Record<string, unknown>;

const label = (e: Expectation): string =>
  typeof e.primary === 'string' ? e.primary : `${e.primary.kind}${e.primary.alias ? ` ${e.primary.alias}` : ''}`;
const cases = Object.entries(EXPECTED).flatMap(([file, resources]) =>
  Object.entries(resources).map(([id, expected]) => ({ file, id, expected, label: label(expected) })),
);

describe('group 2 fixtures', () => {
  it('an ECS service with no managed EBS volume keeps nothing under a key and is not listed', () => {
    const analysis = analysisOf('ecs.yaml');
    expect(analysis.templates[0].resourcesById.get('NoVolumes')?.type).toBe('AWS::ECS::Service');
    expect(analysis.resources.map((r) => r.resource.id)).not.toContain('NoVolumes');
  });

  it.each(cases)('$file $id → $label', ({ file, id, expected }) => {
    const analysis = analysisOf(file);
    const type = analysis.templates[0].resourcesById.get(id)?.type;
    const found = analysis.resources.find((r) => r.resource.id === id);
    expect(found, `${id} (${type}) is not analysed`).toBeDefined();
    const row = group2Rows.find((r) => r.cfnTypes.includes(type!));
    expect(row, `${type} has no group 2 row`).toBeDefined();
    expect(found!.variants).toHaveLength(1);
    const { primary, secondary } = found!.variants[0];

    if (expected.primary === MANAGED_ALIAS_UNDOCUMENTED) {
      const { alias, ...rest } = plain(primary.key);
      expect(rest, primary.reason).toStrictEqual({ kind: 'aws-managed', origin: 'implicit' });
      expect(alias).toMatch(/^alias\/aws\/[a-z0-9-]+$/);
    } else {
      expect(plain(primary.key), primary.reason).toStrictEqual(expected.primary);
    }
    const secondaryKeys = Object.fromEntries(secondary.map((s) => [s.purpose, plain(s.resolved.key)]));
    expect(secondaryKeys).toStrictEqual(expected.secondary ?? {});

    expect(primary.reason).toMatch(/\S+\s+\S+/);
    expect(primary.reason).not.toMatch(/undefined|\[object Object\]/);
    // A fallback resting on a partly stated or inferred fact is worded with "may".
    const fallback = !primary.named && ['aws-managed', 'aws-owned', 'none'].includes(primary.key.kind);
    if (fallback && row!.confidence !== 'V') expect(primary.reason, 'an uncertain catalog fact must say "may"').toMatch(/\bmay\b/);
    if (fallback && row!.confidence === 'V') expect(primary.reason).not.toMatch(/\bmay\b/);
  });

  it('name a customer key and leave the key out for every group 2 type', () => {
    const withCustomerKey = new Set<string>();
    const fallbackTypes = new Set<string>();
    for (const [file, resources] of Object.entries(EXPECTED)) {
      const template = analysisOf(file).templates[0];
      for (const [id, e] of Object.entries(resources)) {
        const type = template.resourcesById.get(id)!.type;
        if (typeof e.primary !== 'string' && e.primary.kind === 'customer-managed') withCustomerKey.add(type);
        else fallbackTypes.add(type);
      }
    }
    const rowTypes = group2Rows.flatMap((r) => r.cfnTypes).sort();
    expect([...withCustomerKey].sort()).toEqual(rowTypes);
    expect([...fallbackTypes].sort()).toEqual(rowTypes);
  });
});

describe('group 2 Terraform counterparts', () => {
  beforeAll(async () => {
    await loadHclReader();
  });

  it('read the key at their own attribute paths, with the same fallback as the CloudFormation row', () => {
    const loaded = loadFile(TERRAFORM_FIXTURE, { explicit: true });
    expect(loaded.error).toBeNull();
    const keys = Object.fromEntries(analyse(loaded.templates).resources.map((r) => [r.resource.id, plain(r.variants[0].primary.key)]));
    const customer = { kind: 'customer-managed', keyRef: 'aws_kms_key.key' };
    expect(keys).toStrictEqual({
      'aws_kinesis_channel.explicit': customer,
      'aws_kinesis_channel.default': OWNED,
      'aws_glue_catalog.explicit': customer,
      'aws_glue_catalog.default': implicit('alias/aws/redshift'),
      'aws_glue_catalog.no_access': UNKNOWN,
      'aws_lambda_capacity_provider.explicit': customer,
      'aws_lambda_capacity_provider.default': implicit('alias/aws/ebs'),
      'aws_msk_channel.explicit': customer,
      'aws_msk_channel.default': OWNED,
    });
  });
});

const keyPaths = (keyProperties as { types: Record<string, string[]> }).types;

describe('group 2 rows', () => {
  it.each(group2Rows.map((row) => ({ row, name: row.cfnTypes.join(', ') })))('$name cites AWS documentation and reads key properties that exist', ({ row }) => {
    for (const url of row.source.split(/\s+/)) expect(url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/\S+\.html$/);
    expect(row.generic).toBeUndefined();
    for (const type of row.cfnTypes) {
      const known = keyPaths[type];
      expect(known, `${type} is not a key-bearing type`).toBeDefined();
      for (const slot of row.slots) {
        if (!slot.key) continue;
        const path = slot.scope ? `${slot.scope}.${slot.key}` : slot.key;
        expect(known, `${type}: ${path}`).toContain(path);
      }
    }
  });

  it('repeat no type of the rest of the catalog', () => {
    const all = catalogRows().flatMap((r) => r.cfnTypes);
    expect(all.filter((t, i) => all.indexOf(t) !== i)).toEqual([]);
    const terraform = catalogRows().flatMap((r) => (r.terraform ?? []).map((t) => t.type));
    const mine = group2Rows.flatMap((r) => (r.terraform ?? []).map((t) => t.type));
    for (const type of mine) expect(terraform.filter((t) => t === type), type).toHaveLength(1);
  });

  it('leave out only the types docs/catalog-uncovered-group-2.md lists, none of which has a row', () => {
    const listed = [...readFileSync(UNCOVERED_DOC, 'utf8').matchAll(/^\| `(AWS::[A-Za-z0-9]+::[A-Za-z0-9]+)` \|/gm)].map((m) => m[1]);
    expect(new Set(listed).size).toBe(listed.length);
    for (const type of listed) {
      // KMS's own keys and aliases are not encrypted resources: the catalog leaves them out entirely.
      if (type.startsWith('AWS::KMS::')) {
        expect(catalogEntry(type), `${type} is listed as uncovered but has a row`).toBeUndefined();
        continue;
      }
      expect(keyPaths[type], `${type} is not a key-bearing type`).toBeDefined();
      expect(catalogEntry(type)?.row.generic, `${type} is listed as uncovered but has a row`).toBe(true);
    }
    expect(listed.length + group2Rows.flatMap((r) => r.cfnTypes).length).toBe(SLICE_SIZE);
  });
});
