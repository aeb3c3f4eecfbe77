// Amazon Bedrock types of group 1 (the agent and guardrail rows are in rows.ts).
// - Data Automation blueprints, projects and libraries: "by default, BDA encrypts data with AWS
//   owned keys" (encryption-bda).
// - Flows: "By default, Amazon Bedrock encrypts this data using an AWS managed key"; sessions: "uses
//   AWS-managed keys"; prompts: a customer managed key instead of "an AWS managed key"
//   (prompt-management-prereq). No alias is documented: by the lead's decision they fall back to an
//   AWS managed key under the placeholder alias/aws/bedrock. Bedrock's agent page says its default is
//   an AWS owned key, so the service's pages disagree: confidence U, both pages cited
//   (docs/catalog-notes-group-1.md).
// - Knowledge base data sources (third pass): "By default, Amazon Bedrock encrypts this data using an
//   AWS managed key" (encryption-kb, which lists transient data storage while ingesting data sources);
//   same placeholder, U for the same reason.
// - Automated Reasoning policies (third pass, API reference): "If you don't specify a AWS KMS key,
//   Amazon Bedrock uses an AWS KMS managed key for encryption." Same placeholder, P: the API page is
//   the only one, and "AWS KMS managed key" is not the guide's usual term.
// - Knowledge bases (fifth pass): the type's only key is the managed knowledge base's
//   (ManagedKnowledgeBaseConfiguration), for knowledge bases of type MANAGED. "You can also
//   optionally provide a KMS key for encryption of the managed vector store", whose console setting
//   is "AWS managed key by default" (kb-managed-create). Same placeholder, U as for the others. A
//   knowledge base of another type keeps its data in the store its configuration names, under that
//   store's key: unknown.
import type { CatalogRow, KeySlot } from '../types.js';
import { optionalKeyRow, optionalKeyWhen, undocumentedAlias } from '../slot-kit.js';

const GUIDE = 'https://docs.aws.amazon.com/bedrock/latest/userguide';
const BDA_OWNED = { kind: 'aws-owned', what: 'an AWS owned key (Bedrock Data Automation default)' } as const;
/** Agents: "Amazon Bedrock uses default AWS-owned keys to automatically encrypt agent's information". */
const AGENTS_PAGE = `${GUIDE}/encryption-agents-new.html`;
const AGAINST = 'its agent page says Bedrock encrypts by default with AWS owned keys';
const AWS_KEY = undocumentedAlias('alias/aws/bedrock', 'an AWS managed key', AGAINST);
const SESSION_KEY = undocumentedAlias('alias/aws/bedrock', 'AWS-managed keys', AGAINST);
const POLICY_KEY = undocumentedAlias('alias/aws/bedrock', 'an AWS KMS managed key');
const API = 'https://docs.aws.amazon.com/bedrock/latest/APIReference';
const MANAGED_KB_DEFAULT = undocumentedAlias('alias/aws/bedrock', 'AWS managed key by default', AGAINST);
const NOT_MANAGED_KB = { kind: 'unknown', why: 'not a managed knowledge base: its data is kept in the store its configuration names, under that store’s key' } as const;

/** The managed knowledge base's key, used only when the knowledge base's type is MANAGED. */
function managedKnowledgeBaseKey(key: string, type: string): KeySlot {
  return optionalKeyWhen(key, type, ['MANAGED'], MANAGED_KB_DEFAULT, NOT_MANAGED_KB);
}

export const bedrockRows: readonly CatalogRow[] = [
  optionalKeyRow('AWS::Bedrock::Blueprint', 'Bedrock Data Automation', 'KmsKeyId', BDA_OWNED, { confidence: 'V', source: `${GUIDE}/encryption-bda.html` }),
  optionalKeyRow('AWS::Bedrock::DataAutomationProject', 'Bedrock Data Automation', 'KmsKeyId', BDA_OWNED, { confidence: 'V', source: `${GUIDE}/encryption-bda.html` }),
  {
    // KmsKeyId is required inside EncryptionConfiguration.
    cfnTypes: ['AWS::Bedrock::DataAutomationLibrary'],
    service: 'Bedrock Data Automation',
    confidence: 'V',
    source: `${GUIDE}/encryption-bda.html`,
    slots: [
      {
        purpose: 'data',
        key: 'EncryptionConfiguration.KmsKeyId',
        on: { present: 'EncryptionConfiguration' },
        onNoKey: { kind: 'unknown', why: 'EncryptionConfiguration requires KmsKeyId' },
        off: [{ outcome: BDA_OWNED }],
      },
    ],
  },
  optionalKeyRow('AWS::Bedrock::Flow', 'Amazon Bedrock', 'CustomerEncryptionKeyArn', AWS_KEY, { confidence: 'U', source: `${GUIDE}/encryption-flows.html ${AGENTS_PAGE}` }),
  optionalKeyRow('AWS::Bedrock::Session', 'Amazon Bedrock', 'EncryptionKeyArn', SESSION_KEY, { confidence: 'U', source: `${GUIDE}/sessions-encryption.html ${AGENTS_PAGE}` }),
  optionalKeyRow('AWS::Bedrock::Prompt', 'Amazon Bedrock', 'CustomerEncryptionKeyArn', AWS_KEY, { confidence: 'U', source: `${GUIDE}/prompt-management-prereq.html ${AGENTS_PAGE}` }),
  optionalKeyRow('AWS::Bedrock::DataSource', 'Amazon Bedrock', 'ServerSideEncryptionConfiguration.KmsKeyArn', AWS_KEY, {
    confidence: 'U',
    source: `${GUIDE}/encryption-kb.html ${AGENTS_PAGE}`,
  }),
  optionalKeyRow('AWS::Bedrock::AutomatedReasoningPolicy', 'Amazon Bedrock', 'KmsKeyId', POLICY_KEY, {
    confidence: 'P',
    source: `${API}/API_CreateAutomatedReasoningPolicy.html`,
  }),
  {
    cfnTypes: ['AWS::Bedrock::KnowledgeBase'],
    service: 'Amazon Bedrock',
    confidence: 'U',
    source: `${GUIDE}/kb-managed-create.html ${AGENTS_PAGE}`,
    slots: [
      managedKnowledgeBaseKey(
        'KnowledgeBaseConfiguration.ManagedKnowledgeBaseConfiguration.ServerSideEncryptionConfiguration.KmsKeyArn',
        'KnowledgeBaseConfiguration.Type',
      ),
    ],
    terraform: [
      {
        type: 'aws_bedrockagent_knowledge_base',
        slots: [
          managedKnowledgeBaseKey(
            'knowledge_base_configuration[].managed_knowledge_base_configuration[].server_side_encryption_configuration[].kms_key_arn',
            'knowledge_base_configuration[].type',
          ),
        ],
      },
    ],
  },
];
