// The graph layout library inlined into the HTML report: @dagrejs/dagre's browser build, read from
// node_modules when a report is made (the page must work offline, from file://). The package
// exports no path to dist/, so it is found next to its package.json, which it does export. This is
// the reporters' one file read; it is memoised.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let dagre: string | undefined;

/** dagre.min.js with its licence notice, ready for a <script> element. */
export function dagreSource(): string {
  if (dagre === undefined) {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('@dagrejs/dagre/package.json'));
    const code = readFileSync(join(dir, 'dist', 'dagre.min.js'), 'utf8').replace(/\/\/# sourceMappingURL=\S+\s*$/, '');
    const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string }).version ?? '';
    // The bundle's notice points to a LEGAL file a saved page does not carry: keep the licence line itself.
    dagre = `/*! @dagrejs/dagre ${version} | MIT License | Copyright (c) 2012-2014 Chris Pettitt | https://github.com/dagrejs/dagre */\n${code}`;
    // Control characters may stand only inside its string literals (graphlib keys edges with U+0001);
    // as \u escapes they mean the same there and a report printed to a terminal carries none raw.
    // Whitespace-like ones may also stand between tokens, where an escape would not parse: refuse them.
    // eslint-disable-next-line no-control-regex
    dagre = dagre.replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
    if (/<\/script|<!--|[\t\v\f\r\u2028\u2029]/i.test(dagre)) throw new Error('dagre.min.js cannot be inlined: it contains </script, <!-- or a raw tab, CR or line separator');
  }
  return dagre;
}
