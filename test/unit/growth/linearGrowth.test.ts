// Issue 12, defect 6: work that grew with the square of the input. Each case measures the cost at n and at 8n (see
// growthProbe.ts) and asserts it grows well under quadratically; before the fix these grew with the square of the input.
import * as assert from 'node:assert/strict';
import { parseArticle } from '../../../src/core/article/parseArticle';
import { splitSentences } from '../../../src/core/article/sentences';
import { findDates } from '../../../src/core/nlp/dates';
import { dateWindows } from '../../../src/core/nlp/datesExplicit';
import { analyzeArticle } from '../../../src/core/nlp/pipeline';
import { describeGrowth, fastest, growth } from './growthProbe';

describe('linear growth: long runs without spaces and many dates on one line', function () {
  this.timeout(300_000);

  it('parses a long run of text without spaces (word count, cutting into pieces) in linear time', () => {
    const make = (n: number): string => `A short opening sentence here. ${'ab-'.repeat(n / 3)}`;
    const g = growth(make, (text) => parseArticle(text), 100_000);
    assert.ok(g.ratio < g.bound, describeGrowth(g));
  });

  it('parses a long run with dots but no spaces in linear time', () => {
    const make = (n: number): string => `Opening words. ${'ab.'.repeat(n / 3)} closing words.`;
    const g = growth(make, (text) => parseArticle(text), 100_000);
    assert.ok(g.ratio < g.bound, describeGrowth(g));
  });

  it('analyses a long run without spaces (entities, dates, the whole pipeline) in linear time', () => {
    // raw compromise's people/places/organizations grow with the square of such a run (npm run bench:growth); the
    // pipeline only tokenises and tags it, line by line, and must stay linear
    const make = (n: number): string => `Opening words. ${'ab-'.repeat(n / 3)}`;
    const g = growth(make, (text) => analyzeArticle(text), 20_000, 4, 3);
    assert.ok(g.ratio < g.bound, describeGrowth(g));
  });

  it('finds the parsing windows of many dates on one line in linear time (each date looked for its line ends in the whole line)', () => {
    const make = (n: number): string => Array.from({ length: Math.ceil(n / 14) }, (_, i) => `May ${1 + (i % 28)}, 2020;`).join(' ');
    const g = growth(make, (text) => dateWindows(text), 200_000);
    assert.ok(g.ratio < g.bound, describeGrowth(g));
  });

  it('finds and resolves many dates on one line, chrono included, without growing faster than the input', () => {
    const make = (n: number): string =>
      Array.from({ length: Math.ceil(n / 120) }, (_, i) => `On May ${1 + (i % 28)}, 2020 the council met again and the minutes were read out in full to the room.`).join(' ');
    const g = growth(make, (text) => findDates(text, '2020-06-01'), 30_000, 4);
    assert.ok(g.ratio < g.bound, describeGrowth(g));
  });

  it('splitting the sentences of a small span costs the span, not the rest of the text', () => {
    // a text of many lines and no sentence punctuation: each line's split scanned on to the end of the text
    const line = 'a line of words without any full stop';
    const short = Array.from({ length: 50 }, () => line).join('\n');
    const long = Array.from({ length: 50_000 }, () => line).join('\n');
    const spanEnd = line.length;
    const inShort = fastest(() => {
      for (let i = 0; i < 200; i++) splitSentences(short, 0, spanEnd);
    });
    const inLong = fastest(() => {
      for (let i = 0; i < 200; i++) splitSentences(long, 0, spanEnd);
    });
    assert.ok(inLong < 10 * inShort + 20, `200 splits of one line: ${inShort.toFixed(1)} ms of CPU time in a short text, ${inLong.toFixed(1)} ms in a 2 MB one`);
  });
});
