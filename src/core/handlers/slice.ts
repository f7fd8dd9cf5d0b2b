/**
 * Joins a domain module to the contract: a domain object whose methods are the
 * verbs of one contract domain (`bookmarks.add` → `add`) becomes that domain's
 * slice of the handler map, with nothing renamed by hand.
 *
 * Constraint: the verbs are taken from the contract's channel list, so a
 * domain's extra methods (used by other core modules) never become channels,
 * and a missing verb is a type error at the call site.
 */
import { CHANNELS, type Channel, type ParsedArgs, type ResultOf } from '../../shared/contract/channels';
import type { Domain } from '../../shared/contract/derive';
import type { DomainHandlers } from './types';

/** The verbs of domain D, each taking the channel's validated argument. */
export type DomainSlice<D extends Domain> = {
  [K in Channel as K extends `${D}.${infer V}` ? V : never]: (
    args: ParsedArgs<K>,
  ) => ResultOf<K> | Promise<ResultOf<K>>;
};

export function sliceHandlers<D extends Domain>(domain: D, impl: DomainSlice<D>): DomainHandlers<D> {
  const verbs = impl as unknown as Record<string, (args: unknown) => unknown>;
  const out: Record<string, (args: unknown) => unknown> = {};
  for (const channel of CHANNELS) {
    const [d, verb] = channel.split('.') as [string, string];
    if (d === domain) out[channel] = (args) => verbs[verb]?.call(impl, args);
  }
  return out as unknown as DomainHandlers<D>;
}
