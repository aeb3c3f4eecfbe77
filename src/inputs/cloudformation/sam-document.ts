// The document a SAM template's analysis locates through. Analysis reads a SAM resource's properties
// with Globals applied, under the resource's own path (`Resources.<id>.Properties…`); this view sends
// each such path to where the value was written — the resource, or the Globals section — so every
// finding points at a real line. Everything else (root, text, duplicate keys) is the parsed document's.
import type { DocPath, SourceDocument } from '../../model/types.js';
import { sourcePath, type SourceMap } from './sam-globals.js';

export function withGlobalsSources(doc: SourceDocument, sources: ReadonlyMap<string, SourceMap>): SourceDocument {
  if (sources.size === 0) return doc;
  const toSource = (path: DocPath): DocPath => {
    if (path.length < 3 || path[0] !== 'Resources' || path[2] !== 'Properties' || typeof path[1] !== 'string') return path;
    const map = sources.get(path[1]);
    return map ? sourcePath(map, path.slice(3)) : path;
  };
  const locate: SourceDocument['locate'] = (path, key) => doc.locate(toSource(path), key);
  // A proxy rather than a copy, so members the parsed document gains later are still seen.
  return new Proxy(doc, {
    get(target, prop) {
      if (prop === 'locate') return locate;
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
