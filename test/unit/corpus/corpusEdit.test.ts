// An edit of an indexed article (what a pause in typing sends the index) changes only what it touched in the corpus:
// the result is the corpus of the same articles indexed anew, whichever edits came before (issue 12 defect 8: the same
// text gives the same result whichever path produced it).
import * as assert from 'node:assert/strict';
import { CorpusIndex } from '../../../src/core/corpus/corpusIndex';
import { packAnalysis } from '../../../src/core/corpus/packedAnalysis';
import type { Analysis, DateMention, EntityMention, EntityType } from '../../../src/core/nlp/analysisModel';
import { seededRandom } from '../../../src/core/random/seededRandom';

// invented names: full names, their bare surnames and first words, shared across articles so an edit moves entities
const GIVEN = ['Orla', 'Teodor', 'Mirela', 'Bastian', 'Ines', 'Halvor'];
const FAMILY = ['Kervan', 'Dollimore', 'Asquene', 'Pettervik', 'Lunde', 'Varga', 'Dersk'];
// (a word inside a full name, not its short name, is its article's own evidence of a bare name's type: 'Bank of Lunde')
const ORGS = ['Brellin Works', 'Tamsgate Council', 'Noravik Shipping Ltd', 'Kervan Foods', 'BWX', 'The Brellin Works Inc.', 'Bank of Lunde', 'Varga Dersk Group'];
const PLACES = ['Oskarby', 'Lunde', 'Halmere', 'Brenmouth'];

interface Article {
  readonly text: string;
  readonly analysis: Analysis;
}

/** A mention's words, its type and the name its article links it to. */
type Part = readonly [surface: string, type: EntityType, canonical: string];

function partOf(random: () => number): Part {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const r = random();
  if (r < 0.3) {
    const name = random() < 0.2 ? `${pick(GIVEN)} ${pick(FAMILY)} ${pick(FAMILY)}` : `${pick(GIVEN)} ${pick(FAMILY)}`;
    return [name, 'person', name];
  }
  if (r < 0.45) {
    // a surname the article links to its full name
    const name = `${pick(GIVEN)} ${pick(FAMILY)}`;
    return [name.split(' ')[1]!, 'person', name];
  }
  if (r < 0.65) {
    const bare = pick([...FAMILY, 'Brellin', 'Noravik']);
    return [bare, pick(['person', 'person', 'place', 'organization'] as const), bare];
  }
  if (r < 0.85) {
    const org = pick(ORGS);
    return [org, 'organization', org];
  }
  const place = pick(PLACES);
  return [place, 'place', place];
}

/** An article of these mentions, one sentence each, with dates now and then (real offsets). */
function articleOf(parts: readonly Part[], date: string | null, random: () => number): Article {
  let text = '';
  const entities: EntityMention[] = [];
  const dates: DateMention[] = [];
  for (const [surface, type, canonical] of parts) {
    entities.push({ start: text.length, end: text.length + surface.length, text: surface, type, canonical });
    text += `${surface} spoke`;
    if (random() < 0.2) {
      text += ' on ';
      const day = `${1 + Math.floor(random() * 28)} May 2021`;
      dates.push({ start: text.length, end: text.length + day.length, text: day, value: `2021-05-${day.split(' ')[0]!.padStart(2, '0')}`, resolvedAgainst: 'self', reference: null });
      text += day;
    }
    text += '. ';
  }
  return { text, analysis: { articleDate: date, entities, dates, aliases: {} } };
}

/** The parts of an article, to edit them. */
function partsOf(article: Article): Part[] {
  return article.analysis.entities.map((e) => [e.text, e.type, e.canonical] as const);
}

/**
 * A random edit of an article's mentions, as re-analysing typed text gives one: a stretch of them replaced by others
 * (none, a few, or the whole article), one changed in place (its type, its name, its words), the article's date changed,
 * or nothing at all.
 */
function editOf(article: Article, random: () => number): Article {
  const parts = partsOf(article);
  let date = article.analysis.articleDate;
  const r = random();
  if (r < 0.55) {
    const at = Math.floor(random() * (parts.length + 1));
    const removed = Math.floor(random() * Math.min(4, parts.length - at + 1));
    const inserted = Array.from({ length: Math.floor(random() * 4) }, () => partOf(random));
    parts.splice(at, removed, ...inserted);
  } else if (r < 0.75 && parts.length > 0) {
    const at = Math.floor(random() * parts.length);
    const [surface, type, canonical] = parts[at]!;
    const change = random();
    parts[at] = change < 0.33 ? [surface, type === 'person' ? 'organization' : 'person', canonical] : change < 0.66 ? [surface, type, `${canonical} Jr`] : [`${surface}s`, type, canonical];
  } else if (r < 0.82) {
    // a mention's offsets only: the words before it changed
    return { text: ` ${article.text}`, analysis: { ...article.analysis, entities: article.analysis.entities.map((e) => ({ ...e, start: e.start + 1, end: e.end + 1 })), dates: article.analysis.dates.map((d) => ({ ...d, start: d.start + 1, end: d.end + 1 })) } };
  } else if (r < 0.87) {
    date = date === null ? '2021-05-06' : null;
  } else if (r < 0.9) {
    return articleOf(Array.from({ length: 5 + Math.floor(random() * 40) }, () => partOf(random)), date, random);
  }
  return articleOf(parts, date, random);
}

/** Everything a view or a hover reads from the corpus about its entities and articles. */
function snapshot(corpus: CorpusIndex, articles: ReadonlyMap<string, Article>): unknown {
  const entities = corpus.entities();
  return {
    keys: [...corpus.articleKeys].sort(),
    entities,
    details: entities.map((e) => corpus.entity(e.id)),
    search: corpus.search('ker'),
    timeline: corpus.timeline(),
    quotations: corpus.quotations(),
    perArticle: [...articles].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, article]) => ({
      key,
      date: corpus.articleDate(key),
      in: corpus.entitiesIn(key).map((e) => e.id),
      at: article.analysis.entities.map((e) => [corpus.entityAt(key, e.start)?.id, corpus.corpusEntityOf(key, e)?.id]),
    })),
  };
}

/** A new corpus of these articles, added in the map's order. */
function indexed(articles: ReadonlyMap<string, Article>): CorpusIndex {
  const corpus = new CorpusIndex();
  for (const [key, article] of articles) corpus.setArticle(key, article.analysis, article.text);
  return corpus;
}

describe('an edit of an indexed article', () => {
  it('gives the corpus of the same articles indexed anew, on random edits (in one go and a step at a time)', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const random = seededRandom(seed);
      const articles = new Map<string, Article>();
      const edited = new CorpusIndex();
      const stepped = new CorpusIndex();
      for (let i = 0; i < 6; i++) {
        const article = articleOf(Array.from({ length: 3 + Math.floor(random() * 12) }, () => partOf(random)), random() < 0.5 ? '2021-05-01' : null, random);
        articles.set(`small${i}.txt`, article);
        edited.setArticle(`small${i}.txt`, article.analysis, article.text);
        stepped.setArticle(`small${i}.txt`, article.analysis, article.text);
      }
      let large = articleOf(Array.from({ length: 300 }, () => partOf(random)), '2021-05-06', random);
      articles.set('large.txt', large);
      edited.setArticle('large.txt', large.analysis, large.text);
      stepped.setArticle('large.txt', large.analysis, large.text);
      for (let round = 0; round < 30; round++) {
        const where = `seed ${seed}, edit ${round}`;
        // mostly the large article, being typed into; now and then another one
        const key = random() < 0.8 ? 'large.txt' : `small${Math.floor(random() * 6)}.txt`;
        const next = editOf(articles.get(key)!, random);
        articles.set(key, next);
        if (key === 'large.txt') large = next;
        // the packed form (as the workspace index passes it) and the analysis itself
        edited.setArticle(key, random() < 0.5 ? packAnalysis(next.analysis) : next.analysis, next.text);
        const before = stepped.entities().map((e) => stepped.entity(e.id));
        const update = stepped.updateArticle(key, packAnalysis(next.analysis), next.text);
        let steps = 0;
        while (!update.step()) {
          // the corpus answers as with the previous version until the last step
          if (++steps % 2 === 1) assert.deepEqual(stepped.entities().map((e) => stepped.entity(e.id)), before, `${where}: unchanged before the last step`);
        }
        if (random() < 0.3) edited.entities();
        if (round % 3 === 2) {
          const expected = snapshot(indexed(articles), articles);
          assert.deepEqual(snapshot(indexed(new Map([...articles].reverse())), articles), expected, `${where}: indexed in another order`);
          assert.deepEqual(snapshot(edited, articles), expected, where);
          assert.deepEqual(snapshot(stepped, articles), expected, `${where}, a step at a time`);
        }
      }
      assert.ok(large.analysis.entities.length > 0);
    }
  });
});

describe('an edit of an indexed article, case by case', () => {
  const random = seededRandom(1);
  const article = (parts: readonly Part[]): Article => articleOf(parts, null, random);
  const other = article([['Varga Dersk Group', 'organization', 'Varga Dersk Group'], ['Tamsgate Council', 'organization', 'Tamsgate Council']]);
  const filler: Part[] = Array.from({ length: 50 }, (_, i) => [`Brenmouth${i}`, 'place', `Brenmouth${i}`] as const);
  const cases: { readonly name: string; readonly before: readonly Part[]; readonly after: readonly Part[] }[] = [
    {
      // the full name is the article's own evidence that its bare "Varga" is a person, not the other article's company
      name: 'a full name typed that is evidence of a bare name elsewhere in the article',
      before: [...filler, ['Varga', 'person', 'Varga'], ...filler],
      after: [...filler, ['Varga', 'person', 'Varga'], ...filler.slice(0, 10), ['Orla Varga Kervan', 'person', 'Orla Varga Kervan'], ...filler.slice(10)],
    },
    {
      name: 'that full name deleted',
      before: [...filler, ['Orla Varga Kervan', 'person', 'Orla Varga Kervan'], ['Varga', 'person', 'Varga'], ...filler],
      after: [...filler, ['Varga', 'person', 'Varga'], ...filler],
    },
    {
      name: 'a company named with its legal form, which a bare name in another article then stands for',
      before: [...filler, ['Tamsgate', 'organization', 'Tamsgate']],
      after: [['Tamsgate Council Ltd', 'organization', 'Tamsgate Council Ltd'], ...filler, ['Tamsgate', 'organization', 'Tamsgate']],
    },
    {
      name: 'a mention retyped, its name kept',
      before: [...filler, ['Kervan', 'person', 'Kervan'], ...filler, ['Kervan', 'person', 'Kervan']],
      after: [...filler, ['Kervan', 'organization', 'Kervan'], ...filler, ['Kervan', 'person', 'Kervan']],
    },
  ];
  for (const { name, before, after } of cases) {
    it(`gives the corpus indexed anew: ${name}`, () => {
      const edited = new CorpusIndex();
      const third = article([['Tamsgate', 'organization', 'Tamsgate']]);
      for (const [key, a] of [['other.txt', other], ['third.txt', third], ['large.txt', article(before)]] as const) edited.setArticle(key, a.analysis, a.text);
      const was = edited.entities().map((e) => e.id);
      const next = article(after);
      edited.setArticle('large.txt', next.analysis, next.text);
      const articles = new Map([['other.txt', other], ['third.txt', third], ['large.txt', next]]);
      const expected = snapshot(indexed(articles), articles);
      assert.deepEqual(snapshot(indexed(new Map([...articles].reverse())), articles), expected, 'indexed in another order');
      assert.deepEqual(snapshot(edited, articles), expected);
      assert.notDeepEqual(edited.entities().map((e) => e.id), was, 'the edit changed what the corpus lists');
    });
  }
});
