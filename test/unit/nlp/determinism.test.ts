// Same text, same lexicon and date: same analysis, whatever slices it was analysed in, in whatever order, cached or not.
// Property test over invented articles and random slicings (issue 12, defect 8).
import * as assert from 'node:assert/strict';
import type { LexiconEntry } from '../../../src/core/nlp/analysisModel';
import { analyzeArticle, analyzeSegment, combineSegments, moveSegment, segmentSpans, type SegmentAnalysis } from '../../../src/core/nlp/pipeline';
import { SegmentedAnalysisEngine } from '../../../src/extension/analysisEngine';
import type { EngineResult } from '../../../src/extension/analysisProtocol';
import { seededRandom } from '../../../src/core/random/seededRandom';

const FIRST = ['Rune', 'Petra', 'Osvald', 'Maren', 'Ilse', 'Torvid', 'Anneke', 'Brisa', 'Calder', 'Dagny'];
const LAST = ['Aasgaard', 'Lund', 'Vintermo', 'Strandli', 'Kjeldsen', 'Ostrova', 'Brekkan', 'Halvorud'];
// real places on purpose: a gazetteer place beside a speech verb is the case that flipped
const PLACES = ['Alaska', 'Bergen', 'Norway', 'Ohio', 'Tromsø', 'Chile', 'Quebec'];
const ORGS = ['Coastal Party', 'Lakeside Transport Authority', 'Nordvik Ferries', 'Harbour Council', 'Fjordline Bank'];

function sentence(pick: <T>(xs: readonly T[]) => T): string {
  const person = `${pick(FIRST)} ${pick(LAST)}`;
  const forms = [
    () => `${person} said on Monday that ${pick(PLACES)} would vote again.`,
    () => `${pick(PLACES)} said the ferry fares were too high.`,
    () => `${pick(LAST)} told reporters in ${pick(PLACES)} that the ${pick(ORGS)} had agreed.`,
    () => `Mr. ${pick(LAST)} met officials of the ${pick(ORGS)} in ${pick(PLACES)}, ${pick(PLACES)}.`,
    () => `"We had no choice," ${pick(LAST)} said.`,
    () => `The ${pick(ORGS)} (${'NVF'}) will meet again next week in ${pick(PLACES)}.`,
    () => `Critics from ${pick(ORGS)} disagreed with ${person} and ${pick(FIRST)}.`,
    () => `${pick(PLACES)} beat ${pick(PLACES)} 2 – 1 on Sunday.`,
  ];
  return pick(forms)();
}

function article(seed: number): string {
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const parts = [`${pick(ORGS)} votes on ferry fares`, 'Tuesday, March 4, 2014'];
  const paragraphs = 4 + Math.floor(r() * 8);
  for (let p = 0; p < paragraphs; p++) {
    const kind = r();
    if (kind < 0.15) parts.push(`— ${pick(FIRST)} ${pick(LAST)}`); // a byline without final punctuation
    else if (kind < 0.25) parts.push(`${pick(PLACES)} ${pick(LAST)}`); // a subheading
    else if (kind < 0.3) {
      // a paragraph longer than a slice, cut into several
      parts.push(Array.from({ length: 70 }, () => sentence(pick)).join(' '));
    } else parts.push(Array.from({ length: 1 + Math.floor(r() * 5) }, () => sentence(pick)).join(' '));
  }
  return parts.join(r() < 0.5 ? '\n\n' : '\n');
}

/** A random cover of the text by runs of consecutive pipeline slices. */
function randomSlicing(text: string, r: () => number): { start: number; end: number }[] {
  const groups: { start: number; end: number }[] = [];
  for (const s of segmentSpans(text)) {
    const last = groups[groups.length - 1];
    if (last && r() < 0.5) last.end = s.end;
    else groups.push({ ...s });
  }
  return groups;
}

function shuffled<T>(xs: readonly T[], r: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('pipeline: the same text gives the same analysis however it is sliced', () => {
  const lexicon: LexiconEntry[] = [{ text: 'Nordvik Ferries', action: 'retype', type: 'organization' }];

  for (const seed of [1, 2, 3, 4]) {
    it(`random slicings, orders and cached slices agree (seed ${seed})`, () => {
      const text = article(seed);
      const r = seededRandom(seed * 7919);
      for (const options of [{}, { articleDate: '2014-03-04', lexicon }]) {
        const expected = analyzeArticle(text, options);
        for (let round = 0; round < 2; round++) {
          const slices = randomSlicing(text, r);
          const segments: SegmentAnalysis[] = shuffled(slices, r).map((s) => {
            if (r() < 0.5) return analyzeSegment(text, s.start, s.end);
            // a cached slice: analysed where the same text stood in another document, moved, and sent through a worker
            const elsewhere = `Another headline\n\n${text.slice(s.start, s.end)}`;
            const cached = analyzeSegment(elsewhere, elsewhere.length - (s.end - s.start), elsewhere.length);
            return JSON.parse(JSON.stringify(moveSegment(cached, s.start))) as SegmentAnalysis;
          });
          assert.deepEqual(combineSegments(text, segments, options), expected, `seed ${seed}, round ${round}`);
        }
      }
    });
  }

  it('the editor engine, visible part first, ends with exactly the CLI analysis', () => {
    const text = article(11);
    const expected = analyzeArticle(text);
    const messages: EngineResult[] = [];
    const engine = new SegmentedAnalysisEngine((m) => messages.push(m));
    // the same slice texts met before, in another article, fill the cache
    engine.start({ jobId: 1, text: `Headline\n\n${text.slice(text.length / 2)}`, options: {}, priority: [] });
    while (engine.step());
    const middle = Math.floor(text.length / 2);
    engine.start({ jobId: 2, text, options: {}, priority: [{ start: middle, end: middle + 500 }] });
    while (engine.step());
    const done = messages.filter((m) => m.type === 'done' && m.jobId === 2);
    assert.equal(done.length, 1);
    assert.deepEqual(done[0]!.type === 'done' ? done[0]!.analysis : undefined, expected);
  });
});

describe('pipeline: what the visible part shows does not wait on the rest of the article', () => {
  it('a gazetteer place beside a speech verb is a place in the visible part, as in the whole', () => {
    const text =
      'Ferry fares rise\n\n' +
      Array.from({ length: 30 }, (_, i) => `Crews worked on pier ${i + 1} through the night, the harbour office said.`).join('\n\n') +
      '\n\nAlaska said on Monday that the ferries would keep running.\n\nThe ferries run between Alaska and Quebec.';
    const messages: EngineResult[] = [];
    const engine = new SegmentedAnalysisEngine((m) => messages.push(m));
    const at = text.indexOf('Alaska said');
    engine.start({ jobId: 1, text, options: {}, priority: [{ start: at, end: at + 20 }] });
    while (engine.step());
    const typeAt = (m: EngineResult): string | undefined => (m.type === 'failed' || m.type === 'indexed' ? undefined : m.analysis.entities.find((e) => e.start === at)?.type);
    assert.ok(messages.length >= 1);
    for (const m of messages) assert.equal(typeAt(m), 'place', m.type);
    assert.equal(analyzeArticle(text.slice(text.indexOf('Alaska said'), text.indexOf('\n\nThe ferries'))).entities[0]?.type, 'place');
  });

  it('a known given name beside a speech verb is still a person', () => {
    const a = analyzeArticle('Jordan said on Monday that the ferries would keep running.');
    assert.equal(a.entities.find((e) => e.text === 'Jordan')?.type, 'person');
  });
});
