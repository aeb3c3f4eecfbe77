// Amazon Bedrock AgentCore: "AgentCore encrypts your data using AWS owned encryption keys" by
// default (data-encryption); gateways and memories are named there as taking a customer managed key
// (V). The harness's managed memory "Defaults to AWS-owned key" (CFN text, V). Configuration
// bundles, datasets, evaluators and policy engines are not named on that page; the general statement
// is applied to them (P).
import type { CatalogRow } from '../types.js';
import { cfnPage, optionalKeyRow } from '../slot-kit.js';

const ENCRYPTION_PAGE = 'https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/data-encryption.html';
const OWNED = { kind: 'aws-owned', what: 'an AWS owned key (AgentCore default)' } as const;
const SERVICE = 'Amazon Bedrock AgentCore';

function row(resource: string, key: string, confidence: 'V' | 'P'): CatalogRow {
  return optionalKeyRow(`AWS::BedrockAgentCore::${resource}`, SERVICE, key, OWNED, { confidence, source: ENCRYPTION_PAGE });
}

const HARNESS = 'AWS::BedrockAgentCore::Harness';
const HARNESS_KEY = 'Memory.ManagedMemoryConfiguration.EncryptionKeyArn';

export const bedrockagentcoreRows: readonly CatalogRow[] = [
  row('Gateway', 'KmsKeyArn', 'V'),
  row('Memory', 'EncryptionKeyArn', 'V'),
  row('ConfigurationBundle', 'KmsKeyArn', 'P'),
  row('Dataset', 'KmsKeyArn', 'P'),
  row('Evaluator', 'KmsKeyArn', 'P'),
  row('PolicyEngine', 'EncryptionKeyArn', 'P'),
  {
    cfnTypes: [HARNESS],
    service: SERVICE,
    confidence: 'V',
    source: `${cfnPage(HARNESS)} ${ENCRYPTION_PAGE}`,
    slots: [
      {
        purpose: 'data',
        key: HARNESS_KEY,
        on: { present: HARNESS_KEY },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [
          {
            when: { present: 'Memory.AgentCoreMemoryConfiguration' },
            outcome: { kind: 'unknown', why: 'the harness uses an existing AgentCore memory, which has its own key' },
          },
          { outcome: OWNED },
        ],
      },
    ],
  },
];
