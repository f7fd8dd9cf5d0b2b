/**
 * The brief's own choices in the export dialog: the title block
 * (title, delegation, meeting, date, classification line) and what the brief
 * covers (some clusters, tags or positions).
 *
 * Constraint: a hook plus its fields, so the export dialog only calls it and
 * places the fields (other work edits that dialog too). The title block is
 * remembered in the settings (`briefHeader`) when an export runs; the date is
 * not (it defaults to the day of export).
 */
import { useState, type ReactNode } from 'react';
import type { BriefHeader, ExportScope, Position } from '../../shared/contract/types';
import { CLUSTER_NUMBERS, POSITIONS } from '../../shared/contract/values';
import { LIMITS } from '../../shared/limits';
import { POSITION_LABELS } from '../../shared/vocabulary/labels';
import { useStore } from '../lib/store';
import { settings, updateSettings } from '../state/settings';

type Only = NonNullable<ExportScope['only']>;

const FIELDS: Array<{ key: keyof BriefHeader; label: string; placeholder: string }> = [
  { key: 'classification', label: 'Classification line', placeholder: 'Restricted — delegation use' },
  { key: 'title', label: 'Title', placeholder: 'Brief: GFMD Thematic Recollection 2007–2017' },
  { key: 'delegation', label: 'Delegation', placeholder: 'e.g. Delegation of …' },
  { key: 'meeting', label: 'Meeting', placeholder: 'e.g. Intergovernmental negotiations, round 3' },
  { key: 'date', label: 'Date', placeholder: 'Today' },
];

const toggle = <T,>(list: readonly T[], value: T): T[] =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

export interface BriefOptionsState {
  header: BriefHeader;
  /** Undefined when nothing narrows the scope. */
  only: Only | undefined;
  /** Keeps the title block (not the date) for the next export. */
  remember: () => void;
  element: ReactNode;
}

export function useBriefOptions(isBrief: boolean): BriefOptionsState {
  const saved = useStore(settings, (s) => s.briefHeader);
  const [header, setHeader] = useState<BriefHeader>({ ...saved, date: '' });
  const [clusters, setClusters] = useState<string[]>([]);
  const [positions, setPositions] = useState<Position[]>([]);
  const [tagText, setTagText] = useState('');
  const tags = [
    ...new Set(
      tagText
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t && t.length <= LIMITS.tagLength),
    ),
  ];
  const only: Only | undefined =
    clusters.length || positions.length || tags.length
      ? {
          ...(clusters.length ? { clusters } : {}),
          ...(positions.length ? { positions } : {}),
          ...(tags.length ? { tags } : {}),
        }
      : undefined;
  const remember = (): void => {
    const { date: _date, ...kept } = header;
    if (JSON.stringify(kept) !== JSON.stringify(saved)) updateSettings({ briefHeader: kept });
  };

  const element = (
    <>
      {isBrief ? (
        <fieldset className="brief-header">
          <legend>Title block (optional, remembered)</legend>
          {FIELDS.map((f) => (
            <label key={f.key} className="field">
              <span>{f.label}</span>
              <input
                type="text"
                value={header[f.key]}
                maxLength={LIMITS.labelLength}
                placeholder={f.placeholder}
                onChange={(e) => setHeader({ ...header, [f.key]: e.target.value })}
              />
            </label>
          ))}
        </fieldset>
      ) : null}
      <fieldset className="brief-only">
        <legend>Only (optional)</legend>
        <div className="chips" role="group" aria-label="Only these clusters">
          {CLUSTER_NUMBERS.map((n) => (
            <label key={n} className="check">
              <input
                type="checkbox"
                checked={clusters.includes(`c${n}`)}
                onChange={() => setClusters(toggle(clusters, `c${n}`))}
              />
              Cluster {n}
            </label>
          ))}
        </div>
        <div className="chips" role="group" aria-label="Only these positions">
          {POSITIONS.map((p) => (
            <label key={p} className="check">
              <input
                type="checkbox"
                checked={positions.includes(p)}
                onChange={() => setPositions(toggle(positions, p))}
              />
              {POSITION_LABELS[p].icon} {POSITION_LABELS[p].label}
            </label>
          ))}
        </div>
        <label className="field">
          <span>Tags (comma between)</span>
          <input type="text" value={tagText} onChange={(e) => setTagText(e.target.value)} />
        </label>
      </fieldset>
    </>
  );
  return { header, only, remember, element };
}
