/**
 * Shapes derived from the contract: the API the preload exposes, the grouped
 * client the renderer calls (`api.content.outline({})`), and the handler map
 * the core implements. Nothing here lists channels by hand.
 */
import type { Args, Channel, EventName, EventPayloads, ParsedArgs, ResultOf } from './channels';
import { CHANNELS } from './channels';
import type { Result } from './result';

/** What `window.api` is (preload) and what the browser harness provides. */
export interface Bridge {
  invoke<K extends Channel>(channel: K, args: Args<K>): Promise<Result<ResultOf<K>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

type DomainOf<K> = K extends `${infer D}.${string}` ? D : never;
export type Domain = DomainOf<Channel>;

/** `client.content.outline(args)` for channel `content.outline`. */
export type Client = {
  [D in Domain]: {
    [K in Channel as K extends `${D}.${infer V}` ? V : never]: (args: Args<K>) => Promise<Result<ResultOf<K>>>;
  };
};

export function createClient(bridge: Bridge): Client {
  const client: Record<string, Record<string, (args: unknown) => Promise<unknown>>> = {};
  for (const channel of CHANNELS) {
    const [domain, verb] = channel.split('.') as [string, string];
    client[domain] ??= {};
    client[domain][verb] = (args: unknown) => bridge.invoke(channel, args as never);
  }
  return client as unknown as Client;
}

/** The core implements one function per channel, with already-validated arguments. */
export type Handlers = {
  [K in Channel]: (args: ParsedArgs<K>) => ResultOf<K> | Promise<ResultOf<K>>;
};
