/**
 * The delegation commands: `layers` lists colleagues' layers held in the
 * data folder (and who this installation is: the author read from the same
 * data folder, as the app shows it); `layers notes <name | id>` lists one
 * layer's notes, like `notes`.
 *
 * Constraint: read-only. The command line never reads or writes the shared
 * folder (the app does); it shows the layers already stored.
 */
import type { LayerInfo } from '../shared/contract/layer-types';
import { LIMITS } from '../shared/limits';
import { CliError, UsageError, type Command, type Context } from './context';

function layerLine(l: LayerInfo): string {
  const counts = `${l.counts.annotations} notes, ${l.counts.positions} positions, ${l.counts.bookmarks} bookmarks`;
  const flags = [l.visible ? null : 'hidden', l.canUndo ? 'previous kept' : null, l.conflict ? 'CONFLICT' : null];
  const extra = flags.filter(Boolean).join(', ');
  return `${l.id}  ${l.name}  (${l.color}; exported ${l.exported}; ${counts}${extra ? `; ${extra}` : ''})`;
}

/** The layer a name or id names: an exact id, else a case-insensitive name; two of the same name are an error. */
function pick(layers: LayerInfo[], which: string): LayerInfo {
  const byId = layers.find((l) => l.id === which.toLowerCase());
  if (byId) return byId;
  const named = layers.filter((l) => l.name.toLocaleLowerCase('en') === which.toLocaleLowerCase('en'));
  if (named.length === 1) return named[0];
  if (named.length > 1) throw new CliError(`${named.length} layers are named "${which}": give its id`, 'CONFLICT');
  throw new CliError(`no layer named "${which}" (recollection layers lists them)`, 'NOT_FOUND');
}

async function layerNotes(ctx: Context, layer: LayerInfo) {
  const entries = [];
  for (let offset = 0; ; offset += LIMITS.notesPageSize) {
    const page = await ctx.call('layers.notesPage', { layerIds: [layer.id], offset, limit: LIMITS.notesPageSize });
    entries.push(...page.entries);
    if (offset + LIMITS.notesPageSize >= page.total) break;
  }
  return entries;
}

export const layers: Command = {
  name: 'layers',
  usage: 'layers | layers notes <name | id> [--json]',
  summary: "list colleagues' layers (and your author name and id), or one layer's notes",
  options: [],
  positionals: [0, 2],
  readOnly: true,
  async run(ctx) {
    const [action, which] = ctx.args;
    const list = await ctx.call('layers.list', {});
    if (action === undefined) {
      const author = await ctx.call('author.get', {});
      if (ctx.json) return ctx.printJson({ author, layers: list });
      return ctx.print(
        `You: ${author.name || '(no name set: Settings → Author)'}  ${author.id}`,
        ...(list.length ? list.map(layerLine) : ['No layers.']),
      );
    }
    if (action !== 'notes') throw new UsageError(`layers: unknown action "${action}" (notes)`);
    if (which === undefined) throw new UsageError('layers notes: which layer (name or id)?');
    const entries = await layerNotes(ctx, pick(list, which));
    if (ctx.json) ctx.printJson(entries);
    else await ctx.printLines((await import('./note-lines')).noteLineStream(entries));
  },
};
