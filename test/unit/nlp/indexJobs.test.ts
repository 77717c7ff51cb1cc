// A workspace-index job is answered by the engine with the article as the index keeps it (packed, its cache entry's
// bytes, its quotations and sentences), made where it was analysed: the result must be exactly what the host made of a
// whole Analysis before, the typed arrays handed over rather than copied, and a cache entry that does not fit refused.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { CorpusIndex, prepareArticle } from '../../../src/core/corpus/corpusIndex';
import { cacheOptionsKey, PackReader, parseIndexCacheEntry, serializeIndexCacheEntry, serializePackedArticle } from '../../../src/core/corpus/indexCache';
import { packAnalysis, samePacked, unpackAnalysis } from '../../../src/core/corpus/packedAnalysis';
import type { Analysis } from '../../../src/core/nlp/analysisModel';
import { sharePackedStrings } from '../../../src/core/nlp/shareAnalysisStrings';
import { StringPool } from '../../../src/core/text/stringPool';
import { SegmentedAnalysisEngine } from '../../../src/extension/analysisEngine';
import { type EngineMessage, type EngineResult, type IndexRequest, transferablesOf } from '../../../src/extension/analysisProtocol';
import { engine } from './engineLoop';

const SEED = readFileSync(path.join(__dirname, '../../../seeds/000_96c9ee8166b27d0f.txt'), 'utf8');
const OTHER = `Harbour talks\n\nMaren Lund of the Keswater Harbour Council said on Tuesday, March 3, 2015 that the ferry to Brenmouth would run again. "We are ready," Lund said. Halvor Dersk, who leads the Brenmouth Ferry Company, agreed on Wednesday.\n`;
const KEY = { pipeline: 'p1', contentHash: 'h1', optionsKey: cacheOptionsKey(SEED, {}) };
const REQUEST: IndexRequest = { cache: KEY, prepare: true };

const answer = (messages: EngineMessage[], jobId: number): EngineMessage | undefined => messages.find((m) => 'jobId' in m && m.jobId === jobId && m.type !== 'partial');

/** A plain job's whole analysis of `text`: what the host received before. */
function analysisOf(text: string): Analysis {
  const { send, drain } = engine();
  send({ type: 'analyze', jobId: 1, text, options: {}, priority: [] });
  const done = answer(drain(), 1);
  assert.ok(done?.type === 'done');
  return done.analysis;
}

describe('analysis engine: workspace-index jobs', () => {
  for (const [name, text] of [['a seed article', SEED], ['an invented article with a quotation and dates', OTHER]] as const) {
    it(`answers with the packed analysis, the cache entry and the quotations the host made before (${name})`, () => {
      const analysis = analysisOf(text);
      const { send, drain } = engine();
      const key = { ...KEY, optionsKey: cacheOptionsKey(text, {}) };
      send({ type: 'analyze', jobId: 7, key: 'a.txt', text, options: {}, priority: [], index: { cache: key, prepare: true } });
      const indexed = answer(drain(), 7);
      assert.ok(indexed?.type === 'indexed', `an 'indexed' answer, not '${indexed?.type}'`);
      const { packed, cacheEntry, prepared } = indexed.article;
      assert.ok(samePacked(packed, packAnalysis(analysis)), 'the packed form of the same analysis');
      assert.deepEqual(unpackAnalysis(packed), unpackAnalysis(packAnalysis(analysis)));
      assert.ok(cacheEntry instanceof Uint8Array);
      assert.equal(new TextDecoder().decode(cacheEntry), serializeIndexCacheEntry({ ...key, analysis }), 'the bytes of the entry the host wrote before');
      const parsed = parseIndexCacheEntry(new TextDecoder().decode(cacheEntry), text, key);
      assert.ok('analysis' in parsed, 'the entry reads back');
      assert.deepEqual(parsed.analysis, analysis);
      assert.deepEqual(prepared, prepareArticle(text, analysis), 'its quotations and sentences');
      if (text === OTHER) assert.ok(prepared!.quotes.length > 0 && prepared!.sentences.length > 0, 'the invented article has a quotation and dated sentences');
      // and the corpus holds the same article, joined with them at once
      const before = new CorpusIndex();
      before.setArticle('a.txt', analysis, text, prepareArticle(text, analysis));
      const after = new CorpusIndex();
      after.setArticle('a.txt', packed, text, prepared);
      assert.deepEqual(after.entities(), before.entities());
      assert.deepEqual(after.quotations(), before.quotations());
      assert.deepEqual(after.timeline(), before.timeline());
    });
  }

  it("makes the article's lines of the pack, read back as the article with its quotations", () => {
    const { send, drain } = engine();
    const pack = { key: 'news/a.txt', uri: 'file:///w/news/a.txt', cacheName: 'c1' };
    send({ type: 'analyze', jobId: 1, key: 'a.txt', text: OTHER, options: {}, priority: [], index: { prepare: true, pack } });
    const indexed = answer(drain(), 1);
    assert.ok(indexed?.type === 'indexed' && indexed.article.packLines && indexed.article.prepared);
    const analysis = analysisOf(OTHER);
    const raw = new TextDecoder().decode(indexed.article.packLines);
    assert.equal(raw, `${serializePackedArticle({ ...pack, text: OTHER, analysis: packAnalysis(analysis), prepared: indexed.article.prepared })}\n`, 'the lines the host wrote before, each with its line break');
    const reader = new PackReader();
    const read = raw.split('\n').filter((l) => l !== '').flatMap((line) => reader.read(line));
    assert.equal(read.length, 1);
    assert.ok('article' in read[0]!);
    assert.deepEqual(read[0].article, { ...pack, text: OTHER, analysis: packAnalysis(analysis), prepared: prepareArticle(OTHER, analysis) });
    assert.equal(transferablesOf(indexed).length, 2, 'the packed ints and the lines handed over (no cache entry asked for)');
  });

  it('makes only what is asked for: no cache entry without its key, no quotations unless asked', () => {
    const { send, drain } = engine();
    send({ type: 'analyze', jobId: 1, key: 'a.txt', text: SEED, options: {}, priority: [], index: { prepare: false } });
    const indexed = answer(drain(), 1);
    assert.ok(indexed?.type === 'indexed');
    assert.equal(indexed.article.cacheEntry, undefined);
    assert.equal(indexed.article.prepared, undefined);
    assert.equal(indexed.article.analysis, undefined, 'the analysis itself is not sent');
    assert.equal(indexed.article.packLines, undefined);
  });

  it('keeps no result of an index job: a later job naming it is answered whole', () => {
    const { send, drain } = engine();
    send({ type: 'analyze', jobId: 1, key: 'a.txt', text: SEED, options: {}, priority: [], index: REQUEST });
    assert.equal(answer(drain(), 1)?.type, 'indexed');
    const edited = `Breaking: ${SEED}`;
    send({ type: 'analyzeEdit', jobId: 2, key: 'a.txt', baseLength: SEED.length, replacement: { start: 0, end: 0, text: 'Breaking: ' }, options: {}, priority: [], baseResult: 1 });
    const whole = answer(drain(), 2);
    assert.ok(whole?.type === 'done', `a whole result, not '${whole?.type}'`);
    assert.deepEqual(whole.analysis, analysisOf(edited));
    // an index job sent as an edit is an index job too
    send({ type: 'analyzeEdit', jobId: 3, key: 'a.txt', baseLength: edited.length, replacement: { start: 0, end: 10, text: '' }, options: {}, priority: [], index: REQUEST });
    const indexed = answer(drain(), 3);
    assert.ok(indexed?.type === 'indexed');
    assert.ok(samePacked(indexed.article.packed, packAnalysis(analysisOf(SEED))));
  });

  it('in-process (no worker), the engine answers an index job the same way', () => {
    const messages: EngineResult[] = [];
    const inProcess = new SegmentedAnalysisEngine((m) => messages.push(m));
    inProcess.start({ jobId: 4, text: SEED, options: {}, priority: [], index: REQUEST });
    while (inProcess.step());
    const indexed = messages.find((m) => m.type === 'indexed');
    assert.ok(indexed?.type === 'indexed');
    assert.ok(samePacked(indexed.article.packed, packAnalysis(analysisOf(SEED))));
    assert.ok(indexed.article.cacheEntry && indexed.article.prepared);
  });

  it('hands the typed arrays over to the host rather than copying them, and the host reads the same article', () => {
    const { send, drain } = engine();
    send({ type: 'analyze', jobId: 1, key: 'a.txt', text: SEED, options: {}, priority: [], index: REQUEST });
    const indexed = answer(drain(), 1);
    assert.ok(indexed?.type === 'indexed');
    const expected = packAnalysis(analysisOf(SEED));
    const bytes = indexed.article.cacheEntry!.slice();
    const transfer = transferablesOf(indexed);
    assert.equal(transfer.length, 2, 'the packed ints and the cache entry');
    const { port1, port2 } = new MessageChannel();
    try {
      port1.postMessage(indexed, transfer);
      assert.equal(indexed.article.packed.ints.length, 0, "the sender's ints are handed over");
      assert.equal(indexed.article.cacheEntry!.length, 0, "the sender's bytes are handed over");
      const received = receiveMessageOnPort(port2)?.message as EngineMessage | undefined;
      assert.ok(received?.type === 'indexed');
      const pool = new StringPool();
      sharePackedStrings(received.article.packed, pool);
      assert.ok(samePacked(received.article.packed, expected), 'the same packed analysis on the other side');
      assert.deepEqual(received.article.cacheEntry, bytes);
      assert.deepEqual(transferablesOf({ type: 'failed', jobId: 1, message: '' }), []);
    } finally {
      port1.close();
    }
  });

  it("refuses a cache entry made for another text, or cut short, so the index discards it and analyses again", () => {
    const { send, drain } = engine();
    send({ type: 'analyze', jobId: 1, key: 'a.txt', text: SEED, options: {}, priority: [], index: REQUEST });
    const indexed = answer(drain(), 1);
    assert.ok(indexed?.type === 'indexed' && indexed.article.cacheEntry);
    const raw = new TextDecoder().decode(indexed.article.cacheEntry);
    const cut = parseIndexCacheEntry(raw.slice(0, raw.length / 2), SEED, KEY);
    assert.ok('problem' in cut, 'cut short');
    const other = parseIndexCacheEntry(raw, SEED, { ...KEY, contentHash: 'h2' });
    assert.ok('problem' in other && /other text/.test(other.problem));
    // the same hash claimed for a text whose words moved: a span that no longer quotes the text is refused
    const moved = parseIndexCacheEntry(raw, `x${SEED}`, { ...KEY, optionsKey: cacheOptionsKey(`x${SEED}`, {}) });
    assert.ok('problem' in moved);
  });
});
