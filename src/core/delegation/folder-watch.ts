/**
 * Notices changes in the shared folder: file events where the system
 * gives them (fs.watch), and a poll of names, sizes and times as a fallback
 * that always runs, because network shares and some sync clients deliver no
 * events. Both are stopped by `stop()`; nothing keeps the process alive.
 *
 * Constraint: Node's fs only (no Electron); a folder that vanishes or cannot
 * be read is a state (`unavailable`), never a crash; calls into `onChange` are
 * debounced so a sync tool writing many files causes one scan.
 */
import fs from 'node:fs';

export interface FolderWatchOptions {
  dir: string;
  /** Also listen for file events (default true); false: poll only (the path network drives take). */
  watch?: boolean;
  pollMs: number;
  debounceMs: number;
  onChange: () => void;
}

export class FolderWatch {
  private watcher: fs.FSWatcher | null = null;
  private poller: NodeJS.Timeout | null = null;
  private pending: NodeJS.Timeout | null = null;
  private lastListing = '';
  private stopped = false;
  /** How changes are noticed now. */
  mode: 'watching' | 'polling' = 'polling';

  constructor(private readonly o: FolderWatchOptions) {}

  start(): void {
    this.lastListing = this.listing();
    if (this.o.watch !== false) {
      try {
        this.watcher = fs.watch(this.o.dir, { persistent: false }, () => this.soon());
        this.watcher.on('error', () => {
          // The folder went away or the system stopped delivering events: the poll carries on.
          this.watcher?.close();
          this.watcher = null;
          this.mode = 'polling';
        });
        this.mode = 'watching';
      } catch {
        this.mode = 'polling';
      }
    }
    this.poller = setInterval(() => this.poll(), this.o.pollMs);
    this.poller.unref();
  }

  stop(): void {
    this.stopped = true;
    this.watcher?.close();
    this.watcher = null;
    if (this.poller) clearInterval(this.poller);
    if (this.pending) clearTimeout(this.pending);
    this.poller = this.pending = null;
  }

  /** Names, sizes and modification times: what the poll compares. */
  private listing(): string {
    try {
      return fs
        .readdirSync(this.o.dir, { withFileTypes: true })
        .filter((d) => d.isFile() && d.name.endsWith('.json'))
        .map((d) => {
          const st = fs.statSync(`${this.o.dir}/${d.name}`, { throwIfNoEntry: false });
          return `${d.name}:${st?.size ?? -1}:${st?.mtimeMs ?? -1}`;
        })
        .sort()
        .join('\n');
    } catch {
      return '(unreadable)';
    }
  }

  private poll(): void {
    const now = this.listing();
    if (now === this.lastListing) return;
    this.lastListing = now;
    this.soon();
  }

  private soon(): void {
    if (this.stopped) return;
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = null;
      if (this.stopped) return;
      this.lastListing = this.listing();
      this.o.onChange();
    }, this.o.debounceMs);
    this.pending.unref();
  }
}
