/**
 * The settings domain: read all settings (defaults for anything missing or
 * invalid) and write a validated patch.
 *
 * Constraint: settings are not undoable and not in the history; a patch is
 * written in one transaction so a restart never sees half of it.
 */
import type { Settings } from '../../../shared/contract/types';
import type { UserContext } from '../context';
import type { SettingsPatch } from './rows';

export function settingsDomain(u: UserContext) {
  const get = (): Settings => u.session().settings.get();
  return {
    get,
    set({ patch }: { patch: SettingsPatch }): Settings {
      const s = u.session();
      s.db.transaction(() => s.settings.set(patch)).immediate();
      return get();
    },
  };
}
