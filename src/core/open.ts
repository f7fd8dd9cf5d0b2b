/**
 * openCore(): opens the content store (read-only, stored index loaded, not
 * rebuilt) and the user store, and joins the handler slices of every domain
 * into the one `Handlers` map of the contract.
 *
 * Constraint: no Electron import; if the content database is missing or from
 * another schema version, opening fails with a CoreError('UNAVAILABLE') whose
 * message names the fix.
 */
import type { Handlers } from '../shared/contract/derive';
import type { AppStatus } from '../shared/contract/types';
import { ContentStore } from './content/store';
import type { Core, CoreOptions } from './core';
import { appHandlers } from './handlers/app';
import { contentHandlers } from './handlers/content';
import { exchangeHandlers } from './handlers/exchange';
import { searchHandlers } from './handlers/search';
import { userHandlers } from './handlers/user';
import { preloadEnglish } from './search/english';
import { SearchService } from './search/service';
import { UserStore } from './user/store';

export type { Core, CoreOptions } from './core';

export function openCore(options: CoreOptions): Core {
  const now = options.now ?? (() => new Date());
  const content = ContentStore.open(options.contentDbPath, { nativeBinding: options.nativeBinding });
  let user: UserStore | null = null;
  try {
    const search = new SearchService(content);
    user = UserStore.open({
      dataDir: options.dataDir,
      content,
      contentBuildId: content.meta().buildId,
      nativeBinding: options.nativeBinding,
      now,
    });
    const u = user;
    const status = (): AppStatus => ({
      version: options.version ?? '0.0.0',
      content: { ok: true, message: null },
      recovery: u.recovery,
      electron: Boolean(process.versions.electron),
      open: null,
    });
    const handlers: Handlers = {
      ...appHandlers(status),
      ...contentHandlers(content),
      ...searchHandlers(search, u),
      ...userHandlers(u),
      ...exchangeHandlers(content, u, now),
    };
    return {
      handlers,
      status,
      user: u,
      close() {
        u.close();
        content.close();
      },
      warmUp: preloadEnglish,
    };
  } catch (err) {
    user?.close();
    content.close();
    throw err;
  }
}
