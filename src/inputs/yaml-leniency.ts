// The indentation PyYAML (and so cfn-lint, the AWS CLI and CloudFormation) lets through and YAML 1.2
// readers refuse: the continuation lines of a multi-line quoted scalar or flow collection written
// at (or left of) the indentation of the key that holds it —
//
//   Value: !Sub '{
//     "a": 1
//   }'                   ← back at the key's column
//
// PyYAML's scanner does not check the indentation inside flow scalars and flow collections; the
// `yaml` package's lexer ends the scalar there. No `yaml` option relaxes that, so a template the
// strict reader refuses is read again with those continuation lines moved right, just enough.
// Folding drops the leading white space of such lines, and white space between flow tokens means
// nothing, so the data is unchanged; offsets are mapped back, so positions stay exact.

/** Text with continuation lines re-indented, and the map from its offsets to the original's. */
export interface ReindentedText {
  text: string;
  /** Offset into `text` → offset into the original text. */
  toOriginal(offset: number): number;
}

interface Construct {
  /** First line after the opening line, and the closing line (indexes into the line list). */
  from: number;
  to: number;
  /** Column every non-blank line in the range must reach. */
  column: number;
}

/**
 * The text with under-indented continuation lines of multi-line flow constructs moved right, or
 * undefined when there is nothing to move (or moving it would more than double the text).
 */
export function reindentFlowContinuations(text: string): ReindentedText | undefined {
  const lines = splitLines(text);
  const constructs = new Scanner(text, lines).run();
  if (constructs.length === 0) return undefined;

  const add = new Map<number, number>();
  for (const c of constructs) {
    for (let l = c.from; l <= c.to; l++) {
      const { start, end } = lines[l];
      let indent = 0;
      while (start + indent < end && text[start + indent] === ' ') indent++;
      if (text.slice(start + indent, end).trim() === '') continue; // blank lines may stay as they are
      if (indent < c.column) add.set(l, Math.max(add.get(l) ?? 0, c.column - indent));
    }
  }
  if (add.size === 0) return undefined;
  let total = 0;
  for (const n of add.values()) total += n;
  if (total > text.length) return undefined;

  // Insertion k puts `count[k]` spaces at original offset `at[k]`; `before[k]` were inserted ahead of it.
  const at: number[] = [];
  const count: number[] = [];
  const before: number[] = [];
  const parts: string[] = [];
  let last = 0;
  let inserted = 0;
  for (const l of [...add.keys()].sort((a, b) => a - b)) {
    const start = lines[l].start;
    parts.push(text.slice(last, start), ' '.repeat(add.get(l)!));
    at.push(start);
    count.push(add.get(l)!);
    before.push(inserted);
    inserted += add.get(l)!;
    last = start;
  }
  parts.push(text.slice(last));
  return {
    text: parts.join(''),
    toOriginal(offset: number): number {
      // The last insertion at or before `offset` (in the new text, insertion k starts at at[k] + before[k]).
      let lo = 0;
      let hi = at.length - 1;
      let k = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (at[mid] + before[mid] <= offset) [k, lo] = [mid, mid + 1];
        else hi = mid - 1;
      }
      if (k === -1) return offset;
      const startInNew = at[k] + before[k];
      return offset < startInNew + count[k] ? at[k] : offset - before[k] - count[k];
    },
  };
}

function splitLines(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
    out.push({ start, end: nl });
    start = nl + 1;
  }
  out.push({ start, end: text.length });
  return out;
}

const SPACE = (c: string | undefined) => c === ' ' || c === '\t';
const ENDS_TOKEN = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || c === '\r' || c === '\n';

/**
 * A single pass over the block structure, enough to find where flow constructs open: after a key's
 * `:`, a `- ` or `? `, a tag or an anchor, or at the start of a line. Block scalars and multi-line
 * plain scalars are skipped (a quote or bracket inside them is text). Linear in the text.
 */
class Scanner {
  private readonly constructs: Construct[] = [];
  private line = 0;
  /** An unterminated construct runs to the end of the text: nothing after it opens another (and each line is scanned once). */
  private done = false;

  constructor(
    private readonly text: string,
    private readonly lines: { start: number; end: number }[],
  ) {}

  run(): Construct[] {
    // Lines more indented than `skipBeyond` belong to a block scalar or plain scalar begun above.
    let skipBeyond = -1;
    while (this.line < this.lines.length && !this.done) {
      const { start, end } = this.lines[this.line];
      let i = start;
      while (i < end && this.text[i] === ' ') i++;
      const indent = i - start;
      const blank = i >= end || this.text.slice(i, end).trim() === '';
      if (blank || (skipBeyond >= 0 && indent > skipBeyond)) {
        this.line++;
        continue;
      }
      skipBeyond = this.scanBlockLine(i, indent);
      this.line++;
    }
    return this.constructs;
  }

  /** Scan one line of block content from offset `i`; returns the column beyond which following lines are skipped, or -1. */
  private scanBlockLine(i: number, indent: number): number {
    const t = this.text;
    // Content written at the start of the line: its continuation must reach this column.
    let owner = indent - 1;
    if (indent === 0 && /^(?:---|\.\.\.)(?:\s|$)/.test(t.slice(i, i + 4))) i += 3;
    else if (t[i] === '%') return -1; // a directive
    for (;;) {
      const end = this.lines[this.line].end;
      while (i < end && SPACE(t[i])) i++;
      const c = t[i];
      if (i >= end || c === '#' || c === '\r') return -1;
      const col = i - this.lines[this.line].start;
      if ((c === '-' || c === '?' || c === ':') && ENDS_TOKEN(t[i + 1])) {
        owner = col;
        i++;
        continue;
      }
      if (c === '!' || c === '&') {
        while (i < end && !ENDS_TOKEN(t[i])) i++;
        continue;
      }
      if (c === '|' || c === '>') return owner;
      if (c === '"' || c === "'" || c === '[' || c === '{') {
        const opened = this.line;
        const close = c === '"' || c === "'" ? this.quotedEnd(i) : this.flowEnd(i);
        if (close === -1) {
          this.done = true; // unterminated: the reader will say so
          return -1;
        }
        this.moveTo(close);
        if (this.line > opened) this.constructs.push({ from: opened + 1, to: this.line, column: owner + 1 });
        i = close + 1;
        // A quoted or flow key: `"a b": value`.
        const lineEnd = this.lines[this.line].end;
        while (i < lineEnd && SPACE(t[i])) i++;
        if (t[i] === ':' && ENDS_TOKEN(t[i + 1])) {
          owner = this.line === opened ? col : owner;
          i++;
          continue;
        }
        return -1;
      }
      // A plain key (`Name:`) or a plain value up to the end of the line.
      let j = i;
      while (j < end && !(t[j] === ':' && ENDS_TOKEN(t[j + 1])) && !(t[j] === '#' && SPACE(t[j - 1]))) j++;
      if (j < end && t[j] === ':') {
        owner = col;
        i = j + 1;
        continue;
      }
      // A plain scalar may go on over more indented lines.
      return owner;
    }
  }

  /** Offset of the quote closing the scalar opened at `i` (quotes doubled in '…', escaped in "…"), or -1. */
  private quotedEnd(i: number): number {
    const t = this.text;
    const q = t[i];
    for (let j = t.indexOf(q, i + 1); j !== -1; j = t.indexOf(q, j + 1)) {
      if (q === "'") {
        if (t[j + 1] === "'") {
          j++;
          continue;
        }
        return j;
      }
      let backslashes = 0;
      while (t[j - 1 - backslashes] === '\\') backslashes++;
      if (backslashes % 2 === 0) return j;
    }
    return -1;
  }

  /** Offset of the bracket closing the flow collection opened at `i`, or -1. */
  private flowEnd(i: number): number {
    const t = this.text;
    let depth = 0;
    // A quote opens a scalar only where a token starts (`[it's]` is a plain scalar).
    let tokenStart = true;
    for (let j = i; j < t.length; j++) {
      const c = t[j];
      if (c === '[' || c === '{') {
        depth++;
        tokenStart = true;
      } else if (c === ']' || c === '}') {
        if (--depth === 0) return j;
        tokenStart = false;
      } else if (c === ',' || (c === ':' && ENDS_TOKEN(t[j + 1]))) {
        tokenStart = true;
      } else if (c === '#' && ENDS_TOKEN(t[j - 1])) {
        const nl = t.indexOf('\n', j);
        if (nl === -1) return -1;
        j = nl - 1;
      } else if ((c === '"' || c === "'") && tokenStart) {
        j = this.quotedEnd(j);
        if (j === -1) return -1;
        tokenStart = false;
      } else if (!ENDS_TOKEN(c)) {
        tokenStart = false;
      }
    }
    return -1;
  }

  /** Advance `line` to the line holding `offset`. */
  private moveTo(offset: number): void {
    while (this.line + 1 < this.lines.length && this.lines[this.line + 1].start <= offset) this.line++;
  }
}
