// Fuzz of the editor server: random edit streams of real fixtures and malformed JSON-RPC traffic
// never kill it, never make it write anything but protocol to stdout, and it still answers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileUri, protocolFrames, startLspServer, type LspServer } from './fuzz/lsp-client.js';
import { applyEdit, edit, malformed, malformedBytes } from './fuzz/lsp-streams.js';

const SEED = 20250311;
const ROOT = join(import.meta.dirname, '..');
const FIXTURES = [
  { file: 'fixtures/cloudformation/aws-managed-key-wrong-service/fail-queue-sns-alias.yaml', languageId: 'yaml' },
  { file: 'fixtures/terraform/main.tf.json', languageId: 'json' },
].map((f) => ({ ...f, text: readFileSync(join(ROOT, f.file), 'utf8') }));

let server: LspServer;

beforeAll(async () => {
  server = startLspServer(ROOT);
  await server.initialize({ rootPath: join(ROOT, 'fixtures'), capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } } });
});

afterAll(async () => {
  if (server.proc.exitCode === null) await server.stop().catch(() => server.proc.kill());
});

/** A request that must be answered (with a result or an error) while the server is alive. */
async function answers(uri: string): Promise<void> {
  const reply = server.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
  await expect(Promise.race([reply.then(() => 'answered'), new Promise((r) => setTimeout(() => r('timeout'), 15_000))])).resolves.toBe('answered');
}

describe('lsp fuzz (fixed seed)', () => {
  let round = 0;
  it('survives random edit streams interleaved with malformed messages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FIXTURES),
        fc.array(fc.oneof({ weight: 3, arbitrary: edit.map((e) => ({ edit: e })) }, { weight: 1, arbitrary: malformed.map((m) => ({ junk: m })) }), { minLength: 1, maxLength: 25 }),
        async (fixture, steps) => {
          const uri = fileUri(join(ROOT, 'fixtures', `fuzz-${round++}${fixture.file.endsWith('.json') ? '.tf.json' : '.yaml'}`));
          await server.open(uri, fixture.text, fixture.languageId);
          let text = fixture.text;
          let version = 1;
          for (const step of steps) {
            if ('edit' in step) {
              text = applyEdit(fixture.text, text, step.edit);
              await server.change(uri, ++version, text);
            } else await new Promise((r) => server.proc.stdin.write(malformedBytes(step.junk), r));
          }
          // vscode-jsonrpc's reader stops reading the current chunk at a bad header and resumes with
          // the next chunk: the hover is that chunk. It is answered, and the final version published.
          await answers(uri);
          const last = await server.diagnostics(uri, version, 10_000);
          expect(Array.isArray(last.diagnostics)).toBe(true);
          await server.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 50, character: 0 } }, context: { diagnostics: [] } });
          await server.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
          expect(server.proc.exitCode).toBeNull();
        },
      ),
      { seed: SEED, numRuns: 25, endOnFailure: true, interruptAfterTimeLimit: 60_000 },
    );
    // Still alive: it answers shutdown, exits 0, and every byte it wrote was a protocol frame.
    expect(await server.stop()).toBe(0);
    expect(() => protocolFrames(server.stdout())).not.toThrow();
  });
});
