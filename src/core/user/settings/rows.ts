/**
 * Repository of the `settings` table: one row per setting, its value as JSON.
 *
 * Constraint: reading never fails. Each stored value is checked against the
 * contract's own schema for `settings.set`; a missing or invalid value (an old
 * or hand-edited file) reads as its default instead of reaching the renderer.
 */
import { argSchemas } from '../../../shared/contract/channels';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/contract/types';
import type { UserDb } from '../db';

export type SettingsPatch = Partial<Settings>;

const KEYS = Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>;

function clone(settings: Settings): Settings {
  return structuredClone(settings);
}

export class SettingsRepo {
  private readonly all;
  private readonly upsert;

  constructor(db: UserDb) {
    this.all = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
    this.upsert = db.prepare<[string, string]>(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
  }

  get(): Settings {
    const settings = clone(DEFAULT_SETTINGS);
    const target = settings as unknown as Record<string, unknown>;
    for (const { key, value } of this.all.all()) {
      if (!(KEYS as string[]).includes(key)) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch {
        continue;
      }
      const checked = argSchemas['settings.set'].shape.patch.safeParse({ [key]: parsed });
      if (checked.success && key in checked.data) target[key] = (checked.data as Record<string, unknown>)[key];
    }
    return settings;
  }

  /** Writes the keys present in the patch (already validated by the caller's schema). */
  set(patch: SettingsPatch): void {
    for (const key of KEYS) {
      const value = patch[key];
      if (value !== undefined) this.upsert.run(key, JSON.stringify(value));
    }
  }
}
