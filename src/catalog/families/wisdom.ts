// Amazon Q in Connect (CloudFormation's AWS::Wisdom namespace): assistants and knowledge bases.
import type { CatalogRow } from '../types.js';
import { alwaysEncrypted } from '../slot-kit.js';

export const wisdomRows: readonly CatalogRow[] = [
  {
    // "Amazon Q in Connect stores knowledge documents that are encrypted at rest in S3 using a BYOK or
    // a service-owned key ... stores agent queries and call transcripts using a BYOK or a service-owned
    // key." That the service-owned key applies when no key is named is implied (partly verified).
    cfnTypes: ['AWS::Wisdom::Assistant', 'AWS::Wisdom::KnowledgeBase'],
    service: 'Amazon Q in Connect',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/connect/latest/adminguide/key-management.html',
    slots: [alwaysEncrypted('ServerSideEncryptionConfiguration.KmsKeyId', { kind: 'aws-owned', what: 'a service-owned key' })],
  },
];
