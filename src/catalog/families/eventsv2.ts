// EventBridge (EventsV2 namespace): custom event buses and managed partner event buses.
import type { CatalogRow } from '../types.js';

const EVENTBRIDGE_OWNED = { kind: 'aws-owned', what: 'an AWS owned key (EventBridge)' } as const;

export const eventsV2Rows: readonly CatalogRow[] = [
  {
    // "If you do not specify a key, EventBridge uses an AWS owned key" (CFN text).
    cfnTypes: ['AWS::EventsV2::EventBus'],
    service: 'Amazon EventBridge',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-eventsv2-eventbus.html',
    slots: [
      {
        purpose: 'data',
        key: 'EncryptionConfiguration.KmsKeyIdentifier',
        on: { present: 'EncryptionConfiguration.KmsKeyIdentifier' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: EVENTBRIDGE_OWNED }],
      },
    ],
  },
  {
    // "If you do not specify a customer managed key identifier, EventBridge uses an AWS owned key to
    // encrypt events on the event bus" (CFN text, partner event sources).
    cfnTypes: ['AWS::EventsV2::EventSource'],
    service: 'Amazon EventBridge',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-eventsv2-eventsource.html',
    slots: [
      {
        purpose: 'data',
        key: 'Configuration.PartnerEventsConfiguration.PartnerBusKmsKeyIdentifier',
        on: { present: 'Configuration.PartnerEventsConfiguration.PartnerBusKmsKeyIdentifier' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [
          { when: { present: 'Configuration.PartnerEventsConfiguration' }, outcome: EVENTBRIDGE_OWNED },
          // The other variant forwards AWS service events onto a custom event bus it names.
          { outcome: { kind: 'unknown', why: 'the events are kept by the event bus it forwards them to, whose key applies' } },
        ],
      },
    ],
  },
];
