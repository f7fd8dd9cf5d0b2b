/**
 * The command line's standard output and error, written straight to file
 * descriptors 1 and 2 while they take every byte at once: making
 * `process.stdout` (a socket or TTY stream, with Node's stream modules) is
 * ~7 ms of a command's start, for a `search` or `show` whose answer is a few
 * kilobytes.
 *
 * Constraints: output is never lost or reordered: when the descriptor cannot
 * take more now (a full non-blocking pipe: EAGAIN), the rest and everything
 * after go through `process.stdout`, which queues and drains (callers await
 * `drain`); a reader that went away (`| head`: EPIPE) ends the output
 * silently, as with any Unix tool. Windows always uses the stream (its console
 * needs Node's own writer for Unicode).
 */
import { writeSync } from 'node:fs';

interface Channel {
  fd: 1 | 2;
  stream: () => NodeJS.WriteStream;
  /** Writing through the stream from now on (Windows, or the descriptor once refused more). */
  viaStream: boolean;
  /** The reader went away: nothing more is written. */
  closed: boolean;
}

const channel = (fd: 1 | 2, stream: () => NodeJS.WriteStream): Channel => ({
  fd,
  stream,
  viaStream: process.platform === 'win32',
  closed: false,
});
const OUT = channel(1, () => process.stdout);
const ERR = channel(2, () => process.stderr);

function write(c: Channel, text: string): void {
  if (c.closed) return;
  if (c.viaStream) {
    c.stream().write(text);
    return;
  }
  const bytes = Buffer.from(text);
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(c.fd, bytes, done);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') {
      c.closed = true;
      return;
    }
    if (code !== 'EAGAIN') throw err;
    c.viaStream = true;
    c.stream().write(bytes.subarray(done));
  }
}

export const writeOut = (text: string): void => write(OUT, text);
export const writeErr = (text: string): void => write(ERR, text);

/** Resolves once the output written so far has left the process's queue. */
export function drainOut(): Promise<void> {
  if (!OUT.viaStream || OUT.closed || !process.stdout.writableNeedDrain) return Promise.resolve();
  return new Promise((done) => process.stdout.once('drain', done));
}

/** True when nothing written is still queued in the process (the program may exit at once). */
export const outputSettled = (): boolean =>
  [OUT, ERR].every((c) => !c.viaStream || c.closed || c.stream().writableLength === 0);
