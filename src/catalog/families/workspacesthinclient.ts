// Amazon WorkSpaces Thin Client environments.
import type { CatalogRow } from '../types.js';
import { alwaysEncrypted } from '../slot-kit.js';

export const workspacesthinclientRows: readonly CatalogRow[] = [
  {
    // "If you don't supply a key, WorkSpaces Thin Client uses an AWS Owned Key."
    cfnTypes: ['AWS::WorkSpacesThinClient::Environment'],
    service: 'WorkSpaces Thin Client',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/workspaces-thin-client/latest/ag/key-management.html',
    slots: [alwaysEncrypted('KmsKeyArn', { kind: 'aws-owned', what: 'an AWS owned key' })],
  },
];
