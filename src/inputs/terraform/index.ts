// Terraform inputs (contract §1): plan JSON and `*.tf.json` configuration, both single documents
// recognised by content (inputs/detect.ts), each turned into one Template.
import type { InputAdapter } from '../adapters.js';
import type { LoadedInput } from '../load.js';
import { buildPlanTemplate } from './plan.js';
import { buildConfigTemplate } from './config.js';

function notAPath(path: string): LoadedInput {
  // Never reached: these adapters claim no paths, the loader parses the file and calls fromDocument.
  return { path, format: null, error: { message: 'not a Terraform input', line: 1, column: 1 }, templates: [] };
}

export const terraformPlanAdapter: InputAdapter = {
  format: 'terraform-plan',
  load: notAPath,
  fromDocument: (doc) => [buildPlanTemplate(doc)],
};

export const terraformConfigAdapter: InputAdapter = {
  format: 'terraform-config',
  load: notAPath,
  fromDocument: (doc) => [buildConfigTemplate(doc)],
};

export const terraformAdapters: readonly InputAdapter[] = [terraformPlanAdapter, terraformConfigAdapter];
