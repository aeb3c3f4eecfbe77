// Template files on disk that an open document is analysed with: in its workspace folder, those that
// export or import values (`Fn::ImportValue` across stacks), and the other `*.tf.json` files of a
// Terraform module's directory. Found by the CLI's discovery; read once per change on disk; bounded.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { discoverInputs } from '../inputs/discover.js';

export interface FolderFilesLimits {
  /** Files considered per folder (the first ones discovery returns). */
  maxFiles: number;
  maxFileBytes: number;
  /** Bytes read per analysis, over every file added. */
  maxTotalBytes: number;
  /** How long a folder's file list is reused before it is walked again. */
  listTtlMs: number;
}

const DEFAULT_LIMITS: FolderFilesLimits = { maxFiles: 2000, maxFileBytes: 4 * 1024 * 1024, maxTotalBytes: 32 * 1024 * 1024, listTtlMs: 60_000 };

/** A template that exports or imports a value: only these change another template's analysis. */
const SHARES_VALUES = /ImportValue|["']?Export["']?\s*:/;
/** Files of a Terraform module directory (`*.tf` and `*.tf.json`: one module). */
const TERRAFORM_JSON = /\.tf(\.json)?$/i;

interface CachedText {
  mtimeMs: number;
  size: number;
  text: string;
  shares: boolean;
}

export class FolderFiles {
  private readonly lists = new Map<string, { at: number; files: string[] }>();
  private readonly texts = new Map<string, CachedText>();

  constructor(private readonly limits: FolderFilesLimits = DEFAULT_LIMITS) {}

  /** Forget what was read (a watched file changed, was created or deleted). */
  invalidate(): void {
    this.lists.clear();
  }

  /**
   * Files to analyse beside the open documents `open` (absolute paths, whose buffers win).
   * `folder` is a workspace folder to walk for exports and imports; undefined for a document outside any.
   */
  related(folder: string | undefined, open: readonly { path: string; text: string }[]): { path: string; text: string }[] {
    const openPaths = new Set(open.map((o) => o.path));
    const candidates = new Set<string>();
    for (const o of open) {
      if (!TERRAFORM_JSON.test(o.path)) continue;
      for (const name of safeReaddir(dirname(o.path))) if (TERRAFORM_JSON.test(name)) candidates.add(join(dirname(o.path), name));
    }
    const sharing = folder !== undefined && open.some((o) => !TERRAFORM_JSON.test(o.path) && SHARES_VALUES.test(o.text));
    if (sharing) for (const f of this.list(folder)) if (!TERRAFORM_JSON.test(f)) candidates.add(f);

    const out: { path: string; text: string }[] = [];
    let total = 0;
    for (const path of candidates) {
      if (openPaths.has(path)) continue;
      const cached = this.read(path);
      if (!cached || (!TERRAFORM_JSON.test(path) && !cached.shares)) continue;
      if (total + cached.size > this.limits.maxTotalBytes) break;
      total += cached.size;
      out.push({ path, text: cached.text });
    }
    return out;
  }

  private list(folder: string): string[] {
    const now = Date.now();
    const hit = this.lists.get(folder);
    if (hit && now - hit.at < this.limits.listTtlMs) return hit.files;
    let files: string[];
    try {
      files = discoverInputs([folder], folder)
        .inputs.filter((i) => !i.adapter)
        .slice(0, this.limits.maxFiles)
        .map((i) => i.absolute);
    } catch {
      files = [];
    }
    this.lists.set(folder, { at: now, files });
    return files;
  }

  private read(path: string): CachedText | undefined {
    let st;
    try {
      st = statSync(path);
    } catch {
      this.texts.delete(path);
      return undefined;
    }
    if (!st.isFile() || st.size > this.limits.maxFileBytes) return undefined;
    const hit = this.texts.get(path);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
    const entry = { mtimeMs: st.mtimeMs, size: st.size, text, shares: SHARES_VALUES.test(text) };
    this.texts.set(path, entry);
    return entry;
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
