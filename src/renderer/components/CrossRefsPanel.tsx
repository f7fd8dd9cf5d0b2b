/**
 * Browse by cross-reference: SDG targets, Sutherland Report recommendations,
 * countries / organisations / programmes, Platform for Partnerships entries;
 * each lists the blocks that mention it.
 */
import { useState, type ReactNode } from 'react';
import type { Facet } from '../../shared/contract/types';
import type { CrossRefType } from '../../shared/model';
import { api } from '../api';
import { useResult } from '../hooks/useResult';
import { BLOCK_KIND } from '../lib/labels';
import { clip } from '../lib/text';
import { navigate } from '../state/nav';
import { SkeletonLines } from './Skeleton';

const TYPES: Array<{ type: CrossRefType; label: string }> = [
  { type: 'sdg', label: 'SDG targets' },
  { type: 'sutherland', label: 'Sutherland Report' },
  { type: 'actor', label: 'Countries & organisations' },
  { type: 'pfp', label: 'Platform for Partnerships' },
];

function FacetBlocks({ facet }: { facet: Facet }): ReactNode {
  const res = useResult(() => api.content.facet({ type: facet.type, key: facet.key }), [facet.type, facet.key]);
  if (res.status === 'loading') return <SkeletonLines lines={3} />;
  if (res.status === 'error') return <p role="alert">{res.message}</p>;
  const { blocks, footnotes } = res.value;
  return (
    <div className="facet-blocks">
      <ul className="result-list">
        {blocks.map((b) => (
          <li key={b.id}>
            <button type="button" className="entry" onClick={() => void navigate({ pageId: b.pageId, blockId: b.id })}>
              <span className="entry-label">{b.label}</span>
              <span className="entry-kind">{BLOCK_KIND[b.kind]}</span>
              <span className="entry-text">{clip(b.excerpt, 160)}</span>
            </button>
          </li>
        ))}
      </ul>
      {footnotes.length ? <p className="muted small">Also in footnotes {footnotes.join(', ')}.</p> : null}
    </div>
  );
}

export function CrossRefsPanel(): ReactNode {
  const [type, setType] = useState<CrossRefType>('sdg');
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const facets = useResult(() => api.content.facets({ type }), [type]);
  const list = (facets.value ?? []).filter((f) => f.display.toLowerCase().includes(filter.trim().toLowerCase()));
  return (
    <div className="xrefs">
      <div className="field-row">
        <label className="field">
          <span>Browse</span>
          <select
            value={type}
            onChange={(e) => {
              setType(e.target.value as CrossRefType);
              setOpen(null);
            }}
          >
            {TYPES.map((t) => (
              <option key={t.type} value={t.type}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Filter</span>
          <input
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder="e.g. 10.7, IOM"
          />
        </label>
      </div>
      {facets.status === 'loading' && !facets.value ? <SkeletonLines lines={6} /> : null}
      {facets.status === 'error' ? <p role="alert">{facets.message}</p> : null}
      {facets.value && list.length === 0 ? <p className="muted">Nothing matches.</p> : null}
      <ul className="facet-list">
        {list.map((f) => {
          const key = `${f.type}:${f.key}`;
          const isOpen = open === key;
          return (
            <li key={key}>
              <button
                type="button"
                className="facet"
                aria-expanded={isOpen}
                onClick={() => setOpen(isOpen ? null : key)}
              >
                <span>{f.display}</span>
                <span className="count" aria-label={`${f.count} mentions`}>
                  {f.count}
                </span>
              </button>
              {isOpen ? <FacetBlocks facet={f} /> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
