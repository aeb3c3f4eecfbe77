// Amazon DataZone domains: "Amazon DataZone uses default AWS-owned keys to automatically encrypt your
// data at rest", or a customer managed key chosen at domain creation (encryption-rest-datazone).
import type { CatalogRow } from '../types.js';
import { optionalKey } from '../slot-kit.js';

const OWNED = { kind: 'aws-owned', what: 'an AWS owned key (DataZone default)' } as const;

export const datazoneRows: readonly CatalogRow[] = [
  {
    cfnTypes: ['AWS::DataZone::Domain'],
    service: 'Amazon DataZone',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/datazone/latest/userguide/encryption-rest-datazone.html',
    slots: [optionalKey('KmsKeyIdentifier', OWNED)],
    terraform: [{ type: 'aws_datazone_domain', slots: [optionalKey('kms_key_identifier', OWNED)] }],
  },
];
