/**
 * Term processing: case and diacritics folding, British/American pairs that
 * must meet, words that must not change, plurals, codes, stop words.
 */
import { describe, expect, it } from 'vitest';
import { americanize, fold, normalizeTerm, singular } from './spelling';

describe('normalizeTerm', () => {
  it('folds case and diacritics', () => {
    expect(fold('Citoyenneté')).toBe('citoyennete');
    expect(normalizeTerm('Gómez')).toBe('gomez');
    expect(normalizeTerm('IOM')).toBe('iom');
  });

  it('meets British and American spellings on the same term', () => {
    const pairs: Array<[string, string]> = [
      ['labour', 'labor'],
      ['Labourers', 'laborers'],
      ['organisation', 'organization'],
      ['organisations', 'organizations'],
      ['organisational', 'organizational'],
      ['recognise', 'recognize'],
      ['recognised', 'recognized'],
      ['prioritising', 'prioritizing'],
      ['programme', 'program'],
      ['programmes', 'programs'],
      ['centre', 'center'],
      ['centres', 'centers'],
      ['analyse', 'analyze'],
      ['analysing', 'analyzing'],
      ['favourable', 'favorable'],
      ['behaviour', 'behavior'],
      ['neighbourhood', 'neighborhood'],
      ['travelling', 'traveling'],
      ['counselling', 'counseling'],
      ['enrolment', 'enrollment'],
      ['fulfil', 'fulfill'],
      ['defence', 'defense'],
      ['licence', 'license'],
      ['judgement', 'judgment'],
      ['catalogue', 'catalog'],
      ['dialogue', 'dialog'],
      ['civilisations', 'civilizations'],
      ['memorise', 'memorize'],
      ['minimise', 'minimize'],
      ['criticised', 'criticized'],
      ['summarise', 'summarize'],
      ['categorise', 'categorize'],
    ];
    for (const [british, american] of pairs) {
      expect(normalizeTerm(british), `${british} vs ${american}`).toBe(normalizeTerm(american));
    }
  });

  it('leaves -ise words that have no -ize spelling alone', () => {
    for (const w of [
      'advise',
      'exercise',
      'enterprise',
      'promise',
      'compromise',
      'raise',
      'otherwise',
      'expertise',
      'Louise',
      'surprised',
      'televised',
      'cruise',
      'premises',
    ]) {
      expect(normalizeTerm(w)).not.toContain('iz');
    }
    expect(americanize('rising')).toBe('rising');
    expect(americanize('arising')).toBe('arising');
  });

  it('matches a half-typed British -isation word by prefix', () => {
    expect(normalizeTerm('organisa')).toBe('organiza');
    expect('organization'.startsWith(normalizeTerm('organisati') ?? '')).toBe(true);
  });

  it('reduces plurals conservatively', () => {
    expect(singular('policies')).toBe('policy');
    expect(singular('approaches')).toBe('approach');
    expect(singular('businesses')).toBe('business');
    expect(singular('workers')).toBe('worker');
    expect(singular('sdgs')).toBe('sdg');
    expect(singular('children')).toBe('child');
    expect(singular('crises')).toBe('crisis');
    for (const w of ['status', 'crisis', 'business', 'iris', 'analysis', 'access', 'gas']) expect(singular(w)).toBe(w);
    expect(normalizeTerm('Remittances')).toBe(normalizeTerm('remittance'));
  });

  it('keeps codes and numbers whole and untouched', () => {
    expect(normalizeTerm('10.7')).toBe('10.7');
    expect(normalizeTerm('10.c')).toBe('10.c');
    expect(normalizeTerm('1,000')).toBe('1,000');
    expect(normalizeTerm('10th')).toBe('10th');
  });

  it('drops stop words and possessives', () => {
    expect(normalizeTerm('the')).toBeNull();
    expect(normalizeTerm('And')).toBeNull();
    expect(normalizeTerm('GFMD\u2019s')).toBe('gfmd');
    expect(normalizeTerm("Chair's")).toBe('chair');
    // Meaningful short words stay searchable.
    expect(normalizeTerm('no')).toBe('no');
    expect(normalizeTerm('all')).toBe('all');
  });
});
