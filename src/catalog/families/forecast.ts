// Amazon Forecast datasets. Data protection page, "Encryption at Rest": with an EncryptionConfig in
// CreateDataset "Forecast will assume that role and use the key to encrypt the dataset. If no
// configuration is provided, then Forecast uses the default service keys for encryption." P: the
// page says "default service keys", not "AWS owned key".
import type { CatalogRow } from '../types.js';
import { optionalKeyRow } from '../slot-kit.js';

export const forecastRows: readonly CatalogRow[] = [
  optionalKeyRow(
    'AWS::Forecast::Dataset',
    'Amazon Forecast',
    'EncryptionConfig.KmsKeyArn',
    { kind: 'aws-owned', what: 'the Forecast default service keys' },
    { confidence: 'P', source: 'https://docs.aws.amazon.com/forecast/latest/dg/data-protection.html' },
  ),
];
