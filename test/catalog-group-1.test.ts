// Catalog group 1 (issue 12, item 7): every row of src/catalog/families/group-1.ts has a fixture in
// fixtures/cloudformation/families/group-1/<service>.yaml whose resources' exact primary `key`
// objects (contract §2) are listed here, written from the documentation each row cites, not from
// the rows. The rows themselves are checked for their sources and key paths, and the types of the
// group that have no row are the ones docs/catalog-uncovered-group-1.md lists.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile, loadText } from '../src/inputs/load.js';
import { analyse, type Analysis } from '../src/analysis/analyse.js';
import { catalogEntry, catalogRows } from '../src/catalog/index.js';
import { group1Rows } from '../src/catalog/families/group-1.js';
import type { EffectiveKey } from '../src/model/types.js';
import keyProperties from '../src/catalog/key-properties.json' with { type: 'json' };

const ROOT = join(import.meta.dirname, '..');
const DIR = join(ROOT, 'fixtures', 'cloudformation', 'families', 'group-1');
const UNCOVERED = join(ROOT, 'docs', 'catalog-uncovered-group-1.md');

const CUSTOMER: EffectiveKey = { kind: 'customer-managed', keyRef: 'Key' };
const OWNED: EffectiveKey = { kind: 'aws-owned' };
const UNKNOWN: EffectiveKey = { kind: 'unknown' };
const NONE: EffectiveKey = { kind: 'none' };
const implicit = (alias: string): EffectiveKey => ({ kind: 'aws-managed', alias, origin: 'implicit' });

/** File → resource → its exact primary key. */
const EXPECTED: Record<string, Record<string, EffectiveKey>> = {
  'aiops.yaml': { Explicit: CUSTOMER, Default: OWNED, NearMiss: UNKNOWN },
  'appconfig.yaml': {
    ProfileExplicit: CUSTOMER,
    ProfileDefault: OWNED,
    ProfileInS3: UNKNOWN,
    DeploymentExplicit: CUSTOMER,
    DeploymentDefault: OWNED,
  },
  'appflow.yaml': { ProfileExplicit: CUSTOMER, ProfileDefault: implicit('alias/aws/appflow'), FlowExplicit: CUSTOMER, FlowDefault: implicit('alias/aws/appflow') },
  'appintegrations.yaml': { Explicit: CUSTOMER, Missing: UNKNOWN },
  'backupgateway.yaml': { Explicit: CUSTOMER, Default: OWNED, NearMiss: OWNED },
  'bedrock.yaml': {
    BlueprintExplicit: CUSTOMER,
    BlueprintDefault: OWNED,
    ProjectExplicit: CUSTOMER,
    ProjectDefault: OWNED,
    LibraryExplicit: CUSTOMER,
    LibraryDefault: OWNED,
    LibraryNearMiss: UNKNOWN,
    FlowExplicit: CUSTOMER,
    FlowDefault: implicit('alias/aws/bedrock'),
    SessionExplicit: CUSTOMER,
    SessionDefault: implicit('alias/aws/bedrock'),
    PromptExplicit: CUSTOMER,
    PromptDefault: implicit('alias/aws/bedrock'),
    DataSourceExplicit: CUSTOMER,
    DataSourceDefault: implicit('alias/aws/bedrock'),
    DataSourceNearMiss: implicit('alias/aws/bedrock'),
    PolicyExplicit: CUSTOMER,
    PolicyDefault: implicit('alias/aws/bedrock'),
    KnowledgeBaseExplicit: CUSTOMER,
    KnowledgeBaseDefault: implicit('alias/aws/bedrock'),
    KnowledgeBaseVector: UNKNOWN,
  },
  'bedrockagentcore.yaml': {
    GatewayExplicit: CUSTOMER,
    GatewayDefault: OWNED,
    MemoryExplicit: CUSTOMER,
    MemoryDefault: OWNED,
    ConfigurationBundleExplicit: CUSTOMER,
    ConfigurationBundleDefault: OWNED,
    DatasetExplicit: CUSTOMER,
    DatasetDefault: OWNED,
    EvaluatorExplicit: CUSTOMER,
    EvaluatorDefault: OWNED,
    PolicyEngineExplicit: CUSTOMER,
    PolicyEngineDefault: OWNED,
    HarnessExplicit: CUSTOMER,
    HarnessDefault: OWNED,
    HarnessNearMiss: UNKNOWN,
  },
  'comprehend.yaml': {
    ClassifierExplicit: CUSTOMER,
    ClassifierDefault: OWNED,
    ClassifierNearMiss: OWNED,
    RecognizerExplicit: CUSTOMER,
    RecognizerDefault: OWNED,
    FlywheelExplicit: CUSTOMER,
    FlywheelDefault: OWNED,
    FlywheelNearMiss: OWNED,
  },
  'cleanrooms.yaml': { TableExplicit: CUSTOMER, TableDefault: OWNED, TableNearMiss: OWNED, AlgorithmExplicit: CUSTOMER, AlgorithmDefault: OWNED },
  'codebuild.yaml': { Explicit: CUSTOMER, Implicit: implicit('alias/aws/s3'), Disabled: UNKNOWN, NoExport: UNKNOWN },
  'customerprofiles.yaml': {
    DomainExplicit: CUSTOMER,
    DomainDefault: implicit('alias/aws/customerprofiles'),
    ObjectTypeExplicit: CUSTOMER,
    ObjectTypeInherit: CUSTOMER,
    ObjectTypeExternalDomain: UNKNOWN,
    DomainObjectTypeExplicit: CUSTOMER,
    DomainObjectTypeInherit: CUSTOMER,
    IntegrationExplicit: CUSTOMER,
    IntegrationMissingKey: UNKNOWN,
    IntegrationNoFlow: UNKNOWN,
  },
  'databrew.yaml': { Explicit: CUSTOMER, SseS3: OWNED, NoMode: UNKNOWN, KmsNoKey: UNKNOWN },
  'dataexchange.yaml': { Explicit: CUSTOMER, SseS3: OWNED, KmsNoKey: UNKNOWN, NoEncryption: UNKNOWN },
  'datasync.yaml': {
    SmbExplicit: CUSTOMER,
    SmbPassword: implicit('alias/aws/secretsmanager'),
    SmbCustomSecret: UNKNOWN,
    SmbNoCredentials: NONE,
    AzureExplicit: CUSTOMER,
    AzureDefault: implicit('alias/aws/secretsmanager'),
    OntapExplicit: CUSTOMER,
    OntapDefault: implicit('alias/aws/secretsmanager'),
    WindowsExplicit: CUSTOMER,
    WindowsDefault: implicit('alias/aws/secretsmanager'),
    HdfsExplicit: CUSTOMER,
    HdfsDefault: implicit('alias/aws/secretsmanager'),
    HdfsSimple: NONE,
    ObjectExplicit: CUSTOMER,
    ObjectDefault: implicit('alias/aws/secretsmanager'),
  },
  'datazone.yaml': { Explicit: CUSTOMER, Default: OWNED },
  'deadline.yaml': { Explicit: CUSTOMER, Default: OWNED },
  'devopsagent.yaml': { SpaceExplicit: CUSTOMER, SpaceDefault: OWNED, ServiceExplicit: CUSTOMER, ServiceDefault: OWNED },
  'dms.yaml': { ProfileExplicit: CUSTOMER, ProfileDefault: OWNED, ConfigExplicit: CUSTOMER, ConfigImplicit: implicit('alias/aws/dms') },
  'drs.yaml': { Custom: CUSTOMER, Default: implicit('alias/aws/ebs'), NearMiss: implicit('alias/aws/ebs'), None: NONE, CustomNoKey: UNKNOWN },
};

/** File → resource → its exact secondary keys (purpose → key), for resources that name any; all others have none. */
const SECONDARY: Record<string, Record<string, Record<string, EffectiveKey>>> = {
  'comprehend.yaml': {
    ClassifierNearMiss: { volume: CUSTOMER, output: CUSTOMER },
    FlywheelNearMiss: { 'data-lake': CUSTOMER },
  },
};

/** Fallbacks that name a placeholder alias (lead's decision, docs/catalog-notes-group-1.md): their reasons say so. */
const PLACEHOLDER_ALIASES = ['alias/aws/appflow', 'alias/aws/bedrock', 'alias/aws/customerprofiles'];

const analyses = new Map<string, Analysis>();
function analysisOf(file: string): Analysis {
  let a = analyses.get(file);
  if (!a) {
    const loaded = loadFile(join(DIR, file), { explicit: true });
    if (loaded.error) throw new Error(`${file}: ${loaded.error.message} (${loaded.error.line}:${loaded.error.column})`);
    expect(loaded.format).toBe('cloudformation');
    a = analyse(loaded.templates);
    analyses.set(file, a);
  }
  return a;
}

/** Plain data: drops members that are `undefined`, so only the fields that are set compare. */
function plain(key: EffectiveKey): Record<string, unknown> {
  return JSON.parse(JSON.stringify(key)) as Record<string, unknown>;
}

const cases = Object.entries(EXPECTED).flatMap(([file, resources]) =>
  Object.entries(resources).map(([id, key]) => ({ file, id, key, label: key.kind + (key.alias ? ` ${key.alias}` : '') })),
);

describe('group 1 fixtures', () => {
  it.each(cases)('$file $id → $label', ({ file, id, key }) => {
    const analysis = analysisOf(file);
    const found = analysis.resources.find((r) => r.resource.id === id);
    const type = analysis.templates[0].resourcesById.get(id)?.type;
    expect(found, `${id} (${type}) is not analysed`).toBeDefined();
    const row = group1Rows.find((r) => r.cfnTypes.includes(type!));
    expect(row, `${type} has no group 1 row`).toBeDefined();
    expect(found!.variants).toHaveLength(1);
    const { primary, secondary } = found!.variants[0];
    expect(plain(primary.key), primary.reason).toStrictEqual(key);
    const secondaryKeys = Object.fromEntries(secondary.map((s) => [s.purpose, plain(s.resolved.key)]));
    expect(secondaryKeys).toStrictEqual(SECONDARY[file]?.[id] ?? {});
    expect(primary.reason).not.toMatch(/undefined|\[object Object\]/);
    // A fact that is only partly stated or inferred is worded with "may" when it decides the key.
    const fallback = !primary.named && ['aws-managed', 'aws-owned', 'none'].includes(primary.key.kind);
    if (fallback && row!.confidence !== 'V') expect(primary.reason, 'an uncertain catalog fact must say "may"').toMatch(/\bmay\b/);
    if (!primary.named && PLACEHOLDER_ALIASES.includes(primary.key.alias ?? '')) {
      expect(row!.confidence).not.toBe('V');
      expect(primary.reason).toMatch(/the alias is not documented and may differ: AWS says only "/);
    }
  });

  it('cover every group 1 type with an explicit key and its fallback', () => {
    const typesInFixtures = new Set<string>();
    const explicitTypes = new Set<string>();
    for (const [file, resources] of Object.entries(EXPECTED)) {
      const template = analysisOf(file).templates[0];
      for (const [id, key] of Object.entries(resources)) {
        const type = template.resourcesById.get(id)!.type;
        typesInFixtures.add(type);
        if (key.kind === 'customer-managed') explicitTypes.add(type);
      }
    }
    const rowTypes = group1Rows.flatMap((r) => r.cfnTypes).sort();
    expect([...typesInFixtures].sort()).toEqual(rowTypes);
    expect([...explicitTypes].sort()).toEqual(rowTypes);
  });
});

describe('group 1 Terraform counterparts', () => {
  // A Terraform configuration of the three kinds of knowledge base the CloudFormation fixture has:
  // managed with a customer key, managed without one, and a vector knowledge base.
  const kb = (configuration: Record<string, unknown>) => ({ name: 'kb', role_arn: 'arn:aws:iam::111122223333:role/kb', knowledge_base_configuration: [configuration] });
  const config = {
    resource: {
      aws_kms_key: { main: { enable_key_rotation: true } },
      aws_bedrockagent_knowledge_base: {
        explicit: kb({
          type: 'MANAGED',
          managed_knowledge_base_configuration: [{ server_side_encryption_configuration: [{ kms_key_arn: '${aws_kms_key.main.arn}' }] }],
        }),
        managed: kb({ type: 'MANAGED', managed_knowledge_base_configuration: [{ embedding_model_type: 'MANAGED' }] }),
        vector: kb({ type: 'VECTOR', vector_knowledge_base_configuration: [{ embedding_model_arn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0' }] }),
      },
    },
  };

  it('read the managed knowledge base key of aws_bedrockagent_knowledge_base as the CloudFormation row does', () => {
    const loaded = loadText('main.tf.json', JSON.stringify(config), { explicit: true });
    expect(loaded.error).toBeNull();
    const analysis = analyse(loaded.templates);
    const keys = Object.fromEntries(
      analysis.resources.filter((r) => r.resource.type === 'aws_bedrockagent_knowledge_base').map((r) => [r.resource.id, plain(r.variants[0].primary.key)]),
    );
    expect(keys).toStrictEqual({
      'aws_bedrockagent_knowledge_base.explicit': { kind: 'customer-managed', keyRef: 'aws_kms_key.main' },
      'aws_bedrockagent_knowledge_base.managed': implicit('alias/aws/bedrock'),
      'aws_bedrockagent_knowledge_base.vector': UNKNOWN,
    });
  });
});

const keyPaths = (keyProperties as { types: Record<string, string[]> }).types;

describe('group 1 rows', () => {
  it.each(group1Rows.map((row) => ({ row, name: row.cfnTypes.join(', ') })))('$name cites AWS documentation and reads key properties that exist', ({ row }) => {
    const urls = row.source.split(/\s+/);
    for (const url of urls) expect(url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/\S+\.html$/);
    for (const type of row.cfnTypes) {
      const known = keyPaths[type];
      expect(known, `${type} is not a key-bearing type`).toBeDefined();
      for (const slot of row.slots) {
        if (!slot.key) continue;
        const path = slot.scope ? `${slot.scope}.${slot.key}` : slot.key;
        expect(known, `${type}: ${path}`).toContain(path);
      }
    }
    expect(row.generic).toBeUndefined();
  });

  it('mark the Bedrock defaults U and cite both pages, since the agent page calls its default AWS owned', () => {
    for (const type of ['AWS::Bedrock::Flow', 'AWS::Bedrock::Session', 'AWS::Bedrock::Prompt', 'AWS::Bedrock::DataSource', 'AWS::Bedrock::KnowledgeBase']) {
      const row = group1Rows.find((r) => r.cfnTypes.includes(type))!;
      expect(row.confidence, type).toBe('U');
      const urls = row.source.split(/\s+/);
      expect(urls, type).toHaveLength(2);
      expect(urls[1]).toBe('https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-agents-new.html');
    }
  });

  it('cite the CreateAutomatedReasoningPolicy API page for the Automated Reasoning policy default, below V', () => {
    const row = group1Rows.find((r) => r.cfnTypes.includes('AWS::Bedrock::AutomatedReasoningPolicy'))!;
    expect(row.confidence).toBe('P');
    expect(row.source).toBe('https://docs.aws.amazon.com/bedrock/latest/APIReference/API_CreateAutomatedReasoningPolicy.html');
  });

  it('repeat no type of the rest of the catalog', () => {
    const all = catalogRows().flatMap((r) => r.cfnTypes);
    for (const type of group1Rows.flatMap((r) => r.cfnTypes)) {
      expect(all.filter((t) => t === type), type).toHaveLength(1);
      expect(catalogEntry(type)?.row.generic).toBeUndefined();
    }
  });

  it('leave out only the types docs/catalog-uncovered-group-1.md lists, none of which has a row', () => {
    const listed = [...readFileSync(UNCOVERED, 'utf8').matchAll(/^\| `(AWS::[A-Za-z0-9]+::[A-Za-z0-9]+)` \|/gm)].map((m) => m[1]);
    expect(listed.length).toBeGreaterThan(0);
    expect(new Set(listed).size).toBe(listed.length);
    for (const type of listed) {
      expect(keyPaths[type], `${type} is not a key-bearing type`).toBeDefined();
      expect(catalogEntry(type)?.row.generic, `${type} is listed as uncovered but has a row`).toBe(true);
    }
    expect(listed.length + group1Rows.flatMap((r) => r.cfnTypes).length).toBe(56);
  });
});
