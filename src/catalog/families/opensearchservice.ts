// Amazon OpenSearch Service UI applications (their metadata: saved queries, visualizations, dashboards).
import type { CatalogRow } from '../types.js';
import { alwaysEncrypted } from '../slot-kit.js';

export const opensearchserviceRows: readonly CatalogRow[] = [
  {
    // "By default, OpenSearch UI metadata is encrypted with AWS owned keys"; a customer managed key can
    // only be chosen when the application is created.
    cfnTypes: ['AWS::OpenSearchService::Application'],
    service: 'OpenSearch UI',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/application-encryption-cmk.html',
    slots: [alwaysEncrypted('KmsKeyArn', { kind: 'aws-owned', what: 'an AWS owned key' })],
  },
];
