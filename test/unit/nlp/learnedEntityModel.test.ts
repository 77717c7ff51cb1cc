// Learning from the user's corrections (learnedEntityModel.ts, entityLearning.ts), on invented sentences: nothing
// learned changes nothing, a correction reaches similar names and not unrelated ones, and the stored table is
// deterministic, versioned and checked.
import * as assert from 'node:assert/strict';
import type { EntityType } from '../../../src/core/nlp/analysisModel';
import { learnFromCorrections } from '../../../src/core/nlp/entityLearning';
import { ENTITY_FEATURES_VERSION } from '../../../src/core/nlp/entityModel';
import { LEARNED_MODEL_FORMAT, LearnedEntityModel, parseLearnedEntityModel } from '../../../src/core/nlp/learnedEntityModel';
import { analyzeArticle, defaultEntityTagger } from '../../../src/core/nlp/pipeline';

// no score in it: with one, the rules already take a club of several words beating another for a team
const CLUB = 'Ostby Kestrels beat Harrowgate Town on Saturday. Manager Pell Dunmore said the Kestrels deserved it.';
const OTHER_CLUB = 'Kelvin Kestrels lost at home. Their coach Mara Tollis said the squad was tired.';
// no 'said … it would': with it, the rules already take the speaker for a company
const FIRM = 'Brantwell Dynamics said on Tuesday that 200 jobs would go. Its chief, Ivo Stenmark, said sales fell.';
const OTHER_FIRM = 'Quorland Dynamics said profits rose. Analyst Tessa Vahl said the shares were cheap.';
const HALL = 'Visitors crowded the Skylark Pavilion on Friday, said Odile Farrant.';
const OTHER_HALL = 'The Merrow Pavilion opened in May, according to Jonas Pratley.';

function entities(text: string, learned?: LearnedEntityModel): string[] {
  const tagger = learned ? { ...defaultEntityTagger(), learned } : undefined;
  return analyzeArticle(text, { articleDate: '2024-03-02' }, tagger).entities.map((e) => `${e.text}:${e.type}`);
}

function correct(model: LearnedEntityModel, text: string, name: string, type: EntityType | null): number {
  const start = text.indexOf(name);
  assert.ok(start >= 0, name);
  return learnFromCorrections(model, text, [{ start, end: start + name.length, type }]);
}

describe('learning from corrections', () => {
  it('an empty table changes nothing', () => {
    for (const text of [CLUB, OTHER_CLUB, FIRM, HALL]) assert.deepEqual(entities(text, LearnedEntityModel.empty()), entities(text));
  });

  it('a retyped club name types a similar club name in another article, and leaves its people alone', () => {
    assert.ok(entities(OTHER_CLUB).includes('Kelvin Kestrels:person'), 'the rules alone take it for a person');
    const model = LearnedEntityModel.empty();
    assert.equal(correct(model, CLUB, 'Ostby Kestrels', 'organization'), 1);
    assert.deepEqual(entities(OTHER_CLUB, model), ['Kelvin Kestrels:organization', 'Mara Tollis:person']);
    assert.ok(entities(CLUB, model).includes('Pell Dunmore:person'));
  });

  it('a retyped company name types another with the same head word', () => {
    assert.ok(entities(OTHER_FIRM).includes('Quorland Dynamics:person'));
    const model = LearnedEntityModel.empty();
    correct(model, FIRM, 'Brantwell Dynamics', 'organization');
    assert.deepEqual(entities(OTHER_FIRM, model), ['Quorland Dynamics:organization', 'Tessa Vahl:person']);
  });

  it('a rejected name makes a similar one no entity, and keeps the person in the sentence', () => {
    assert.ok(entities(OTHER_HALL).includes('Merrow Pavilion:organization'));
    const model = LearnedEntityModel.empty();
    correct(model, HALL, 'Skylark Pavilion', null);
    assert.deepEqual(entities(OTHER_HALL, model), ['Jonas Pratley:person']);
  });

  it('a correction of one word never cuts a longer name nor retypes the word elsewhere (the lexicon has the exact form)', () => {
    const paper = 'Fans of the Varnley Gazette wrote in on Monday, said Ilse Morrow.';
    const church = 'The Church of Varnley said on Sunday it would appeal. Varnley members met in Tolden.';
    const before = entities(church);
    assert.ok(before.includes('Church of Varnley:organization'), before.join(', '));
    const model = LearnedEntityModel.empty();
    assert.equal(correct(model, paper, 'Varnley', 'person'), 1);
    assert.deepEqual(entities(church, model), before);
  });

  it('a span on no word the tagger decides teaches nothing', () => {
    const model = LearnedEntityModel.empty();
    assert.equal(correct(model, OTHER_CLUB, 'was tired', 'organization'), 0);
    assert.ok(model.isEmpty);
  });

  it('stores deterministic, versioned data that loads back to the same decisions', () => {
    const learn = (): LearnedEntityModel => {
      const model = LearnedEntityModel.empty();
      correct(model, CLUB, 'Ostby Kestrels', 'organization');
      correct(model, HALL, 'Skylark Pavilion', null);
      return model;
    };
    const data = learn().toData();
    assert.equal(JSON.stringify(data), JSON.stringify(learn().toData()));
    assert.equal(data.format, LEARNED_MODEL_FORMAT);
    assert.equal(data.featuresVersion, ENTITY_FEATURES_VERSION);
    assert.equal(data.corrections, 2);
    const parsed = parseLearnedEntityModel(JSON.parse(JSON.stringify(data)));
    assert.ok('data' in parsed);
    const loaded = LearnedEntityModel.fromData(parsed.data);
    assert.equal(loaded.key(), learn().key());
    assert.deepEqual(entities(OTHER_CLUB, loaded), entities(OTHER_CLUB, learn()));
  });

  it('keys analyses by the table: empty for nothing learned, another key after each correction', () => {
    const model = LearnedEntityModel.empty();
    assert.equal(model.key(), '');
    correct(model, CLUB, 'Ostby Kestrels', 'organization');
    const first = model.key();
    assert.match(first, /^[0-9a-f]{16}$/);
    correct(model, FIRM, 'Brantwell Dynamics', 'organization');
    assert.notEqual(model.key(), first);
  });

  it('a text with none of the table\'s head words is analysed exactly as without it, so its analyses and index entries are kept', async () => {
    const { learnedHeadWords, learnedTableTouches } = await import('../../../src/core/nlp/learnedModelData');
    const model = LearnedEntityModel.empty();
    correct(model, CLUB, 'Ostby Kestrels', 'organization');
    correct(model, FIRM, 'Brantwell Dynamics', 'organization');
    correct(model, HALL, 'Skylark Pavilion', null);
    const words = learnedHeadWords(model.toData());
    assert.ok(words.includes('kestrels') && words.includes('dynamics') && words.includes('pavilion'), words.join(' '));
    // texts it touches: the learned decisions can differ there
    for (const text of [OTHER_CLUB, OTHER_FIRM, OTHER_HALL, 'KELVIN KESTRELS won.']) assert.equal(learnedTableTouches(text, words), true, text);
    // texts it does not touch come out the same with the table, whatever their names
    const untouched = [
      'Marta Ibsen of the Harlow Rovers said on Friday that Tolvik Holdings would close its plant in Berrin.',
      'The Senate of Quorvia met on 3 May 2023. Senator Ada Brisk said the Quorvia Trust had lost its case.',
      'Σπύρος Παππάς said the ΟΔΟΣ group met in Larnaca on Monday.',
    ];
    for (const text of untouched) {
      assert.equal(learnedTableTouches(text, words), false, text);
      assert.deepEqual(entities(text, model), entities(text), text);
    }
    assert.equal(learnedTableTouches(OTHER_CLUB, learnedHeadWords(null)), false, 'nothing learned touches nothing');
  });

  it('reports stored data it cannot read instead of misreading it', () => {
    const good = { format: LEARNED_MODEL_FORMAT, featuresVersion: ENTITY_FEATURES_VERSION, corrections: 1, weights: { 'lw=x': [0, 1, 0, -1, 0] } };
    assert.ok('data' in parseLearnedEntityModel(good));
    const problems = [
      null,
      [],
      'text',
      { ...good, format: LEARNED_MODEL_FORMAT + 1 },
      { ...good, featuresVersion: ENTITY_FEATURES_VERSION + 1 },
      { ...good, corrections: -1 },
      { ...good, weights: [] },
      { ...good, weights: { 'lw=x': [0, 1] } },
      { ...good, weights: { 'lw=x': [0, 1, 0, 'a', 0] } },
    ].map((value) => parseLearnedEntityModel(value));
    for (const p of problems) assert.ok('problem' in p && p.problem.length > 0, JSON.stringify(p));
  });
});

describe('learned tables as data', () => {
  it('merges two windows’ learning: theirs plus what mine added to the common base', async () => {
    const { mergeLearnedTables, learnedTableKey } = await import('../../../src/core/nlp/learnedModelData');
    const base = LearnedEntityModel.empty();
    correct(base, CLUB, 'Ostby Kestrels', 'organization');
    const mine = LearnedEntityModel.fromData(base.toData());
    correct(mine, FIRM, 'Brantwell Dynamics', 'organization');
    const theirs = LearnedEntityModel.fromData(base.toData());
    correct(theirs, HALL, 'Skylark Pavilion', null);
    const merged = mergeLearnedTables(base.toData(), mine.toData(), theirs.toData());
    assert.equal(merged.corrections, 3);
    const model = LearnedEntityModel.fromData(merged);
    assert.deepEqual(entities(OTHER_FIRM, model), ['Quorland Dynamics:organization', 'Tessa Vahl:person']);
    assert.deepEqual(entities(OTHER_HALL, model), ['Jonas Pratley:person']);
    assert.equal(learnedTableKey(null), '');
    assert.equal(learnedTableKey(merged), model.key());
  });

  it('puts the table’s key in the analysis options and the index cache key, only when something is learned', async () => {
    const { articleAnalysisOptions } = await import('../../../src/core/nlp/analysisOptions');
    const { cacheOptionsKey } = await import('../../../src/core/corpus/indexCache');
    const none = articleAnalysisOptions(CLUB, { articleDate: undefined, lexicon: [], fileDate: undefined, learnedModel: '' });
    const some = articleAnalysisOptions(CLUB, { articleDate: undefined, lexicon: [], fileDate: undefined, learnedModel: 'abc' });
    assert.equal(none.learnedModel, undefined);
    assert.equal(some.learnedModel, 'abc');
    assert.notEqual(cacheOptionsKey(CLUB, none), cacheOptionsKey(CLUB, some));
    assert.equal(cacheOptionsKey(CLUB, none), cacheOptionsKey(CLUB, { articleDate: undefined, lexicon: [] }));
  });
});

describe('the analysis engine with a learned table', () => {
  it('analyses with the table the job carries, and caches slices per table', async () => {
    const { SegmentedAnalysisEngine, learnCorrections } = await import('../../../src/extension/analysisEngine');
    const answer = learnCorrections({ requestId: 1, table: null, text: CLUB, corrections: [{ ...span(CLUB, 'Ostby Kestrels'), type: 'organization' }] });
    assert.equal(answer.type, 'learned');
    if (answer.type !== 'learned') return;
    assert.equal(answer.learned, 1);
    const key = LearnedEntityModel.fromData(answer.data).key();
    const results: string[][] = [];
    const engine = new SegmentedAnalysisEngine((m) => {
      if (m.type === 'done') results.push(m.analysis.entities.map((e) => `${e.text}:${e.type}`));
    });
    engine.start({ jobId: 1, text: OTHER_CLUB, options: {}, priority: [] });
    while (engine.step());
    engine.start({ jobId: 2, text: OTHER_CLUB, options: { learnedModel: key }, priority: [], learned: { key, data: answer.data } });
    while (engine.step());
    engine.start({ jobId: 3, text: OTHER_CLUB, options: {}, priority: [] });
    while (engine.step());
    assert.deepEqual(results, [
      ['Kelvin Kestrels:person', 'Mara Tollis:person'],
      ['Kelvin Kestrels:organization', 'Mara Tollis:person'],
      ['Kelvin Kestrels:person', 'Mara Tollis:person'],
    ]);
  });
});

function span(text: string, needle: string): { start: number; end: number } {
  const start = text.indexOf(needle);
  return { start, end: start + needle.length };
}
