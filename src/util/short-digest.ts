// One content digest for everything kmslint names by content: finding fingerprints, cache entries,
// the cache's run key. 128 bits of sha256 in hex are plenty to tell inputs apart, and short enough
// to keep reports and cache files readable.
import { nodeCrypto } from './node-on-first-use.js';

/** The first 32 hex digits of the sha256 of `data`. */
export function shortDigest(data: string | Buffer): string {
  return nodeCrypto().createHash('sha256').update(data).digest('hex').slice(0, 32);
}
