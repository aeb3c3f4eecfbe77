// Read a file an attacker may have placed: only a regular file, never more than a cap. The cap is
// checked on the bytes actually read, not on the size stat reports (a device reads as size 0 and a
// file may grow while it is read); the open never blocks (a FIFO opened without O_NONBLOCK waits for
// a writer forever).
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

export class BoundedReadError extends Error {
  constructor(
    message: string,
    readonly reason: 'not-regular' | 'too-large',
  ) {
    super(message);
    this.name = 'BoundedReadError';
  }
}

/** What a non-regular file is, in words for a message. */
export function fileKind(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * The bytes of the regular file at `path`, at most `maxBytes` of them. Throws BoundedReadError for a
 * non-regular file or one longer than the cap, and the usual errno errors (ENOENT, EACCES) otherwise.
 */
export function readBounded(path: string, maxBytes: number): Buffer {
  // O_NONBLOCK is 0 where the platform has none (Windows, which has no FIFOs at such paths).
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new BoundedReadError(`is ${fileKind(st)}; kmslint reads only regular files`, 'not-regular');
    // The stat size is a first guess for the buffer only; reading goes on until end of file or cap + 1.
    let buf = Buffer.allocUnsafe(Math.min(Math.max(st.size + 1, 64 * 1024), maxBytes + 1));
    let length = 0;
    for (;;) {
      if (length === buf.length) {
        if (buf.length > maxBytes) break;
        const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, maxBytes + 1));
        buf.copy(bigger, 0, 0, length);
        buf = bigger;
      }
      const n = readSync(fd, buf, length, buf.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) throw new BoundedReadError(`file is over the ${formatBytes(maxBytes)} kmslint reads`, 'too-large');
    return buf.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

export function formatBytes(n: number): string {
  return n >= 1048576 ? `${Math.round(n / 1048576)} MB` : `${Math.round(n / 1024)} KB`;
}
