/**
 * This installation's own layer file in the shared folder:
 * written on change (the caller debounces), through a temporary owner-only
 * file renamed over it, only when its contents changed, plain or sealed with
 * the delegation passphrase.
 *
 * Constraint: the only path ever written is `<dir>/<own name>` (and its
 * temporary sibling). A plain file is written at once (no await before the
 * rename, so the folder is up to date when `write()` returns); a sealed one
 * costs a scrypt, so one sealing runs at a time and a change that arrives
 * meanwhile is written after it. Sealing on without the passphrase entered
 * writes nothing: never a plain file in a sealed folder.
 */
import { nodeCrypto } from '../base/builtins';
import path from 'node:path';
import { errorMessage } from '../../shared/errors';
import { unseal } from '../exchange/seal';
import type { W3cCollection } from '../exchange/w3c';
import { readFolderFile, readFolderFileSync, removeOwnTemps, writeFolderFile } from './folder-files';
import { isSealedText, sealLayerFile, serializeLayerFile } from './layer-file';

export interface OwnFileOptions {
  dir: string;
  name: string;
  own: () => W3cCollection;
  /**
   * Sealing: off; on with the passphrase; on without it (nothing is written). `plainAllowed` false: the
   * notes are protected and the user has not chosen to write them unsealed (nothing is written).
   */
  sealing: () => { on: boolean; passphrase: string | null; plainAllowed: boolean };
  now: () => Date;
  /** log2 of scrypt's N for sealing (tests lower it; the app seals at SEAL_WORK_FACTOR). */
  sealWorkFactor?: number;
}

const sha256 = (text: string): string => nodeCrypto().createHash('sha256').update(text).digest('hex');

/** The own file's content without what changes at each writing (export time, the collection's fresh ids). */
function stableDigest(c: Pick<W3cCollection, 'generated' | 'id' | 'first'>): string {
  const stable = { ...c, generated: '', id: '', first: { ...c.first, id: '' } };
  return nodeCrypto().createHash('sha256').update(JSON.stringify(stable)).digest('hex');
}

/**
 * Sealed writings in flight, by file: a writer made anew (the passphrase changed, the folder restarted) waits
 * for the one before it, so an older sealing never lands over a newer file.
 */
const inFlight = new Map<string, Promise<void>>();

export class OwnFile {
  /** `plain:<digest>` or `sealed:<digest>` of what is on disk, once known. */
  private written: string | null = null;
  private sealing: Promise<void> | null = null;
  private again = false;
  lastWrite: string | null = null;
  problem: string | null = null;
  /** A digest of the exact text of the file this app last wrote (or found current) at its name. */
  private mine: string | null = null;
  /** The size, time and inode of the file at the name when last found to be `mine`. */
  private checked: string | null = null;

  constructor(private readonly o: OwnFileOptions) {
    // A write killed before its rename left a temporary file holding every note: it goes first.
    removeOwnTemps(o.dir, o.name);
  }

  private get target(): string {
    return path.join(this.o.dir, this.o.name);
  }

  /** Writes the file when its content (or its sealing) changed; resolves once written or found unchanged. Never rejects. */
  write(): Promise<void> {
    if (this.sealing) {
      this.again = true;
      return this.settled();
    }
    const before = inFlight.get(this.target);
    if (before) return before.then(() => this.write());
    let sealing: ReturnType<OwnFileOptions['sealing']>;
    try {
      sealing = this.o.sealing();
    } catch (err) {
      this.failed(err); // the notes closed (locked, the app quitting) while a write was due
      return Promise.resolve();
    }
    const { on, passphrase, plainAllowed } = sealing;
    if (on && passphrase === null) {
      this.problem =
        'Your layer file is not written: your delegation seals its layer files, and the delegation passphrase has not been entered (Settings).';
      return Promise.resolve();
    }
    if (!on && !plainAllowed) {
      this.problem =
        'Your layer file is not written: your notes are encrypted on this computer, and without a delegation passphrase it would put every note and position in the shared folder unsealed. Set the delegation passphrase, or choose to write it unsealed (Settings).';
      return Promise.resolve();
    }
    if (this.problem?.startsWith('Your layer file is not written')) this.problem = null;
    if (!on) {
      this.writePlain();
      return Promise.resolve();
    }
    const writing = this.writeSealed(passphrase ?? '').finally(() => {
      this.sealing = null;
      if (inFlight.get(this.target) === writing) inFlight.delete(this.target);
      if (this.again) {
        this.again = false;
        void this.write();
      }
    });
    this.sealing = writing;
    inFlight.set(this.target, writing);
    return writing;
  }

  /**
   * The file at the own name is the one this app wrote, or it is written again at once: a file put there
   * by anyone else (a forgery in this author's name, a sync tool's old version, a link) never stays until
   * the next edit. `key` is what the folder's listing saw (size, time, inode: unchanged, nothing is read).
   */
  async check(key: string): Promise<void> {
    if (this.mine === null || this.sealing || key === this.checked) return;
    const got = await readFolderFile(this.target, null);
    if (got.ok && sha256(got.text) === this.mine) {
      this.checked = key;
      return;
    }
    this.written = null;
    this.mine = null;
    this.checked = null;
    await this.write();
    if (this.mine !== null) {
      this.problem = `Your layer file in the shared folder had been replaced by a file this app did not write; it was written again (${this.o.now().toISOString().slice(0, 16).replace('T', ' ')} UTC). If this keeps happening, another installation uses your author id (a copy of your data folder) or someone writes in your name.`;
    }
  }

  /** Resolves once no sealing is in flight: the one running and the one a change made meanwhile. */
  private async settled(): Promise<void> {
    while (this.sealing) await this.sealing;
  }

  private writePlain(): void {
    try {
      const collection = this.o.own();
      const digest = `plain:${stableDigest(collection)}`;
      this.written ??= this.plainDigest(this.readOnDisk(), digest);
      if (digest === this.written) return;
      this.replace(serializeLayerFile(collection));
      this.written = digest;
    } catch (err) {
      this.failed(err);
    }
  }

  private async writeSealed(passphrase: string): Promise<void> {
    try {
      const collection = this.o.own();
      const digest = `sealed:${stableDigest(collection)}`;
      this.written ??= await this.sealedOnDisk(passphrase, digest);
      if (digest === this.written) return;
      this.replace(await sealLayerFile(collection, passphrase, this.o.name, this.o.sealWorkFactor));
      this.written = digest;
    } catch (err) {
      this.failed(err);
    }
  }

  private replace(text: string): void {
    writeFolderFile(this.o.dir, this.o.name, text);
    this.mine = sha256(text);
    this.checked = null;
    this.lastWrite = this.o.now().toISOString();
    this.problem = null;
  }

  private failed(err: unknown): void {
    // The reason only (a path, "permission denied"): never the passphrase, never a note.
    this.problem = `Your layer file could not be written to the shared folder (${errorMessage(err).split('\n')[0]}).`;
  }

  /** The text at the own name, read as the folder's other files are (no link followed, bounded). */
  private readOnDisk(): string | null {
    const got = readFolderFileSync(this.target);
    return got.ok ? got.text : null;
  }

  /** A digest of what a plain file on disk holds; the file becomes `mine` when it is current. */
  private plainDigest(text: string | null, current: string): string | null {
    if (text === null || isSealedText(text)) return null;
    try {
      const digest = `plain:${stableDigest(JSON.parse(text) as W3cCollection)}`;
      if (digest === current) this.mine = sha256(text);
      return digest;
    } catch {
      return null;
    }
  }

  /** What a sealed file on disk holds, if this passphrase opens it (at start: one scrypt instead of a rewrite). */
  private async sealedOnDisk(passphrase: string, current: string): Promise<string | null> {
    const text = this.readOnDisk();
    if (text === null || !isSealedText(text)) return null;
    try {
      const inner = await unseal(text, passphrase);
      const digest = `sealed:${stableDigest(JSON.parse(new TextDecoder().decode(inner.data)) as W3cCollection)}`;
      if (digest === current) this.mine = sha256(text);
      return digest;
    } catch {
      return null; // sealed with another passphrase, or damaged: written again
    }
  }
}
