/**
 * Long exports in steps: an exporter is written as a generator that yields
 * after each entry how far it is (a fraction from 0 to 1); run synchronously
 * (`runSteps`, for the pure exporters and their tests) or driven (`driveSteps`,
 * for the export channel), which reports progress, gives the event loop a turn
 * and stops at a cancel.
 *
 * Constraints: an exporter stays pure and gives the same output however it is
 * run; a driven export yields to the event loop at least every SLICE_MS, so
 * the process (Electron's main process, the command line's Ctrl+C) answers
 * while it runs; a cancel ends it with CANCELLED before anything is written;
 * progress is reported in entries, in order, ending at exactly `total`.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CoreError } from '../../shared/contract/result';

/** An exporter's work: yields how far it is (0…1) after each entry; returns the result. */
export type Steps<T> = Generator<number, T, void>;

export interface ExportProgress {
  /** Aborted: the export stops at its next step with CANCELLED. */
  signal?: AbortSignal;
  /** Entries done of the total, in order, the last call with done === total. */
  onProgress?: (done: number, total: number) => void;
}

/** How long a driven export runs before it gives the event loop a turn. */
const SLICE_MS = 40;

export const cancelled = (): CoreError => new CoreError('CANCELLED', 'The export was cancelled: nothing was written.');

/** Runs the steps to the end at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs `inner` as the part from `from` to `to` of a larger job. */
export function* part<T>(inner: Steps<T>, from: number, to: number): Steps<T> {
  for (;;) {
    const next = inner.next();
    if (next.done) return next.value;
    yield from + (to - from) * next.value;
  }
}

/** One step per item of `items`: the fraction done after each. */
export function* eachOf<T>(items: readonly T[], fn: (item: T, index: number) => void): Steps<void> {
  const n = items.length;
  for (let i = 0; i < n; i++) {
    fn(items[i], i);
    yield (i + 1) / n;
  }
}

/** Stops with CANCELLED when the signal is aborted. */
export function checkCancelled(progress: ExportProgress | undefined): void {
  if (progress?.signal?.aborted) throw cancelled();
}

/**
 * Runs the steps, `total` entries' worth: reports progress at each hundredth of
 * the work (so a quick export still shows it moving, whatever the machine's
 * speed), every SLICE_MS yields to the event loop, and stops with CANCELLED
 * once the signal is aborted. The final report (`total` of `total`) is the
 * caller's, once the file is whole.
 */
export async function driveSteps<T>(steps: Steps<T>, total: number, progress?: ExportProgress): Promise<T> {
  checkCancelled(progress);
  let sliceStart = performance.now();
  let reported = -1;
  const every = Math.max(1, Math.floor(total / 100));
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    // Never total before the end: the file is not written yet.
    const done = Math.min(total - 1, Math.floor(next.value * total));
    const due = performance.now() - sliceStart >= SLICE_MS;
    if (done > reported && (due || done - reported >= every)) {
      reported = done;
      progress?.onProgress?.(done, total);
    }
    if (!due) continue;
    await nextTurn();
    checkCancelled(progress);
    sliceStart = performance.now();
  }
}
