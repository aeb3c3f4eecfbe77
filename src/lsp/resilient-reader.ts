// vscode-jsonrpc's stream reader stops reading its buffer at a bad header (no Content-Length, a
// line without ':') and resumes only when more bytes arrive, so a malformed message would hold back
// the well-formed ones already received. This reader reports the error and reads on at once.
import { StreamMessageReader } from 'vscode-languageserver/node';

interface ReaderInternals {
  onData(data: Uint8Array): void;
}

export class ResilientStreamMessageReader extends StreamMessageReader {
  protected override fireError(error: unknown): void {
    super.fireError(error);
    setImmediate(() => (this as unknown as ReaderInternals).onData(new Uint8Array(0)));
  }
}
