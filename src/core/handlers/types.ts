/**
 * Handler groups: each domain file implements the slice of the handler map for
 * its channels; `DomainHandlers<'content'>` is exactly the `content.*` channels,
 * so a missing or misspelled handler is a type error where the slices are joined.
 */
import type { Channel } from '../../shared/contract/channels';
import type { Domain, Handlers } from '../../shared/contract/derive';

export type DomainHandlers<D extends Domain> = {
  [K in Channel as K extends `${D}.${string}` ? K : never]: Handlers[K];
};
