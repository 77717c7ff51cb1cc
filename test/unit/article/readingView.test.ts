import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { OffsetMap } from '../../../src/core/article/offsetMap';
import { parseArticle } from '../../../src/core/article/parseArticle';
import { NO_DATELINE, formatDate, renderReadingView, type ReadingView } from '../../../src/core/article/readingView';

const seedsDir = path.join(__dirname, '..', '..', '..', 'seeds');
const seeds = ['000_96c9ee8166b27d0f.txt', '003_cf56c5e4736b5965.txt'].map((name) => ({ name, text: readFileSync(path.join(seedsDir, name), 'utf8') }));

function assertFaithful(source: string, view: ReadingView): void {
  const article = parseArticle(source);
  // Every shown paragraph is the exact source slice.
  for (const p of article.paragraphs) {
    const span = view.map.toViewSpan(p.start, p.end);
    if (p.kind === 'dateline') {
      assert.equal(span, undefined, 'the dateline paragraph is shown only in the header');
      continue;
    }
    assert.ok(span, `paragraph ${p.start}-${p.end} is shown`);
    assert.equal(view.text.slice(span.start, span.end), source.slice(p.start, p.end));
  }
  // Round trips for every offset of both texts.
  for (let o = 0; o <= source.length; o++) {
    const v = view.map.toView(o);
    if (v === undefined) continue;
    assert.equal(view.map.toSource(v), o, `source ${o} -> view ${v} -> back`);
    if (o < source.length && view.map.toViewSpan(o, o + 1)) assert.equal(view.text[v], source[o]);
  }
  for (let v = 0; v <= view.text.length; v++) {
    const o = view.map.toSource(v);
    if (o === undefined) continue;
    assert.equal(view.map.toView(o), v, `view ${v} -> source ${o} -> back`);
  }
  // Every visible source character is shown (except the dateline, which the header states).
  const hidden = article.paragraphs.filter((p) => p.kind === 'dateline');
  for (let o = 0; o < source.length; o++) {
    if (/\s/.test(source[o]!) || hidden.some((p) => o >= p.start && o < p.end)) continue;
    assert.ok(view.map.toViewSpan(o, o + 1), `source char ${o} (${source[o]}) is not shown`);
  }
}

describe('renderReadingView', () => {
  for (const seed of seeds) {
    it(`shows every paragraph of ${seed.name} verbatim, and maps every offset both ways`, () => {
      const view = renderReadingView(parseArticle(seed.text), { fileName: seed.name });
      assertFaithful(seed.text, view);
      assert.equal(view.text.slice(view.header.start, view.header.end).split('\n').length, 2);
    });
  }

  it('heads seed 000 with a title made from its first sentence, no dateline, its source, licence and word count', () => {
    const seed = seeds[0]!;
    const view = renderReadingView(parseArticle(seed.text), { fileName: seed.name });
    const [first, meta] = view.text.split('\n');
    assert.match(first!, /^Taliban forces are assuming control\b.*…$/);
    assert.match(meta!, new RegExp(`^${NO_DATELINE} · Mehr News Agency · Creative Commons Attribution 4.0 International License · 1,\\d{3} words$`));
    assert.equal(view.map.toSourceSpan(view.header.start, view.header.end), undefined, 'nothing in this header is source text');
    assert.equal(view.text.slice(view.header.end, view.header.end + 2), '\n\n');
    assert.ok(view.text.includes('\n\nAfghan defense minister curses fleeing president\n\nThe acting Afghan'));
    assert.ok(view.paragraphs.some((p) => p.kind === 'heading' && view.text.slice(p.start, p.end) === 'Ghani says he left country in order to avoid bloodshed'));
  });

  it('heads seed 003 with its headline (mapped) and its weekday dateline, and honours a date override', () => {
    const seed = seeds[1]!;
    const article = parseArticle(seed.text);
    const view = renderReadingView(article, { fileName: seed.name });
    const [first, meta] = view.text.split('\n');
    assert.equal(first, article.title!.text);
    assert.deepEqual(view.map.toViewSpan(article.title!.start, article.title!.end), { start: 0, end: first!.length });
    assert.match(meta!, /^Sunday, 15 August 2021 · 3\d\d words$/);
    assert.equal(view.map.toView(article.date!.start), undefined, 'the date header is not repeated in the body');
    const kabul = seed.text.indexOf('Kabul', 200);
    assert.equal(view.text.slice(view.map.toView(kabul)!, view.map.toView(kabul + 5)!), 'Kabul');

    assert.match(renderReadingView(article, { fileName: seed.name, dateOverride: '2021-08-16' }).text.split('\n')[1]!, /^Monday, 16 August 2021 \(set by you\)/);
    assert.ok(renderReadingView(article, { fileName: seed.name, dateOverride: null }).text.split('\n')[1]!.startsWith(NO_DATELINE));
  });

  it('renders a minimal article', () => {
    const view = renderReadingView(parseArticle('One line only.'), { fileName: 'a.txt' });
    assert.equal(view.text, `One line only\n${NO_DATELINE} · 3 words\n\nOne line only.\n`);
    assert.equal(view.map.toSource(view.text.lastIndexOf('line only')), 4);
  });

  for (const [name, eol] of [
    ['CRLF', '\r\n'],
    ['lone CR', '\r'],
  ] as const) {
    it(`shows a hard-wrapped ${name} article with LF only (an editor would normalise a mixed view) and still maps it exactly`, () => {
      const source = [
        'Harbour reopens after storm',
        '',
        'The harbour of the small coastal town reopened on',
        'Tuesday after three days of closure, officials said',
        'in a statement issued late on Monday evening here.',
        '',
        'Second paragraph is short.',
      ].join(eol);
      const view = renderReadingView(parseArticle(source), { fileName: 'a.txt' });
      assert.ok(!view.text.includes('\r'), JSON.stringify(view.text));
      assert.ok(view.text.includes('reopened on\nTuesday after'));
      for (let v = 0; v < view.text.length; v++) {
        const o = view.map.toSource(v);
        if (o !== undefined && view.map.toSourceSpan(v, v + 1)) assert.equal(source[o], view.text[v], `view ${v} -> source ${o}`);
      }
      for (let o = 0; o <= source.length; o++) {
        const v = view.map.toView(o);
        if (v === undefined) continue;
        // Only a hidden CR lies between an offset and where it comes back to.
        const back = view.map.toSource(v)!;
        assert.match(source.slice(Math.min(o, back), Math.max(o, back)), /^\r?$/, `source ${o} -> view ${v} -> ${back}`);
        assert.equal(view.map.toView(back), v);
      }
      for (let o = 0; o < source.length; o++) {
        if (!/\s/.test(source[o]!)) assert.ok(view.map.toViewSpan(o, o + 1), `source char ${o} (${source[o]}) is not shown`);
      }
      const word = source.indexOf('Tuesday');
      const span = view.map.toViewSpan(word - eol.length - 2, word + 7);
      assert.equal(view.text.slice(span!.start, span!.end), 'on\nTuesday', 'a span across a line break maps to the shown text');
      for (const p of view.paragraphs) assert.ok(p.end <= view.text.length && !view.text.slice(p.start, p.end).includes('\r'));
    });
  }

  it('formats dates with their weekday', () => {
    assert.equal(formatDate('2017-07-21'), 'Friday, 21 July 2017');
    assert.equal(formatDate('2021-02-30'), '2021-02-30');
  });
});

describe('OffsetMap', () => {
  const map = new OffsetMap([
    { viewStart: 0, sourceStart: 10, length: 5 },
    { viewStart: 7, sourceStart: 20, length: 3 },
    { viewStart: 12, sourceStart: 23, length: 4 },
  ]);

  it('maps points inside and at the end of segments, not in hidden text', () => {
    assert.equal(map.toView(10), 0);
    assert.equal(map.toView(15), 5);
    assert.equal(map.toView(16), undefined);
    assert.equal(map.toView(9), undefined);
    assert.equal(map.toView(23), 12, 'a shared boundary maps to the start of the next segment');
    assert.equal(map.toSource(6), undefined);
    assert.equal(map.toSource(16), 27);
    assert.equal(map.toSource(17), undefined);
  });

  it('maps spans, clipping hidden parts, and undefined when nothing is shown', () => {
    assert.deepEqual(map.toViewSpan(11, 14), { start: 1, end: 4 });
    assert.deepEqual(map.toViewSpan(5, 12), { start: 0, end: 2 });
    assert.deepEqual(map.toViewSpan(12, 22), { start: 2, end: 9 });
    assert.deepEqual(map.toViewSpan(20, 23), { start: 7, end: 10 }, 'an end at a shared boundary stays in its segment');
    assert.deepEqual(map.toViewSpan(21, 25), { start: 8, end: 14 });
    assert.equal(map.toViewSpan(16, 19), undefined);
    assert.equal(map.toViewSpan(0, 10), undefined);
    assert.equal(map.toViewSpan(30, 40), undefined);
    assert.equal(map.toViewSpan(5, 4), undefined);
    assert.deepEqual(map.toViewSpan(12, 12), { start: 2, end: 2 });
    assert.deepEqual(map.toSourceSpan(3, 13), { start: 13, end: 24 });
    assert.equal(map.toSourceSpan(5, 7), undefined);
  });

  it('rejects overlapping or unordered segments', () => {
    assert.throws(() => new OffsetMap([{ viewStart: 0, sourceStart: 10, length: 5 }, { viewStart: 3, sourceStart: 20, length: 1 }]));
    assert.throws(() => new OffsetMap([{ viewStart: 0, sourceStart: 10, length: 5 }, { viewStart: 6, sourceStart: 2, length: 1 }]));
    assert.equal(OffsetMap.identity(4).toSource(4), 4);
  });
});
