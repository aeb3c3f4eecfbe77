// AWS Backup gateway hypervisors. KmsKeyArn encrypts the hypervisor's credentials (its username and
// password); "By default, the keys used to encrypt credentials in your hypervisor are AWS owned keys"
// (bgw-hypervisor-encryption-page), and the hypervisor console steps say the same: "If you do not
// select a specific key, AWS Backup will encrypt your password using a service-owned key"
// (working-with-hypervisors). No Terraform counterpart: the AWS provider has no hypervisor resource.
import type { CatalogRow } from '../types.js';
import { optionalKeyRow } from '../slot-kit.js';

const GUIDE = 'https://docs.aws.amazon.com/aws-backup/latest/devguide';
const OWNED = { kind: 'aws-owned', what: 'an AWS owned key (AWS Backup default for hypervisor credentials)' } as const;

export const backupgatewayRows: readonly CatalogRow[] = [
  optionalKeyRow('AWS::BackupGateway::Hypervisor', 'AWS Backup gateway', 'KmsKeyArn', OWNED, {
    confidence: 'V',
    source: `${GUIDE}/bgw-hypervisor-encryption-page.html ${GUIDE}/working-with-hypervisors.html`,
  }),
];
