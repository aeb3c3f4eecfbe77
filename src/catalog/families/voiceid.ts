// Amazon Connect Voice ID domains.
import type { CatalogRow } from '../types.js';
import { alwaysEncrypted } from '../slot-kit.js';

export const voiceidRows: readonly CatalogRow[] = [
  {
    // ServerSideEncryptionConfiguration and its KmsKeyId are required: a domain always names its key.
    cfnTypes: ['AWS::VoiceID::Domain'],
    service: 'Voice ID',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-voiceid-domain-serversideencryptionconfiguration.html',
    slots: [alwaysEncrypted('ServerSideEncryptionConfiguration.KmsKeyId', { kind: 'unknown', why: 'Voice ID requires a customer managed key (KmsKeyId is required)' })],
  },
];
