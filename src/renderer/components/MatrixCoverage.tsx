/**
 * Coverage of the positions matrix: for each chosen cluster and each of its
 * focus areas, how many policy options and practical actions are marked
 * ("32 of 71 policy options marked"), with a bar.
 *
 * Constraint: a bar is never the only carrier of the figure; the words say it.
 */
import type { ReactNode } from 'react';
import type { PositionRow } from '../../shared/contract/types';

function count(rows: readonly PositionRow[], kinds: readonly string[]): { marked: number; total: number } {
  const of = rows.filter((r) => kinds.includes(r.block.kind));
  return { marked: of.filter((r) => r.position).length, total: of.length };
}

function Bar({ rows, name }: { rows: readonly PositionRow[]; name: string }): ReactNode {
  const po = count(rows, ['policy-option']);
  const pa = count(rows, ['practical-action', 'practical-action-item']);
  const all = po.total + pa.total;
  const marked = po.marked + pa.marked;
  return (
    <div className="coverage-row">
      <span className="coverage-name">{name}</span>
      <progress max={all || 1} value={marked} aria-label={`${name}: ${marked} of ${all} marked`} />
      <span className="coverage-words">
        {po.marked} of {po.total} policy options marked · {pa.marked} of {pa.total} practical actions marked
      </span>
    </div>
  );
}

export function MatrixCoverage({
  rows,
  title,
}: {
  rows: readonly PositionRow[];
  title: (id: string) => string;
}): ReactNode {
  const clusters = new Map<string, Map<string, PositionRow[]>>();
  for (const r of rows) {
    const areas = clusters.get(r.clusterId) ?? new Map<string, PositionRow[]>();
    areas.set(r.focusAreaId, [...(areas.get(r.focusAreaId) ?? []), r]);
    clusters.set(r.clusterId, areas);
  }
  return (
    <section className="matrix-coverage" aria-label="Coverage">
      {[...clusters.entries()].map(([cluster, areas]) => (
        <details key={cluster} className="coverage-cluster">
          <summary>
            <Bar rows={[...areas.values()].flat()} name={title(cluster)} />
          </summary>
          {[...areas.entries()].map(([area, list]) => (
            <Bar key={area} rows={list} name={title(area)} />
          ))}
        </details>
      ))}
    </section>
  );
}
