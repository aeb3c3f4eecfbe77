// Catalog rows for AWS SAM types (`Transform: AWS::Serverless-2016-10-31`), read before the transform
// runs, with Globals already applied (inputs/cloudformation/sam-globals.ts). Each row's `sam` column
// says which SAM property the transform passes to which CloudFormation property; its slots read the
// SAM paths and state the same facts as the row of the CloudFormation type it becomes, so a SAM input
// and its translated output give the same keys. Sources: the SAM resource pages
// (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-<name>.html,
// "CloudFormation compatibility" of each property) and the transform (aws/serverless-application-model,
// samtranslator/model/sam_resources.py), which rejects a property a SAM type does not define.
//
// Also here: the CloudFormation types SAM creates whose key facts the catalog lacked (API Gateway
// stages with access logs, Lambda layer versions), so the translated side is read alike.
import type { CatalogRow, KeySlot, Outcome } from './types.js';
import { optionalKey } from './slot-kit.js';
import { CAPACITY_PROVIDER_DEFAULT, CAPACITY_PROVIDER_SOURCE } from './families/lambda.js';

const SAM_DOCS = 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide';

/** Reported only when the template names a key (no documented default). */
function namedKey(purpose: string, key: string): KeySlot {
  return { purpose, key, on: { present: key }, onNoKey: { kind: 'unknown', why: 'no key named' }, off: [] };
}

/** What API Gateway keeps of an API that a template can put under a KMS key: its access logs, in the destination it names. */
function accessLogSlot(destination: string): KeySlot {
  return {
    purpose: 'data',
    on: { not: { present: destination } },
    onNoKey: {
      kind: 'unknown',
      why: 'API Gateway cannot name a KMS key for an API (a stage cache is encrypted with a key AWS does not name); only access logs, written to the destination the stage names, have a key the template controls',
    },
    off: [{ outcome: { kind: 'inherit', from: destination, what: 'its access-log destination' } }],
  };
}

/** Lambda: environment variables and SnapStart snapshots use alias/aws/lambda unless KmsKeyArn names a key (row 18). */
const LAMBDA_DATA: KeySlot = {
  purpose: 'data',
  key: 'KmsKeyArn',
  on: { any: [{ present: 'Environment.Variables' }, { path: 'SnapStart.ApplyOn', equals: ['PublishedVersions'] }] },
  onNoKey: { kind: 'aws-managed', alias: 'alias/aws/lambda' },
  off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key for its code package (no environment variables or SnapStart snapshot to encrypt with alias/aws/lambda)' } }],
};

const LAYER_ARCHIVE: Outcome = {
  kind: 'aws-owned',
  what: 'a key it chooses for layer archives (AWS documents that they are encrypted at rest, not with which key; layers cannot name one)',
};

const APPSYNC_STORAGE: Outcome = { kind: 'aws-owned', what: 'service-managed storage (not KMS-configurable)' };

export const samRows: readonly CatalogRow[] = [
  {
    cfnTypes: ['AWS::Serverless::Function'],
    service: 'Lambda',
    alias: 'alias/aws/lambda',
    confidence: 'V',
    source: `${SAM_DOCS}/sam-resource-function.html ; https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html`,
    sam: {
      translatesTo: ['AWS::Lambda::Function'],
      properties: {
        KmsKeyArn: 'AWS::Lambda::Function.KmsKeyArn',
        Environment: 'AWS::Lambda::Function.Environment',
        SnapStart: 'AWS::Lambda::Function.SnapStart',
        SourceKMSKeyArn: 'AWS::Lambda::Function.Code.SourceKMSKeyArn',
        DurableConfig: 'AWS::Lambda::Function.DurableConfig',
      },
    },
    slots: [LAMBDA_DATA, namedKey('source-package', 'SourceKMSKeyArn'), namedKey('durable-execution', 'DurableConfig.KMSKeyArn')],
  },
  {
    cfnTypes: ['AWS::Serverless::SimpleTable'],
    service: 'DynamoDB',
    alias: 'alias/aws/dynamodb',
    confidence: 'V',
    source: `${SAM_DOCS}/sam-resource-simpletable.html ; https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html`,
    sam: { translatesTo: ['AWS::DynamoDB::Table'], properties: { SSESpecification: 'AWS::DynamoDB::Table.SSESpecification' } },
    slots: [
      {
        purpose: 'data',
        key: 'SSESpecification.KMSMasterKeyId',
        on: { path: 'SSESpecification.SSEEnabled', equals: [true] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/dynamodb' },
        off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key (DynamoDB always encrypts tables)' } }],
      },
    ],
  },
  {
    // SAM defines no EncryptionConfiguration for state machines, so Step Functions' default applies
    // (row 50). Logging destinations are log groups, each with its own key (the log group's row).
    cfnTypes: ['AWS::Serverless::StateMachine'],
    service: 'Step Functions',
    confidence: 'V',
    source: `${SAM_DOCS}/sam-resource-statemachine.html ; https://docs.aws.amazon.com/step-functions/latest/dg/encryption-at-rest.html`,
    sam: { translatesTo: ['AWS::StepFunctions::StateMachine'], properties: { Logging: 'AWS::StepFunctions::StateMachine.LoggingConfiguration' } },
    slots: [
      {
        purpose: 'data',
        on: { always: true },
        onNoKey: { kind: 'aws-owned', what: 'an AWS owned key (AWS::Serverless::StateMachine has no EncryptionConfiguration)' },
        off: [],
      },
    ],
  },
  {
    cfnTypes: ['AWS::Serverless::LayerVersion'],
    service: 'Lambda',
    // "Partly": Lambda documents that layer archives are encrypted at rest, not with which key.
    confidence: 'P',
    source: `${SAM_DOCS}/sam-resource-layerversion.html ; https://docs.aws.amazon.com/lambda/latest/dg/security-encryption-at-rest.html`,
    sam: { translatesTo: ['AWS::Lambda::LayerVersion'], properties: { ContentUri: 'AWS::Lambda::LayerVersion.Content' } },
    slots: [{ purpose: 'data', on: { always: true }, onNoKey: LAYER_ARCHIVE, off: [] }],
  },
  {
    cfnTypes: ['AWS::Serverless::Api'],
    service: 'API Gateway',
    confidence: 'V',
    source: `${SAM_DOCS}/sam-resource-api.html ; https://docs.aws.amazon.com/apigateway/latest/developerguide/data-protection-encryption.html`,
    sam: {
      translatesTo: ['AWS::ApiGateway::Stage', 'AWS::ApiGateway::RestApi', 'AWS::ApiGateway::Deployment'],
      properties: { AccessLogSetting: 'AWS::ApiGateway::Stage.AccessLogSetting' },
    },
    slots: [accessLogSlot('AccessLogSetting.DestinationArn')],
  },
  {
    cfnTypes: ['AWS::Serverless::HttpApi'],
    service: 'API Gateway',
    confidence: 'V',
    source: `${SAM_DOCS}/sam-resource-httpapi.html ; https://docs.aws.amazon.com/apigateway/latest/developerguide/data-protection-encryption.html`,
    sam: { translatesTo: ['AWS::ApiGatewayV2::Stage', 'AWS::ApiGatewayV2::Api'], properties: { AccessLogSettings: 'AWS::ApiGatewayV2::Stage.AccessLogSettings' } },
    slots: [accessLogSlot('AccessLogSettings.DestinationArn')],
  },
  {
    cfnTypes: ['AWS::Serverless::WebSocketApi'],
    service: 'API Gateway',
    confidence: 'V',
    source: `${SAM_DOCS}/sam-resource-websocketapi.html ; https://docs.aws.amazon.com/apigateway/latest/developerguide/data-protection-encryption.html`,
    sam: { translatesTo: ['AWS::ApiGatewayV2::Stage', 'AWS::ApiGatewayV2::Api'], properties: { AccessLogSettings: 'AWS::ApiGatewayV2::Stage.AccessLogSettings' } },
    slots: [accessLogSlot('AccessLogSettings.DestinationArn')],
  },
  {
    // As row 62: neither the API nor its cache can name a KMS key.
    cfnTypes: ['AWS::Serverless::GraphQLApi'],
    service: 'AppSync',
    confidence: 'V',
    source: `${SAM_DOCS}/sam-resource-graphqlapi.html ; https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-appsync-apicache.html`,
    sam: { translatesTo: ['AWS::AppSync::GraphQLApi', 'AWS::AppSync::ApiCache'], properties: { Cache: 'AWS::AppSync::ApiCache' } },
    slots: [{ purpose: 'data', on: { always: true }, onNoKey: APPSYNC_STORAGE, off: [] }],
  },
  {
    // A nested application (AWS Serverless Application Repository or a template URL): its own
    // template decides the keys of what it creates.
    cfnTypes: ['AWS::Serverless::Application'],
    service: 'CloudFormation',
    confidence: 'V',
    source: `${SAM_DOCS}/sam-resource-application.html`,
    sam: { translatesTo: ['AWS::CloudFormation::Stack'], properties: { Location: 'AWS::CloudFormation::Stack.TemplateURL', Parameters: 'AWS::CloudFormation::Stack.Parameters' } },
    slots: [
      {
        purpose: 'data',
        on: { present: 'Location' },
        onNoKey: { kind: 'unknown', why: "the nested application's own template decides the keys of its resources, and kmslint does not read it" },
        off: [{ outcome: { kind: 'unknown', why: 'an application needs a Location' } }],
      },
    ],
  },
  {
    // The fallback of the AWS::Lambda::CapacityProvider row it becomes (families/lambda.ts).
    cfnTypes: ['AWS::Serverless::CapacityProvider'],
    service: 'Lambda Managed Instances',
    alias: 'alias/aws/ebs',
    confidence: 'P',
    source: `${SAM_DOCS}/sam-resource-capacityprovider.html ; ${CAPACITY_PROVIDER_SOURCE}`,
    sam: { translatesTo: ['AWS::Lambda::CapacityProvider'], properties: { KmsKeyArn: 'AWS::Lambda::CapacityProvider.KmsKeyArn' } },
    slots: [optionalKey('KmsKeyArn', CAPACITY_PROVIDER_DEFAULT)],
  },
  // CloudFormation types the SAM rows above translate into.
  {
    cfnTypes: ['AWS::ApiGateway::Stage'],
    service: 'API Gateway',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/data-protection-encryption.html ; https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigateway-stage.html',
    slots: [accessLogSlot('AccessLogSetting.DestinationArn')],
  },
  {
    cfnTypes: ['AWS::ApiGatewayV2::Stage'],
    service: 'API Gateway',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/data-protection-encryption.html ; https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigatewayv2-stage.html',
    slots: [accessLogSlot('AccessLogSettings.DestinationArn')],
  },
  {
    cfnTypes: ['AWS::Lambda::LayerVersion'],
    service: 'Lambda',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/lambda/latest/dg/security-encryption-at-rest.html',
    slots: [{ purpose: 'data', on: { always: true }, onNoKey: LAYER_ARCHIVE, off: [] }],
  },
];
