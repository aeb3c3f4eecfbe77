// Neptune Analytics graphs.
import type { CatalogRow } from '../types.js';

export const neptuneGraphRows: readonly CatalogRow[] = [
  {
    // "If not specified, the graph is encrypted with an AWS managed key" (CFN text). No alias is
    // documented: `alias/aws/neptune-graph` is a placeholder, as for rows 12, 49 and 80 of
    // rows.ts. The API's own default label reads AWS_OWNED_KEY, so the kind is P, not V.
    cfnTypes: ['AWS::NeptuneGraph::Graph'],
    service: 'Neptune Analytics',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-neptunegraph-graph.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyIdentifier',
        on: { always: true },
        onNoKey: {
          kind: 'aws-managed',
          alias: 'alias/aws/neptune-graph',
          note: 'the alias is not documented (placeholder), and the service may report this default as an AWS owned key',
        },
        off: [],
      },
      {
        // The key of an import task's S3 export (required in that structure); reported when named.
        purpose: 'import-s3-export',
        key: 'ImportTask.ImportOptions.Neptune.S3ExportKmsKeyId',
        on: { present: 'ImportTask.ImportOptions.Neptune.S3ExportKmsKeyId' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [],
      },
    ],
  },
];
