// Positions in a JSON document without a parse tree: a container's members are indexed the first
// time a path passes through it, and only then, so locating costs what the located paths cover (the
// containers along them) and not a tree of the whole document. A large plan located in ten thousand
// places indexes those ten thousand resources and the few containers above them, once each.
import type { DocPath } from '../model/types.js';
import { memberAt, membersOf, skipWhitespace, valueEnd, type JsonMember, type JsonMembers } from './json-scan.js';

/** Located offsets: [start, end) of the value, or from its key when asked and it has one. */
export type JsonSpan = [start: number, end: number];

export class JsonPositions {
  private readonly root: JsonMember;
  /** Members of each container indexed so far, by the offset of its opening bracket. */
  private readonly members = new Map<number, JsonMembers>();

  /** `containerEnds`: ends of large containers, from the shape scan (json-scan.ts). */
  constructor(
    private readonly text: string,
    private readonly containerEnds: ReadonlyMap<number, number>,
  ) {
    const start = skipWhitespace(text, 0);
    this.root = { start, end: valueEnd(text, start, containerEnds), keyStart: -1 };
  }

  /**
   * The value at `path`, or its deepest existing ancestor when the path is absent (then from the
   * ancestor's key, as for `key`). A numeric step onto an object stays on the object (inputs may
   * present one object as a one-element list: a Terraform block written as an object).
   */
  locate(path: DocPath, key: boolean): JsonSpan {
    let member = this.root;
    let absent = false;
    for (const seg of path) {
      const open = this.text.charCodeAt(member.start);
      if (open === 0x7b && typeof seg === 'number') continue;
      const next = open === 0x7b || open === 0x5b ? memberAt(this.text, this.membersAt(member.start), seg) : undefined;
      if (!next) {
        absent = true;
        break;
      }
      member = next;
    }
    const start = (key || absent) && member.keyStart >= 0 ? member.keyStart : member.start;
    return [start, member.end];
  }

  private membersAt(open: number): JsonMembers {
    let found = this.members.get(open);
    if (!found) this.members.set(open, (found = membersOf(this.text, open, this.containerEnds)));
    return found;
  }
}
