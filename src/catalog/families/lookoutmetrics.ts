// Amazon Lookout for Metrics anomaly detectors. "Lookout for Metrics always encrypts a detector's
// dataset at rest … If you don't configure a customer managed key, Lookout for Metrics uses a key
// that the service manages" (data protection page); "you can choose an encryption key to use with
// the dataset's data, instead of the service's default key" (managing detectors). P: "a key that
// the service manages" is read as a service-owned key; the pages do not say "AWS owned key".
import type { CatalogRow } from '../types.js';
import { alwaysEncrypted } from '../slot-kit.js';

export const lookoutMetricsRows: readonly CatalogRow[] = [
  {
    cfnTypes: ['AWS::LookoutMetrics::AnomalyDetector'],
    service: 'Amazon Lookout for Metrics',
    confidence: 'P',
    source:
      'https://docs.aws.amazon.com/lookoutmetrics/latest/dev/security-dataprotection.html https://docs.aws.amazon.com/lookoutmetrics/latest/dev/detectors-manage.html',
    slots: [alwaysEncrypted('KmsKeyArn', { kind: 'aws-owned', what: 'a key Lookout for Metrics manages (its default key)' })],
  },
];
