// The HCL reader: tree-sitter's Terraform grammar run through web-tree-sitter (WebAssembly).
// Loading the runtime and the grammar is asynchronous and costs a few hundred milliseconds, so it
// is done once, on demand, by `loadHclParser()` (an async entry point calls it before reading a
// `*.tf` file); reading itself is synchronous. The wasm files are found from the installed packages
// (createRequire), so a bundle keeps web-tree-sitter and the grammar package external.
import { createRequire } from 'node:module';
import type { Parser as TreeSitterParser, Node as TreeSitterNode, Tree } from 'web-tree-sitter';

export type SyntaxNode = TreeSitterNode;

let parser: TreeSitterParser | undefined;
let loading: Promise<void> | undefined;

/** Paths of the wasm files the reader loads (a bundle marks these packages external). */
export function hclWasmPaths(): { runtime: string; grammar: string } {
  const require = createRequire(import.meta.url);
  return {
    runtime: require.resolve('web-tree-sitter/tree-sitter.wasm'),
    grammar: require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'),
  };
}

/** Load the parser once; later calls return at once. */
export function loadHclParser(): Promise<void> {
  loading ??= (async () => {
    const { Parser, Language } = await import('web-tree-sitter');
    const paths = hclWasmPaths();
    await Parser.init({ locateFile: () => paths.runtime });
    const language = await Language.load(paths.grammar);
    const p = new Parser();
    p.setLanguage(language);
    parser = p;
  })();
  return loading;
}

export function hclParserReady(): boolean {
  return parser !== undefined;
}

/** A syntax error: where it is (0-based UTF-16 offset) and what was found or is missing. */
export interface HclSyntaxError {
  offset: number;
  message: string;
}

/** Parse HCL text; the caller must have awaited `loadHclParser()`. The tree must be deleted after use. */
export function parseHclTree(text: string): Tree {
  if (!parser) throw new Error('the HCL reader is not loaded (await loadHclParser() first)');
  const tree = parser.parse(text);
  if (!tree) throw new Error('the HCL reader returned no tree');
  return tree;
}

/** The first syntax error of a tree, in source order, or undefined. */
export function firstSyntaxError(root: SyntaxNode): HclSyntaxError | undefined {
  if (!root.hasError) return undefined;
  let node: SyntaxNode = root;
  // Descend along the first child that holds an error, to the innermost problem.
  for (let guard = 0; guard < 10_000; guard++) {
    if (node.isMissing) return { offset: node.startIndex, message: `missing ${describe(node.type)}` };
    const next = node.children.find((c) => c !== null && (c.hasError || c.isMissing || c.type === 'ERROR'));
    if (!next) break;
    node = next;
  }
  if (node.type === 'ERROR') {
    // An ERROR node holds the tokens the parser skipped. Ending on `=`, an operator or an opening
    // bracket, what is wrong is what follows it (`name = ` then `}`): point there.
    const kids = node.children.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
    const last = kids[kids.length - 1];
    if (last && !last.isNamed && DANGLING.has(last.type)) {
      const next = node.nextSibling ?? node.parent?.nextSibling;
      const what = next ? next.text.split('\n')[0].slice(0, 40) : '';
      return { offset: next ? next.startIndex : node.endIndex, message: what ? `expected an expression after "${last.type}", found ${JSON.stringify(what)}` : `expected an expression after "${last.type}"` };
    }
    // `name <garbage>`: the name is fine, the garbage is not.
    const first = kids.length > 1 && kids[0].type === 'identifier' ? kids[1] : kids[0];
    const at = first ?? node;
    const snippet = at.text.split('\n')[0].slice(0, 40);
    return { offset: at.startIndex, message: snippet ? `unexpected ${JSON.stringify(snippet)}` : 'unexpected text' };
  }
  return { offset: node.startIndex, message: 'invalid syntax' };
}

const DANGLING = new Set(['=', ':', ',', '(', '[', '{', '?', '+', '-', '*', '/', '%', '==', '!=', '<', '>', '<=', '>=', '&&', '||', '!', '.']);

const MISSING_NAMES: Record<string, string> = {
  quoted_template_end: 'the closing quote of a string',
  block_end: '"}"',
  object_end: '"}"',
  tuple_end: '"]"',
  heredoc_identifier: 'the heredoc end marker',
  template_interpolation_end: '"}" closing "${"',
};

function describe(type: string): string {
  if (MISSING_NAMES[type]) return MISSING_NAMES[type];
  return /^[a-z_]+$/.test(type) ? type.replace(/_/g, ' ') : `"${type}"`;
}
