// AWS SAM `Globals`: the properties a SAM template declares once for every resource of a kind, merged
// into each `AWS::Serverless::<Kind>` resource before it is analysed, as the SAM transform does.
//
// Rules (AWS SAM developer guide, "Globals section of the AWS SAM template",
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-template-anatomy-globals.html,
// and the transform's GlobalProperties in aws/serverless-application-model):
// - a scalar, or values of different kinds, take the resource's value;
// - two maps merge key by key, recursively, the resource's value winning where both have a key;
// - two lists are concatenated, the Globals elements first;
// - an intrinsic function (a one-key map `Ref`, `Condition` or `Fn::*`) counts as a scalar, so it is
//   carried over unchanged and never merged into;
// - `IgnoreGlobals: "*"` on a resource takes nothing from Globals; a list takes all but those properties.
// Every merged value remembers where it was written (see SourceMap), so findings point at real lines.
import type { DocPath } from '../../model/types.js';
import { isRecord, own, setOwn } from '../../util/objects.js';

export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';
const SAM_PREFIX = 'AWS::Serverless::';

/** Deeper than this, the resource's value is taken whole (real Globals nest a few levels). */
const MAX_MERGE_DEPTH = 64;

/**
 * Where a merged value was written. A leaf (no `children`) was copied whole from `path`, so a path
 * below it continues below `path`; a merged map or list has its own `children`.
 */
export interface SourceMap {
  path: DocPath;
  children?: Map<string, SourceMap> | SourceMap[];
}

export interface MergedProperties {
  properties: Record<string, unknown>;
  source: SourceMap;
}

/** True when `Transform` names the SAM transform (alone or in a list). */
export function isSamTemplate(root: unknown): boolean {
  const transform = own(root, 'Transform');
  if (transform === SAM_TRANSFORM) return true;
  return Array.isArray(transform) && transform.includes(SAM_TRANSFORM);
}

/**
 * The properties of SAM resource `id` with Globals applied, or undefined when Globals give it
 * nothing (not a SAM type, no section for its kind, or IgnoreGlobals: "*").
 */
export function mergeGlobals(root: unknown, id: string, resource: Record<string, unknown>): MergedProperties | undefined {
  const type = own(resource, 'Type');
  if (typeof type !== 'string' || !type.startsWith(SAM_PREFIX)) return undefined;
  const kind = type.slice(SAM_PREFIX.length);
  const section = own(own(root, 'Globals'), kind);
  if (!isRecord(section)) return undefined;
  const globals = withoutIgnored(section, own(resource, 'IgnoreGlobals'));
  if (!globals) return undefined;

  const globalsPath: DocPath = ['Globals', kind];
  const hasProperties = own(resource, 'Properties') !== undefined;
  // SAM reads absent Properties as an empty map, so the resource still takes every global.
  const local = hasProperties ? own(resource, 'Properties') : {};
  const localPath: DocPath = hasProperties ? ['Resources', id, 'Properties'] : ['Resources', id];
  const merged = merge(globals, globalsPath, local, localPath, 0);
  if (!isRecord(merged.value)) return undefined; // the resource's Properties is not a map (an intrinsic): it wins
  return { properties: merged.value, source: merged.source };
}

function withoutIgnored(section: Record<string, unknown>, ignore: unknown): Record<string, unknown> | undefined {
  if (ignore === '*') return undefined;
  if (!Array.isArray(ignore)) return section;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(section)) if (!ignore.includes(k)) setOwn(out, k, v);
  return out;
}

type Token = 'map' | 'list' | 'scalar';

function tokenOf(v: unknown): Token {
  if (Array.isArray(v)) return 'list';
  if (!isRecord(v)) return 'scalar';
  const keys = Object.keys(v);
  if (keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0].startsWith('Fn::'))) return 'scalar';
  return 'map';
}

function merge(g: unknown, gPath: DocPath, l: unknown, lPath: DocPath, depth: number): { value: unknown; source: SourceMap } {
  const token = tokenOf(g);
  if (token !== tokenOf(l) || token === 'scalar' || depth >= MAX_MERGE_DEPTH) return { value: l, source: { path: lPath } };
  if (token === 'list') {
    const gl = g as unknown[];
    const ll = l as unknown[];
    const children: SourceMap[] = [...gl.map((_, i) => ({ path: [...gPath, i] })), ...ll.map((_, i) => ({ path: [...lPath, i] }))];
    return { value: [...gl, ...ll], source: { path: lPath, children } };
  }
  const gm = g as Record<string, unknown>;
  const lm = l as Record<string, unknown>;
  const value: Record<string, unknown> = {};
  const children = new Map<string, SourceMap>();
  for (const [k, v] of Object.entries(gm)) {
    setOwn(value, k, v);
    children.set(k, { path: [...gPath, k] });
  }
  for (const [k, v] of Object.entries(lm)) {
    if (Object.prototype.hasOwnProperty.call(gm, k)) {
      const m = merge(gm[k], [...gPath, k], v, [...lPath, k], depth + 1);
      setOwn(value, k, m.value);
      children.set(k, m.source);
    } else {
      setOwn(value, k, v);
      children.set(k, { path: [...lPath, k] });
    }
  }
  return { value, source: { path: lPath, children } };
}

/** The document path a path into the merged properties stands for. */
export function sourcePath(map: SourceMap, rest: DocPath): DocPath {
  let node = map;
  let i = 0;
  for (; i < rest.length && node.children; i++) {
    const seg = rest[i];
    const next: SourceMap | undefined = Array.isArray(node.children)
      ? typeof seg === 'number' ? node.children[seg] : undefined
      : typeof seg === 'string' ? node.children.get(seg) : undefined;
    if (!next) break;
    node = next;
  }
  return [...node.path, ...rest.slice(i)];
}
