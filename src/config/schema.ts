// JSON Schema of the config file, checked with ajv; every problem is reported, not just the first.
const severity = { enum: ['off', 'info', 'warning', 'error'] };
const ruleSetting = {
  oneOf: [
    severity,
    { type: 'array', items: [severity], additionalItems: false, minItems: 1, maxItems: 1 },
    { type: 'array', items: [severity, { type: 'object' }], additionalItems: false, minItems: 2, maxItems: 2 },
  ],
};
const stringList = { type: 'array', items: { type: 'string', minLength: 1 } };
const rulesMap = { type: 'object', additionalProperties: ruleSetting };

export const configSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    accounts: { type: 'array', items: { type: 'string', pattern: '^\\d{12}$' } },
    organization: { type: 'string', pattern: '^o-[a-z0-9]{10,32}$' },
    rules: rulesMap,
    requirements: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'match', 'require'],
        properties: {
          name: { type: 'string', minLength: 1 },
          match: {
            type: 'object',
            additionalProperties: false,
            properties: {
              types: stringList,
              ids: stringList,
              paths: stringList,
              tags: { type: 'object', additionalProperties: stringList },
            },
          },
          require: {
            type: 'object',
            additionalProperties: false,
            minProperties: 1,
            properties: {
              customerManagedKey: { type: 'boolean' },
              rotation: {
                type: 'object',
                additionalProperties: false,
                required: ['maxDays'],
                properties: { maxDays: { type: 'integer', minimum: 1 } },
              },
              deletable: { type: 'boolean' },
              disableable: { type: 'boolean' },
              customKeyPolicy: { type: 'boolean' },
              importedKeyMaterial: { type: 'boolean' },
              multiRegion: { type: 'boolean' },
              auditable: { type: 'boolean' },
            },
          },
        },
      },
    },
    overrides: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['rules'],
        anyOf: [{ required: ['files'] }, { required: ['resources'] }],
        properties: { files: stringList, resources: stringList, rules: rulesMap },
      },
    },
  },
} as const;
