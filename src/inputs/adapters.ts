// Input kinds other than plain CloudFormation register here (CDK assemblies, Terraform), so the
// loader stays one mechanism and each kind lives in its own folder.
import type { InputFormat, SourceDocument, Template } from '../model/types.js';
import type { LoadedInput, LoadOptions } from './load.js';

export interface InputAdapter {
  format: InputFormat;
  /** For inputs that are not one document (a CDK assembly directory or its manifest.json). */
  claimsPath?(path: string): boolean;
  load(path: string, options: LoadOptions): LoadedInput;
  /** For single-document inputs recognised by content. */
  fromDocument?(doc: SourceDocument): Template[];
}

export const inputAdapters: InputAdapter[] = [];

export function registerInputAdapter(adapter: InputAdapter): void {
  inputAdapters.push(adapter);
}
