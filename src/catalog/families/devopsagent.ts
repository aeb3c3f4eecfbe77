// AWS DevOps Agent agent spaces and registered services. The encryption-at-rest page of the DevOps
// Agent user guide names both resources as the ones a customer managed key can be given to, and says
// that by default the service uses AWS owned keys. P: the guide's general security page words the
// same default as "AWS-managed keys" (docs/catalog-notes-group-1.md, third pass).
import type { CatalogRow } from '../types.js';
import { cfnPage, optionalKeyRow } from '../slot-kit.js';

const ENCRYPTION_AT_REST =
  'https://docs.aws.amazon.com/devopsagent/latest/userguide/aws-devops-agent-security-encryption-at-rest-for-devops-agent.html';
const OWNED = { kind: 'aws-owned', what: 'AWS DevOps Agent AWS owned keys' } as const;

export const devopsagentRows: readonly CatalogRow[] = ['AWS::DevOpsAgent::AgentSpace', 'AWS::DevOpsAgent::Service'].map((type) =>
  optionalKeyRow(type, 'AWS DevOps Agent', 'KmsKeyArn', OWNED, { confidence: 'P', source: `${ENCRYPTION_AT_REST} ${cfnPage(type)}` }),
);
