// A large article (thousands of entities) goes into the corpus a step at a time and into the pack as a line and its
// parts: both give exactly what the one-go versions give.
import * as assert from 'node:assert/strict';
import { CorpusIndex, type PreparedArticle } from '../../../src/core/corpus/corpusIndex';
import { PACK_PART_ITEMS, PackReader, packedArticleChunks, parsePackedArticle, serializePackedArticle, type PackedArticle } from '../../../src/core/corpus/indexCache';
import { DATE_FIELDS, packAnalysis } from '../../../src/core/corpus/packedAnalysis';
import type { Analysis, DateMention, EntityMention, EntityType } from '../../../src/core/nlp/analysisModel';

/**
 * An article of `n` paragraphs, each naming a person in full and by surname, a bare name some other article gives a
 * full name to, a place and an organization, with a date: real offsets, thousands of entities.
 */
function largeArticle(n: number, date: string | null = '2021-05-06'): { text: string; analysis: Analysis } {
  let text = 'BERGEN 2021-05-06\n\n';
  const entities: EntityMention[] = [];
  const dates: DateMention[] = [];
  const mention = (surface: string, type: EntityType, canonical: string): void => {
    entities.push({ start: text.length, end: text.length + surface.length, text: surface, type, canonical });
    text += surface;
  };
  for (let i = 0; i < n; i++) {
    text += 'Minister ';
    mention(`Karin Dahl${i % 700}`, 'person', `Karin Dahl${i % 700}`);
    text += ' met ';
    mention(`Dahl${i % 700}`, 'person', `Karin Dahl${i % 700}`);
    text += ' and ';
    // bare names: some stand for a full name of the other article, some are typed otherwise elsewhere
    mention(`Ostby${i % 50}`, i % 3 === 0 ? 'organization' : 'person', `Ostby${i % 50}`);
    text += ' in ';
    mention('Narvik', 'place', 'Narvik');
    text += ' with the ';
    mention('Nordic Fisheries Council', 'organization', 'Nordic Fisheries Council');
    text += ' on ';
    dates.push({ start: text.length, end: text.length + 10, text: '2021-05-07', value: i % 4 === 0 ? null : '2021-05-07', resolvedAgainst: 'self', reference: null });
    text += '2021-05-07.\n\n';
  }
  return { text, analysis: { articleDate: date, entities, dates, aliases: { 'Karin Dahl1': ['Karin Dahl1', 'Dahl1'] } } };
}

function smallArticles(corpus: CorpusIndex): void {
  for (let i = 0; i < 50; i += 7) {
    const text = `Lars Ostby${i} spoke. Ostby${i} left Narvik.`;
    const first = `Lars Ostby${i}`;
    corpus.setArticle(`small-${i}.txt`, {
      articleDate: '2020-01-01',
      entities: [
        { start: 0, end: first.length, text: first, type: 'person', canonical: first },
        { start: first.length + 8, end: first.length + 8 + `Ostby${i}`.length, text: `Ostby${i}`, type: 'organization', canonical: `Ostby${i}` },
        { start: text.indexOf('Narvik'), end: text.indexOf('Narvik') + 6, text: 'Narvik', type: 'place', canonical: 'Narvik' },
      ],
      dates: [],
      aliases: {},
    }, text);
  }
}

/** Everything a view or a hover reads from the corpus. */
function snapshot(corpus: CorpusIndex): unknown {
  const entities = corpus.entities();
  return {
    keys: [...corpus.articleKeys].sort(),
    entities,
    details: entities.map((e) => corpus.entity(e.id)),
    timeline: corpus.timeline(),
    undated: corpus.undatedDates(),
    quotations: corpus.quotations(),
    at: corpus.entityAt('large.txt', 30)?.id,
  };
}

describe('a large article in the corpus, a step at a time', () => {
  const { text, analysis } = largeArticle(1500);

  it('gives the corpus setArticle gives, whether the article is new, replaced or its date changed', () => {
    assert.ok(analysis.entities.length > 5000);
    const once = new CorpusIndex();
    smallArticles(once);
    once.setArticle('large.txt', analysis, text);
    const stepped = new CorpusIndex();
    smallArticles(stepped);
    const update = stepped.updateArticle('large.txt', analysis, text);
    let steps = 0;
    while (!update.step()) {
      steps++;
      // meanwhile the corpus answers without the article, and ranks what has joined
      assert.ok(!stepped.articleKeys.includes('large.txt'));
      stepped.entities();
    }
    assert.ok(steps > 10, `in steps (${steps})`);
    assert.deepEqual(snapshot(stepped), snapshot(once));
    // replaced by a smaller one (its date the same, then another date): replaced at once, as setArticle does
    const smaller = largeArticle(300);
    for (const next of [smaller, largeArticle(300, '2022-01-01')]) {
      once.setArticle('large.txt', next.analysis, next.text);
      const replace = stepped.updateArticle('large.txt', next.analysis, next.text);
      while (!replace.step());
      assert.deepEqual(snapshot(stepped), snapshot(once));
    }
  });

  it('replaces an indexed large article in steps, answering as with its previous version until the last one', () => {
    const stepped = new CorpusIndex();
    smallArticles(stepped);
    stepped.setArticle('large.txt', analysis, text);
    const before = snapshot(stepped);
    // a word typed near the start: every later mention moves, a few entities change
    const typed = 'Now ';
    const at = text.indexOf('Minister');
    const edited: Analysis = { ...analysis, entities: analysis.entities.map((e) => (e.start >= at ? { ...e, start: e.start + typed.length, end: e.end + typed.length } : e)), dates: analysis.dates.map((d) => (d.start >= at ? { ...d, start: d.start + typed.length, end: d.end + typed.length } : d)) };
    const editedText = text.slice(0, at) + typed + text.slice(at);
    const once = new CorpusIndex();
    smallArticles(once);
    once.setArticle('large.txt', analysis, text);
    once.setArticle('large.txt', edited, editedText);
    const replace = stepped.updateArticle('large.txt', edited, editedText);
    let steps = 0;
    while (!replace.step()) {
      steps++;
      assert.deepEqual(snapshot(stepped), before, `unchanged before the last step (step ${steps})`);
    }
    // an edit looks at what it changed, not at every entity of the article again (matching ten thousand mentions with
    // the old ones took 84 steps of 400, 50 ms of the host at every pause in typing): a scan of the mentions, then the change
    assert.ok(steps >= 1 && steps <= 6, `in a few steps (${steps})`);
    assert.deepEqual(snapshot(stepped), snapshot(once));
    assert.equal(stepped.entityAt('large.txt', at + typed.length + 'Minister '.length)?.canonical, 'Karin Dahl0', 'the new offsets');
  });

  it('finishes an unfinished update first when the article changes or goes meanwhile', () => {
    const once = new CorpusIndex();
    smallArticles(once);
    const stepped = new CorpusIndex();
    smallArticles(stepped);
    const update = stepped.updateArticle('large.txt', analysis, text);
    for (let i = 0; i < 5; i++) update.step();
    stepped.removeArticle('large.txt');
    assert.equal(update.step(), true, 'finished by the removal');
    assert.deepEqual(snapshot(stepped), snapshot(once));
    const again = stepped.updateArticle('large.txt', analysis, text);
    again.step();
    const smaller = largeArticle(20);
    stepped.setArticle('large.txt', smaller.analysis, smaller.text);
    once.setArticle('large.txt', smaller.analysis, smaller.text);
    assert.deepEqual(snapshot(stepped), snapshot(once));
  });
});

describe('a large article in the pack, as a line and its parts', () => {
  const { text, analysis } = largeArticle(400);
  const corpus = new CorpusIndex();
  corpus.setArticle('large.txt', analysis, text);
  corpus.prepare('large.txt');
  const prepared: PreparedArticle = corpus.prepared('large.txt')!;
  const large: PackedArticle = { key: 'seeds/large.txt', uri: 'file:///w/seeds/large.txt', text, cacheName: 'c0ffee', analysis: packAnalysis(analysis), prepared };
  const small: PackedArticle = { key: 'seeds/small.txt', uri: 'file:///w/seeds/small.txt', text: 'Ada Lind spoke.', cacheName: 'beef', analysis: packAnalysis({ articleDate: null, entities: [{ start: 0, end: 8, text: 'Ada Lind', type: 'person', canonical: 'Ada Lind' }], dates: [] }) };
  const read = (lines: readonly string[]): unknown[] => {
    const reader = new PackReader();
    const items = lines.flatMap((line) => reader.read(line));
    const end = reader.end();
    return end ? [...items, end] : items;
  };

  it('is written in lines of at most PACK_PART_ITEMS items, and read back exactly', () => {
    const lines = serializePackedArticle(large).split('\n');
    assert.ok(lines.length > 5, `parts (${lines.length} lines)`);
    for (const line of lines.slice(1)) {
      const { ints, ...lists } = JSON.parse(line) as Record<string, unknown[]>;
      // the ints of whole mentions and dates, at most DATE_FIELDS each
      assert.ok(Object.values(lists).reduce((n, list) => n + list.length, 0) + Math.ceil((ints?.length ?? 0) / DATE_FIELDS) <= PACK_PART_ITEMS);
    }
    assert.equal([...packedArticleChunks(large)].join(''), `${lines.join('\n')}\n`, 'written a chunk at a time, the same lines');
    assert.deepEqual(read([...lines, serializePackedArticle(small)]), [{ article: large }, { article: small }]);
    // a small article stays one line, which parsePackedArticle reads alone
    assert.deepEqual(parsePackedArticle(serializePackedArticle(small)), { article: small });
  });

  it('refuses a large article cut short or with a part that does not quote its text, and reads the next article', () => {
    const lines = serializePackedArticle(large).split('\n');
    const next = serializePackedArticle(small);
    const problems = (items: unknown[]): string[] => items.flatMap((i) => ('problem' in (i as object) ? [(i as { problem: string }).problem] : []));
    const cut = read([...lines.slice(0, 3), next]);
    assert.match(problems(cut).join(), /cut short/);
    assert.deepEqual(cut.at(-1), { article: small }, 'the next article is read');
    assert.match(problems(read(lines.slice(0, 3))).join(), /cut short/, 'at the end of the pack');
    const broken = [...lines];
    const part = JSON.parse(broken[1]!) as { ints: number[] };
    // the first mention's start
    part.ints[0]! += 1;
    broken[1] = JSON.stringify(part);
    const items = read([...broken, next]);
    assert.match(problems(items).join(), /does not quote/);
    assert.deepEqual(items.at(-1), { article: small });
  });
});
