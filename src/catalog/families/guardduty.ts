// GuardDuty publishing destinations (findings exported to Amazon S3). The export guide says a KMS
// key is needed: "You must also have an AWS KMS key that GuardDuty can use to encrypt findings."
// So a destination always names its key; one that names none is `unknown`. P: the API's
// DestinationProperties marks kmsKeyArn "Required: No" (docs/catalog-notes-group-2.md, third pass).
import type { CatalogRow } from '../types.js';
import { alwaysEncrypted, cfnPage } from '../slot-kit.js';

const TYPE = 'AWS::GuardDuty::PublishingDestination';

export const guardDutyRows: readonly CatalogRow[] = [
  {
    cfnTypes: [TYPE],
    service: 'Amazon GuardDuty',
    confidence: 'P',
    source: `https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_exportfindings.html ${cfnPage(TYPE)}`,
    slots: [
      alwaysEncrypted('DestinationProperties.KmsKeyArn', {
        kind: 'unknown',
        why: 'GuardDuty needs a KMS key to export findings',
      }),
    ],
  },
];
