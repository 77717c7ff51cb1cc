import * as assert from 'node:assert/strict';
import { CorpusIndex } from '../../../src/core/corpus/corpusIndex';
import type { Analysis, DateMention, DateValue, EntityMention, EntityType } from '../../../src/core/nlp/analysisModel';
import { seededRandom } from '../../../src/core/random/seededRandom';

/** Builds an analysis by finding each surface form in the text, so offsets are real. */
function analysisOf(text: string, entities: [string, EntityType, string][], dates: [string, DateValue][] = []): Analysis {
  const found: EntityMention[] = [];
  const cursor = new Map<string, number>();
  for (const [surface, type, canonical] of entities) {
    const start = text.indexOf(surface, cursor.get(surface) ?? 0);
    assert.ok(start >= 0, surface);
    cursor.set(surface, start + surface.length);
    found.push({ start, end: start + surface.length, text: surface, type, canonical });
  }
  const dateMentions: DateMention[] = dates.map(([surface, value]) => {
    const start = text.indexOf(surface);
    return { start, end: start + surface.length, text: surface, value, resolvedAgainst: 'self', reference: null };
  });
  return { articleDate: null, entities: found.sort((a, b) => a.start - b.start), dates: dateMentions, aliases: {} };
}

const textA = 'Mayor Ada Lind opened the bridge in Port Vale on 3 May 2019. Lind thanked the Harbour Board.\nNew section\nIn 2018 the board had voted for it.';
const textB = 'Port Vale fishermen met Ada Lind in June 2019. The Harbour Board was absent. Later, between 2020 and 2021, nothing happened. Some day it will.';

function corpus(): CorpusIndex {
  const index = new CorpusIndex();
  index.setArticle(
    'a.txt',
    analysisOf(
      textA,
      [
        ['Ada Lind', 'person', 'Ada Lind'],
        ['Port Vale', 'place', 'Port Vale'],
        ['Lind', 'person', 'Ada Lind'],
        ['Harbour Board', 'organization', 'Harbour Board'],
      ],
      [
        ['3 May 2019', '2019-05-03'],
        ['2018', '2018'],
      ],
    ),
    textA,
  );
  index.setArticle(
    'b.txt',
    analysisOf(
      textB,
      [
        ['Port Vale', 'place', 'Port Vale'],
        ['Ada Lind', 'person', 'Ada Lind'],
        ['Harbour Board', 'organization', 'Harbour Board'],
      ],
      [
        ['June 2019', '2019-06'],
        ['between 2020 and 2021', { from: '2020', to: '2021' }],
        ['Some day', null],
      ],
    ),
    textB,
  );
  return index;
}

describe('CorpusIndex', () => {
  it('counts entities across articles, most mentioned first, filterable by type', () => {
    const index = corpus();
    assert.deepEqual(
      index.entities().map(({ canonical, type, mentions, articles }) => ({ canonical, type, mentions, articles })),
      [
        { canonical: 'Ada Lind', type: 'person', mentions: 3, articles: 2 },
        { canonical: 'Harbour Board', type: 'organization', mentions: 2, articles: 2 },
        { canonical: 'Port Vale', type: 'place', mentions: 2, articles: 2 },
      ],
    );
    assert.deepEqual(index.entities('place').map((e) => e.canonical), ['Port Vale']);
  });

  it('lists every mention of an entity, alias forms included, with exact spans', () => {
    const mentions = corpus().mentionsOf('Ada Lind', 'person');
    assert.deepEqual(mentions.map((m) => [m.article, m.text]), [
      ['a.txt', 'Ada Lind'],
      ['a.txt', 'Lind'],
      ['b.txt', 'Ada Lind'],
    ]);
    for (const m of mentions) assert.equal((m.article === 'a.txt' ? textA : textB).slice(m.start, m.end), m.text);
    assert.deepEqual(corpus().mentionsOf('Ada Lind', 'place'), []);
  });

  it('orders resolved dates on a timeline with their sentences, leaving out unresolved ones', () => {
    const timeline = corpus().timeline();
    assert.deepEqual(timeline.map((t) => [t.sortKey, t.text, t.article]), [
      ['2018', '2018', 'a.txt'],
      ['2019-05-03', '3 May 2019', 'a.txt'],
      ['2019-06', 'June 2019', 'b.txt'],
      ['2020', 'between 2020 and 2021', 'b.txt'],
    ]);
    assert.equal(timeline[0]!.sentence.text, 'In 2018 the board had voted for it.', 'the heading line is not part of the sentence');
    assert.equal(timeline[1]!.sentence.text, 'Mayor Ada Lind opened the bridge in Port Vale on 3 May 2019.');
    assert.deepEqual(timeline[3]!.value, { from: '2020', to: '2021' });
  });

  it('replaces and removes articles', () => {
    const index = corpus();
    index.setArticle('b.txt', analysisOf('Nothing here.', []), 'Nothing here.');
    assert.deepEqual(index.entities().map((e) => [e.canonical, e.mentions, e.articles]), [
      ['Ada Lind', 2, 1],
      ['Harbour Board', 1, 1],
      ['Port Vale', 1, 1],
    ]);
    assert.ok(index.removeArticle('a.txt'));
    assert.ok(!index.removeArticle('a.txt'));
    assert.deepEqual(index.entities(), []);
    assert.deepEqual(index.timeline(), []);
    assert.deepEqual(index.articleKeys, ['b.txt']);
  });

  it('keeps the entity list in order as articles change one at a time, as a fresh index of the same articles orders it', () => {
    // invented names: full names, their bare surnames and first words, shared across articles so changes move entities
    const given = ['Orla', 'Teodor', 'Mirela', 'Bastian', 'Ines'];
    const family = ['Kervan', 'Dollimore', 'Asquene', 'Pettervik', 'Lunde', 'Varga'];
    const orgs = ['Brellin Works', 'Tamsgate Council', 'Noravik Shipping Ltd', 'Kervan Foods'];
    const places = ['Oskarby', 'Lunde', 'Halmere'];
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = seededRandom(seed);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
      const articleOf = (): { text: string; analysis: Analysis } => {
        const parts: [string, EntityType, string][] = [];
        for (let i = 0, n = 1 + Math.floor(random() * 6); i < n; i++) {
          const r = random();
          if (r < 0.35) {
            const name = `${pick(given)} ${pick(family)}`;
            parts.push([name, 'person', name]);
          } else if (r < 0.55) {
            const bare = pick(family);
            parts.push([bare, pick(['person', 'person', 'place', 'organization'] as const), bare]);
          } else if (r < 0.8) {
            const org = pick(orgs);
            parts.push([org, 'organization', org]);
          } else {
            const place = pick(places);
            parts.push([place, 'place', place]);
          }
        }
        const text = parts.map(([surface]) => `${surface} was there.`).join(' ');
        return { text, analysis: analysisOf(text, parts) };
      };
      // the same article with a few words typed at a random place, and now and then one more name at the end
      const editOf = (article: { text: string; analysis: Analysis }): { text: string; analysis: Analysis } => {
        const at = Math.floor(random() * (article.text.length + 1));
        const typed = 'Then ';
        const moved = (e: { start: number; end: number }): { start: number; end: number } => (e.start >= at ? { start: e.start + typed.length, end: e.end + typed.length } : { start: e.start, end: e.end });
        let text = article.text.slice(0, at) + typed + article.text.slice(at);
        // a mention the typed words land inside is gone (its words were split)
        const entities = article.analysis.entities.filter((e) => !(e.start < at && at < e.end)).map((e) => ({ ...e, ...moved(e) }));
        if (random() < 0.4) {
          const name = `${pick(given)} ${pick(family)}`;
          const start = text.length + 1;
          text = `${text} ${name} spoke.`;
          entities.push({ start, end: start + name.length, text: name, type: 'person', canonical: name });
        }
        return { text, analysis: { ...article.analysis, entities } };
      };
      const incremental = new CorpusIndex();
      const current = new Map<string, { text: string; analysis: Analysis }>();
      for (let step = 0; step < 120; step++) {
        const key = `a${Math.floor(random() * 25)}.txt`;
        const known = current.get(key);
        if (random() < 0.2) {
          incremental.removeArticle(key);
          current.delete(key);
        } else if (known && random() < 0.5) {
          // an edit, as typing makes one: words typed before some mentions (they move), and sometimes a name added
          const edited = editOf(known);
          incremental.setArticle(key, edited.analysis, edited.text);
          current.set(key, edited);
        } else {
          const article = articleOf();
          incremental.setArticle(key, article.analysis, article.text);
          current.set(key, article);
        }
        if (random() < 0.5) incremental.entities();
        // the extension host ranks a slice at a time, articles changing between slices
        else if (random() < 0.5) incremental.rankSome(() => random() < 0.5);
        // what an indexing round calls between batches: the same ranking as entities() asked later
        if (random() < 0.3) assert.deepEqual([...incremental.rank()], incremental.entities(), `seed ${seed}, step ${step}: rank()`);
        if (step % 10 === 9 || step === 119) {
          const fresh = new CorpusIndex();
          for (const [k, a] of [...current].sort(([x], [y]) => (x < y ? -1 : 1))) fresh.setArticle(k, a.analysis, a.text);
          assert.deepEqual(incremental.entities(), fresh.entities(), `seed ${seed}, step ${step}`);
          assert.deepEqual(incremental.entities('person'), fresh.entities('person'), `seed ${seed}, step ${step}`);
          // and where each entity's mentions are, article by article
          for (const e of fresh.entities()) assert.deepEqual(incremental.entity(e.id), fresh.entity(e.id), `seed ${seed}, step ${step}, ${e.id}`);
          for (const [k, a] of current) for (const e of a.analysis.entities) assert.equal(incremental.entityAt(k, e.start)?.id, fresh.entityAt(k, e.start)?.id, `seed ${seed}, step ${step}, ${k} at ${e.start}`);
        }
      }
    }
  });

  it('prepare() finds an article\'s quotations and timeline ahead of time, with the same result as finding them on demand', () => {
    const lazy = corpus();
    const prepared = corpus();
    prepared.prepare('a.txt');
    prepared.prepare('b.txt');
    prepared.prepare('missing.txt');
    assert.deepEqual(prepared.timeline(), lazy.timeline());
    assert.deepEqual(prepared.quotations(), lazy.quotations());
    // an article replaced after it was prepared is found anew
    const text = 'Ada Lind said on 4 May 2019 "we open the bridge".';
    prepared.setArticle('a.txt', analysisOf(text, [['Ada Lind', 'person', 'Ada Lind']], [['4 May 2019', '2019-05-04']]), text);
    prepared.prepare('a.txt');
    assert.deepEqual(
      prepared.timeline().filter((t) => t.article === 'a.txt').map((t) => t.text),
      ['4 May 2019'],
    );
  });
});
