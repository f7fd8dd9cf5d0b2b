/**
 * Cross-references: SDG goals and targets only in an SDG context, Sutherland recommendations
 * only from footnotes citing the report (directly or by "Ibid."), PfP ids, actors.
 */
import { describe, expect, it } from 'vitest';
import { corpusText } from '../../../../tests/support/content';
import type { CrossRef } from '../../../shared/model';
import { recommendationKeys, sdgRefs } from './crossrefs';
import { parseRecollection } from './index';

const source = corpusText();
const model = parseRecollection(source);
const refsOf = (sourceId: string, type?: CrossRef['type']) =>
  model.crossRefs.filter((r) => r.sourceId === sourceId && (type === undefined || r.type === type));
const keys = (sourceId: string, type: CrossRef['type']) => refsOf(sourceId, type).map((r) => r.key);

describe('SDG references', () => {
  it('reads goals, targets and lists continuing an SDG phrase', () => {
    expect(keys('c1.5', 'sdg')).toEqual(['16.9']); // "SDG 16.9" in the cluster 1 context
    expect(keys('c2.2', 'sdg')).toEqual(['8.8', '3.c', '4.b', '10.7']);
    expect(keys('c3.5', 'sdg')).toEqual(['10.7', '17', '17.14', '17.16', '17.17', '17.18']);
    expect(keys('c4.3', 'sdg')).toEqual(['10.c']);
    expect(keys('c5.9', 'sdg')).toEqual(['13', '15', '2', '17']);
    expect(keys('c6.4', 'sdg')).toEqual(['5.2', '8.7', '16.2']);
    expect(refsOf('c3.f2.ex.1', 'sdg')).toEqual([
      { sourceId: 'c3.f2.ex.1', type: 'sdg', key: '10.7', display: 'SDG target 10.7', via: 'text' },
    ]);
    expect(refsOf('c5.9', 'sdg')[0].display).toBe('SDG 13');
  });

  it('keys an indicator by its target', () => {
    expect(keys('c2.f1.pa.1', 'sdg')).toEqual(['10.7']); // "SDG indicator 10.7.1"
  });

  it('does not take years, paragraph, recommendation, ILO or footnote numbers', () => {
    expect(keys('p1.1', 'sdg')).toEqual([]); // "paragraph 22(b)", "19 September 2016"
    expect(keys('c4.f5.ex.3', 'sdg')).toEqual([]); // "Recommendation (Revised), 1949 (No. 86)"
    expect(keys('c4.3', 'sdg')).not.toContain('3'); // "below 3% until 2030"
    expect(model.crossRefs.filter((r) => r.type === 'sdg' && r.sourceId.startsWith('fn.'))).toEqual([]);
    expect(sdgRefs('SDGs 5 and 8 and targets 8.8 and 10.7').map((r) => r.key)).toEqual(['5', '8', '8.8', '10.7']);
    expect(sdgRefs('In 2030, 17.18 of the Goals (SDGs) by 2030, para. 22(b), 10.7 percent')).toEqual([]);
    expect(sdgRefs('SDG 18 and SDG 0.1')).toEqual([]);
  });
});

describe('Sutherland Report recommendations', () => {
  it('reads recommendations from footnotes citing the report, resolving Ibid.', () => {
    expect(keys('fn.23', 'sutherland')).toEqual(['5']); // "Ibid., Recommendation 5" after fn 20 "Sutherland Report"
    expect(keys('fn.24', 'sutherland')).toEqual(['6']); // "Ibid., para. 23 and Recommendation 6"
    expect(keys('fn.82', 'sutherland')).toEqual(['12(a)']);
    expect(keys('fn.126', 'sutherland')).toEqual([]); // "Ibid, para. 30": no recommendation
    expect(keys('fn.167', 'sutherland')).toEqual([]); // "Ibid., p. 4." follows a GFMD report
    expect(refsOf('fn.82')[0].display).toBe('Recommendation 12(a)');
  });

  it('lets a block inherit them through the footnotes it cites', () => {
    expect(refsOf('c1.4', 'sutherland')).toContainEqual({
      sourceId: 'c1.4',
      type: 'sutherland',
      key: '5',
      display: 'Recommendation 5',
      via: 'footnote',
    });
    expect(keys('c3.f2.pa.1.5', 'sutherland')).toEqual(['12(a)']);
    expect(keys('p3.q.1', 'sutherland')).toEqual(['15']);
  });

  it('never reads ILO recommendations in the body as Sutherland ones', () => {
    expect(keys('c2.6', 'sutherland')).toEqual([]); // "Migration for Employment Recommendation No. 86"
    expect(
      model.crossRefs.filter((r) => r.type === 'sutherland' && r.via === 'text' && !r.sourceId.startsWith('fn.')),
    ).toEqual([]);
  });

  it('parses recommendation lists', () => {
    expect(recommendationKeys('Recommendations 5 and 6; Recommendation 12(a), 13')).toEqual(['5', '6', '12(a)', '13']);
  });
});

describe('Platform for Partnerships ids and actors', () => {
  it('gives footnotes their PfP ids and examples inherit them', () => {
    expect(refsOf('fn.53', 'pfp')).toEqual([
      { sourceId: 'fn.53', type: 'pfp', key: '215', display: 'PfP 215', via: 'text' },
    ]);
    expect(refsOf('c2.f1.ex.3', 'pfp')).toEqual([
      { sourceId: 'c2.f1.ex.3', type: 'pfp', key: '215', display: 'PfP 215', via: 'footnote' },
    ]);
    expect(keys('c4.f2.ex.1', 'pfp')).toEqual(['1682', '468', '76']);
  });

  it('recognises countries and organisations (gazetteer) as actors, in every block and footnote', () => {
    expect(keys('c1.f1.ex.1', 'actor')).toEqual(['El Salvador']);
    expect(keys('c2.f1.ex.1', 'actor')).toEqual(expect.arrayContaining(['Peru', 'Colombia', 'Venezuela']));
    expect(keys('c6.f2.ex.1', 'actor')).toEqual(['IOM', 'Microsoft']);
    // "The Guatemalan Government, in cooperation with IOM": a demonym names its country.
    expect(keys('c1.f2.ex.1', 'actor')).toEqual(expect.arrayContaining(['Guatemala', 'IOM']));
    const actors = new Set(model.crossRefs.filter((r) => r.type === 'actor').map((r) => r.key));
    for (const not of ['Five-year Development Plan', 'Code of conduct', 'a three-tier social security system'])
      expect(actors.has(not), not).toBe(false);
    // IOM by abbreviation or full name, footnotes included: every block or footnote whose text names it.
    const names = /\bIOM\b|International Organization for Migration/;
    const naming = [...model.blocks, ...model.footnotes].filter((x) => names.test(x.text)).map((x) => x.id);
    const iom = model.crossRefs.filter((r) => r.type === 'actor' && r.key === 'IOM').map((r) => r.sourceId);
    expect(naming.length).toBeGreaterThanOrEqual(12); // 17 mentions in 12 blocks and footnotes; the old bold-name actors had IOM in 3
    expect(iom.sort()).toEqual(naming.sort());
    expect(model.crossRefs.find((r) => r.key === 'IOM')?.display).toBe(
      'International Organization for Migration (IOM)',
    );
  });

  it('has no duplicate (sourceId, type, key)', () => {
    const seen = model.crossRefs.map((r) => `${r.sourceId}|${r.type}|${r.key}`);
    expect(new Set(seen).size).toBe(seen.length);
  });
});
