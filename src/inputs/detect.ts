// Which input kind a parsed document is (contract §1).
import type { InputFormat } from '../model/types.js';
import { isCloudFormationTemplate } from './cloudformation/template.js';
import { isRecord, own } from '../util/objects.js';

export function detectFormat(root: unknown, file: string): InputFormat | undefined {
  if (isCloudFormationTemplate(root)) return 'cloudformation';
  if (isRecord(root)) {
    if (typeof own(root, 'format_version') === 'string' && (own(root, 'planned_values') !== undefined || own(root, 'resource_changes') !== undefined || own(root, 'configuration') !== undefined || own(root, 'terraform_version') !== undefined)) {
      return 'terraform-plan';
    }
    if (/\.tf\.json$/i.test(file) && (own(root, 'resource') !== undefined || own(root, 'data') !== undefined || own(root, 'provider') !== undefined || own(root, 'module') !== undefined || own(root, 'variable') !== undefined || own(root, 'locals') !== undefined || own(root, 'terraform') !== undefined)) {
      return 'terraform-config';
    }
  }
  return undefined;
}
