// Bytes → documents → templates, for every input kind. Never throws for a bad input: the problem is
// returned as the input's `error`, so one broken file loses nothing else.
import type { InputFormat, ParseErrorInfo, SourceDocument, Template } from '../model/types.js';
import { parseJsonDocument } from './json-document.js';
import { MAX_YAML_BYTES, parseYamlDocument } from './yaml-document.js';
import { DocumentParseError } from './errors.js';
import { detectFormat } from './detect.js';
import { buildCloudFormationTemplate } from './cloudformation/template.js';
import { inputAdapters, type InputAdapter } from './adapters.js';
import { BoundedReadError, formatBytes, readBounded } from '../util/read-bounded.js';
import { loadHclText } from './terraform/hcl/index.js';

export interface LoadedInput {
  /** Path as reported (relative to cwd when possible). */
  path: string;
  format: InputFormat | null;
  error: ParseErrorInfo | null;
  templates: Template[];
  /** Not a recognised input; `explicit` tells whether the user named it. */
  skipped?: boolean;
}

export interface LoadOptions {
  /** The user named this file directly (not found by a walk or glob). */
  explicit: boolean;
  /** Text to use instead of reading the file (editor buffers). */
  text?: string;
  /** Path to report (relative to the user's working directory); defaults to the path read. */
  display?: string;
  /** The adapter that already recognised the path (saves recognising it twice). */
  adapter?: InputAdapter;
}

/**
 * Largest JSON file kmslint reads; Terraform plans of real estates reach tens of MB. Set so one run
 * stays under 2 GB of memory on the largest accepted file (text, parsed values and positions).
 */
export const MAX_FILE_BYTES = 128 * 1024 * 1024;

export function loadFile(readPath: string, options: LoadOptions): LoadedInput {
  const adapter = options.adapter ?? inputAdapters.find((a) => a.claimsPath?.(readPath));
  if (adapter) return adapter.load(readPath, options);
  const path = options.display ?? readPath;

  let text: string;
  try {
    text = options.text ?? readText(readPath);
  } catch (err) {
    if (err instanceof DocumentParseError) return failed(path, err);
    if (err instanceof BoundedReadError) return failed(path, new DocumentParseError(path, err.message, 1, 1));
    const code = (err as NodeJS.ErrnoException).code;
    return failed(path, new DocumentParseError(path, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read: ${(err as Error).message}`, 1, 1));
  }
  return loadText(path, text, options);
}

export function loadText(path: string, text: string, options: LoadOptions): LoadedInput {
  if (/\.tf$/i.test(path)) return loadHclText(path, path, text);
  let doc: SourceDocument;
  try {
    doc = parseDocument(path, text);
  } catch (err) {
    if (!(err instanceof DocumentParseError)) throw err;
    // From a walk, a broken file that does not look like an infrastructure file is not ours to judge.
    if (!options.explicit && !looksLikeInfrastructure(path, text)) return { path, format: null, error: null, templates: [], skipped: true };
    return failed(path, err);
  }
  const format = detectFormat(doc.root, path);
  if (!format) {
    if (options.explicit) {
      return { path, format: null, error: { message: 'not a recognised template (CloudFormation, CDK assembly, Terraform plan, *.tf or *.tf.json)', line: 1, column: 1 }, templates: [], skipped: true };
    }
    return { path, format: null, error: null, templates: [], skipped: true };
  }
  try {
    if (format === 'cloudformation') return { path, format, error: null, templates: [buildCloudFormationTemplate(doc)] };
    const adapter = inputAdapters.find((a) => a.format === format);
    if (!adapter?.fromDocument) {
      return { path, format, error: { message: `${format} input is not supported yet`, line: 1, column: 1 }, templates: [] };
    }
    return { path, format, error: null, templates: adapter.fromDocument(doc) };
  } catch (err) {
    if (err instanceof DocumentParseError) return { ...failed(path, err), format };
    throw err;
  }
}

export function parseDocument(path: string, text: string): SourceDocument {
  if (/\.ya?ml$/i.test(path)) return parseYamlDocument(path, text);
  if (/\.json$/i.test(path)) return parseJsonDocument(path, text);
  // `.template` and other names: JSON if it looks like JSON, else YAML.
  return /^\s*[{[]/.test(text) ? parseJsonDocument(path, text) : parseYamlDocument(path, text);
}

function readText(path: string): string {
  // YAML is refused at its own (smaller) cap before it is read whole.
  const yaml = /\.ya?ml$/i.test(path);
  let buf: Buffer;
  try {
    buf = readBounded(path, yaml ? MAX_YAML_BYTES : MAX_FILE_BYTES);
  } catch (err) {
    if (err instanceof BoundedReadError && err.reason === 'too-large') {
      throw new DocumentParseError(path, yaml ? yamlTooLarge() : `file is over the ${formatBytes(MAX_FILE_BYTES)} kmslint reads`, 1, 1);
    }
    throw err;
  }
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    throw new DocumentParseError(path, 'file is UTF-16 encoded; kmslint reads UTF-8 (on Windows PowerShell, write the file with `-Encoding utf8`)', 1, 1);
  }
  // UTF-16 without a byte order mark: every other byte of ASCII text is zero.
  if (buf.length >= 4 && ((buf[0] !== 0 && buf[1] === 0 && buf[2] !== 0 && buf[3] === 0) || (buf[0] === 0 && buf[1] !== 0 && buf[2] === 0 && buf[3] !== 0))) {
    throw new DocumentParseError(path, 'file is UTF-16 encoded; kmslint reads UTF-8 (on Windows PowerShell, write the file with `-Encoding utf8`)', 1, 1);
  }
  const nul = buf.indexOf(0);
  if (nul !== -1 && nul < 8192) throw new DocumentParseError(path, 'binary file (contains NUL bytes)', 1, 1);
  return buf.toString('utf8');
}

function yamlTooLarge(): string {
  return `YAML file is over the ${formatBytes(MAX_YAML_BYTES)} kmslint reads (CloudFormation's own limit is 1 MB)`;
}

function looksLikeInfrastructure(path: string, text: string): boolean {
  if (/\.tf\.json$/i.test(path)) return true;
  const head = text.slice(0, 65536);
  return /AWSTemplateFormatVersion|["']?Type["']?\s*:\s*["']?AWS::|"format_version"\s*:/.test(head);
}

function failed(path: string, err: DocumentParseError): LoadedInput {
  return { path, format: null, error: { message: err.message, line: err.line, column: err.column }, templates: [] };
}
