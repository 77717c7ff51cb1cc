// Entity quality: the automatic entities scored against the user's own entity annotations (issue 9).
import * as assert from 'node:assert/strict';
import type { Annotation } from '../../../src/core/annotations/annotationModel';
import type { EntityMention } from '../../../src/core/nlp/analysisModel';
import { entityQuality, entityQualityMarkdown } from '../../../src/core/quality/entityQuality';
import { entityTypeOfLabel, formatShare, scoreSpans } from '../../../src/core/quality/spanScores';

const TEXT = 'Mara Lindqvist met officials of Corvane Mills in Tessby on Monday. Lindqvist left for Ardvik.';
const at = (exact: string, from = 0): { start: number; end: number } => {
  const start = TEXT.indexOf(exact, from);
  assert.ok(start >= 0, exact);
  return { start, end: start + exact.length };
};
let n = 0;
function annotation(exact: string, label: string, from = 0, article = 'a.txt'): Annotation {
  const { start, end } = at(exact, from);
  return {
    id: `id${n++}`, article, label, note: '', position: { start, end }, quote: { exact, prefix: '', suffix: '' },
    status: 'anchored', created: '2024-01-01T00:00:00Z', modified: '2024-01-01T00:00:00Z', origin: 'user',
  };
}
function entity(exact: string, type: EntityMention['type'], from = 0): EntityMention {
  const { start, end } = at(exact, from);
  return { start, end, text: exact, type, canonical: exact } as EntityMention;
}

describe('span scores', () => {
  it('precision, recall and F1 per label, by exact span and label', () => {
    const ref = [
      { article: 'a', start: 0, end: 4, label: 'PER' },
      { article: 'a', start: 10, end: 14, label: 'PER' },
      { article: 'a', start: 20, end: 24, label: 'LOC' },
    ];
    const cmp = [
      { article: 'a', start: 0, end: 4, label: 'PER' }, // match
      { article: 'a', start: 10, end: 15, label: 'PER' }, // wrong end
      { article: 'a', start: 20, end: 24, label: 'ORG' }, // wrong label
      { article: 'b', start: 0, end: 4, label: 'PER' }, // other article
    ];
    const s = scoreSpans(ref, cmp);
    const per = s.labels.find((r) => r.label === 'PER')!;
    // PER: 2 reference, 3 compared, 1 matched: P 1/3, R 1/2, F1 2·1/(2+3) = 0.4
    assert.deepEqual([per.reference, per.compared, per.matched], [2, 3, 1]);
    assert.equal(per.precision, 1 / 3);
    assert.equal(per.recall, 1 / 2);
    assert.equal(per.f1, 0.4);
    const loc = s.labels.find((r) => r.label === 'LOC')!;
    assert.deepEqual([loc.reference, loc.compared, loc.matched, loc.precision, loc.recall, loc.f1], [1, 0, 0, null, 0, 0]);
    const org = s.labels.find((r) => r.label === 'ORG')!;
    assert.deepEqual([org.reference, org.compared, org.precision, org.recall], [0, 1, 0, null]);
    // all: 3 reference, 4 compared, 1 matched: F1 2/7
    assert.deepEqual([s.all.reference, s.all.compared, s.all.matched], [3, 4, 1]);
    assert.equal(s.all.f1, 2 / 7);
    assert.deepEqual(s.labels.map((r) => r.label), ['LOC', 'ORG', 'PER']);
  });

  it('a span repeated in one set counts once; fixed rows keep their order and zeros', () => {
    const a = { article: 'a', start: 0, end: 4, label: 'x' };
    const s = scoreSpans([a, a], [a], ['y', 'x']);
    assert.deepEqual(s.labels.map((r) => [r.label, r.reference, r.compared, r.matched, r.f1]), [['y', 0, 0, 0, null], ['x', 1, 1, 1, 1]]);
  });

  it('labels of other tools map to entity types; others to none', () => {
    assert.equal(entityTypeOfLabel('person'), 'person');
    assert.equal(entityTypeOfLabel('PER'), 'person');
    assert.equal(entityTypeOfLabel('Location'), 'place');
    assert.equal(entityTypeOfLabel('GPE'), 'place');
    assert.equal(entityTypeOfLabel('organisation'), 'organization');
    assert.equal(entityTypeOfLabel('ORG'), 'organization');
    assert.equal(entityTypeOfLabel('quote'), undefined);
    assert.equal(formatShare(2 / 3), '66.7%');
    assert.equal(formatShare(null), '–');
  });
});

describe('entity quality', () => {
  const annotations = [
    annotation('Mara Lindqvist', 'person'),
    annotation('Corvane Mills', 'organization'),
    annotation('Tessby', 'place'),
    annotation('Ardvik', 'place'),
    annotation('Monday', 'important'), // not an entity label: ignored
  ];
  const entities = [
    entity('Mara Lindqvist', 'person'),
    entity('Corvane Mills', 'person'), // wrong type
    entity('Tessby', 'place'),
    entity('Lindqvist', 'person', 20), // not annotated by the user
  ];

  it('scores each article and the collection per type', () => {
    const r = entityQuality([
      { article: 'a.txt', text: TEXT, annotations, entities },
      { article: 'b.txt', text: 'Nothing here.', annotations: [], entities: [] }, // no entity annotations: not measured
      { article: 'c.txt', text: undefined, annotations: [annotation('Tessby', 'place', 0, 'c.txt')], entities: undefined },
    ]);
    assert.deepEqual(r.articles.map((a) => a.article), ['a.txt']);
    assert.deepEqual(r.notAnalysed, ['c.txt']);
    const rows = Object.fromEntries(r.collection.labels.map((x) => [x.label, [x.reference, x.compared, x.matched]]));
    // person: yours 1, automatic 3 (Mara Lindqvist, Corvane Mills typed person, Lindqvist), matched 1
    assert.deepEqual(rows, { person: [1, 3, 1], place: [2, 1, 1], organization: [1, 0, 0] });
    assert.equal(r.collection.all.f1, (2 * 2) / (4 + 4));
    const a = r.articles[0]!;
    assert.deepEqual(a.missed.map((s) => [s.text, s.label]), [['Corvane Mills', 'organization'], ['Ardvik', 'place']]);
    assert.deepEqual(a.extra.map((s) => [s.text, s.label]), [['Corvane Mills', 'person'], ['Lindqvist', 'person']]);
  });

  it('leaves out annotations that no longer select their text, and says how many', () => {
    const stale = { ...annotation('Tessby', 'place'), position: { start: 0, end: 6 } };
    const r = entityQuality([{ article: 'a.txt', text: TEXT, annotations: [annotation('Mara Lindqvist', 'person'), stale], entities }]);
    assert.equal(r.unplaced, 1);
    assert.equal(r.collection.all.reference, 1);
  });

  it('reads as Markdown tables, with the article text escaped', () => {
    const md = entityQualityMarkdown(entityQuality([{ article: 'a.txt', text: TEXT, annotations, entities }]));
    assert.match(md, /^# Entity quality/);
    assert.match(md, /## Collection \(1 article\)/);
    assert.match(md, /\| person \| 1 \| 3 \| 1 \| 33\.3% \| 100\.0% \| 50\.0% \|/);
    assert.match(md, /\| place \| 2 \| 1 \| 1 \| 100\.0% \| 50\.0% \| 66\.7% \|/);
    assert.match(md, /\| organization \| 1 \| 0 \| 0 \| – \| 0\.0% \| 0\.0% \|/);
    assert.match(md, /\| \*\*all\*\* \| 4 \| 4 \| 2 \| 50\.0% \| 50\.0% \| 50\.0% \|/);
    assert.match(md, /Missed[^\n]*:\n\n- “Corvane Mills” \(organization, /);
    const hostile = 'Ada [x](command:evil) Brisk';
    const md2 = entityQualityMarkdown(
      entityQuality([{ article: 'h.txt', text: hostile, annotations: [{ ...annotation('Mara Lindqvist', 'person', 0, 'h.txt'), position: { start: 0, end: hostile.length }, quote: { exact: hostile, prefix: '', suffix: '' } }], entities: [] }]),
    );
    assert.ok(!md2.includes('[x](command:evil)'), md2);
  });

  it('says what to do when nothing can be measured', () => {
    assert.match(entityQualityMarkdown(entityQuality([])), /No article has annotations labelled person, place or organization yet/);
  });
});
