import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Article, ParagraphKind } from '../../../src/core/article/articleModel';
import { parseArticle } from '../../../src/core/article/parseArticle';
import { splitSentences } from '../../../src/core/article/sentences';

const seedsDir = path.join(__dirname, '..', '..', '..', 'seeds');
const seed000 = readFileSync(path.join(seedsDir, '000_96c9ee8166b27d0f.txt'), 'utf8');
const seed003 = readFileSync(path.join(seedsDir, '003_cf56c5e4736b5965.txt'), 'utf8');

/** The contract's invariants: ordered, non-overlapping, trimmed spans that together cover every visible character. */
function assertWellFormed(article: Article, { fullCoverage = true } = {}): void {
  const { text, paragraphs } = article;
  let last = 0;
  for (const p of paragraphs) {
    assert.ok(p.start >= last && p.end > p.start && p.end <= text.length, `span ${p.start}-${p.end} out of order`);
    assert.ok(!/\s/.test(text[p.start]!) && !/\s/.test(text[p.end - 1]!), `span ${p.start}-${p.end} has surrounding whitespace`);
    if (fullCoverage) assert.match(text.slice(last, p.start), /^[\s\uFEFF]*$/, `text lost before ${p.start}`);
    last = p.end;
  }
  if (fullCoverage) assert.match(text.slice(last), /^\s*$/, 'text lost at the end');
  for (const span of [article.title, article.date, article.source, article.licence]) {
    if (span) assert.equal(text.slice(span.start, span.end), span.text);
  }
}

function kinds(article: Article): string[] {
  return article.paragraphs.map((p) => `${p.kind}: ${article.text.slice(p.start, p.end)}`);
}

function ofKind(article: Article, kind: ParagraphKind): string[] {
  return article.paragraphs.filter((p) => p.kind === kind).map((p) => article.text.slice(p.start, p.end));
}

describe('parseArticle on texts with line breaks', () => {
  it('finds title, dateline, subheadings, body and licence', () => {
    const text = [
      'Harbour town votes to rebuild the old pier',
      '',
      'Tuesday, April 9, 2019',
      '',
      'Residents of Port Vale voted on Monday to rebuild the pier. The vote was close.',
      '',
      'What happens next',
      '',
      'Work starts in May, the council said.',
      '',
      'Text by Example Harbour Press is licensed under a Creative Commons Attribution 4.0 International License.',
      '',
    ].join('\r\n');
    const article = parseArticle(text);
    assertWellFormed(article);
    assert.deepEqual(kinds(article), [
      'title: Harbour town votes to rebuild the old pier',
      'dateline: Tuesday, April 9, 2019',
      'body: Residents of Port Vale voted on Monday to rebuild the pier. The vote was close.',
      'heading: What happens next',
      'body: Work starts in May, the council said.',
      'licence: Text by Example Harbour Press is licensed under a Creative Commons Attribution 4.0 International License.',
    ]);
    assert.equal(article.title?.text, 'Harbour town votes to rebuild the old pier');
    assert.equal(article.date?.value, '2019-04-09');
    assert.equal(article.source?.text, 'Example Harbour Press');
    assert.equal(article.wordCount, 8 + 15 + 3 + 7 + 15);
  });

  it('takes the headline after a `date` header as the title, even with a final period', () => {
    const article = parseArticle(' date 2020-05-01 Storm closes the coastal road.\n\nThe road reopened later.\n');
    assertWellFormed(article);
    assert.deepEqual(kinds(article), ['dateline: date 2020-05-01', 'title: Storm closes the coastal road.', 'body: The road reopened later.']);
    assert.equal(article.wordCount, 9);
  });

  it('keeps hard-wrapped lines of one paragraph together, and one-line-per-paragraph texts apart', () => {
    const wrapped = parseArticle(
      'The committee met for six hours on Friday and agreed on a plan\nto widen the canal, repair the locks and open a new towpath\nbefore the summer.\n\nNobody objected.',
    );
    assert.equal(wrapped.paragraphs.length, 2);
    const lines = parseArticle('First paragraph sentence here.\nSecond paragraph sentence here.\nThird one.');
    assert.equal(lines.paragraphs.length, 3);
  });

  it('treats a first line that ends like a sentence as body, and strips markdown heading marks', () => {
    assert.equal(parseArticle('This is simply a sentence.\nAnd another.').title, undefined);
    const md = parseArticle('# A markdown headline\n\nBody text here.\n\n## Section two\n\nMore.');
    assert.equal(md.title?.text, 'A markdown headline');
    assert.deepEqual(ofKind(md, 'heading'), ['Section two']);
    assertWellFormed(md, { fullCoverage: false });
  });

  it('finds the source in "Source:" lines, wire datelines and copyright lines', () => {
    assert.equal(parseArticle('Body sentence one.\n\nSource: Valley Gazette').source?.text, 'Valley Gazette');
    assert.equal(parseArticle('OSLO, Jan 9 (Wirecorp) - Snow fell.\n\nMore snow.').source?.text, 'Wirecorp');
    const copyright = parseArticle('The fair opened.\n\n© 2020 Example Press. All rights reserved.');
    assert.equal(copyright.source?.text, 'Example Press');
    assert.equal(copyright.licence?.text, '© 2020 Example Press. All rights reserved.');
  });

  it('handles empty and whitespace-only text', () => {
    const empty = parseArticle('');
    assert.deepEqual(empty.paragraphs, []);
    assert.equal(empty.wordCount, 0);
    assert.deepEqual(parseArticle('\uFEFF \n\n ').paragraphs, []);
  });
});

describe('parseArticle on a text flattened onto one line', () => {
  const sentence = (n: number): string => `Sentence number ${n} reports what the officials in the valley said about the weather.`;
  const body = (from: number, count: number): string => Array.from({ length: count }, (_, i) => sentence(from + i)).join(' ');
  const flat =
    `${body(1, 2)}  ${body(3, 2)} ` +
    'Harbour council approves new ferry route The harbour council approved a new ferry route on Monday, its chair said. ' +
    `${body(5, 9)} ` +
    'Mr. J. Smith of the U.S. branch paid $3.5 million, the Gen. Dept. of Ports said. ' +
    'Fishermen protest quota cuts Angry fishermen blocked the port to protest the quota cuts. ' +
    `${body(14, 2)}    All content by Example Wire Service is licensed under a Creative Commons Attribution 4.0 International License.`;

  it('splits at double spaces, run-in headings, every few sentences, and the licence', () => {
    const article = parseArticle(flat);
    assertWellFormed(article);
    assert.deepEqual(ofKind(article, 'heading'), ['Harbour council approves new ferry route', 'Fishermen protest quota cuts']);
    assert.equal(article.licence?.text, 'All content by Example Wire Service is licensed under a Creative Commons Attribution 4.0 International License.');
    assert.equal(article.source?.text, 'Example Wire Service');
    assert.equal(article.title, undefined);
    const bodies = ofKind(article, 'body');
    assert.equal(bodies[0], body(1, 2), 'a double space is a paragraph break');
    assert.equal(bodies[1], body(3, 2));
    assert.ok(bodies.length >= 6, `nine sentences in a row are split: ${bodies.length}`);
    for (const b of bodies) assert.ok(b.length <= 900, `paragraph of ${b.length} chars`);
  });

  it('does not split sentences at abbreviations, initials, acronyms or decimals', () => {
    const text = 'Mr. J. Smith of the U.S. branch paid $3.5 million on Aug. 15 to Gen. Ray. The U.S. Embassy said no. He left at 5 p.m. Then it rained.';
    const sentences = splitSentences(text).map((s) => text.slice(s.start, s.end));
    assert.deepEqual(sentences, [
      'Mr. J. Smith of the U.S. branch paid $3.5 million on Aug. 15 to Gen. Ray.',
      'The U.S. Embassy said no.',
      'He left at 5 p.m.',
      'Then it rained.',
    ]);
  });

  it('splits after closing quotes and keeps lower-case continuations together', () => {
    const text = '“We will stay,” he said. “The city is calm.” Officials agreed… and waited. Was it over? Nobody knew.';
    const sentences = splitSentences(text).map((s) => text.slice(s.start, s.end));
    assert.deepEqual(sentences, ['“We will stay,” he said.', '“The city is calm.”', 'Officials agreed… and waited.', 'Was it over?', 'Nobody knew.']);
  });

  it('does not mistake ordinary sentences with capitalised names for headings', () => {
    const text = Array.from({ length: 12 }, () =>
      'Officials in Lakeside said Lakeside Harbour would stay open. Engineers from Northgate Works met the Northgate mayor on Friday. The band The Lanterns played a concert for the band fans.',
    ).join(' ');
    const article = parseArticle(text);
    assert.deepEqual(ofKind(article, 'heading'), []);
    assertWellFormed(article);
  });

  it('cuts a huge unpunctuated line into pieces instead of one giant paragraph', () => {
    const article = parseArticle('word '.repeat(50_000).trim());
    assertWellFormed(article);
    assert.ok(article.paragraphs.length > 100);
    for (const p of article.paragraphs) assert.ok(p.end - p.start <= 2000);
    assert.equal(article.wordCount, 50_000);
  });
});

describe('parseArticle on the seeds', () => {
  it('seed 000 (one 9,465-character line) becomes paragraphs with its run-in subheadings and licence', () => {
    const article = parseArticle(seed000);
    assertWellFormed(article);
    assert.equal(article.title, undefined);
    assert.equal(article.date, undefined);
    const headings = ofKind(article, 'heading');
    for (const h of [
      'Afghan defense minister curses fleeing president',
      'American flag is down at U.S. embassy in Kabul',
      'Ghani says he left country in order to avoid bloodshed',
      'Karzai calls for a peaceful resolution',
    ]) {
      assert.ok(headings.includes(h), `heading ${h}: ${JSON.stringify(headings)}`);
    }
    assert.equal(article.licence?.text, 'All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4.0 International License.');
    assert.equal(article.source?.text, 'Mehr News Agency');
    assert.ok(article.paragraphs.length >= 20);
    for (const p of article.paragraphs) assert.ok(p.end - p.start <= 1400, `paragraph of ${p.end - p.start} chars`);
    assert.ok(article.wordCount > 1400 && article.wordCount < 1700, String(article.wordCount));
  });

  it('seed 003 has its date header, headline title and line paragraphs', () => {
    const article = parseArticle(seed003);
    assertWellFormed(article);
    assert.equal(article.date?.value, '2021-08-15');
    assert.equal(article.date?.form, 'header');
    assert.equal(article.title?.text, 'Taliban militants are pouring into Kabul from all sides as the US Embassy is evacuated.');
    assert.deepEqual(article.paragraphs.slice(0, 2).map((p) => p.kind), ['dateline', 'title']);
    assert.equal(ofKind(article, 'body').length, 12);
    assert.equal(article.licence, undefined);
  });

  it('parses a 1 MB article made from the seeds, flattened and not, keeping every character', () => {
    const big = `${seed003}\n\n${seed000}\n\n`.repeat(Math.ceil(1_000_000 / (seed000.length + seed003.length)));
    assertWellFormed(parseArticle(big));
    const flatBig = big.replace(/\n+/g, '  ');
    const article = parseArticle(flatBig);
    assertWellFormed(article);
    assert.ok(article.paragraphs.length > 1000, String(article.paragraphs.length));
  });
});

describe('parseArticle on unusual line endings and characters', () => {
  const lines = [
    'Harbour reopens after storm',
    '',
    'The harbour of the small coastal town reopened on',
    'Tuesday after three days of closure, officials said',
    'in a statement issued late on Monday evening here.',
    '',
    'Second paragraph is short.',
  ];

  it('reads lone CR line endings (old Mac files) like LF and CRLF, a BOM before the title included', () => {
    const expected = kinds(parseArticle(lines.join('\n')));
    for (const eol of ['\r\n', '\r']) {
      const article = parseArticle(`\uFEFF${lines.join(eol)}`);
      assertWellFormed(article);
      assert.deepEqual(
        kinds(article).map((k) => k.replace(/\r\n?/g, '\n')),
        expected,
        `line ending ${JSON.stringify(eol)}`,
      );
    }
  });

  it('never cuts a surrogate pair when it splits one huge word into pieces', () => {
    for (const offset of [0, 1]) {
      // 😀 is two UTF-16 code units; shifting by one puts a pair across every even cut.
      const text = 'x'.repeat(offset) + '😀'.repeat(5000);
      const article = parseArticle(text);
      assertWellFormed(article);
      assert.ok(article.paragraphs.length > 1);
      for (const p of article.paragraphs) {
        assert.ok(!/^[\uDC00-\uDFFF]/.test(text.slice(p.start)), `paragraph at ${p.start} starts inside a surrogate pair`);
        assert.ok(!/[\uD800-\uDBFF]$/.test(text.slice(0, p.end)), `paragraph ending at ${p.end} ends inside a surrogate pair`);
      }
    }
  });
});
