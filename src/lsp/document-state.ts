// What the server keeps per open document: the findings it published for a version, and the last
// analysis in which the document parsed (hover keeps working while the text is broken mid-edit).
import type { Diagnostic } from 'vscode-languageserver';
import type { Analysis, Finding } from '../index.js';

export interface DocumentState {
  /** The file path the document is analysed under. */
  path: string;
  /** Version the findings belong to. */
  version: number;
  findings: { finding: Finding; diagnostic: Diagnostic }[];
  lastGood?: { analysis: Analysis; version: number };
}

export class DocumentStates {
  private readonly byUri = new Map<string, DocumentState>();

  get(uri: string): DocumentState | undefined {
    return this.byUri.get(uri);
  }

  set(uri: string, state: DocumentState): void {
    this.byUri.set(uri, state);
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
  }
}
