// AWS Clean Rooms intermediate tables and Clean Rooms ML configured model algorithms, from the
// encryption-at-rest sections of the Clean Rooms data-protection page:
// - Intermediate tables: "By default, the service encrypts intermediate table data with a
//   service-managed key. If you choose to provide your own KMS key, the service encrypts your
//   intermediate table at rest with that key." "Service-managed" does not say AWS owned or AWS
//   managed, so the outcome is the service's own key with that caveat (P).
// - Custom ML models: "If customer managed keys are not specified, AWS owned keys are used by
//   default." A configured model algorithm's key encrypts "customer-owned data in the configured ML
//   model algorithm and associated data" (CreateConfiguredModelAlgorithm), which is data of a custom
//   ML model; the sentence is about custom ML models as a whole, not this resource by name (P).
// ID mapping tables stay uncovered: the same page says only that their data is encrypted "with AWS
// KMS" (docs/catalog-uncovered-group-1.md).
import type { CatalogRow } from '../types.js';
import { cfnPage, optionalKeyRow } from '../slot-kit.js';

const DATA_PROTECTION = 'https://docs.aws.amazon.com/clean-rooms/latest/userguide/data-protection.html';
const INTERMEDIATE = 'AWS::CleanRooms::IntermediateTable';
const ALGORITHM = 'AWS::CleanRoomsML::ConfiguredModelAlgorithm';

export const cleanroomsRows: readonly CatalogRow[] = [
  optionalKeyRow(
    INTERMEDIATE,
    'AWS Clean Rooms',
    'KmsKeyArn',
    {
      kind: 'aws-owned',
      what: 'a service-managed key (Clean Rooms default for intermediate tables)',
      note: 'AWS calls it "a service-managed key" and does not say whether it is AWS owned or AWS managed',
    },
    { confidence: 'P', source: `${DATA_PROTECTION} ${cfnPage(INTERMEDIATE)}` },
  ),
  optionalKeyRow(
    ALGORITHM,
    'AWS Clean Rooms ML',
    'KmsKeyArn',
    {
      kind: 'aws-owned',
      what: 'an AWS owned key (Clean Rooms custom ML models default)',
      note: 'the page states this default for custom ML models as a whole, not for configured model algorithms by name',
    },
    { confidence: 'P', source: `${DATA_PROTECTION} https://docs.aws.amazon.com/cleanrooms-ml/latest/APIReference/API_CreateConfiguredModelAlgorithm.html` },
  ),
];
