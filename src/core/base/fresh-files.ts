/**
 * Files created new for the notes and the key: every file the user store
 * writes beside the database (a backup's partial copy, a restore's copy, a
 * conversion's copy, the key file's and the conversion journal's temporary
 * files) is created here first — exclusively (`O_EXCL`: an existing file or a
 * planted link makes it fail, never followed), without following a link
 * (`O_NOFOLLOW` where the platform has it) and owner-only (0600) from its
 * first byte — under a name unique to this process and this write, so two
 * writes never share a file and a crash leftover says which process made it.
 *
 * Constraint: `writerGone` is the only test of whether a leftover may be
 * removed: its process is gone (killed, or the machine stopped).
 */
import { nodeCrypto } from './builtins';
import fs from 'node:fs';
import { dirname } from 'node:path';
import { syncDir } from './files';
import { FILE_MODE, makePrivate } from './owner-only';

const NEW_FILE = fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY | (fs.constants.O_NOFOLLOW ?? 0);

/** `<pid>.<uuid>`: unique to this write, and naming the process that made it. */
export const uniqueTag = (): string => `${process.pid}.${nodeCrypto().randomUUID()}`;

/** The `<pid>.<uuid>` tag a name carries, as `{ pid }`; null for a name without one. */
export function tagOf(name: string): { pid: number } | null {
  const m = /\.(\d{1,10})\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\./.exec(name);
  return m ? { pid: Number(m[1]) } : null;
}

/** True when the process that made a tagged file is no longer running (a file without a tag: true). */
export function writerGone(name: string): boolean {
  const tag = tagOf(name);
  if (!tag) return true;
  if (tag.pid === process.pid) return false;
  try {
    process.kill(tag.pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'EPERM';
  }
}

/** Opens `file` as a new, owner-only file (never an existing one, never through a link); returns the fd. */
export function openNew(file: string): number {
  const fd = fs.openSync(file, NEW_FILE, FILE_MODE);
  makePrivate(file); // the mode given to open is filtered by the umask; 0600 is never widened by it
  return fd;
}

/** Creates `file` empty, new and owner-only (SQLite then writes into it: it never creates it itself). */
export function createNew(file: string): void {
  fs.closeSync(openNew(file));
}

/** Copies `src` into the new file `dest` (created as openNew does), fsynced. */
export function copyToNew(src: string, dest: string): void {
  const input = fs.openSync(src, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  try {
    const out = openNew(dest);
    try {
      const buf = Buffer.alloc(1 << 20);
      for (let n = fs.readSync(input, buf); n > 0; n = fs.readSync(input, buf)) {
        for (let off = 0; off < n;) off += fs.writeSync(out, buf, off, n - off);
      }
      fs.fsyncSync(out);
    } finally {
      fs.closeSync(out);
    }
  } finally {
    fs.closeSync(input);
  }
}

/**
 * Replaces `target` with `text` durably: written to a new, uniquely named sibling
 * (`<target>.<pid>.<uuid>.tmp`), fsynced, renamed over `target`, the folder fsynced.
 */
export function replaceWithNew(target: string, text: string): void {
  const temp = `${target}.${uniqueTag()}.tmp`;
  try {
    const fd = openNew(temp);
    try {
      fs.writeFileSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  syncDir(dirname(target));
}
