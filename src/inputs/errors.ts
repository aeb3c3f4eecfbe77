/** An input that could not be read or parsed; carries the 1-based position of the problem. */
export class DocumentParseError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'DocumentParseError';
  }
}
