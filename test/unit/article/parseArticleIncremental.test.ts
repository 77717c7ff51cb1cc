// parsedArticle() keeps the paragraphs of the pieces an edit left alone (typing into a large article re-parsed all of it
// for every view at every pause): over random edits of real and hand-made articles it must give exactly parseArticle().
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArticle, parsedArticle } from '../../../src/core/article/parseArticle';
import { seededRandom } from '../../../src/core/random/seededRandom';

const seed = (name: string): string => readFileSync(path.join(__dirname, '..', '..', '..', 'seeds', name), 'utf8');

/** An article with a header date, headings, hard-wrapped blocks, a long flattened block and a closing licence. */
function madeArticle(): string {
  const wrapped = ['The council met on Tuesday to hear the plans for the harbour and the', 'new ferry landing that the port authority wants to build before the', 'summer season, a spokesman for the port said after the meeting ended.'].join('\n');
  const long = Array.from({ length: 12 }, (_, i) => `Sentence ${i + 1} of the long block tells of Halvor Dersk and the port of Brenmouth.`).join(' ');
  const body = Array.from({ length: 30 }, (_, i) => (i % 7 === 3 ? `## Section ${i}` : i % 5 === 2 ? wrapped : `Paragraph ${i} says that Mira Tolvane visited Ostholm on ${i + 1} March.`));
  return `date 2023-02-10 Ferry timetable changes\n\n${body.slice(0, 15).join('\n\n')}\n\n${long}\n\n${body.slice(15).join('\n\n')}\n\nThis article is licensed under a Creative Commons Attribution 4.0 International License.\n`;
}

const PIECES = [' ', 'x', 'Brenmouth', '\n', '\n\n', '.', '. ', '\r\n', '## Heading\n\n', ' Halvor Dersk said.', 'licensed under the Creative Commons licence', '2024', 'KABUL, Aug 15 (Reuters) - ', '“', '  ', '\t', '\n\nOne more.\n\nAnd another.\n\nThe end.\n\n', '\n\nA short heading\n\n'];

/** A random edit: an insertion, a deletion or a replacement; most near the start or the end, where a piece's place counts. */
function edit(text: string, random: () => number): string {
  const where = random();
  const near = Math.floor(random() * Math.min(400, text.length + 1));
  const at = where < 0.3 ? near : where < 0.6 ? text.length - near : Math.floor(random() * (text.length + 1));
  const kind = random();
  const piece = PIECES[Math.floor(random() * PIECES.length)]!;
  if (kind < 0.5) return text.slice(0, at) + piece + text.slice(at);
  const end = Math.min(text.length, at + 1 + Math.floor(random() * 40));
  return kind < 0.8 ? text.slice(0, at) + text.slice(end) : text.slice(0, at) + piece + text.slice(end);
}

describe('parsedArticle after an edit (reusing the unchanged pieces)', function () {
  this.timeout(300_000);
  const articles: [string, string][] = [
    ['000_96c9ee8166b27d0f.txt', seed('000_96c9ee8166b27d0f.txt')],
    ['003_cf56c5e4736b5965.txt', seed('003_cf56c5e4736b5965.txt')],
    ['a made article', madeArticle()],
  ];
  for (const [name, original] of articles) {
    it(`equals parseArticle over 400 random edits of ${name}, with and without a file date`, () => {
      const random = seededRandom(name.length * 7919);
      let text = original;
      for (let step = 0; step < 400; step++) {
        text = edit(text, random);
        // typing often edits the same place twice in a row, and undo brings the text back
        const options = step % 3 === 0 ? { fileDate: '2024-05-06' } : {};
        assert.deepEqual(parsedArticle(text, options), parseArticle(text, options), `${name}, edit ${step + 1}`);
      }
    });
  }

  it('parses a piece again when the edit moves it into or out of the licence zone, or gives it the dateline', () => {
    const text = madeArticle();
    const steps = [
      // three paragraphs after the licence: it leaves the last three pieces (no licence any more), then comes back
      (t: string) => `${t}\nOne more paragraph.\n\nAnd another one.\n\nThe very end.\n`,
      (t: string) => t.slice(0, t.indexOf('\nOne more paragraph.')),
      // a dateline line under the header date: a paragraph like any other, until the header date goes and it dates the article
      (t: string) => t.replace('Paragraph 1 says', 'OSLO, March 3, 2021\n\nParagraph 1 says'),
      (t: string) => t.replace('date 2023-02-10 ', ''),
      (t: string) => t.replace('## Section 10', 'Section 10 is no heading any more.'),
      (t: string) => t.replace('Paragraph 25', 'Paragraph twenty-five\n\n# A heading'),
    ];
    let current = text;
    parsedArticle(current);
    for (const [i, step] of steps.entries()) {
      current = step(current);
      assert.deepEqual(parsedArticle(current), parseArticle(current), `step ${i + 1}`);
    }
  });

  it('keeps the paragraph objects of the pieces before the edit and moves those after it', () => {
    const text = madeArticle();
    const before = parsedArticle(text);
    const at = text.indexOf('Paragraph 20');
    const after = parsedArticle(`${text.slice(0, at)}Late news. ${text.slice(at)}`);
    const early = before.paragraphs.findIndex((p) => text.slice(p.start, p.end).startsWith('Paragraph 4'));
    assert.ok(early > 2);
    assert.equal(after.paragraphs[early], before.paragraphs[early], 'the same object: taken over, not parsed again');
    assert.deepEqual(after, parseArticle(after.text));
  });
});

describe('parsedArticle with and without the file date', () => {
  it('is one parse when the file date cannot change the article date, and a parse of its own when it can', () => {
    // invented articles: a stated date, then a wire dateline without a year
    const stated = `date 2023-02-10 Ferry timetable changes\n\nThe council of Brenmouth met on 41 occasions.\n`;
    const withoutDate = parsedArticle(stated);
    assert.equal(parsedArticle(stated, { fileDate: '2024-05-06' }), withoutDate, 'the Outline and the reading view share the parse');
    assert.deepEqual(parsedArticle(stated, { fileDate: '2024-05-06' }), parseArticle(stated, { fileDate: '2024-05-06' }));
    const yearless = `OSLO, March 3 (Wirecorp) - Halvor Dersk spoke 17 times.\n`;
    const withFileDate = parsedArticle(yearless, { fileDate: '2024-05-06' });
    assert.notEqual(withFileDate, parsedArticle(yearless));
    assert.deepEqual(withFileDate, parseArticle(yearless, { fileDate: '2024-05-06' }));
    assert.equal(withFileDate.date?.value, '2024-03-03');
    assert.deepEqual(parsedArticle(yearless), parseArticle(yearless));
  });
});
