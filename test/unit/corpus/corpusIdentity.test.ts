import * as assert from 'node:assert/strict';
import { CorpusIndex, type CorpusEntity } from '../../../src/core/corpus/corpusIndex';
import type { Analysis, EntityMention, EntityType } from '../../../src/core/nlp/analysisModel';

// Invented articles; each entity is [surface, type, canonical as the article's own linking gave it].
type Spec = readonly [string, EntityType, string];

function analysisOf(text: string, entities: readonly Spec[], articleDate: string | null = null): Analysis {
  const found: EntityMention[] = [];
  let cursor = 0; // entities are listed in text order
  for (const [surface, type, canonical] of entities) {
    const start = text.indexOf(surface, cursor);
    assert.ok(start >= 0, surface);
    cursor = start + surface.length;
    found.push({ start, end: start + surface.length, text: surface, type, canonical });
  }
  return { articleDate, entities: found.sort((a, b) => a.start - b.start), dates: [], aliases: {} };
}

interface Doc {
  readonly key: string;
  readonly text: string;
  readonly entities: readonly Spec[];
  readonly date?: string;
}

function indexOf(...docs: Doc[]): CorpusIndex {
  const index = new CorpusIndex();
  for (const d of docs) index.setArticle(d.key, analysisOf(d.text, d.entities, d.date ?? null), d.text);
  return index;
}

const brief = (e: CorpusEntity | undefined): [string, EntityType, number, number] | undefined => e && [e.canonical, e.type, e.mentions, e.articles];

const fullName: Doc = {
  key: 'a.txt',
  text: 'Minister Oskar Fennimore opened the dam at Dallin. Fennimore thanked the workers.',
  entities: [
    ['Oskar Fennimore', 'person', 'Oskar Fennimore'],
    ['Dallin', 'place', 'Dallin'],
    ['Fennimore', 'person', 'Oskar Fennimore'],
  ],
  date: '2024-03-02',
};
const bareSurname: Doc = { key: 'b.txt', text: 'Fennimore arrived late to the vote.', entities: [['Fennimore', 'person', 'Fennimore']], date: '2024-02-11' };
const otherFennimore: Doc = { key: 'c.txt', text: 'Judge Marta Fennimore ruled on Tuesday.', entities: [['Marta Fennimore', 'person', 'Marta Fennimore']] };

const company: Doc = { key: 'co.txt', text: 'Halvard Foods Inc. posted record profits.', entities: [['Halvard Foods Inc.', 'organization', 'Halvard Foods Inc.']] };
const barePerson: Doc = { key: 'said.txt', text: 'Halvard said the plant would close.', entities: [['Halvard', 'person', 'Halvard']] };
const ownPerson: Doc = {
  key: 'own.txt',
  text: 'Karl Halvard Berg, the poet, read aloud. Halvard smiled.',
  entities: [
    ['Karl Halvard Berg', 'person', 'Karl Halvard Berg'],
    ['Halvard', 'person', 'Halvard'],
  ],
};
const barePlace: Doc = { key: 'place.txt', text: 'Snow fell on Halvard overnight.', entities: [['Halvard', 'place', 'Halvard']] };

describe('CorpusIndex: one entity per real-world name across articles', () => {
  it('joins a bare surname to the only full name of the corpus that ends with it', () => {
    const index = indexOf(fullName, bareSurname);
    const entity = index.entityAt('b.txt', 3);
    assert.deepEqual(brief(entity), ['Oskar Fennimore', 'person', 3, 2]);
    assert.deepEqual(entity!.aliases, ['Oskar Fennimore', 'Fennimore']);
    assert.deepEqual(
      entity!.byArticle.map((a) => [a.article, a.mentions.map((m) => m.text)]),
      [
        ['a.txt', ['Oskar Fennimore', 'Fennimore']],
        ['b.txt', ['Fennimore']],
      ],
    );
    assert.equal(entity!.firstDate, '2024-02-11', 'the earliest date of its articles');
    assert.deepEqual(index.mentionsOf('Fennimore', 'person').length, 3, 'the bare name finds the joined entity');
    assert.deepEqual(brief(index.corpusEntityOf('b.txt', { canonical: 'Fennimore', type: 'person' })), ['Oskar Fennimore', 'person', 3, 2]);
    assert.deepEqual(index.entities('person').map((e) => e.canonical), ['Oskar Fennimore']);
  });

  it('keeps a bare surname apart when two full names of the corpus end with it, and joins again when one goes', () => {
    const index = indexOf(fullName, bareSurname, otherFennimore);
    assert.deepEqual(brief(index.entityAt('b.txt', 0)), ['Fennimore', 'person', 1, 1]);
    assert.deepEqual(index.entities('person').map((e) => e.canonical).sort(), ['Fennimore', 'Marta Fennimore', 'Oskar Fennimore']);
    index.removeArticle('c.txt');
    assert.deepEqual(brief(index.entityAt('b.txt', 0)), ['Oskar Fennimore', 'person', 3, 2]);
  });

  it('looks an all-capitals headline word up among the surnames', () => {
    const headline: Doc = { key: 'h.txt', text: 'FENNIMORE QUITS\nThe minister left.', entities: [['FENNIMORE', 'person', 'FENNIMORE']] };
    assert.deepEqual(brief(indexOf(fullName, headline).entityAt('h.txt', 2)), ['Oskar Fennimore', 'person', 3, 2]);
  });

  it('carries the type of a full name over to a bare mention typed otherwise, and records the conflict', () => {
    const index = indexOf(company, barePerson);
    const entity = index.entityAt('said.txt', 0);
    assert.deepEqual(brief(entity), ['Halvard Foods Inc.', 'organization', 2, 2]);
    assert.deepEqual(entity!.conflicts, [{ type: 'person', articles: ['said.txt'] }]);
    assert.deepEqual(index.entities('person'), []);
  });

  it("does not carry a type over when the bare mention's own article has evidence for its own type", () => {
    const index = indexOf(company, barePerson, ownPerson);
    assert.deepEqual(brief(index.entityAt('own.txt', ownPerson.text.indexOf('Halvard smiled'))), ['Halvard', 'person', 1, 1]);
    assert.deepEqual(brief(index.entityAt('said.txt', 0)), ['Halvard Foods Inc.', 'organization', 2, 2]);
    const conflicts = index.conflictsOf('Halvard Foods Inc.', 'organization');
    assert.deepEqual(conflicts, [{ type: 'person', articles: ['own.txt', 'said.txt'] }], 'also typed as person in 2 articles');
    assert.deepEqual(index.conflictsOf('Halvard', 'person'), [{ type: 'organization', articles: ['said.txt'] }]);
  });

  it('works the conflicts out when read, as the corpus is then: after an article typing the name otherwise comes and goes', () => {
    const index = indexOf(company, barePerson);
    const summary = (): CorpusEntity => index.entities('organization')[0]!;
    const held = summary();
    assert.deepEqual(held.conflicts, [{ type: 'person', articles: ['said.txt'] }]);
    index.setArticle(ownPerson.key, analysisOf(ownPerson.text, ownPerson.entities), ownPerson.text);
    assert.deepEqual(summary().conflicts, [{ type: 'person', articles: ['own.txt', 'said.txt'] }]);
    assert.deepEqual(held.conflicts, [{ type: 'person', articles: ['own.txt', 'said.txt'] }], 'a summary listed before, read after the change');
    index.removeArticle(ownPerson.key);
    assert.deepEqual(index.conflictsOf('Halvard Foods Inc.', 'organization'), [{ type: 'person', articles: ['said.txt'] }]);
    index.removeArticle(barePerson.key);
    assert.deepEqual(summary().conflicts, []);
    // a field like the others for JSON (the summary file, the command line), a spread and a deep comparison
    const entity = summary();
    assert.deepEqual(Object.keys(entity), ['id', 'canonical', 'type', 'mentions', 'articles', 'aliases', 'conflicts', 'firstDate']);
    assert.deepEqual(JSON.parse(JSON.stringify(entity)), { ...entity });
    assert.deepStrictEqual({ ...entity }, entity);
  });

  it('never turns a place into a person or an organization', () => {
    const index = indexOf(company, barePlace);
    assert.deepEqual(brief(index.entityAt('place.txt', 14)), ['Halvard', 'place', 1, 1]);
    assert.deepEqual(brief(index.entityAt('co.txt', 0)), ['Halvard Foods Inc.', 'organization', 1, 1]);
    const washington: Doc = { key: 'w.txt', text: 'Troops left Ostrava at dawn.', entities: [['Ostrava', 'place', 'Ostrava']] };
    const general: Doc = { key: 'g.txt', text: 'General Lena Ostrava spoke.', entities: [['Lena Ostrava', 'person', 'Lena Ostrava']] };
    assert.deepEqual(brief(indexOf(washington, general).entityAt('w.txt', 13)), ['Ostrava', 'place', 1, 1]);
  });

  it('prefers the one candidate of the bare mention’s own type among several', () => {
    const person: Doc = { key: 'p.txt', text: 'Coach Ines Morrow resigned.', entities: [['Ines Morrow', 'person', 'Ines Morrow']] };
    const org: Doc = { key: 'o.txt', text: 'Morrow Logistics hired staff.', entities: [['Morrow Logistics', 'organization', 'Morrow Logistics']] };
    const bare: Doc = { key: 'b.txt', text: 'Morrow declined to comment.', entities: [['Morrow', 'person', 'Morrow']] };
    assert.deepEqual(brief(indexOf(person, org, bare).entityAt('b.txt', 0)), ['Ines Morrow', 'person', 2, 2]);
  });

  it('keeps apart a bare mention whose only candidates are two of another type', () => {
    const org1: Doc = { key: 'o1.txt', text: 'Morrow Logistics hired staff.', entities: [['Morrow Logistics', 'organization', 'Morrow Logistics']] };
    const org2: Doc = { key: 'o2.txt', text: 'Morrow Bank lent money.', entities: [['Morrow Bank', 'organization', 'Morrow Bank']] };
    const bare: Doc = { key: 'b.txt', text: 'Morrow declined to comment.', entities: [['Morrow', 'person', 'Morrow']] };
    assert.deepEqual(brief(indexOf(org1, org2, bare).entityAt('b.txt', 0)), ['Morrow', 'person', 1, 1]);
  });

  it('makes one organization of names that differ by case, a leading "The" or a legal suffix', () => {
    const short: Doc = { key: 's.txt', text: 'The Halvard Foods plant closed.', entities: [['Halvard Foods', 'organization', 'Halvard Foods']] };
    const index = indexOf(company, short);
    assert.deepEqual(
      index.entities().map((e) => [e.canonical, e.mentions, e.articles, e.aliases]),
      [['Halvard Foods Inc.', 2, 2, ['Halvard Foods Inc.', 'Halvard Foods']]],
    );
  });

  it('joins an acronym to the only organization with those initials', () => {
    const long: Doc = { key: 'l.txt', text: 'The Northern Ferry Union called a strike.', entities: [['Northern Ferry Union', 'organization', 'Northern Ferry Union']] };
    const acronym: Doc = { key: 'n.txt', text: 'The NFU said boats would stay in port.', entities: [['NFU', 'organization', 'NFU']] };
    assert.deepEqual(brief(indexOf(long, acronym).entityAt('n.txt', 5)), ['Northern Ferry Union', 'organization', 2, 2]);
  });

  it('keeps a one-word organization apart from a longer organization that starts with it', () => {
    const long: Doc = { key: 'l.txt', text: 'Quillon Music signed a band.', entities: [['Quillon Music', 'organization', 'Quillon Music']] };
    const bare: Doc = { key: 'b.txt', text: 'Quillon raised prices.', entities: [['Quillon', 'organization', 'Quillon']] };
    assert.deepEqual(brief(indexOf(long, bare).entityAt('b.txt', 0)), ['Quillon', 'organization', 1, 1]);
  });

  it('joins a one-word organization to the company the collection names with its legal form', () => {
    const long: Doc = { key: 'l.txt', text: 'Quillon Foods Inc. bought a mill.', entities: [['Quillon Foods Inc.', 'organization', 'Quillon Foods Inc.']] };
    const bare: Doc = { key: 'b.txt', text: 'Quillon raised prices.', entities: [['Quillon', 'organization', 'Quillon']] };
    assert.deepEqual(brief(indexOf(long, bare).entityAt('b.txt', 0)), ['Quillon Foods Inc.', 'organization', 2, 2]);
  });

  it('gives a bare name the type most articles give it, when they are at least twice as many', () => {
    const org = (key: string): Doc => ({ key, text: 'Quillon raised prices again.', entities: [['Quillon', 'organization', 'Quillon']] });
    const person: Doc = { key: 'p.txt', text: 'Quillon said prices would rise.', entities: [['Quillon', 'person', 'Quillon']] };
    const index = indexOf(org('o1.txt'), person);
    assert.deepEqual(index.entities().map((e) => [e.type, e.articles]).sort(), [
      ['organization', 1],
      ['person', 1],
    ], 'one against one: both stay');
    index.setArticle('o2.txt', analysisOf('Quillon raised prices again.', [['Quillon', 'organization', 'Quillon']]), 'Quillon raised prices again.');
    const entities = index.entities();
    assert.deepEqual(entities.map((e) => [e.canonical, e.type, e.articles]), [['Quillon', 'organization', 3]]);
    assert.deepEqual(entities[0]!.conflicts, [{ type: 'person', articles: ['p.txt'] }]);
  });

  it('finds entities by name, alias, word start or letters in order for workspace symbols', () => {
    const index = indexOf(fullName, bareSurname, company);
    assert.deepEqual(index.search('fennimore').map((e) => e.canonical), ['Oskar Fennimore']);
    assert.deepEqual(index.search('foods').map((e) => e.canonical), ['Halvard Foods Inc.']);
    assert.deepEqual(index.search('hfi').map((e) => e.canonical), ['Halvard Foods Inc.']);
    assert.deepEqual(index.search('dal').map((e) => e.canonical), ['Dallin']);
    assert.deepEqual(index.search('zzz'), []);
    assert.equal(index.search('').length, 3);
  });

  it('lists the corpus entities of one article and finds the one under an offset', () => {
    const index = indexOf(fullName, bareSurname);
    assert.deepEqual(index.entitiesIn('a.txt').map((e) => e.canonical), ['Oskar Fennimore', 'Dallin']);
    assert.equal(index.entityAt('a.txt', 9)?.canonical, 'Oskar Fennimore', 'start of a mention');
    assert.equal(index.entityAt('a.txt', 24)?.canonical, 'Oskar Fennimore', 'just after a mention');
    assert.equal(index.entityAt('a.txt', 30), undefined, 'between mentions');
    assert.equal(index.entityAt('nope.txt', 0), undefined);
  });

  it('reaches the same entities incrementally as when built at once, whatever the order of changes', () => {
    const docs = [fullName, bareSurname, otherFennimore, company, barePerson, ownPerson, barePlace];
    const snapshot = (index: CorpusIndex): string => JSON.stringify(index.entities().map((e) => ({ ...e, id: undefined })).sort((a, b) => (a.canonical + a.type < b.canonical + b.type ? -1 : 1)));
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 40; round++) {
      const index = new CorpusIndex();
      const present = new Set<Doc>();
      for (let step = 0; step < 12; step++) {
        const doc = docs[random(docs.length)]!;
        if (present.has(doc) && random(2) === 0) {
          index.removeArticle(doc.key);
          present.delete(doc);
        } else {
          index.setArticle(doc.key, analysisOf(doc.text, doc.entities, doc.date ?? null), doc.text);
          present.add(doc);
        }
        index.entities(); // caches must follow the changes
        assert.equal(snapshot(index), snapshot(indexOf(...docs.filter((d) => present.has(d)))), `round ${round} step ${step}`);
      }
    }
  });
});
