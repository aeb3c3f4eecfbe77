// The files of one module directory, read from disk (with one file's text given by an editor
// buffer), parsed once per content: `*.tf` through the HCL parser, `*.tf.json` for its
// declarations, and the variable files Terraform loads by itself, `terraform.tfvars` and
// `*.auto.tfvars` (and their `.json` forms), in lexical order, later files winning
// (https://developer.hashicorp.com/terraform/language/values/variables#variable-definition-precedence).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseHclTree, firstSyntaxError } from './parser.js';
import { readBody, type HclBody } from './syntax.js';
import { jsonBody } from './json-body.js';
import { ExpressionEvaluator } from './evaluate.js';
import type { ModuleFile } from './module.js';
import { LineIndex } from '../../line-index.js';
import { compareCodePoints } from '../../../util/code-points.js';

export interface ParsedFile {
  body: HclBody;
  /** The first syntax error, 1-based. */
  error?: { message: string; line: number; column: number };
}

/** Largest `*.tf` file read (the JSON reader's cap is for plans; HCL modules are far smaller). */
export const MAX_HCL_BYTES = 16 * 1024 * 1024;

const parsed = new Map<string, { text: string; file: ParsedFile }>();
const MAX_CACHED = 4096;

/** Parse HCL text (memoised by path and text). */
export function parseHclFile(path: string, text: string): ParsedFile {
  const hit = parsed.get(path);
  if (hit && hit.text === text) return hit.file;
  const tree = parseHclTree(text);
  let file: ParsedFile;
  try {
    const err = firstSyntaxError(tree.rootNode);
    const body = readBody(tree.rootNode.namedChildren.find((c) => c?.type === 'body'));
    if (err) {
      const pos = new LineIndex(text).position(err.offset);
      file = { body, error: { message: `invalid HCL: ${err.message}`, line: pos.line, column: pos.column } };
    } else file = { body };
  } finally {
    tree.delete();
  }
  if (parsed.size >= MAX_CACHED) parsed.clear();
  parsed.set(path, { text, file });
  return file;
}

export function isModuleFile(name: string): boolean {
  return /\.tf(\.json)?$/i.test(name);
}

function isVariableFile(name: string): boolean {
  return /^terraform\.tfvars(\.json)?$|\.auto\.tfvars(\.json)?$/i.test(name);
}

export interface DirectoryModule {
  files: ModuleFile[];
  tfvars: Map<string, unknown>;
}

/** What identifies a directory's module files on disk: names, sizes and modification times. */
export function directorySignature(dir: string, override?: { path: string; text: string }): string {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    names = [];
  }
  const own = override ? basename(override.path) : undefined;
  const sig: string[] = [];
  for (const name of names.sort(compareCodePoints)) {
    if (name === own || (!isModuleFile(name) && !isVariableFile(name))) continue;
    try {
      const st = statSync(join(dir, name));
      sig.push(`${name}:${st.size}:${st.mtimeMs}`);
    } catch {
      // gone since the listing
    }
  }
  if (override) sig.push(`${own}=${override.text.length}:${hashOf(override.text)}`);
  return sig.join('|');
}

/**
 * The module of `dir`: every `*.tf` / `*.tf.json` file (the one at `override.path` with its text),
 * display paths under `displayDir`. Files that fail to parse add no declarations.
 */
export function readDirectoryModule(dir: string, displayDir: string, override?: { path: string; text: string }): DirectoryModule {
  let names: string[];
  try {
    names = readdirSync(dir).sort(compareCodePoints);
  } catch {
    names = [];
  }
  const own = override ? basename(override.path) : undefined;
  if (own && !names.includes(own)) names.push(own);
  const files: ModuleFile[] = [];
  const tfvars = new Map<string, unknown>();
  for (const name of names) {
    const full = join(dir, name);
    const isOwn = name === own;
    if (!isModuleFile(name) && !isVariableFile(name)) continue;
    let text: string;
    if (isOwn) text = override!.text;
    else {
      try {
        const st = statSync(full);
        if (!st.isFile() || st.size > MAX_HCL_BYTES) continue;
        text = readFileSync(full, 'utf8');
      } catch {
        continue;
      }
    }
    const display = displayDir === '.' || displayDir === '' ? name : `${displayDir}/${name}`;
    if (isVariableFile(name)) {
      readVariables(full, text, name.endsWith('.json'), tfvars);
      continue;
    }
    if (/\.json$/i.test(name)) {
      try {
        files.push({ path: display, text, body: jsonBody(JSON.parse(text) as unknown), json: true });
      } catch {
        // a broken *.tf.json reports its own parse error
      }
      continue;
    }
    const p = parseHclFile(full, text);
    files.push({ path: display, text, body: p.error ? { attributes: [], blocks: [] } : p.body });
  }
  return { files, tfvars };
}

function readVariables(path: string, text: string, json: boolean, into: Map<string, unknown>): void {
  if (json) {
    try {
      const v: unknown = JSON.parse(text);
      if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) into.set(k, x);
    } catch {
      // not valid: Terraform would refuse it; its variables keep their defaults here
    }
    return;
  }
  const p = parseHclFile(path, text);
  if (p.error) return;
  // A variable file holds constants only: nothing to resolve against.
  const ev = new ExpressionEvaluator({
    file: 0,
    variable: () => undefined,
    local: () => undefined,
    reference: () => undefined,
    condition: (t) => t,
    text: (span) => text.slice(span.start, span.end),
  });
  for (const a of p.body.attributes) into.set(a.name, ev.value(a.expr));
}

function hashOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

