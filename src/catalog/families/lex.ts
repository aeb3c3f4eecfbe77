// Amazon Lex V2 bots and bot aliases: the key of the audio conversation logs they write to S3.
import type { CatalogRow, KeySlot } from '../types.js';

/**
 * Audio logs are S3 objects: with no key named they get the bucket's default encryption (the Lex
 * conversation-log encryption page, written for Lex V1, whose audio logs work the same way: P).
 * Without audio logs there is nothing of this kind to encrypt; Lex's own stored data is "encrypted
 * by default" (CFN `DataPrivacy` text) with a key that is not named.
 */
function audioLogSlot(scope: string): KeySlot {
  return {
    purpose: 'data',
    scope,
    key: 'Destination.S3Bucket.KmsKeyArn',
    alias: 'alias/aws/s3',
    on: { present: 'Destination.S3Bucket.KmsKeyArn' },
    onNoKey: { kind: 'unknown', why: 'no key named' },
    off: [
      {
        when: { present: 'Destination.S3Bucket.S3BucketArn' },
        outcome: { kind: 'aws-owned', what: "the log bucket's default encryption (SSE-S3 unless the bucket sets SSE-KMS)" },
      },
      { outcome: { kind: 'aws-owned', what: "Amazon Lex's own encryption of the data it stores (no audio logs are configured)", note: 'the key Lex uses is not named by AWS' } },
    ],
  };
}

const SOURCE = 'https://docs.aws.amazon.com/lex/latest/dg/conversation-logs-encrypting.html';

export const lexRows: readonly CatalogRow[] = [
  {
    cfnTypes: ['AWS::Lex::Bot'],
    service: 'Amazon Lex',
    confidence: 'P',
    source: SOURCE,
    slots: [
      audioLogSlot('TestBotAliasSettings.ConversationLogSettings.AudioLogSettings[]'),
      {
        // Decrypts a grammar file the bot reads from S3; reported when named.
        purpose: 'grammar-source',
        scope: 'BotLocales[].SlotTypes[]',
        key: 'ExternalSourceSetting.GrammarSlotTypeSetting.Source.KmsKeyArn',
        on: { present: 'ExternalSourceSetting.GrammarSlotTypeSetting.Source.KmsKeyArn' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [],
      },
    ],
  },
  {
    cfnTypes: ['AWS::Lex::BotAlias'],
    service: 'Amazon Lex',
    confidence: 'P',
    source: SOURCE,
    slots: [audioLogSlot('ConversationLogSettings.AudioLogSettings[]')],
  },
];
