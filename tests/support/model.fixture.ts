/**
 * A small hand-built document model with the real document's shape (front
 * matter, parts, two clusters with focus areas and groups, a nested
 * practical-action item, Part III with a subsection, footnotes of every
 * status, cross-references), for unit tests of the build, store and search.
 *
 * Constraint: test data only (under tests/: lint forbids production code to
 * import it); a miniature, so the unit tests can name every block; texts are taken from the real document so the
 * search rules (spelling folding, codes, acronyms) meet realistic words.
 */
import type { Block, BlockKind, DocumentModel, FootnoteRef, Section } from '../../src/shared/model';

let seq = 0;
function block(
  id: string,
  sectionId: string,
  kind: BlockKind,
  text: string,
  label: string,
  shortLabel: string,
  refs: Array<[after: string, number: number]> = [],
  parentId: string | null = null,
): Block {
  seq += 1;
  // A reference sits right after the phrase it follows, as in the printed text.
  const footnoteRefs: FootnoteRef[] = refs.map(([after, number]) => {
    const at = text.indexOf(after);
    if (at < 0) throw new Error(`fixture: "${after}" not in ${id}`);
    return { offset: at + after.length, number };
  });
  return { id, sectionId, parentId, kind, seq, text, marks: [], footnoteRefs, label, shortLabel };
}

const sec = (
  id: string,
  kind: Section['kind'],
  parentId: string | null,
  order: number,
  title: string,
  label: string,
  group?: Section['group'],
): Section =>
  group ? { id, kind, parentId, order, title, label, group } : { id, kind, parentId, order, title, label };

export function fixtureModel(): DocumentModel {
  seq = 0;
  const sections: Section[] = [
    sec('front', 'front', null, 0, 'Thematic Recollection 2007 – 2017', 'Front matter'),
    sec('p1', 'part', null, 1, 'Introduction', 'Part I'),
    sec('p2', 'part', null, 2, 'Contribution to the six GCM Thematic Clusters', 'Part II'),
    sec('c1', 'cluster', 'p2', 1, 'Human rights of all migrants', 'Cluster 1'),
    sec(
      'c1.f1',
      'focus-area',
      'c1',
      1,
      "Guaranteeing migrants' human rights regardless of their immigration status",
      'Cluster 1 (1)',
    ),
    sec('c1.f1.po', 'group', 'c1.f1', 1, 'Policy Options', 'Cluster 1 (1), Policy options', 'po'),
    sec(
      'c1.f1.pa',
      'group',
      'c1.f1',
      2,
      'Options for practical action',
      'Cluster 1 (1), Options for practical action',
      'pa',
    ),
    sec(
      'c1.f1.ex',
      'group',
      'c1.f1',
      3,
      'Policy and Practice Examples',
      'Cluster 1 (1), Policy and practice examples',
      'ex',
    ),
    sec('c2', 'cluster', 'p2', 2, 'Irregular migration and regular pathways', 'Cluster 2'),
    sec('c2.f1', 'focus-area', 'c2', 1, 'Labor mobility, including temporary or circular migration', 'Cluster 2 (1)'),
    sec('c2.f1.po', 'group', 'c2.f1', 1, 'Policy Options', 'Cluster 2 (1), Policy options', 'po'),
    sec('c2.f2', 'focus-area', 'c2', 2, 'Fair and ethical recruitment of migrant workers', 'Cluster 2 (2)'),
    sec(
      'c2.f2.ex',
      'group',
      'c2.f2',
      1,
      'Policy and Practice Examples',
      'Cluster 2 (2), Policy and practice examples',
      'ex',
    ),
    sec('p3', 'part', null, 3, 'Provide feedback on the recommendations made in the "Sutherland Report"', 'Part III'),
    sec('p3.s1', 'subsection', 'p3', 1, 'Platform for open dialogue', 'Part III (1)'),
    sec('p4', 'part', null, 4, 'Conclusions and Action Areas for the Global Compact on Migration', 'Part IV'),
  ];
  const blocks: Block[] = [
    block('front.1', 'front', 'title', 'Thematic Recollection 2007 – 2017', 'Front matter 1', 'F 1'),
    block(
      'p1.1',
      'p1',
      'paragraph',
      'Taking up the invitation from the New York Declaration for Refugees and Migrants to contribute to the Global Compact, the Global Forum on Migration and Development (GFMD) has prepared this document.',
      'Part I, para. 1',
      'I ¶1',
      [['Refugees and Migrants', 1]],
    ),
    block(
      'p2.1',
      'p2',
      'paragraph',
      'The thematic recollection uses the same cluster structure as the consultative process.',
      'Part II, para. 1',
      'II ¶1',
    ),
    block(
      'c1.1',
      'c1',
      'paragraph',
      'Also, the Sutherland Report underlines that SDG 16.9 obliges states to foster inclusion by equipping migrants with a proof of legal identity, including birth registration, by 2030.',
      'Cluster 1, para. 1',
      'C1 ¶1',
      [['by 2030.', 2]],
    ),
    block(
      'c1.f1.po.1',
      'c1.f1.po',
      'policy-option',
      'Respect and protect the human rights of all migrants, regardless of their migration status or nationality.',
      'Cluster 1 (1), Policy option 1',
      '1.1 PO 1',
    ),
    block(
      'c1.f1.po.2',
      'c1.f1.po',
      'policy-option',
      'Safeguard the right to gather and organize in a structured fashion in order to encourage migrants\u2019 agency and foster their integration.',
      'Cluster 1 (1), Policy option 2',
      '1.1 PO 2',
    ),
    block(
      'c1.f1.pa.1',
      'c1.f1.pa',
      'practical-action',
      'Ensure migrants have access to basic services and emergency treatment irrespective of their legal status.',
      'Cluster 1 (1), Practical action 1',
      '1.1 PA 1',
    ),
    block(
      'c1.f1.pa.2',
      'c1.f1.pa',
      'practical-action',
      'Implement the existing recommendation of the Sutherland Report on migration data to:',
      'Cluster 1 (1), Practical action 2',
      '1.1 PA 2',
    ),
    block(
      'c1.f1.pa.2.1',
      'c1.f1.pa',
      'practical-action-item',
      'Ask basic census questions and make the data publicly available;',
      'Cluster 1 (1), Practical action 2.1',
      '1.1 PA 2.1',
      [],
      'c1.f1.pa.2',
    ),
    block(
      'c1.f1.ex.1',
      'c1.f1.ex',
      'example',
      'In its Five-year Development Plan (2014-2019), the government of El Salvador places the human rights of migrants and their families at the center of policy making.',
      'Cluster 1 (1), Example 1',
      '1.1 EX 1',
      [['Development Plan', 3]],
    ),
    block(
      'c2.1',
      'c2',
      'paragraph',
      'Concerning irregular migration and regular pathways, SDG 10.7 calls for facilitating safe, orderly and regular migration.',
      'Cluster 2, para. 1',
      'C2 ¶1',
    ),
    block(
      'c2.f1.po.1',
      'c2.f1.po',
      'policy-option',
      'Adopt rights-based circular or temporary labor migration schemes that ensure decent work and respond to genuine short-term labor and skills gaps.',
      'Cluster 2 (1), Policy option 1',
      '2.1 PO 1',
    ),
    block(
      'c2.f2.ex.1',
      'c2.f2.ex',
      'example',
      'The International Recruitment Integrity System (IRIS), developed by IOM, is a voluntary multistakeholder certification system for labor recruiters developed to support ethical recruitment of migrant workers.',
      'Cluster 2 (2), Example 1',
      '2.2 EX 1',
      [['(IRIS)', 4]],
    ),
    block(
      'p3.1',
      'p3',
      'quotation',
      'As migration is becoming more firmly anchored in the UN, the GFMD\u2019s membership will face inevitable questions regarding the Forum\u2019s continued purpose and added value.',
      'Part III, quotation',
      'III ¶1',
    ),
    block(
      'p3.s1.1',
      'p3.s1',
      'paragraph',
      'As an informal forum, GFMD has proven its capacity to advance discussions on politically sensitive issues, including remittances and the organisation of multi-stakeholder dialogue.',
      'Part III (1), para. 1',
      'III(1) ¶1',
    ),
    block(
      'p4.1',
      'p4',
      'bullet',
      'Migration if well-managed can be a positive and empowering experience for migrants and can generate economic, social and cultural benefits.',
      'Part IV, bullet 1',
      'IV •1',
    ),
  ];
  return {
    meta: {
      title: 'Thematic Recollection 2007 – 2017',
      subtitle:
        'prepared by the Global Forum on Migration and Development (GFMD) for the Global Compact for Safe, Orderly and Regular Migration',
      place: 'Geneva',
      date: '22 November 2017',
    },
    sections,
    blocks,
    footnotes: [
      {
        number: 1,
        id: 'fn.1',
        status: 'present',
        text: 'UNGA, New York Declaration for Refugees and Migrants, A/71/L.1, 2016, http://www.un.org/ga/search/view_doc.asp?symbol=A/71/L.1.',
        marks: [],
        urls: ['http://www.un.org/ga/search/view_doc.asp?symbol=A/71/L.1'],
        pfpIds: [],
      },
      { number: 2, id: 'fn.2', status: 'present', text: 'Ibid., Recommendation 10.', marks: [], urls: [], pfpIds: [] },
      {
        number: 3,
        id: 'fn.3',
        status: 'inferred',
        text: 'http://gfmd.org/pfp/ppd/2334.',
        marks: [],
        urls: ['http://gfmd.org/pfp/ppd/2334'],
        pfpIds: [2334],
        note: 'number lost in conversion; inferred from order',
      },
      {
        number: 4,
        id: 'fn.4',
        status: 'missing',
        text: '',
        marks: [],
        urls: [],
        pfpIds: [],
        note: 'text absent from the source',
      },
    ],
    crossRefs: [
      { sourceId: 'c1.1', type: 'sdg', key: '16.9', display: 'SDG target 16.9', via: 'text' },
      { sourceId: 'c1.1', type: 'sutherland', key: '10', display: 'Recommendation 10', via: 'footnote' },
      { sourceId: 'fn.2', type: 'sutherland', key: '10', display: 'Recommendation 10', via: 'text' },
      { sourceId: 'c2.1', type: 'sdg', key: '10.7', display: 'SDG target 10.7', via: 'text' },
      { sourceId: 'c2.f1.po.1', type: 'sdg', key: '10.7', display: 'SDG target 10.7', via: 'text' },
      { sourceId: 'c1.f1.ex.1', type: 'pfp', key: '2334', display: 'PfP 2334', via: 'footnote' },
      { sourceId: 'fn.3', type: 'pfp', key: '2334', display: 'PfP 2334', via: 'text' },
      { sourceId: 'c2.f2.ex.1', type: 'actor', key: 'IOM', display: 'IOM', via: 'text' },
      { sourceId: 'c2.f2.ex.1', type: 'actor', key: 'IRIS', display: 'IRIS', via: 'text' },
    ],
  };
}
