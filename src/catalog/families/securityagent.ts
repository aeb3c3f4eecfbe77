// AWS Security Agent: agent spaces, applications and security requirement packs.
import type { CatalogRow, Outcome } from '../types.js';
import { alwaysEncrypted } from '../slot-kit.js';

/** "By default, AWS Security Agent encrypts all data at rest using AWS-managed encryption keys." */
const SOURCE = 'https://docs.aws.amazon.com/securityagent/latest/userguide/customer-managed-keys.html';
const MANAGED: Outcome = {
  kind: 'aws-managed',
  alias: 'alias/aws/securityagent',
  note: 'the alias is not documented and may differ: AWS says only "AWS-managed encryption keys"',
};

export const securityagentRows: readonly CatalogRow[] = [
  {
    // The agent space property text agrees: "If not specified, an AWS managed key is used." A pack's
    // key is for client-side encryption of its contents; the service-wide default is applied to it.
    cfnTypes: ['AWS::SecurityAgent::AgentSpace', 'AWS::SecurityAgent::SecurityRequirementPack'],
    service: 'AWS Security Agent',
    confidence: 'P',
    source: SOURCE,
    slots: [alwaysEncrypted('KmsKeyId', MANAGED)],
  },
  {
    cfnTypes: ['AWS::SecurityAgent::Application'],
    service: 'AWS Security Agent',
    confidence: 'P',
    source: SOURCE,
    slots: [alwaysEncrypted('DefaultKmsKeyId', MANAGED)],
  },
];
