// Amazon AppIntegrations data integrations: KmsKey is required (CFN reference, "Required: Yes").
import type { CatalogRow, KeySlot } from '../types.js';
import { cfnPage } from '../slot-kit.js';

const TYPE = 'AWS::AppIntegrations::DataIntegration';

function requiredKey(key: string): KeySlot {
  return { purpose: 'data', key, on: { always: true }, onNoKey: { kind: 'unknown', why: `${key} is required` }, off: [] };
}

export const appintegrationsRows: readonly CatalogRow[] = [
  {
    cfnTypes: [TYPE],
    service: 'Amazon AppIntegrations',
    confidence: 'V',
    source: cfnPage(TYPE),
    slots: [requiredKey('KmsKey')],
    terraform: [{ type: 'aws_appintegrations_data_integration', slots: [requiredKey('kms_key')] }],
  },
];
