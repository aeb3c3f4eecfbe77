// Input kinds other than plain CloudFormation plug in here (CDK assemblies, Terraform), so the
// loader stays one mechanism and each kind lives in its own folder.
import type { InputFormat, SourceDocument, Template } from '../model/types.js';
import type { LoadedInput, LoadOptions } from './load.js';
import { cdkAdapter } from './cdk/index.js';

export interface InputAdapter {
  format: InputFormat;
  /** For inputs that are not one document (a CDK assembly directory or its manifest.json). */
  claimsPath?(path: string): boolean;
  /** Load a claimed path. */
  load(path: string, options: LoadOptions): LoadedInput;
  /** For single-document inputs recognised by content (contract §1). */
  fromDocument?(doc: SourceDocument): Template[];
}

/** Every adapter; each input kind adds its own entry below. */
export const inputAdapters: InputAdapter[] = [cdkAdapter];
import { terraformAdapters } from './terraform/index.js'; inputAdapters.push(...terraformAdapters); // Terraform plan JSON and *.tf.json
import { terraformHclAdapter } from './terraform/hcl/index.js'; inputAdapters.push(terraformHclAdapter); // Terraform HCL (*.tf, *.tfvars)
