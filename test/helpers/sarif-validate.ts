// Validate a SARIF log against the official SARIF 2.1.0 JSON schema (draft-04).
//
// Test support only: it imports `ajv-draft-04` and `ajv-formats` (devDependencies), which is why
// it lives under test/ and is not shipped. The schema is not shipped either; callers pass its
// path (the repository keeps it at ../shared/reference/sarif-schema-2.1.0.json) or the parsed
// schema object.
//
// ajv options: the schema's `language` pattern `^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$` is not
// a valid regular expression under the `u` flag, hence `unicodeRegExp: false`; `strict: false`
// because the schema uses draft-04 idioms ajv's strict mode complains about.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

const Ajv04 = ajvDraft04.default;
const addFormats = ajvFormats.default;

export type SarifValidator = (log: unknown) => string[];

/** Where the schema sits relative to the repository root (the working directory of the tests). */
export const DEFAULT_SARIF_SCHEMA_PATH = '../shared/reference/sarif-schema-2.1.0.json';

/** Compile a validator from a parsed SARIF schema. Each problem is `<json pointer> <message>`. */
export function createSarifValidator(schema: object): SarifValidator {
  const ajv = new Ajv04({ strict: false, unicodeRegExp: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (log: unknown) => {
    if (validate(log)) return [];
    return (validate.errors ?? []).map((e) => {
      const params = e.params && Object.keys(e.params).length > 0 ? ` ${JSON.stringify(e.params)}` : '';
      return `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${params}`;
    });
  };
}

const cache = new Map<string, SarifValidator>();

/**
 * Problems found in `log` (an object, or SARIF text) against the schema at `schemaPath`
 * (default: `../shared/reference/sarif-schema-2.1.0.json` from the working directory);
 * an empty array means valid. The compiled schema is cached per path.
 */
export function validateSarif(log: unknown, schemaPath: string = DEFAULT_SARIF_SCHEMA_PATH): string[] {
  const abs = resolve(schemaPath);
  let validator = cache.get(abs);
  if (!validator) {
    validator = createSarifValidator(JSON.parse(readFileSync(abs, 'utf8')) as object);
    cache.set(abs, validator);
  }
  let value = log;
  if (typeof log === 'string') {
    try {
      value = JSON.parse(log);
    } catch (e) {
      return [`/ is not JSON: ${(e as Error).message}`];
    }
  }
  return validator(value);
}
