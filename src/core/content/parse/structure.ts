/**
 * Document structure: walks the body items in reading order and assigns each to its
 * section (parts, clusters, focus areas, groups, Part III sub-sections) with a stable id.
 *
 * Constraint kept: ids depend only on structure and order (section path + position), never on
 * text content, so a cleaning improvement cannot change an id. Unexpected shapes throw.
 */
import type { BlockKind, GroupKind, Section } from '../../../shared/model';
import type { Heading } from './headings';
import { sectionLabel } from './labels';
import type { BodyItem } from './paragraphs';
import { LOST_DASH_BULLET_PREFIXES, QUOTATION_INTRO_SUFFIX } from './quirks';

export interface BlockDraft {
  id: string;
  sectionId: string;
  parentId: string | null;
  kind: BlockKind;
  raw: string;
  lines: number[];
}

export interface StructureResult {
  sections: Section[];
  drafts: BlockDraft[];
  /** Named rules applied, one entry per application (for tests and documentation). */
  rulesApplied: string[];
}

const GROUP_TITLES: Record<GroupKind, string> = {
  po: 'Policy Options',
  pa: 'Options for practical action',
  ex: 'Policy and Practice Examples',
};
const PART_NUMBER = { I: 1, II: 2, III: 3, IV: 4 } as const;

class Builder {
  readonly sections: Section[] = [];
  readonly drafts: BlockDraft[] = [];
  readonly rulesApplied: string[] = [];
  private readonly counters = new Map<string, number>();
  part = 0;
  cluster = 0;
  focus = 0;
  subsection = 0;
  group: GroupKind | null = null;
  /** Id of the last practical action, parent of nested items. */
  lastPracticalAction: string | null = null;
  /** Blocks added to the current group (to recognise its first item). */
  groupCount = 0;

  next(key: string): number {
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    return n;
  }

  openSection(id: string, kind: Section['kind'], parentId: string | null, title: string, group?: GroupKind): void {
    const order = this.next(`order:${parentId ?? ''}`);
    const section: Section = { id, kind, parentId, order, title, label: sectionLabel(id) };
    if (group) section.group = group;
    this.sections.push(section);
  }

  add(id: string, sectionId: string, kind: BlockKind, item: BodyItem, parentId: string | null = null): void {
    this.drafts.push({ id, sectionId, parentId, kind, raw: item.raw, lines: item.lines });
  }

  get focusId(): string {
    return `c${this.cluster}.f${this.focus}`;
  }

  openGroup(group: GroupKind): void {
    const id = `${this.focusId}.${group}`;
    this.openSection(id, 'group', this.focusId, GROUP_TITLES[group], group);
    this.group = group;
    this.groupCount = 0;
    if (group !== 'ex') this.lastPracticalAction = null;
  }
}

function fail(item: BodyItem, why: string): never {
  throw new Error(`parse: ${why} (source line ${item.lines[0]}: "${item.raw.slice(0, 60)}")`);
}

function onHeading(b: Builder, h: Heading, item: BodyItem): void {
  if (h.kind === 'part') {
    b.part = PART_NUMBER[h.roman];
    b.cluster = b.focus = b.subsection = 0;
    b.group = null;
    b.openSection(`p${b.part}`, 'part', null, h.title);
  } else if (h.kind === 'cluster') {
    if (b.part !== 2 || h.number !== b.cluster + 1) fail(item, 'cluster heading out of sequence');
    b.cluster = h.number;
    b.focus = 0;
    b.group = null;
    b.openSection(`c${b.cluster}`, 'cluster', 'p2', h.title);
  } else if (h.kind === 'numbered' && b.part === 2) {
    if (b.cluster === 0 || h.number !== b.focus + 1) fail(item, 'focus-area heading out of sequence');
    b.focus = h.number;
    b.group = null;
    b.openSection(b.focusId, 'focus-area', `c${b.cluster}`, h.title);
  } else if (h.kind === 'numbered' && b.part === 3) {
    if (h.number !== b.subsection + 1) fail(item, 'Part III sub-section out of sequence');
    b.subsection = h.number;
    b.openSection(`p3.s${b.subsection}`, 'subsection', 'p3', h.title);
  } else if (h.kind === 'group') {
    if (b.focus === 0) fail(item, 'group heading outside a focus area');
    b.openGroup(h.group);
  } else {
    fail(item, 'unexpected heading');
  }
}

/**
 * Lost-dash rule inside Policy Options / Options for practical action: an item without a dash
 * is still a bullet when it opens the group ("Pursue more active integration policies …") or
 * starts with whitespace after a blank line (" Leverage investments …").
 */
function isLostDashInGroup(b: Builder, item: BodyItem): boolean {
  return b.groupCount === 0 || item.leadingSpace;
}

function onGroupItem(b: Builder, current: GroupKind, item: BodyItem): void {
  if (current === 'pa' && item.marker === 'nested') {
    const parent = b.lastPracticalAction ?? fail(item, 'nested item without a practical action');
    b.add(`${parent}.${b.next(parent)}`, `${b.focusId}.pa`, 'practical-action-item', item, parent);
    return;
  }
  let group = current;
  if (group !== 'ex' && item.marker === null && !isLostDashInGroup(b, item)) {
    if (group === 'po') fail(item, 'prose inside Policy Options');
    // Missing-examples-heading rule: prose after the practical actions starts the examples.
    b.rulesApplied.push('missing-examples-heading');
    b.openGroup('ex');
    group = 'ex';
  }
  if (group === 'ex' && item.marker !== null) fail(item, 'bullet inside examples');
  if (group !== 'ex' && item.marker === null) b.rulesApplied.push('lost-dash-in-group');
  const sectionId = `${b.focusId}.${group}`;
  const id = `${sectionId}.${b.next(sectionId)}`;
  const kind: BlockKind = group === 'po' ? 'policy-option' : group === 'pa' ? 'practical-action' : 'example';
  b.add(id, sectionId, kind, item);
  if (group === 'pa') b.lastPracticalAction = id;
  b.groupCount++;
}

const stripEmphasis = (s: string): string => s.replace(/[*\s]+$/, '');

/** Context items (parts, cluster context, focus-area intro, Part III sub-sections). */
function contextKind(b: Builder, item: BodyItem, prev: BodyItem | undefined, next: BodyItem | undefined): BlockKind {
  if (item.marker !== null) return 'bullet';
  if (b.part === 3 && b.subsection === 0 && prev && stripEmphasis(prev.raw).endsWith(QUOTATION_INTRO_SUFFIX)) {
    b.rulesApplied.push('quotation-after-intro');
    return 'quotation';
  }
  const lostDash = LOST_DASH_BULLET_PREFIXES.find((p) => item.raw.startsWith(p));
  if (lostDash) {
    b.rulesApplied.push(`lost-dash-bullet:${lostDash}`);
    return 'bullet';
  }
  // Lost-dash-at-list-start rule: "Substance: …" follows "… three "S":" and precedes "- Space: …".
  if (prev && !prev.heading && stripEmphasis(prev.raw).endsWith(':') && next?.marker === 'dash') {
    b.rulesApplied.push('lost-dash-list-start');
    return 'bullet';
  }
  // Focus-list rule: "(1) Addressing vulnerability …;" is cluster 5's focus-area list item without its dash.
  if (b.cluster > 0 && b.focus === 0 && /^\(\d\) .*;$/.test(item.raw.trim())) {
    b.rulesApplied.push('focus-list-item-lost-dash');
    return 'bullet';
  }
  return 'paragraph';
}

function onContextItem(b: Builder, item: BodyItem, prev: BodyItem | undefined, next: BodyItem | undefined): void {
  const kind = contextKind(b, item, prev, next);
  let container: string;
  if (b.part === 2 && b.focus > 0) container = b.focusId;
  else if (b.part === 2 && b.cluster > 0) container = `c${b.cluster}`;
  else if (b.part === 3 && b.subsection > 0) container = `p3.s${b.subsection}`;
  else if (b.part > 0) container = `p${b.part}`;
  else fail(item, 'text before Part I');
  if (kind === 'quotation') {
    b.add(`p3.q.${b.next('p3.q')}`, 'p3', kind, item);
    return;
  }
  b.add(`${container}.${b.next(container)}`, container, kind, item);
}

/** Build sections and block drafts. `front` holds the title-page lines (already trimmed). */
export function buildStructure(front: readonly string[], items: readonly BodyItem[]): StructureResult {
  const b = new Builder();
  b.openSection('front', 'front', null, front[0]?.split(' prepared by ')[0] ?? '');
  front.forEach((line, i) =>
    b.drafts.push({ id: `front.${i + 1}`, sectionId: 'front', parentId: null, kind: 'title', raw: line, lines: [] }),
  );
  items.forEach((item, i) => {
    if (item.heading) onHeading(b, item.heading, item);
    else if (b.group) onGroupItem(b, b.group, item);
    else onContextItem(b, item, items[i - 1], items[i + 1]);
  });
  return { sections: b.sections, drafts: b.drafts, rulesApplied: b.rulesApplied };
}
