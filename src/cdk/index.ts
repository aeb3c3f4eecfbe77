// `kmslint/cdk`: the CDK front ends. Only this entry point loads aws-cdk-lib and constructs
// (optional peer dependencies); `import "kmslint"` never does.
export { KmsLintAspect } from './aspect.js';
export { KmsLintValidation } from './validation.js';
export { KmsLint, type SuppressOptions } from './suppress.js';
export type { KmsLintOptions } from './options.js';
