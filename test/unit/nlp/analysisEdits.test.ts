// The host sends the analysis engine an article's edit instead of its whole text when the engine holds the text before
// the edit (RecentTexts on both sides): the result must be the analysis of the edited text, and an engine that does
// not hold the text must say so rather than analyse something else.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyAnalysisDelta } from '../../../src/core/nlp/analysisDelta';
import { prepareArticle } from '../../../src/core/corpus/corpusIndex';
import { analyzeArticle } from '../../../src/core/nlp/pipeline';
import { RecentTexts } from '../../../src/core/text/recentTexts';
import { replacementBetween } from '../../../src/core/text/textDifference';
import type { EngineMessage } from '../../../src/extension/analysisProtocol';
import { engine } from './engineLoop';

const SEED = readFileSync(path.join(__dirname, '../../../seeds/000_96c9ee8166b27d0f.txt'), 'utf8');

const done = (messages: EngineMessage[], jobId: number): EngineMessage | undefined => messages.find((m) => 'jobId' in m && m.jobId === jobId && (m.type === 'done' || m.type === 'doneDelta' || m.type === 'failed'));

describe('analysis engine: jobs sent as an edit of the text it holds', () => {
  it('analyses the edited text, edit after edit, as if it had been sent whole', () => {
    const { send, drain } = engine();
    const host = new RecentTexts();
    let text = SEED;
    host.remember('a.txt', text);
    send({ type: 'analyze', jobId: 1, key: 'a.txt', text, options: {}, priority: [] });
    assert.equal(done(drain(), 1)?.type, 'done');
    const edits = [
      (t: string) => `${t.slice(0, 200)} Talks resumed in Brenmouth, said Halvor Dersk.${t.slice(200)}`,
      (t: string) => t.slice(0, 50) + t.slice(90),
      (t: string) => `Breaking: ${t}`,
      (t: string) => `${t}\n\nA last paragraph naming Maren Lund of the Harbour Council.\n`,
    ];
    let jobId = 2;
    for (const edit of edits) {
      const before = host.get('a.txt')!;
      text = edit(text);
      host.remember('a.txt', text);
      send({ type: 'analyzeEdit', jobId, key: 'a.txt', baseLength: before.length, replacement: replacementBetween(before, text), options: {}, priority: [] });
      const result = done(drain(), jobId);
      assert.ok(result?.type === 'done', `job ${jobId}: ${JSON.stringify(result)}`);
      assert.deepEqual(result.analysis, analyzeArticle(text), `job ${jobId}`);
      jobId++;
    }
  });

  it("answers 'failed' with missingBase when it holds no text, or another, for the article", () => {
    const { send, drain } = engine();
    send({ type: 'analyzeEdit', jobId: 1, key: 'never-sent.txt', baseLength: 10, replacement: { start: 0, end: 0, text: 'x' }, options: {}, priority: [] });
    const missing = done(drain(), 1);
    assert.ok(missing?.type === 'failed' && missing.missingBase === true);
    send({ type: 'analyze', jobId: 2, key: 'b.txt', text: SEED, options: {}, priority: [] });
    drain();
    send({ type: 'analyzeEdit', jobId: 3, key: 'b.txt', baseLength: SEED.length + 1, replacement: { start: 0, end: 0, text: 'x' }, options: {}, priority: [] });
    const other = done(drain(), 3);
    assert.ok(other?.type === 'failed' && other.missingBase === true, 'a length that is not the held text’s');
  });

  it('answers with the change from the result the job names when it holds that one, else with the whole result', () => {
    const { send, drain } = engine();
    send({ type: 'analyze', jobId: 1, key: 'a.txt', text: SEED, options: {}, priority: [] });
    const whole = done(drain(), 1);
    assert.ok(whole?.type === 'done', 'no result named: the whole result');
    const edited = `${SEED.slice(0, 300)} Talks resumed in Brenmouth, said Halvor Dersk.${SEED.slice(300)}`;
    send({ type: 'analyzeEdit', jobId: 2, key: 'a.txt', baseLength: SEED.length, replacement: replacementBetween(SEED, edited), options: {}, priority: [], baseResult: 1 });
    const change = done(drain(), 2);
    assert.ok(change?.type === 'doneDelta' && change.base === 1, `the change from result 1: ${change?.type}`);
    const rebuilt = applyAnalysisDelta(whole.analysis, structuredClone(change.delta));
    assert.deepEqual(rebuilt, analyzeArticle(edited));
    assert.ok(change.delta.entities.middle.length < whole.analysis.entities.length / 4, 'the mentions around the edit, not the whole list');
    // The host passed over result 2 (typing went on, and job 2 was cancelled after the engine had done it): it still
    // holds result 1, and so does the engine, so the next job's result is a change from 1 again, not the whole result.
    send({ type: 'analyze', jobId: 3, key: 'a.txt', text: SEED, options: {}, priority: [], baseResult: 1 });
    const again = done(drain(), 3);
    assert.ok(again?.type === 'doneDelta' && again.base === 1, `the change from result 1, which the host still holds: ${again?.type}`);
    assert.deepEqual(applyAnalysisDelta(whole.analysis, structuredClone(again.delta)), analyzeArticle(SEED));
    // a result the engine does not hold (one it no longer keeps: 2 was passed over and 3 made from 1, or none): the whole result
    send({ type: 'analyze', jobId: 5, key: 'a.txt', text: SEED, options: {}, priority: [], baseResult: 2 });
    const whole5 = done(drain(), 5);
    assert.ok(whole5?.type === 'done', 'result 2 is no longer kept');
    assert.deepEqual(whole5.analysis, analyzeArticle(SEED));
    send({ type: 'analyze', jobId: 4, key: 'b.txt', text: SEED, options: {}, priority: [], baseResult: 3 });
    assert.equal(done(drain(), 4)?.type, 'done', 'another article: its own results only');
  });

  it('keeps the texts of the most recent articles only, as the host does', () => {
    const texts = new RecentTexts(2);
    texts.remember('a', '1');
    texts.remember('b', '2');
    texts.remember('a', '3');
    texts.remember('c', '4');
    assert.equal(texts.get('b'), undefined, 'the least recently given is forgotten');
    assert.equal(texts.get('a'), '3');
    assert.equal(texts.get('c'), '4');
    texts.forget('a');
    assert.equal(texts.get('a'), undefined);
  });
});

describe('analysis engine: an article prepared for the Quotations and Timeline views', () => {
  it('answers a prepare request with what prepareArticle finds, after the analysis job it came behind', () => {
    const { send, drain } = engine();
    const text = 'Talks resumed in Brenmouth on May 4, 2021. "We are close," said Halvor Dersk on Tuesday.';
    const analysis = analyzeArticle(text, { articleDate: '2021-05-06' });
    send({ type: 'analyze', jobId: 1, key: 'a.txt', text: SEED, options: {}, priority: [] });
    send({ type: 'prepare', requestId: 7, text, analysis });
    const posted = drain();
    const at = (predicate: (m: EngineMessage) => boolean): number => posted.findIndex(predicate);
    const answer = posted[at((m) => m.type === 'prepared')];
    assert.ok(answer?.type === 'prepared' && answer.requestId === 7, 'answered');
    assert.ok(at((m) => m.type === 'prepared') > at((m) => 'jobId' in m && m.jobId === 1 && m.type === 'done'), 'after the job it came behind');
    assert.deepEqual(answer.prepared, prepareArticle(text, analysis));
    assert.ok(answer.prepared.quotes.some((q) => text.slice(q.start, q.end).includes('We are close')), 'the quotation');
    assert.equal(answer.prepared.sentences.length, analysis.dates.filter((d) => d.value !== null).length, 'a sentence for each resolved date');
  });

  it('answers from the result it holds for the article when asked by reference, and asks for the whole request when it holds another', () => {
    const { send, drain } = engine();
    send({ type: 'analyze', jobId: 1, key: 'a.txt', text: SEED, options: {}, priority: [] });
    const first = done(drain(), 1);
    assert.ok(first?.type === 'done');
    send({ type: 'prepareHeld', requestId: 8, key: 'a.txt', resultOf: 1 });
    const held = drain().find((m) => m.type === 'prepared');
    assert.ok(held?.type === 'prepared');
    assert.deepEqual(held.prepared, prepareArticle(SEED, first.analysis), 'the same as for the text and result sent whole');
    // a newer job of the article replaced the result asked for; another article's was never held
    send({ type: 'analyze', jobId: 2, key: 'a.txt', text: `${SEED} More.`, options: {}, priority: [] });
    drain();
    for (const [requestId, key] of [[9, 'a.txt'], [10, 'b.txt']] as const) {
      send({ type: 'prepareHeld', requestId, key, resultOf: 1 });
      const answer = drain().find((m) => 'requestId' in m && m.requestId === requestId);
      assert.ok(answer?.type === 'prepareFailed' && answer.missingBase === true, `${key}: the whole request asked for`);
    }
  });
});
