// The real path of a file or directory, or the path itself when it cannot be resolved (missing, no access).
// The native call is one realpath(3) where the JavaScript one lstats every component of the path.
import { realpathSync } from 'node:fs';

export function realOrSelf(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return p;
  }
}
