/**
 * Structure of the parsed document against a table built by reading the source by hand
 * (bullets counted per group in the source text, not taken from the parser's output).
 */
import { describe, expect, it } from 'vitest';
import { corpusText } from '../../../../tests/support/content';
import { parseRecollection } from './index';

const source = corpusText();
const model = parseRecollection(source);

/** Focus area → [title, policy options, practical actions, nested sub-items, examples]. */
const FOCUS_AREAS: Record<string, [string, number, number, number, number]> = {
  'c1.f1': ["Guaranteeing migrants' human rights regardless of their immigration status", 4, 4, 0, 1],
  'c1.f2': ['Empowerment of migrants', 2, 3, 0, 2],
  'c1.f3': ['Social inclusion and participation', 4, 4, 0, 2],
  'c2.f1': ['Labor mobility, including temporary or circular migration', 7, 5, 0, 3],
  'c2.f2': ['Fair and ethical recruitment of migrant workers', 3, 3, 0, 4],
  'c2.f3': ['Skills recognition and development', 6, 4, 0, 2],
  'c2.f4': ['Non-exploitative financing for migration', 2, 2, 0, 3],
  'c3.f1': ['Policy and institutional coherence, and synergies; regional partnerships', 3, 5, 0, 5],
  'c3.f2': ['Fact-based governance, impact orientation and monitoring', 2, 6, 5, 4],
  'c3.f3': ['Multi-stakeholder involvement', 4, 3, 0, 3],
  'c3.f4': ['Return and Reintegration', 2, 3, 0, 4],
  'c4.f1': ["Migrants' role as development actors", 2, 2, 0, 2],
  'c4.f2': ['Reducing costs of migration and increasing impact of remittances', 5, 7, 0, 3],
  'c4.f3': ['Establishing diaspora partnerships', 2, 3, 0, 2],
  'c4.f4': ['Recognizing contributions and fostering capacity development of migrant organizations', 1, 2, 0, 2],
  'c4.f5': ['Portability of social security entitlements and earned benefits', 2, 3, 0, 4],
  'c5.f1': [
    'Addressing vulnerability and long-term needs of migrants throughout crises and in the face of climate change and environmental degradation',
    9,
    8,
    0,
    4,
  ],
  'c5.f2': ['Addressing the root causes of forced/crises migration', 2, 2, 0, 1],
  'c6.f1': ['Protecting migrants in vulnerable situations', 4, 2, 0, 2],
  'c6.f2': ['Fighting human trafficking, smuggling of migrants and contemporary forms of slavery', 4, 4, 0, 3],
  'c6.f3': ['Improving identification', 1, 2, 0, 2],
};

const CLUSTER_TITLES = [
  'HUMAN RIGHTS OF ALL MIGRANTS, SOCIAL INCLUSION, COHESION AND ALL FORMS OF DISCRIMINATION, INCLUDING RACISM, XENOPHOBIA AND INTOLERANCE',
  'IRREGULAR MIGRATION AND REGULAR PATHWAYS, INCLUDING DECENT WORK, LABOR MOBILITY, DEVELOPMENT AND RECOGNITION OF SKILLS AND QUALIFICATIONS AND OTHER RELEVANT MEASURES',
  'INTERNATIONAL COOPERATION AND GOVERNANCE OF MIGRATION IN ALL ITS DIMENSIONS, INCLUDING AT BORDERS, ON TRANSIT, ENTRY, RETURN, READMISSION, INTEGRATION AND REINTEGRATION',
  'CONTRIBUTIONS OF MIGRANTS AND DIASPORAS TO ALL DIMENSIONS OF SUSTAINABLE DEVELOPMENT, INCLUDING REMITTANCES AND PORTABILITY OF EARNED BENEFITS',
  'ADDRESSING DRIVERS OF MIGRATION, INCLUDING ADVERSE EFFECTS OF CLIMATE CHANGE, NATURAL DISASTERS AND HUMAN-MADE CRISES, THROUGH PROTECTION AND ASSISTANCE, SUSTAINABLE DEVELOPMENT, POVERTY ERADICATION, CONFLICT PREVENTION AND RESOLUTION',
  'SMUGGLING OF MIGRANTS, TRAFFICKING IN PERSONS AND CONTEMPORARY FORMS OF SLAVERY, INCLUDING APPROPRIATE IDENTIFICATION, PROTECTION AND ASSISTANCE TO MIGRANTS AND TRAFFICKING VICTIMS',
];

const section = (id: string) => model.sections.find((s) => s.id === id);
const blocksIn = (sectionId: string, kind?: string) =>
  model.blocks.filter((b) => b.sectionId === sectionId && (kind === undefined || b.kind === kind));

describe('document structure', () => {
  it('has the front matter, four parts and the meta data', () => {
    expect(model.meta).toEqual({
      title: 'Thematic Recollection 2007 – 2017',
      subtitle:
        'prepared by the Global Forum on Migration and Development (GFMD) for the Global Compact for Safe, Orderly and Regular Migration',
      place: 'Geneva',
      date: '22 November 2017',
    });
    expect(blocksIn('front').map((b) => [b.kind, b.text])).toEqual([
      ['title', 'Thematic Recollection 2007 – 2017 prepared by the Global Forum on Migration and Development (GFMD)'],
      ['title', 'for the Global Compact for Safe, Orderly and Regular Migration'],
      ['title', 'Geneva, 22 November 2017'],
    ]);
    expect(model.sections.filter((s) => s.kind === 'part').map((s) => [s.id, s.label, s.title])).toEqual([
      ['p1', 'Part I', 'Introduction'],
      ['p2', 'Part II', 'Contribution to the six GCM Thematic Clusters'],
      [
        'p3',
        'Part III',
        'Provide feedback on the recommendations made in the "Sutherland Report" in light of a strengthened role of the GFMD and its contribution to the Global Compact on Migration',
      ],
      ['p4', 'Part IV', 'Conclusions and Action Areas for the Global Compact on Migration'],
    ]);
  });

  it('has six clusters with their body titles (bold markers removed)', () => {
    const clusters = model.sections.filter((s) => s.kind === 'cluster');
    expect(clusters.map((s) => s.title)).toEqual(CLUSTER_TITLES);
    expect(clusters.map((s) => [s.id, s.parentId, s.label, s.order])).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => [`c${n}`, 'p2', `Cluster ${n}`, n]),
    );
  });

  it('has 21 focus areas (3, 4, 4, 5, 2, 3 per cluster) with their exact titles', () => {
    const focus = model.sections.filter((s) => s.kind === 'focus-area');
    expect(focus.map((s) => s.id)).toEqual(Object.keys(FOCUS_AREAS));
    for (const s of focus) expect(s.title, s.id).toBe(FOCUS_AREAS[s.id][0]);
    const perCluster = [1, 2, 3, 4, 5, 6].map((n) => focus.filter((s) => s.parentId === `c${n}`).length);
    expect(perCluster).toEqual([3, 4, 4, 5, 2, 3]);
    expect(section('c5.f1')?.label).toBe('Cluster 5 (1)');
  });

  it.each(Object.entries(FOCUS_AREAS))(
    '%s has the expected options, actions and examples',
    (id, [, po, pa, items, ex]) => {
      expect(section(`${id}.po`)?.title).toBe('Policy Options');
      expect(section(`${id}.pa`)?.title).toBe('Options for practical action');
      expect(section(`${id}.ex`)?.title).toBe('Policy and Practice Examples');
      expect(blocksIn(`${id}.po`).every((b) => b.kind === 'policy-option')).toBe(true);
      expect(blocksIn(`${id}.po`)).toHaveLength(po);
      expect(blocksIn(`${id}.pa`, 'practical-action')).toHaveLength(pa);
      expect(blocksIn(`${id}.pa`, 'practical-action-item')).toHaveLength(items);
      expect(blocksIn(`${id}.ex`).every((b) => b.kind === 'example')).toBe(true);
      expect(blocksIn(`${id}.ex`)).toHaveLength(ex);
      // No focus area of this source has text before "Policy Options".
      expect(blocksIn(id)).toHaveLength(0);
    },
  );

  it('nests the numbered sub-list 1)–5) under the first practical action of cluster 3 (2)', () => {
    const items = blocksIn('c3.f2.pa', 'practical-action-item');
    expect(items.map((b) => [b.id, b.parentId, b.label, b.shortLabel])).toEqual(
      [1, 2, 3, 4, 5].map((n) => [
        `c3.f2.pa.1.${n}`,
        'c3.f2.pa.1',
        `Cluster 3 (2), Practical action 1.${n}`,
        `3.2 PA 1.${n}`,
      ]),
    );
    expect(items[0].text).toBe('1) Ask basic census questions and make the data publicly available;');
    expect(items[4].text).toBe('5) Include migration modules in more existing household surveys.');
  });

  it('restores bullets that lost their dash', () => {
    const byStart = (prefix: string) => model.blocks.find((b) => b.text.startsWith(prefix));
    expect(byStart('Pursue more active integration policies')?.id).toBe('c1.f3.pa.1');
    expect(byStart('Substance: Since its inception')?.kind).toBe('bullet');
    expect(byStart('Three Dialogues and a Thematic Workshop')?.kind).toBe('bullet');
    expect(byStart('Leverage investments in governance')?.id).toBe('c5.f2.pa.1');
    expect(byStart('Initiate preventive and preparatory measures')?.id).toBe('c5.f2.pa.2');
    expect(byStart('Further promote fair recruitment initiatives')?.id).toBe('c2.f2.po.3');
    expect(byStart('Develop effective mechanisms and procedures')?.id).toBe('c6.f3.po.1');
    expect(byStart('Expand the capacities and roles')?.id).toBe('c4.f4.po.1'); // the "•" bullet
  });

  it('lists the focus areas of each cluster as context bullets (cluster 5 lists only item (1))', () => {
    const lists = [1, 2, 3, 4, 5, 6].map(
      (n) => blocksIn(`c${n}`, 'bullet').filter((b) => /^\(\d\) /.test(b.text)).length,
    );
    expect(lists).toEqual([3, 4, 4, 5, 1, 3]);
    expect(model.sections.filter((s) => s.title.startsWith('Addressing vulnerability'))).toHaveLength(1);
  });

  it('re-joins a paragraph cut by footnotes at a page break', () => {
    const substance = model.blocks.find((b) => b.id === 'p1.5');
    expect(substance?.text).toContain("Reflecting GFMD's policy and practice orientation, the present document");
    expect(model.blocks.find((b) => b.id === 'c3.f3.po.3')?.text).toContain(
      'approach to migration governance, covering all policy dimensions',
    );
    expect(model.blocks.find((b) => b.id === 'p3.3')?.text).toContain(
      '2030 Agenda for Sustainable Development and in the GCM. Finally, GFMD',
    );
  });

  it('has the Part III quotation, sub-sections and Part IV', () => {
    expect(model.blocks.filter((b) => b.kind === 'quotation').map((b) => b.id)).toEqual(['p3.q.1']);
    expect(model.blocks.find((b) => b.id === 'p3.q.1')?.text).toMatch(
      /^As migration is becoming more firmly anchored in the UN/,
    );
    expect(model.sections.filter((s) => s.kind === 'subsection').map((s) => [s.id, s.label, s.title])).toEqual([
      ['p3.s1', 'Part III (1)', 'Platform for open dialogue'],
      ['p3.s2', 'Part III (2)', 'Platform for practical cooperation and partnerships'],
      [
        'p3.s3',
        'Part III (3)',
        'Platform for the review of the migration-related commitments in the Agenda 2030 and in the GCM',
      ],
      ['p3.s4', 'Part III (4)', 'Interaction with the UN System'],
    ]);
    expect(blocksIn('p4', 'bullet')).toHaveLength(7);
  });

  it('numbers blocks in reading order', () => {
    expect(model.blocks.map((b) => b.seq)).toEqual(model.blocks.map((_, i) => i + 1));
  });
});
