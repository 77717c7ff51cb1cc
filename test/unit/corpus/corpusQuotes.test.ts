import * as assert from 'node:assert/strict';
import { CorpusIndex, prepareArticle } from '../../../src/core/corpus/corpusIndex';
import type { Analysis, DateMention, DateValue, EntityMention, EntityType } from '../../../src/core/nlp/analysisModel';

/** An analysis whose entities are every occurrence of the given surface forms (longest first), dates likewise. */
function analysisOf(text: string, entities: [string, EntityType, string][], dates: [string, DateValue][] = []): Analysis {
  const found: EntityMention[] = [];
  for (const [surface, type, canonical] of [...entities].sort((a, b) => b[0].length - a[0].length)) {
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
      if (!found.some((m) => m.start < at + surface.length && at < m.end)) found.push({ start: at, end: at + surface.length, text: surface, type, canonical });
    }
  }
  const dateMentions: DateMention[] = dates.map(([surface, value]) => {
    const start = text.indexOf(surface);
    assert.ok(start >= 0, surface);
    return { start, end: start + surface.length, text: surface, value, resolvedAgainst: value === null ? 'none' : 'self', reference: null };
  });
  return { articleDate: null, entities: found.sort((a, b) => a.start - b.start), dates: dateMentions, aliases: {} };
}

const textA = 'Port Vale, 3 May 2019\n\nMayor Ada Lind opened the bridge on Friday. "It joins two towns," Lind said.';
const textB = 'The Harbour Board met in June 2019. "We were not asked," a board member said. "The bridge was overdue," said Ada Lind. Next Tuesday the board meets again.';

function corpus(): CorpusIndex {
  const index = new CorpusIndex();
  index.setArticle('a.txt', analysisOf(textA, [['Ada Lind', 'person', 'Ada Lind'], ['Lind', 'person', 'Ada Lind'], ['Port Vale', 'place', 'Port Vale']], [['3 May 2019', '2019-05-03'], ['Friday', '2019-05-03']]), textA);
  index.setArticle(
    'b.txt',
    analysisOf(textB, [['Harbour Board', 'organization', 'Harbour Board'], ['Ada Lind', 'person', 'Ada Lind']], [['June 2019', '2019-06'], ['Next Tuesday', null]]),
    textB,
  );
  return index;
}

describe('corpus quotations and timeline', () => {
  it('brings one person\'s quotes from two articles together under one corpus entity', () => {
    const index = corpus();
    const all = index.quotations();
    assert.deepEqual(all.map((q) => [q.article, q.text, q.speakerEntity?.canonical ?? null]), [
      ['a.txt', 'It joins two towns,', 'Ada Lind'],
      ['b.txt', 'We were not asked,', null],
      ['b.txt', 'The bridge was overdue,', 'Ada Lind'],
    ]);
    const lind = all[0]!.speakerEntity!;
    assert.deepEqual(index.quotationsOf(lind.id).map((q) => q.article), ['a.txt', 'b.txt']);
    assert.deepEqual(index.quotations('b.txt').length, 2);
    index.removeArticle('a.txt');
    assert.deepEqual(index.quotationsOf(lind.id).map((q) => q.article), ['b.txt']);
  });

  it('gives each timeline event the entities of its sentence, and lists unresolved dates apart', () => {
    const index = corpus();
    const events = index.timeline();
    assert.deepEqual(events.map((e) => [e.value, e.sentence.text, e.entities.map((r) => r.canonical)]), [
      ['2019-05-03', 'Port Vale, 3 May 2019', ['Port Vale']],
      ['2019-05-03', 'Mayor Ada Lind opened the bridge on Friday.', ['Ada Lind']],
      ['2019-06', 'The Harbour Board met in June 2019.', ['Harbour Board']],
    ]);
    assert.deepEqual(index.undatedDates().map((d) => [d.article, d.text]), [['b.txt', 'Next Tuesday']]);
  });

  it('takes the quotations and timeline sentences found before (as the pack keeps them) instead of finding them again', () => {
    const found = corpus();
    for (const key of ['a.txt', 'b.txt']) assert.equal(found.prepared(key), undefined, 'nothing found before it is wanted');
    found.prepare('a.txt');
    found.prepare('b.txt');
    const prepared = found.prepared('a.txt')!;
    assert.deepEqual(prepared.sentences.map((s) => textA.slice(s.start, s.end)), ['Port Vale, 3 May 2019', 'Mayor Ada Lind opened the bridge on Friday.']);
    const analysisA = analysisOf(textA, [['Ada Lind', 'person', 'Ada Lind'], ['Lind', 'person', 'Ada Lind'], ['Port Vale', 'place', 'Port Vale']], [['3 May 2019', '2019-05-03'], ['Friday', '2019-05-03']]);
    const given = new CorpusIndex();
    // sentences of its own choosing, to tell them from sentences found again
    const sentences = [{ start: 0, end: 9 }, prepared.sentences[1]!];
    given.setArticle('a.txt', analysisA, textA, { quotes: prepared.quotes, sentences });
    assert.deepEqual(given.prepared('a.txt'), { quotes: prepared.quotes, sentences });
    assert.deepEqual(given.timeline().map((e) => e.sentence.text), ['Port Vale', 'Mayor Ada Lind opened the bridge on Friday.']);
    assert.deepEqual(given.quotations().map((q) => [q.text, q.speakerEntity?.canonical]), [['It joins two towns,', 'Ada Lind']]);
    // one sentence too few for its resolved dates: found again
    const short = new CorpusIndex();
    short.setArticle('a.txt', analysisA, textA, { quotes: [], sentences: [sentences[0]!] });
    assert.equal(short.prepared('a.txt'), undefined);
    assert.deepEqual(short.timeline().map((e) => e.sentence.text), ['Port Vale, 3 May 2019', 'Mayor Ada Lind opened the bridge on Friday.']);
  });

  it('takes quotations and sentences found elsewhere (prepareArticle, in the worker) only for the text and analysis it indexes', () => {
    const analysisA = analysisOf(textA, [['Ada Lind', 'person', 'Ada Lind'], ['Lind', 'person', 'Ada Lind'], ['Port Vale', 'place', 'Port Vale']], [['3 May 2019', '2019-05-03'], ['Friday', '2019-05-03']]);
    const index = new CorpusIndex();
    index.setArticle('a.txt', analysisA, textA);
    const elsewhere = prepareArticle(textA, analysisA);
    const here = new CorpusIndex();
    here.setArticle('a.txt', analysisA, textA);
    here.prepare('a.txt');
    assert.deepEqual(elsewhere, here.prepared('a.txt'), 'the same as the corpus finds itself');
    // for another text or another analysis of it (the article changed meanwhile): refused
    assert.equal(index.setPrepared('a.txt', `${textA} `, analysisA, elsewhere), false);
    assert.equal(index.setPrepared('a.txt', textA, { ...analysisA, entities: analysisA.entities.slice(1) }, elsewhere), false);
    assert.equal(index.setPrepared('a.txt', textA, { ...analysisA, entities: analysisA.entities.map((e) => (e.text === 'Lind' ? { ...e, canonical: 'Lind' } : e)) }, elsewhere), false);
    assert.equal(index.setPrepared('b.txt', textA, analysisA, elsewhere), false, 'an article not indexed');
    assert.equal(index.setPrepared('a.txt', textA, analysisA, { quotes: [], sentences: [] }), false, 'no sentence for its dates');
    assert.equal(index.prepared('a.txt'), undefined);
    // the same analysis, whether the very object or a copy (the index keeps it packed, not the object it was given)
    assert.equal(index.setPrepared('a.txt', textA, { ...analysisA, entities: analysisA.entities.map((e) => ({ ...e })) }, elsewhere), true);
    assert.deepEqual(index.prepared('a.txt'), elsewhere);
    assert.deepEqual(index.timeline(), here.timeline());
    assert.deepEqual(index.quotations(), here.quotations());
  });
});
