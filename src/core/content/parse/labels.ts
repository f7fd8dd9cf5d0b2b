/**
 * Citation labels derived from ids: "Cluster 2 (3), Policy option 1" / "2.3 PO 1".
 *
 * Constraint kept: labels are a pure function of the id, so a label can only change when the
 * id (i.e. the document structure) changes — see docs/id-scheme.md.
 */
const ROMAN = ['', 'I', 'II', 'III', 'IV'] as const;

const GROUP_SECTION: Record<string, string> = {
  po: 'Policy options',
  pa: 'Options for practical action',
  ex: 'Policy and practice examples',
};
const GROUP_ITEM: Record<string, { long: string; short: string }> = {
  po: { long: 'Policy option', short: 'PO' },
  pa: { long: 'Practical action', short: 'PA' },
  ex: { long: 'Example', short: 'EX' },
};
const FRONT_LINES = ['Title', 'Subtitle', 'Place and date'] as const;
const FRONT_SHORT = ['Title', 'Subtitle', 'Date'] as const;

export function sectionLabel(id: string): string {
  if (id === 'front') return 'Front matter';
  let m = /^p([1-4])$/.exec(id);
  if (m) return `Part ${ROMAN[Number(m[1])]}`;
  m = /^p3\.s(\d+)$/.exec(id);
  if (m) return `Part III (${m[1]})`;
  m = /^c([1-6])$/.exec(id);
  if (m) return `Cluster ${m[1]}`;
  m = /^c([1-6])\.f(\d)$/.exec(id);
  if (m) return `Cluster ${m[1]} (${m[2]})`;
  m = /^c([1-6])\.f(\d)\.(po|pa|ex)$/.exec(id);
  if (m) return `Cluster ${m[1]} (${m[2]}), ${GROUP_SECTION[m[3]]}`;
  throw new Error(`labels: unknown section id ${id}`);
}

export interface BlockLabels {
  label: string;
  shortLabel: string;
}

export function blockLabels(id: string): BlockLabels {
  let m = /^front\.(\d+)$/.exec(id);
  if (m) {
    const i = Number(m[1]) - 1;
    return { label: FRONT_LINES[i] ?? `Title, line ${i + 1}`, shortLabel: FRONT_SHORT[i] ?? `T${i + 1}` };
  }
  m = /^p([1-4])\.(\d+)$/.exec(id);
  if (m) return { label: `Part ${ROMAN[Number(m[1])]}, para. ${m[2]}`, shortLabel: `${ROMAN[Number(m[1])]} ¶${m[2]}` };
  m = /^p3\.q\.(\d+)$/.exec(id);
  if (m) return { label: `Part III, quotation ${m[1]}`, shortLabel: `III Q${m[1]}` };
  m = /^p3\.s(\d+)\.(\d+)$/.exec(id);
  if (m) return { label: `Part III (${m[1]}), para. ${m[2]}`, shortLabel: `III(${m[1]}) ¶${m[2]}` };
  m = /^c([1-6])\.(\d+)$/.exec(id);
  if (m) return { label: `Cluster ${m[1]}, para. ${m[2]}`, shortLabel: `${m[1]} ¶${m[2]}` };
  m = /^c([1-6])\.f(\d)\.(\d+)$/.exec(id);
  if (m) return { label: `Cluster ${m[1]} (${m[2]}), para. ${m[3]}`, shortLabel: `${m[1]}.${m[2]} ¶${m[3]}` };
  m = /^c([1-6])\.f(\d)\.(po|pa|ex)\.(\d+(?:\.\d+)?)$/.exec(id);
  if (m) {
    const g = GROUP_ITEM[m[3]];
    return { label: `Cluster ${m[1]} (${m[2]}), ${g.long} ${m[4]}`, shortLabel: `${m[1]}.${m[2]} ${g.short} ${m[4]}` };
  }
  throw new Error(`labels: unknown block id ${id}`);
}

/** Every section and block id matches one of these (used by tests and by consumers to validate ids). */
export const SECTION_ID_RE = /^(front|p[1-4]|p3\.s[1-9]|c[1-6]|c[1-6]\.f[1-9]|c[1-6]\.f[1-9]\.(po|pa|ex))$/;
export const BLOCK_ID_RE =
  /^(front\.\d+|p[1-4]\.\d+|p3\.q\.\d+|p3\.s[1-9]\.\d+|c[1-6]\.\d+|c[1-6]\.f[1-9]\.\d+|c[1-6]\.f[1-9]\.(po|pa|ex)\.\d+|c[1-6]\.f[1-9]\.pa\.\d+\.\d+)$/;
