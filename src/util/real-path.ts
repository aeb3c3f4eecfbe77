// The real path of a file or directory, or the path itself when it cannot be resolved (missing, no access).
import { realpathSync } from 'node:fs';

export function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
