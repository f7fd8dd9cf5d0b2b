/**
 * The miniature of the unit tests (tests/support/model.fixture.ts) is what it says: the real
 * parser's model of a cut-down copy of the real source text, every block and footnote one of
 * the real document's, with the document's shape; the parser's quirk check holds on it and
 * fails when a quirk line is missing or doubled; the test lookup answers as the store built
 * from it by the real content build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRecollection, parseWithDiagnostics } from '../../src/core/content/parse/index';
import { ContentStore } from '../../src/core/content/store';
import { corpusText, lookupFromModel } from '../support/content';
import { buildFixtureDb, fixtureModel, fixtureText } from '../support/model.fixture';

const dir = mkdtempSync(join(tmpdir(), 'recollection-fixture-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The lines each document-specific quirk of quirks.ts needs (the one to remove to miss it). */
const QUIRK_LINES: Array<[quirk: string, line: string]> = [
  ['orphan-citation-new-york-declaration', 'New York Declaration, 2016.'],
  ['orphan-citation-c105', 'ILO, Abolition of Forced Labor Convention, C105, 1957,'],
  ['orphan-citation-un-iom-agreement', 'Agreement concerning the Relationship between the UN and IOM'],
  ['lost-dash-bullet:Three Dialogues and a Thematic Workshop', 'Three Dialogues and a Thematic Workshop'],
  ['quotation-after-intro', "The Sutherland Report comments on the GFMD's continued purpose in the following way:"],
];

const lines = (): string[] => fixtureText().split('\n');
const lineIndex = (start: string): number => {
  const i = lines().findIndex((l) => l.startsWith(start));
  if (i < 0) throw new Error(`no fixture line starts with ${start}`);
  return i;
};

describe('the miniature document', () => {
  it('is parsed by the real parser with every quirk applied, and a missing or doubled quirk line throws', () => {
    const { diagnostics } = parseWithDiagnostics(fixtureText());
    for (const [quirk] of QUIRK_LINES.filter(([q]) => !q.startsWith('orphan-'))) {
      expect(
        diagnostics.rulesApplied.filter((r) => r === quirk),
        quirk,
      ).toHaveLength(1);
    }
    expect(diagnostics.plainMarkers.map((m) => m.number)).toEqual([15, 36]);
    for (const [quirk, start] of QUIRK_LINES) {
      const without = lines().filter((_, i) => i !== lineIndex(start));
      expect(() => parseRecollection(without.join('\n')), quirk).toThrow(`quirk "${quirk}" applied 0 times`);
      const doubled = lines();
      const i = lineIndex(start);
      doubled.splice(i, 0, doubled[i], '');
      expect(() => parseRecollection(doubled.join('\n')), quirk).toThrow(`quirk "${quirk}" applied 2 times`);
    }
  });

  it('is a cut-down copy: every block, footnote and section title is the real document’s', () => {
    const real = parseRecollection(corpusText());
    const model = fixtureModel();
    for (const b of model.blocks) {
      const twin = real.blocks.find((r) => r.text === b.text);
      expect(twin, b.id).toBeDefined();
      expect({ kind: b.kind, marks: b.marks, refs: b.footnoteRefs.map((r) => r.offset) }, b.id).toEqual({
        kind: twin?.kind,
        marks: twin?.marks,
        refs: twin?.footnoteRefs.map((r) => r.offset),
      });
    }
    for (const f of model.footnotes.filter((x) => x.status !== 'missing')) {
      const twin = real.footnotes.find((r) => r.text === f.text);
      expect(twin && [twin.status, twin.urls, twin.pfpIds], `footnote ${f.number}`).toEqual([
        f.status,
        f.urls,
        f.pfpIds,
      ]);
    }
    for (const s of model.sections) expect(real.sections.find((r) => r.id === s.id)?.title, s.id).toBe(s.title);
    expect(model.meta).toEqual(real.meta);
  });

  it('has the document’s shape: parts, two clusters, focus areas with groups, a nested item, Part III (1)', () => {
    const model = fixtureModel();
    expect(model.sections.map((s) => s.id)).toEqual([
      'front',
      'p1',
      'p2',
      'c1',
      'c1.f1',
      'c1.f1.po',
      'c1.f1.pa',
      'c1.f1.ex',
      'c2',
      'c2.f1',
      'c2.f1.po',
      'c2.f1.pa',
      'c2.f1.ex',
      'c2.f2',
      'c2.f2.po',
      'c2.f2.pa',
      'c2.f2.ex',
      'p3',
      'p3.s1',
      'p4',
    ]);
    const kinds = new Set(model.blocks.map((b) => b.kind));
    for (const k of ['title', 'paragraph', 'bullet', 'quotation', 'policy-option', 'practical-action', 'example'])
      expect(kinds, k).toContain(k);
    expect(model.blocks.filter((b) => b.parentId === 'c1.f1.pa.2').map((b) => b.id)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `c1.f1.pa.2.${n}`),
    );
    const status = (s: string) => model.footnotes.filter((f) => f.status === s).map((f) => f.number);
    expect({ inferred: status('inferred'), missing: status('missing') }).toEqual({
      inferred: [19, 34, 37],
      missing: [22],
    });
    expect(model.footnotes).toHaveLength(39);
    expect(new Set(model.crossRefs.map((r) => r.type))).toEqual(new Set(['sdg', 'sutherland', 'pfp', 'actor']));
  });

  it('built by the real content build, answers as the test lookup over its model', () => {
    const path = join(dir, 'fixture.db');
    buildFixtureDb(path);
    const store = ContentStore.open(path);
    try {
      const lookup = lookupFromModel(fixtureModel());
      expect(lookup.allBlocks().map((b) => b.id)).toEqual(store.allBlocks().map((b) => b.id));
      expect(lookup.allSections().map((s) => s.id)).toEqual(store.allSections().map((s) => s.id));
      for (const id of [...store.allBlocks().map((b) => b.id), ...store.allSections().map((s) => s.id)]) {
        expect(lookup.summary(id), id).toEqual(store.summary(id));
        expect(lookup.location(id), id).toEqual(store.location(id));
      }
      for (const b of store.allBlocks()) expect(lookup.block(b.id), b.id).toEqual(b);
    } finally {
      store.close();
    }
  });
});
