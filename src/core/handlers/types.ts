/**
 * Handler groups: each domain file implements the slice of the handler map for
 * its channels; `DomainHandlers<'content'>` is exactly the `content.*` channels,
 * so a missing or misspelled handler is a type error where the slices are joined.
 */
import { CHANNELS, type Channel } from '../../shared/contract/channels';
import type { Domain, Handlers } from '../../shared/contract/derive';

export type DomainHandlers<D extends Domain> = {
  [K in Channel as K extends `${D}.${string}` ? K : never]: Handlers[K];
};

/**
 * A domain's slice built on its first call, for slices whose set-up costs more than a short
 * command needs: the command line's `show` must not load the search index (docs/cli.md).
 */
export function lazySlice<D extends Domain>(domain: D, make: () => DomainHandlers<D>): DomainHandlers<D> {
  let slice: DomainHandlers<D> | null = null;
  const get = (): Record<string, (...args: unknown[]) => unknown> =>
    (slice ??= make()) as unknown as Record<string, (...args: unknown[]) => unknown>;
  const entries = CHANNELS.filter((c) => c.startsWith(`${domain}.`)).map((channel) => [
    channel,
    (...args: unknown[]) => get()[channel](...args),
  ]);
  return Object.fromEntries(entries) as DomainHandlers<D>;
}
