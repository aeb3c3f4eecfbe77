// Terraform JSON configuration (`*.tf.json`) → one Template per file.
//
// Blocks read: `resource`, `data` (as resources with terraformMode 'data'), `module` (recorded as
// resources with terraformMode 'module'), `variable` (defaults), `locals`, `provider` (accounts,
// region). `${…}` interpolations become what the evaluator understands:
//   "${aws_kms_key.main.arn}"        → { "Fn::GetAtt": ["aws_kms_key.main", "arn"] }
//   "${var.x}"                       → the default, or { Ref: "var.x" } (a parameter with no default)
//   "${local.x}"                     → the local's value (cycle-safe)
//   "${data.aws_kms_alias.s3.arn}"   → the data source's `name` (`alias/aws/s3`); aws_kms_key: `key_id`
//   "${module.m.out}", unknown names → { Ref: "module.m.out" } (reads as unknown)
// Text around interpolations keeps what cannot be substituted as `${…}`.
//
// Terraform reads every `*.tf` / `*.tf.json` of a directory as one configuration; here each file is
// its own Template, joined with its siblings afterwards (module-scope.ts: resources and variables).
import type { SourceDocument, Template } from '../../model/types.js';
import { isRecord, own, setOwn } from '../../util/objects.js';
import { isName, parseTraversal, type Step } from './address.js';
import { MAX_DEPTH, addAccount, addResource, emptyTemplate, linkSideResources, normaliseBlocks, unknownMarker } from './common.js';

interface Block {
  body: Record<string, unknown>;
  path: (string | number)[];
}

/**
 * Largest value one local or one interpolated text may expand to (characters of text plus values
 * in lists and objects, counting a shared value each time it is used): locals that double at each
 * step would otherwise reach gigabytes. Beyond it the reference reads as unknown.
 */
export const MAX_INTERPOLATED_SIZE = 1_000_000;
/** Longest text one interpolation builds (policies are at most 32 KB; a key reference far less). */
export const MAX_INTERPOLATED_TEXT = 256 * 1024;

const WHOLE = /^\$\{\s*([^{}]*?)\s*\}$/;
const PART = /(?<!\$)\$\{\s*([^{}]*?)\s*\}/g;

export function buildConfigTemplate(doc: SourceDocument): Template {
  const root = isRecord(doc.root) ? doc.root : {};
  return new ConfigReader(doc, root).build();
}

class ConfigReader {
  private readonly template: Template;
  private readonly resources = new Map<string, Block & { type: string; mode?: 'data' | 'module' }>();
  private readonly variables = new Map<string, Block>();
  private readonly locals = new Map<string, { value: unknown; path: (string | number)[] }>();
  /** Interpolated locals and KMS data source identities, and the ones being interpolated (cycles). */
  private readonly memo = new Map<string, unknown>();
  private readonly inProgress = new Set<string>();
  /** Expanded sizes of interpolated objects (locals share them by reference, so each is counted once). */
  private readonly sizes = new WeakMap<object, number>();

  constructor(
    doc: SourceDocument,
    private readonly root: Record<string, unknown>,
  ) {
    this.template = emptyTemplate(doc, 'terraform-config');
  }

  build(): Template {
    const t = this.template;
    this.readBlocks();
    for (const [name, v] of this.variables) {
      const def = own(v.body, 'default');
      setOwn(t.parameters, `var.${name}`, def === undefined ? {} : { Default: def });
    }
    // Declare every resource first so references between them resolve in any order.
    for (const [id, b] of this.resources) {
      addResource(t, { id, type: b.type, properties: undefined, propertiesPath: b.path, path: b.path, template: t, terraformMode: b.mode });
    }
    for (const r of t.resources) {
      const b = this.resources.get(r.id)!;
      const props = this.transform(b.body, 0);
      r.properties = isRecord(props) ? (r.terraformMode ? props : normaliseBlocks(r.type, props)) : undefined;
    }
    linkSideResources(t);
    this.readProviders();
    return t;
  }

  private readBlocks(): void {
    forEachObject(own(this.root, 'resource'), ['resource'], (types, path) => this.readTyped(types, path, undefined));
    forEachObject(own(this.root, 'data'), ['data'], (types, path) => this.readTyped(types, path, 'data'));
    forEachObject(own(this.root, 'module'), ['module'], (mods, path) => {
      for (const [name, body] of Object.entries(mods)) {
        firstObject(body, [...path, name], (b, p) => this.addBlock(`module.${name}`, 'module', b, p, 'module'));
      }
    });
    forEachObject(own(this.root, 'variable'), ['variable'], (vars, path) => {
      for (const [name, body] of Object.entries(vars)) firstObject(body, [...path, name], (b, p) => !this.variables.has(name) && this.variables.set(name, { body: b, path: p }));
    });
    forEachObject(own(this.root, 'locals'), ['locals'], (locals, path) => {
      for (const [name, value] of Object.entries(locals)) if (!this.locals.has(name)) this.locals.set(name, { value, path: [...path, name] });
    });
  }

  private readTyped(types: Record<string, unknown>, path: (string | number)[], mode: 'data' | undefined): void {
    for (const [type, names] of Object.entries(types)) {
      if (type === '//') continue;
      forEachObject(names, [...path, type], (byName, p) => {
        for (const [name, body] of Object.entries(byName)) {
          if (name === '//') continue;
          firstObject(body, [...p, name], (b, bp) => this.addBlock(`${mode === 'data' ? 'data.' : ''}${type}.${name}`, type, b, bp, mode));
        }
      });
    }
  }

  private addBlock(id: string, type: string, body: Record<string, unknown>, path: (string | number)[], mode: 'data' | 'module' | undefined): void {
    if (!this.resources.has(id)) this.resources.set(id, { body, path, type, mode });
  }

  // -------------------------------------------------------------------------------------------
  // Interpolation

  /** A prototype-safe copy of a value with every `${…}` string interpolated. */
  private transform(value: unknown, depth: number): unknown {
    if (depth > MAX_DEPTH) return value;
    if (typeof value === 'string') return this.interpolate(value, depth);
    if (Array.isArray(value)) return value.map((v) => this.transform(v, depth + 1));
    if (isRecord(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) setOwn(out, k, this.transform(v, depth + 1));
      return out;
    }
    return value;
  }

  private interpolate(text: string, depth: number): unknown {
    if (!text.includes('${')) return text;
    const whole = WHOLE.exec(text);
    if (whole && !text.startsWith('$${')) {
      const v = this.reference(whole[1], depth);
      return v === undefined ? text : v;
    }
    let length = text.length;
    return text.replace(PART, (m, inner: string) => {
      const v = this.reference(inner, depth);
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return m;
      const s = String(v);
      // Past the cap, the rest of the text keeps its references as written.
      if ((length += s.length) > MAX_INTERPOLATED_TEXT) return m;
      return s;
    });
  }

  /** The value a traversal stands for; undefined leaves the text as written (functions, `each`, `count`). */
  private reference(expr: string, depth: number): unknown {
    const steps = parseTraversal(expr);
    if (!steps || !isName(steps[0])) return undefined;
    const head = steps[0].name;
    switch (head) {
      case 'var': {
        if (!isName(steps[1])) return undefined;
        const v = this.variables.get(steps[1].name);
        const def = own(v?.body, 'default');
        // Declared in another file of the module (module-scope.ts joins its parameter): the whole
        // variable is that parameter; a part of it is not followed.
        if (!v && steps.length > 2) return this.marker(expr);
        if (def === undefined) return { Ref: `var.${steps[1].name}` };
        return steps.length === 2 ? def : (follow(def, steps.slice(2)) ?? this.marker(expr));
      }
      case 'local': {
        if (!isName(steps[1])) return undefined;
        const v = this.local(steps[1].name, depth);
        if (v === undefined) return this.marker(expr);
        return steps.length === 2 ? v : (follow(v, steps.slice(2)) ?? this.marker(expr));
      }
      case 'data': {
        if (!isName(steps[1]) || !isName(steps[2])) return undefined;
        const id = `data.${steps[1].name}.${steps[2].name}`;
        const b = this.resources.get(id);
        if (!b) return this.marker(expr);
        if (b.type === 'aws_kms_alias' || b.type === 'aws_kms_key') {
          const identity = this.kmsDataIdentity(id, b.type === 'aws_kms_alias' ? 'name' : 'key_id', depth);
          return identity === undefined || (typeof identity === 'string' && identity.includes('${')) ? this.marker(expr) : identity;
        }
        return this.resourceReference(id, steps.slice(3));
      }
      case 'module':
        return this.marker(expr);
      case 'each':
      case 'count':
      case 'path':
      case 'self':
      case 'terraform':
        return undefined;
      default: {
        if (!isName(steps[1])) return undefined;
        const id = `${head}.${steps[1].name}`;
        return this.resources.has(id) && !this.resources.get(id)!.mode ? this.resourceReference(id, steps.slice(2)) : this.marker(expr);
      }
    }
  }

  private resourceReference(id: string, rest: readonly Step[]): unknown {
    const names = rest.filter((s): s is { name: string } => isName(s) && s.name !== '*');
    const attr = names[0]?.name;
    return attr ? { 'Fn::GetAtt': [id, attr] } : { Ref: id };
  }

  /** The `name` of an `aws_kms_alias` data source / `key_id` of an `aws_kms_key` one (memoised, cycle-safe). */
  private kmsDataIdentity(id: string, attr: string, depth: number): unknown {
    const key = `${id}\u0000${attr}`;
    if (this.memo.has(key)) return this.memo.get(key);
    if (this.inProgress.has(key)) return undefined;
    this.inProgress.add(key);
    try {
      const v = this.transform(own(this.resources.get(id)?.body, attr), depth + 1);
      this.memo.set(key, v);
      return v;
    } finally {
      this.inProgress.delete(key);
    }
  }

  private local(name: string, depth: number): unknown {
    const key = `local.${name}`;
    if (this.memo.has(key)) return this.memo.get(key);
    const l = this.locals.get(name);
    if (!l || this.inProgress.has(key)) return undefined;
    this.inProgress.add(key);
    try {
      const v = this.transform(l.value, depth + 1);
      const kept = this.expandedSize(v) > MAX_INTERPOLATED_SIZE ? undefined : v;
      this.memo.set(key, kept);
      return kept;
    } finally {
      this.inProgress.delete(key);
    }
  }

  /**
   * Size of a value as if every shared part were copied. Interpolated values nest at most MAX_DEPTH
   * per local; what lies deeper was copied from the file as written (counted by the file's size cap).
   */
  private expandedSize(v: unknown, depth = 0): number {
    if (typeof v === 'string') return v.length;
    if (typeof v !== 'object' || v === null || depth > 4 * MAX_DEPTH) return 1;
    const known = this.sizes.get(v);
    if (known !== undefined) return known;
    let size = 1;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      size += this.expandedSize(child, depth + 1);
      if (size > MAX_INTERPOLATED_SIZE) break;
    }
    this.sizes.set(v, size);
    return size;
  }

  private marker(expr: string): unknown {
    return unknownMarker(this.template, expr);
  }

  // -------------------------------------------------------------------------------------------
  // Providers: accounts and region

  private readProviders(): void {
    const t = this.template;
    forEachObject(own(this.root, 'provider'), ['provider'], (providers) => {
      const aws = own(providers, 'aws');
      for (const config of Array.isArray(aws) ? aws : [aws]) {
        if (!isRecord(config)) continue;
        const allowed = this.transform(own(config, 'allowed_account_ids'), 0);
        for (const a of Array.isArray(allowed) ? allowed : [allowed]) addAccount(t, a);
        const assume = own(config, 'assume_role');
        for (const block of Array.isArray(assume) ? assume : [assume]) addAccount(t, this.transform(own(block, 'role_arn'), 0));
        const region = this.transform(own(config, 'region'), 0);
        if (typeof region === 'string' && !region.includes('${') && own(config, 'alias') === undefined) t.region ??= region;
      }
    });
  }
}

/** A block that JSON syntax lets be an object or a list of objects. */
function forEachObject(value: unknown, path: (string | number)[], fn: (obj: Record<string, unknown>, path: (string | number)[]) => void): void {
  if (isRecord(value)) fn(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => isRecord(v) && fn(v, [...path, i]));
}

function firstObject(value: unknown, path: (string | number)[], fn: (obj: Record<string, unknown>, path: (string | number)[]) => void): void {
  if (isRecord(value)) fn(value, path);
  else if (Array.isArray(value)) {
    const i = value.findIndex(isRecord);
    if (i !== -1) fn(value[i] as Record<string, unknown>, [...path, i]);
  }
}

function follow(value: unknown, steps: readonly Step[]): unknown {
  let cur = value;
  for (const s of steps) {
    if (isName(s)) cur = own(cur, s.name);
    else cur = Array.isArray(cur) && typeof s.index === 'number' ? cur[s.index] : own(cur, String(s.index));
    if (cur === undefined) return undefined;
  }
  return cur;
}

