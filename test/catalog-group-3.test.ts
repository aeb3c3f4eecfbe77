// Catalog group 3 (issue 12, item 7): every resource of fixtures/cloudformation/families/group-3/
// resolves to the exact primary (and, where listed, secondary) key object below, derived from each
// row's documentation source; and every group-3 row cites an AWS documentation page and reads only
// key properties listed in the CloudFormation key-property reference.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../src/inputs/load.js';
import { analyse, type Analysis } from '../src/analysis/analyse.js';
import { group3Rows } from '../src/catalog/families/group-3.js';
import { rows } from '../src/catalog/rows.js';
import { familyRows } from '../src/catalog/families/index.js';
import type { EffectiveKey } from '../src/model/types.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'cloudformation', 'families', 'group-3');
const REFERENCE = join(import.meta.dirname, '..', '..', 'shared', 'reference', 'cfn-kms-properties.json');

const cmk: EffectiveKey = { kind: 'customer-managed', keyRef: 'Key' };
const owned: EffectiveKey = { kind: 'aws-owned' };
const unknown: EffectiveKey = { kind: 'unknown' };
const managed = (alias: string): EffectiveKey => ({ kind: 'aws-managed', alias, origin: 'implicit' });

interface Case { primary: EffectiveKey; secondary?: Record<string, EffectiveKey>; may?: boolean }

/** file → resource → expected keys; `may` marks fallbacks of rows below V, whose reasons must say "may". */
const expected: Record<string, Record<string, Case>> = {
  'omics.yaml': { VariantExplicit: { primary: cmk }, VariantDefault: { primary: owned, may: true } },
  'opensearchservice.yaml': { AppExplicit: { primary: cmk }, AppDefault: { primary: owned }, AppEmptyKey: { primary: owned } },
  'personalize.yaml': { DatasetGroupExplicit: { primary: cmk }, DatasetGroupDefault: { primary: owned } },
  'proton.yaml': {
    EnvExplicit: { primary: cmk },
    EnvDefault: { primary: owned },
    ServiceExplicit: { primary: cmk },
    ServiceDefault: { primary: owned },
  },
  'qbusiness.yaml': { AppExplicit: { primary: cmk }, AppDefault: { primary: owned }, AppEmptyConfig: { primary: owned } },
  'rds.yaml': {
    CevExplicit: { primary: cmk },
    CevDefault: { primary: unknown },
    IntegrationExplicit: { primary: cmk },
    IntegrationDefault: { primary: owned },
  },
  'redshift.yaml': { IntegrationExplicit: { primary: cmk }, IntegrationDefault: { primary: owned } },
  'resiliencehubv2.yaml': {
    PolicyExplicit: { primary: cmk },
    PolicyDefault: { primary: owned },
    ServiceDefault: { primary: owned },
    SystemExplicit: { primary: cmk },
    SystemDefault: { primary: owned },
  },
  's3.yaml': { LensExplicit: { primary: cmk }, LensSseS3: { primary: owned, may: true }, LensNoEncryption: { primary: unknown } },
  's3files.yaml': { FsExplicit: { primary: cmk }, FsDefault: { primary: owned } },
  's3vectors.yaml': {
    BucketExplicit: { primary: cmk },
    BucketDefault: { primary: owned },
    BucketKmsNoKey: { primary: unknown },
    IndexExplicit: { primary: cmk },
    IndexInheritsKms: { primary: cmk },
    IndexInheritsSseS3: { primary: owned },
    IndexNoBucket: { primary: unknown },
  },
  'sagemaker.yaml': {
    ClusterExplicit: { primary: cmk },
    ClusterDefault: { primary: owned, may: true },
    FleetExplicit: { primary: cmk },
    FleetDefault: { primary: managed('alias/aws/s3'), may: true },
    FeaturesExplicit: { primary: cmk, secondary: { 'offline-store': managed('alias/aws/s3') } },
    FeaturesOnlineDefault: { primary: owned, secondary: {}, may: true },
    FeaturesOfflineOnly: { primary: managed('alias/aws/s3'), secondary: { 'offline-store': managed('alias/aws/s3') }, may: true },
    ExperimentExplicit: { primary: cmk, secondary: { 'data-capture': cmk } },
    ExperimentDefault: { primary: managed('alias/aws/s3'), secondary: {}, may: true },
    ExperimentNearMiss: { primary: managed('alias/aws/s3'), secondary: { 'data-capture': cmk }, may: true },
    ProcessingExplicit: { primary: cmk, secondary: { volume: cmk, 'athena-dataset': cmk } },
    ProcessingDefault: { primary: managed('alias/aws/s3'), secondary: { volume: owned }, may: true },
    ProcessingNoOutput: { primary: unknown, secondary: { volume: owned } },
    DataQualityDefault: { primary: managed('alias/aws/s3'), secondary: { volume: owned }, may: true },
    ModelBiasExplicit: { primary: cmk, secondary: { volume: cmk } },
    ExplainabilityDefault: { primary: managed('alias/aws/s3'), secondary: { volume: owned }, may: true },
    ModelQualityDefault: { primary: managed('alias/aws/s3'), secondary: { volume: owned }, may: true },
    ScheduleInlineDefault: { primary: managed('alias/aws/s3'), secondary: { volume: owned }, may: true },
    ScheduleByName: { primary: unknown, secondary: {} },
    PartnerAppExplicit: { primary: cmk },
    PartnerAppDefault: { primary: owned, may: true },
    ProfileSharingExplicit: { primary: cmk },
    ProfileSharingDefault: { primary: owned, may: true },
    ProfileNoSharing: { primary: unknown },
  },
  'secretsmanager.yaml': {
    RotationExplicit: { primary: cmk },
    RotationDefault: { primary: managed('alias/aws/secretsmanager') },
    RotationOwnFunction: { primary: managed('alias/aws/secretsmanager') },
  },
  'securityagent.yaml': {
    SpaceExplicit: { primary: cmk },
    SpaceDefault: { primary: managed('alias/aws/securityagent'), may: true },
    AppExplicit: { primary: cmk },
    AppDefault: { primary: managed('alias/aws/securityagent'), may: true },
    PackDefault: { primary: managed('alias/aws/securityagent'), may: true },
  },
  'securityhub.yaml': { ConnectorExplicit: { primary: cmk }, ConnectorDefault: { primary: owned, may: true } },
  'securitylake.yaml': { LakeExplicit: { primary: cmk }, LakeS3Managed: { primary: owned }, LakeDefault: { primary: owned } },
  'ses.yaml': {
    ArchiveExplicit: { primary: cmk },
    ArchiveDefault: { primary: owned },
    IngressExplicit: { primary: cmk },
    IngressNoTrustStore: { primary: owned, may: true },
  },
  'ssm.yaml': {
    SyncDestinationExplicit: { primary: cmk, secondary: {} },
    SyncDestinationDefault: { primary: owned, may: true },
    SyncLegacyExplicit: { primary: unknown, secondary: { 'legacy-destination': cmk } },
    SyncLegacyDefault: { primary: owned, secondary: {}, may: true },
    SyncFromSource: { primary: unknown },
  },
  // PrefsNoRecording records nothing, so keeps nothing under a key: not listed (the test below).
  'ssmguiconnect.yaml': { PrefsExplicit: { primary: cmk } },
  'ssmincidents.yaml': {
    ReplicationExplicit: { primary: cmk },
    ReplicationDefault: { primary: owned, may: true },
    ReplicationMixed: { primary: owned, secondary: { 'data[1]': cmk }, may: true },
  },
  'storagegateway.yaml': {
    TapeExplicit: { primary: cmk },
    TapeDefault: { primary: owned },
    VolumeExplicit: { primary: cmk },
    VolumeDefault: { primary: owned },
    VolumeKeyButSwitchOff: { primary: owned },
  },
  'timestream.yaml': {
    QueryExplicit: { primary: cmk },
    QueryDefault: { primary: owned },
    TableExplicit: { primary: cmk, secondary: { 'rejected-records': cmk } },
    TableDefault: { primary: managed('alias/aws/timestream'), secondary: {} },
    TableOutsideDatabase: { primary: unknown },
  },
  'translate.yaml': { ParallelExplicit: { primary: cmk }, ParallelDefault: { primary: owned, may: true } },
  'verifiedpermissions.yaml': { StoreExplicit: { primary: cmk }, StoreDefault: { primary: owned }, StoreDefaultSetting: { primary: owned } },
  'voiceid.yaml': { DomainExplicit: { primary: cmk }, DomainMissingKey: { primary: unknown } },
  'wisdom.yaml': {
    AssistantExplicit: { primary: cmk },
    AssistantDefault: { primary: owned, may: true },
    KnowledgeBaseExplicit: { primary: cmk },
    KnowledgeBaseEmptyConfig: { primary: owned, may: true },
  },
  'workspacesthinclient.yaml': { EnvExplicit: { primary: cmk }, EnvDefault: { primary: owned } },
};

function analysisOf(file: string): Analysis {
  const loaded = loadFile(join(DIR, file), { explicit: true });
  if (loaded.error) throw new Error(`${file}: ${loaded.error.message} (${loaded.error.line}:${loaded.error.column})`);
  expect(loaded.format).toBe('cloudformation');
  return analyse(loaded.templates);
}

/** Plain data: drops members that are `undefined`, so only the fields that are set compare. */
function plain(key: EffectiveKey): unknown {
  return JSON.parse(JSON.stringify(key));
}

describe('catalog group 3 fixtures', () => {
  it('GUI Connect preferences that record nothing keep nothing under a key and are not listed', () => {
    const analysis = analysisOf('ssmguiconnect.yaml');
    expect(analysis.templates[0].resourcesById.has('PrefsNoRecording')).toBe(true);
    expect(analysis.resources.map((r) => r.resource.id)).not.toContain('PrefsNoRecording');
  });

  it('has an expectation for every fixture file and a fixture for every file expected', () => {
    expect(readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort()).toEqual(Object.keys(expected).sort());
  });

  describe.each(Object.keys(expected).sort())('%s', (file) => {
    const analysis = analysisOf(file);
    const cases = Object.entries(expected[file]).map(([id, c]) => ({ id, ...c }));

    it('lists every resource but the key and the secret it rotates', () => {
      const ids = analysis.resources.map((r) => r.resource.id).filter((id) => id !== 'Key' && !id.startsWith('Database') && id !== 'Secret');
      expect(ids.sort()).toEqual(Object.keys(expected[file]).sort());
    });

    it.each(cases)('$id', ({ id, primary, secondary, may }) => {
      const found = analysis.resources.find((r) => r.resource.id === id);
      expect(found, `${id} is not analysed`).toBeDefined();
      expect(found!.variants).toHaveLength(1);
      const variant = found!.variants[0];
      expect(plain(variant.primary.key), variant.primary.reason).toStrictEqual(primary);
      if (secondary) {
        const actual = Object.fromEntries(variant.secondary.map((s) => [s.purpose, plain(s.resolved.key)]));
        expect(actual).toStrictEqual(secondary);
      }
      expect(variant.primary.reason).not.toMatch(/undefined|\[object Object\]/);
      if (may) expect(variant.primary.reason, 'a fallback below V must be worded with "may"').toMatch(/\bmay\b/);
    });
  });
});

describe('catalog group 3 rows', () => {
  interface Entry { type: string; propertyPath: string; likelyNotKms?: boolean }
  const reference = (JSON.parse(readFileSync(REFERENCE, 'utf8')) as { data: Entry[] }).data.filter((e) => !e.likelyNotKms);
  const pathsOf = (type: string): string[] => reference.filter((e) => e.type === type).map((e) => e.propertyPath);
  const slots = group3Rows.flatMap((row) => row.cfnTypes.flatMap((type) => row.slots.map((slot) => ({ type, slot }))));

  it.each(group3Rows.map((row) => ({ types: row.cfnTypes.join(', '), row })))('$types cites an AWS documentation page', ({ row }) => {
    expect(row.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/\S+$/);
  });

  it.each(slots.filter(({ slot }) => slot.key).map(({ type, slot }) => ({ type, purpose: slot.purpose, slot })))(
    '$type $purpose reads a listed key property',
    ({ type, slot }) => {
      const full = slot.scope ? `${slot.scope}.${slot.key}` : slot.key!;
      // A listed object-valued property (Verified Permissions' KmsEncryptionSettings) covers its fields.
      expect(pathsOf(type).some((p) => p === full || full.startsWith(`${p}.`)), `${full} is not listed for ${type}`).toBe(true);
    },
  );

  it('repeats no type of rows.ts (outside the family rows) nor one of its own', () => {
    const family = new Set(familyRows);
    const core = new Set(rows.filter((r) => !family.has(r)).flatMap((r) => r.cfnTypes));
    const mine = group3Rows.flatMap((r) => r.cfnTypes);
    expect(mine.filter((t) => core.has(t))).toEqual([]);
    expect(new Set(mine).size).toBe(mine.length);
  });
});
