// Arbitraries for the editor server fuzz: edit streams over a real fixture (random splices,
// truncations, garbage) and malformed JSON-RPC traffic that is still framed, so the stream stays
// readable and the server's answers after it can be checked.
import fc from 'fast-check';

export type Edit =
  | { kind: 'splice'; at: number; remove: number; insert: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'garbage'; text: string }
  | { kind: 'restore' };

export type Malformed =
  | { kind: 'no-length-header'; header: string }
  | { kind: 'bad-length'; value: string }
  | { kind: 'no-colon-header'; header: string }
  | { kind: 'invalid-json'; body: string }
  | { kind: 'unknown-method'; method: string; request: boolean }
  | { kind: 'wrong-params'; method: string; params: unknown; request: boolean };

const text = fc.string({ unit: fc.constantFrom('a', ' ', '\n', ':', '-', '{', '}', '[', ']', '"', "'", '!', '&', '*', '\t', 'é', '😀', 'Ref', 'alias/aws/sns', '  KmsMasterKeyId: ', '\r'), maxLength: 40 });

export const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), remove: fc.nat({ max: 30 }), insert: text }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('garbage' as const), text: fc.string({ maxLength: 200 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restore' as const }) },
);

export function applyEdit(original: string, current: string, e: Edit): string {
  switch (e.kind) {
    case 'splice': {
      const at = current.length ? e.at % (current.length + 1) : 0;
      return current.slice(0, at) + e.insert + current.slice(at + e.remove);
    }
    case 'truncate':
      return current.slice(0, current.length ? e.at % (current.length + 1) : 0);
    case 'garbage':
      return e.text;
    case 'restore':
      return original;
  }
}

const METHODS = ['textDocument/hover', 'textDocument/codeAction', 'textDocument/didChange', 'textDocument/didOpen', 'textDocument/didClose', 'workspace/didChangeWatchedFiles', 'workspace/didChangeConfiguration', 'initialize'];
const junk = fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }), fc.object({ maxDepth: 3 }), fc.record({ textDocument: fc.record({ uri: fc.oneof(fc.string(), fc.integer()), version: fc.oneof(fc.integer(), fc.string()) }), position: fc.anything({ maxDepth: 1 }), range: fc.anything({ maxDepth: 2 }), contentChanges: fc.anything({ maxDepth: 2 }) }, { requiredKeys: [] }));

export const malformed: fc.Arbitrary<Malformed> = fc.oneof(
  fc.record({ kind: fc.constant('no-length-header' as const), header: fc.stringMatching(/^[A-Za-z-]{1,12}: [a-z0-9 ]{0,12}$/) }),
  fc.record({ kind: fc.constant('bad-length' as const), value: fc.constantFrom('abc', '', '-', 'NaN', '1e999x') }),
  fc.record({ kind: fc.constant('no-colon-header' as const), header: fc.stringMatching(/^[A-Za-z0-9 ]{1,20}$/) }),
  fc.record({ kind: fc.constant('invalid-json' as const), body: fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('{', '{"jsonrpc":"2.0",', '[1,2', '{"jsonrpc":"2.0","id":1}', 'null', '"x"')) }),
  fc.record({ kind: fc.constant('unknown-method' as const), method: fc.stringMatching(/^[a-z$/]{1,20}$/), request: fc.boolean() }),
  fc.record({ kind: fc.constant('wrong-params' as const), method: fc.constantFrom(...METHODS), params: junk, request: fc.boolean() }),
);

let nextId = 1_000_000;

/** The bytes of one malformed message, framed so the reader finds the next message after it. */
export function malformedBytes(m: Malformed): Buffer {
  const frame = (body: string) => Buffer.concat([Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`, 'ascii'), Buffer.from(body, 'utf8')]);
  switch (m.kind) {
    case 'no-length-header':
      return Buffer.from(`${m.header.replace(/^content-length/i, 'X')}\r\n\r\n`, 'ascii');
    case 'bad-length':
      return Buffer.from(`Content-Length: ${m.value}\r\n\r\n`, 'ascii');
    case 'no-colon-header':
      return Buffer.from(`${m.header}\r\n\r\n`, 'ascii');
    case 'invalid-json':
      return frame(m.body);
    case 'unknown-method':
      return frame(JSON.stringify({ jsonrpc: '2.0', ...(m.request ? { id: nextId++ } : {}), method: m.method.startsWith('$/') ? m.method : `x/${m.method}` }));
    case 'wrong-params':
      // `initialize` again and `exit` would end a healthy session on purpose; never sent as junk.
      return frame(JSON.stringify({ jsonrpc: '2.0', ...(m.request ? { id: nextId++ } : {}), method: m.method, params: m.params ?? null }));
  }
}
