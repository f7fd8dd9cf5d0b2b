/**
 * Test support: a real ContentLookup for the user-data tests, built in memory
 * from the real parser's output over the shipped corpus (helper A's
 * `parseRecollection`), or — if the parser throws while it is being worked on
 * — from a small fixture copied verbatim from the same document. Also builds
 * MODIFIED copies of the content for the re-anchoring tests.
 *
 * Constraint: the lookup follows the contract's ContentLookup exactly (page =
 * nearest section that is not a group), and the fixture uses the same block
 * ids as the real parser, so every test runs unchanged on either source.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRecollection } from '../../src/core/content/parse/index';
import type { BlockLocation, ContentLookup } from '../../src/core/content/lookup';
import type { BlockSummary } from '../../src/shared/contract/types';
import type { Block, BlockKind, DocumentModel, Section } from '../../src/shared/model';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS = path.join(ROOT, 'resources', 'gfmd-thematic-recollection-2007-2017.txt');

export interface TestContent {
  model: DocumentModel;
  lookup: ContentLookup;
  source: 'parser' | 'fixture';
}

/** An in-memory ContentLookup over a document model. */
export function lookupFromModel(model: DocumentModel): ContentLookup {
  const sections = new Map(model.sections.map((s) => [s.id, s]));
  const blocks = new Map(model.blocks.map((b) => [b.id, b]));
  const ordered = [...model.blocks].sort((a, b) => a.seq - b.seq);
  const ancestors = (sectionId: string): Section[] => {
    const chain: Section[] = [];
    for (let s = sections.get(sectionId); s && chain.length < 20; s = s.parentId ? sections.get(s.parentId) : undefined)
      chain.push(s);
    return chain;
  };
  const location = (id: string): BlockLocation | null => {
    const sectionId = blocks.get(id)?.sectionId ?? (sections.has(id) ? id : null);
    if (!sectionId) return null;
    const chain = ancestors(sectionId);
    return {
      pageId: chain.find((s) => s.kind !== 'group')?.id ?? sectionId,
      clusterId: chain.find((s) => s.kind === 'cluster')?.id ?? null,
      focusAreaId: chain.find((s) => s.kind === 'focus-area')?.id ?? null,
    };
  };
  const summary = (id: string): BlockSummary | null => {
    const b = blocks.get(id);
    const loc = location(id);
    if (b && loc)
      return {
        id,
        kind: b.kind,
        label: b.label,
        shortLabel: b.shortLabel,
        pageId: loc.pageId,
        excerpt: b.text.slice(0, 200),
      };
    const s = sections.get(id);
    if (s && loc)
      return { id, kind: 'title', label: s.label, shortLabel: s.label, pageId: loc.pageId, excerpt: s.title };
    return null;
  };
  return {
    block: (id) => blocks.get(id) ?? null,
    section: (id) => sections.get(id) ?? null,
    summary,
    location,
    allBlocks: () => ordered,
    allSections: () => model.sections,
  };
}

function block(
  id: string,
  sectionId: string,
  kind: BlockKind,
  seq: number,
  text: string,
  label: string,
  shortLabel: string,
  parentId: string | null = null,
): Block {
  return { id, sectionId, parentId, kind, seq, text, marks: [], footnoteRefs: [], label, shortLabel };
}

function section(
  id: string,
  kind: Section['kind'],
  parentId: string | null,
  order: number,
  title: string,
  label: string,
  group?: Section['group'],
): Section {
  return { id, kind, parentId, order, title, label, ...(group ? { group } : {}) };
}

/** A few sections and blocks of the real document, with the real parser's ids. */
export function fixtureModel(): DocumentModel {
  const sections: Section[] = [
    section('p1', 'part', null, 2, 'Introduction', 'Part I'),
    section('p2', 'part', null, 3, 'Contribution to the six GCM Thematic Clusters', 'Part II'),
    section('c2', 'cluster', 'p2', 2, 'Irregular migration and regular pathways', 'Cluster 2'),
    section('c2.f2', 'focus-area', 'c2', 2, 'Fair and ethical recruitment of migrant workers', 'Cluster 2 (2)'),
    section('c2.f2.po', 'group', 'c2.f2', 1, 'Policy Options', 'Cluster 2 (2), Policy options', 'po'),
    section('c2.f2.pa', 'group', 'c2.f2', 2, 'Options for practical action', 'Cluster 2 (2), Practical actions', 'pa'),
    section('c2.f2.ex', 'group', 'c2.f2', 3, 'Policy and Practice Examples', 'Cluster 2 (2), Examples', 'ex'),
    section('c3', 'cluster', 'p2', 3, 'International cooperation and governance of migration', 'Cluster 3'),
    section(
      'c3.f2',
      'focus-area',
      'c3',
      2,
      'Fact-based governance, impact orientation and monitoring',
      'Cluster 3 (2)',
    ),
    section('c3.f2.pa', 'group', 'c3.f2', 2, 'Options for practical action', 'Cluster 3 (2), Practical actions', 'pa'),
  ];
  const blocks: Block[] = [
    block(
      'p1.2',
      'p1',
      'paragraph',
      5,
      'Following the Dhaka Summit in December 2016, the GFMD participated in the consultations on the Global Compact.',
      'Part I, para. 2',
      'I ¶2',
    ),
    block(
      'c2.1',
      'c2',
      'paragraph',
      60,
      'Past GFMD discussions have come up with a significant number of policy options and options for practical action as well as policy and practice examples around the relevant topics.',
      'Cluster 2, para. 1',
      '2 ¶1',
    ),
    block(
      'c2.f2.po.1',
      'c2.f2.po',
      'policy-option',
      87,
      "Protect women and men migrants through: the adoption of recruitment regulations, gender-sensitive labor migration policies and practices that ensure decent working conditions for all migrants, with emphasis on protecting migrants in vulnerable employment situations, particularly in informal and undeclared work; access to social security and portability of acquired benefits; participative decision-making and effective enforcement of migrants' workers fundamental rights at work; access to justice, irrespective of migration status, to protect migrants and optimize the development effects of migration.",
      'Cluster 2 (2), Policy option 1',
      '2.2 PO 1',
    ),
    block(
      'c2.f2.po.2',
      'c2.f2.po',
      'policy-option',
      88,
      'Ensure equality of treatment and opportunities between national and migrant workers with regard to occupational safety and health, wages and working hours; right to freedom of association and collective bargaining as well as prevention of passport, other identity document and contract retention. Facilitate, where appropriate, the possibility for migrant workers to change jobs. Strong labor rights legislative framework in the country of destination is key for the prevention of abuses during employment.',
      'Cluster 2 (2), Policy option 2',
      '2.2 PO 2',
    ),
    block(
      'c2.f2.po.3',
      'c2.f2.po',
      'policy-option',
      89,
      "Further promote fair recruitment initiatives – bringing together government, civil society, trade unions, business and employers' organizations, etc. – in order to document good practices and design common guidelines.",
      'Cluster 2 (2), Policy option 3',
      '2.2 PO 3',
    ),
    block(
      'c2.f2.pa.1',
      'c2.f2.pa',
      'practical-action',
      90,
      'Develop codes of fair and ethical recruitment, particularly in the health sector, and further the dissemination of lessons learned from existing codes of conduct. Enhance efforts to develop certification mechanisms for recruitment agencies.',
      'Cluster 2 (2), Practical action 1',
      '2.2 PA 1',
    ),
    block(
      'c2.f2.pa.2',
      'c2.f2.pa',
      'practical-action',
      91,
      'Facilitate portability of work authorizations, allowing migrants to change employers with minimal administrative processes. Facilitate modifications of work authorizations, allowing migrants to change conditions or length of stay to meet changing business needs with minimal administrative processes.',
      'Cluster 2 (2), Practical action 2',
      '2.2 PA 2',
    ),
    block(
      'c2.f2.pa.3',
      'c2.f2.pa',
      'practical-action',
      92,
      'Promote monitoring, licensing and certification systems for recruiters and other intermediaries.',
      'Cluster 2 (2), Practical action 3',
      '2.2 PA 3',
    ),
    block(
      'c2.f2.ex.1',
      'c2.f2.ex',
      'example',
      93,
      'The UK Code of Practice for the Ethical Recruitment of International Healthcare Professionals sets high standards of practice in the field of international recruitment and employment.',
      'Cluster 2 (2), Example 1',
      '2.2 Ex 1',
    ),
    block(
      'c2.f2.ex.3',
      'c2.f2.ex',
      'example',
      95,
      'The International Recruitment Integrity System (IRIS), developed by IOM is a voluntary multistakeholder certification system for labor recruiters developed to support ethical recruitment of migrant workers.',
      'Cluster 2 (2), Example 3',
      '2.2 Ex 3',
    ),
    block(
      'c3.f2.pa.1',
      'c3.f2.pa',
      'practical-action',
      140,
      'Improve the collection and use of migration data, in particular by:',
      'Cluster 3 (2), Practical action 1',
      '3.2 PA 1',
    ),
    block(
      'c3.f2.pa.1.1',
      'c3.f2.pa',
      'practical-action-item',
      141,
      'Developing national capacities to collect migration data.',
      'Cluster 3 (2), Practical action 1, item 1',
      '3.2 PA 1.1',
      'c3.f2.pa.1',
    ),
  ];
  return {
    meta: { title: 'Thematic Recollection 2007 – 2017', subtitle: '', place: 'Geneva', date: '22 November 2017' },
    sections,
    blocks,
    footnotes: [],
    crossRefs: [],
  };
}

let cached: TestContent | null = null;

/** The content for tests: the real parser's model when it parses, else the fixture. */
export function testContent(): TestContent {
  if (cached) return cached;
  let model: DocumentModel | null = null;
  try {
    const parsed = parseRecollection(readFileSync(CORPUS, 'utf8'));
    if (
      parsed.blocks.some((b) => b.id === 'c2.f2.po.1') &&
      parsed.blocks.some((b) => b.kind === 'practical-action-item')
    )
      model = parsed;
  } catch {
    model = null;
  }
  const source = model ? 'parser' : 'fixture';
  const m = model ?? fixtureModel();
  cached = { model: m, lookup: lookupFromModel(m), source };
  return cached;
}

/** A deep copy of the model with block texts edited (id → new text) and blocks removed. */
export function modifiedContent(
  model: DocumentModel,
  edits: { texts?: Record<string, (old: string) => string>; remove?: string[] },
): ContentLookup {
  const copy = structuredClone(model);
  const remove = new Set(edits.remove ?? []);
  copy.blocks = copy.blocks.filter((b) => !remove.has(b.id));
  for (const b of copy.blocks) {
    const edit = edits.texts?.[b.id];
    if (edit) b.text = edit(b.text);
  }
  return lookupFromModel(copy);
}
