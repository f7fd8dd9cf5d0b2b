/**
 * What a brief covers beyond the notes themselves: the scope narrowed
 * to chosen clusters, tags and positions (per option, so an option's bookmark,
 * highlights and notes stay together), the options marked only by a position
 * (own or a delegation layer's) as places of their own, their reading order,
 * and the document's name as its citations print it.
 *
 * Constraint: reads the content lookup and the records handed in, never the
 * database; the exporters stay pure (src/core/exchange).
 */
import type { DocMeta, ExportScope, OptionPosition } from '../../../shared/contract/types';
import { sentenceCase } from '../../../shared/vocabulary/text';
import type { ContentLookup } from '../../content/lookup';
import type { ExportEntry, ExportPlace } from '../../exchange/types';

type Only = NonNullable<ExportScope['only']>;

const targetOf = (e: ExportEntry): string => e.annotation?.blockId ?? e.bookmark?.targetId ?? '';

/** "Cluster 2: Irregular migration and regular pathways…": the heading as the outline shows it. */
export function outlineHeading(content: ContentLookup, sectionId: string | null): string | null {
  const s = sectionId ? content.section(sectionId) : null;
  return s ? `${s.label}: ${sentenceCase(s.title)}` : null;
}

/** The entries and positions on the options `only` keeps (everything when `only` is absent or empty). */
export function narrow(
  entries: readonly ExportEntry[],
  positions: readonly OptionPosition[],
  only: Only | undefined,
  content: ContentLookup,
): { entries: ExportEntry[]; positions: OptionPosition[] } {
  const clusters = only?.clusters?.length ? new Set(only.clusters) : null;
  const chosen = only?.positions?.length ? new Set(only.positions) : null;
  const tags = only?.tags?.length ? new Set(only.tags.map((t) => t.toLowerCase())) : null;
  if (!clusters && !chosen && !tags) return { entries: [...entries], positions: [...positions] };
  const position = new Map(positions.map((p) => [p.targetId, p.position]));
  const tagged = new Set(
    entries.filter((e) => e.annotation?.tags.some((t) => tags?.has(t.toLowerCase()))).map((e) => targetOf(e)),
  );
  const keep = (targetId: string): boolean => {
    if (clusters) {
      const c = content.location(targetId)?.clusterId;
      if (!c || !clusters.has(c)) return false;
    }
    if (chosen) {
      const p = position.get(targetId);
      if (!p || !chosen.has(p)) return false;
    }
    return !tags || tagged.has(targetId);
  };
  return { entries: entries.filter((e) => keep(targetOf(e))), positions: positions.filter((p) => keep(p.targetId)) };
}

/** Places for the options that have a position but no exported entry. */
export function placesFor(
  content: ContentLookup,
  targetIds: Iterable<string>,
  entries: readonly ExportEntry[],
): ExportPlace[] {
  const have = new Set(entries.map(targetOf));
  const out: ExportPlace[] = [];
  for (const id of new Set(targetIds)) {
    if (have.has(id)) continue;
    const target = content.summary(id);
    const loc = content.location(id);
    if (!target || !loc) continue;
    out.push({
      target,
      block: content.block(id),
      clusterId: loc.clusterId,
      focusAreaId: loc.focusAreaId,
      clusterTitle: outlineHeading(content, loc.clusterId),
      focusAreaTitle: outlineHeading(content, loc.focusAreaId),
    });
  }
  return out;
}

/** Reading order of the given targets: a block's sequence number; a section's, that of its first block. */
export function readingOrder(content: ContentLookup, ids: Iterable<string>): Record<string, number> {
  const out: Record<string, number> = {};
  const sections: string[] = [];
  for (const id of new Set(ids)) {
    const b = content.block(id);
    if (b) out[id] = b.seq;
    else if (content.section(id)) sections.push(id);
  }
  if (sections.length) {
    for (const b of content.allBlocks()) {
      for (const s of sections) if (out[s] === undefined && b.id.startsWith(`${s}.`)) out[s] = b.seq - 0.5;
    }
  }
  return out;
}

/** "GFMD Thematic Recollection 2007–2017": the title, with the forum's acronym the subtitle names, and a tight year range. */
export function citationName(meta: Pick<DocMeta, 'title' | 'subtitle'>): string {
  const title = meta.title.replace(/(\d{4})\s*[–-]\s*(\d{4})/g, '$1–$2').trim();
  const acronym = /\(([A-Z]{2,10})\)/.exec(meta.subtitle)?.[1];
  return acronym && !title.startsWith(acronym) ? `${acronym} ${title}` : title;
}
