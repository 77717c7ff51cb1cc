// Wire datelines without a year, and datelines run into the first sentence (issue 9).
import * as assert from 'node:assert/strict';
import { detectArticleDate, yearlessDateline } from '../../../src/core/article/articleDate';
import { parseArticle } from '../../../src/core/article/parseArticle';
import { renderReadingView } from '../../../src/core/article/readingView';
import { analyzeArticle } from '../../../src/core/nlp/pipeline';

const WIRE = 'BERGEN, March 3 (Wirecorp) - The harbour council on Monday voted to raise ferry fares.\n\nCrews were pleased.';
const header = (text: string, fileDate?: string): string => renderReadingView(parseArticle(text, { fileDate }), { fileName: 'a.txt' }).text.split('\n')[1]!;

describe('wire datelines without a year', () => {
  it('take the one year the lead states', () => {
    const date = detectArticleDate('BERGEN, March 3 (Wirecorp) - The council, elected in 2013, voted again.', { fileDate: '2016-05-01' });
    assert.deepEqual([date?.value, date?.yearSource], ['2013-03-03', 'text']);
  });

  it('else the weekday of the lead: the latest year, not after the file date, in which March 3 is a Monday', () => {
    const date = detectArticleDate(WIRE, { fileDate: '2016-06-01' });
    assert.deepEqual([date?.value, date?.form, date?.yearSource, date?.text], ['2014-03-03', 'wire', 'weekday', 'March 3']);
    assert.equal(detectArticleDate(WIRE, { fileDate: '2025-03-02' })?.value, '2014-03-03', 'March 3, 2025 is after the file date');
    assert.equal(detectArticleDate(WIRE, { fileDate: '2025-03-03' })?.value, '2025-03-03');
  });

  it("else the file's date: the latest such day not after it", () => {
    const text = 'BERGEN, March 3 (Wirecorp) - The harbour council voted to raise ferry fares.';
    assert.deepEqual([detectArticleDate(text, { fileDate: '2016-02-01' })?.value, detectArticleDate(text, { fileDate: '2016-02-01' })?.yearSource], ['2015-03-03', 'file-date']);
    assert.equal(detectArticleDate(text, { fileDate: '2016-04-01' })?.value, '2016-03-03');
  });

  it('when nothing tells the year: no date, and the header says "March 3 (year unknown)"', () => {
    const text = 'BERGEN, March 3 (Wirecorp) - The harbour council voted to raise ferry fares.';
    assert.equal(detectArticleDate(text), undefined);
    assert.deepEqual(yearlessDateline(text), { start: 8, end: 15, text: 'March 3', month: 3, day: 3 });
    assert.match(header(text), /^March 3 \(year unknown\)/);
    assert.equal(analyzeArticle(text).articleDate, null);
  });

  it('the header and the analysis say where the year came from', () => {
    assert.match(header(WIRE, '2016-06-01'), /^Monday, 3 March 2014 \(year from the weekday in the lead\)/);
    assert.equal(analyzeArticle(WIRE, { fileDate: '2016-06-01' }).articleDateSource, 'weekday');
    assert.equal(analyzeArticle(WIRE, { articleDate: '2016-06-01' }).articleDateSource, 'given');
    assert.equal(analyzeArticle('Title\n\nMarch 4, 2015\n\nBody.').articleDateSource, 'stated');
  });
});

describe('wire datelines in their other forms', () => {
  const found = (text: string): [string | undefined, string | undefined, string | undefined] => {
    const date = detectArticleDate(text, { fileDate: '2016-06-01' });
    return [date?.value, date?.text, date?.form];
  };

  it('without an agency, day first, or without the comma after the place', () => {
    assert.deepEqual(found('Fares rise\nBERGEN, March 3 - The harbour council on Monday voted to raise fares.'), ['2014-03-03', 'March 3', 'wire']);
    assert.deepEqual(found('Fares rise\nBERGEN, 3 March (Wirecorp) - The council on Monday voted.'), ['2014-03-03', '3 March', 'wire']);
    assert.deepEqual(found('Fares rise\nBERGEN March 3 (Wirecorp) - The council on Monday voted.'), ['2014-03-03', 'March 3', 'wire']);
  });

  it('with the year stated and a long dash, or a press wire between slashes', () => {
    assert.deepEqual(found('Fares rise\n\nBERGEN, Norway, March 3, 2015 — The council voted on Tuesday.'), ['2015-03-03', 'March 3, 2015', 'wire']);
    assert.deepEqual(found('Fares rise\nBERGEN, March 3, 2015 /Kestrel Newswire/ -- Halvard Foods said on Tuesday.'), ['2015-03-03', 'March 3, 2015', 'wire']);
  });

  it('a capitalised heading without a date is none', () => {
    assert.deepEqual(found('Fares rise\nBERGEN (Wirecorp) - The council voted on Monday.'), [undefined, undefined, undefined]);
  });
});

describe('relative dates resolve against the dateline the article carries', () => {
  const dates = (text: string, fileDate?: string): [string, unknown][] => analyzeArticle(text, { fileDate }).dates.map((d) => [d.text, d.value]);

  it('newswire archive copy: a headline in capitals, a place and an ISO date, punctuation spaced apart', () => {
    const text =
      'SOCCER - OSTBY WANDERERS SIGN KEEPER .\nHARWICK 1996-08-30\nOstby Wanderers signed keeper Pekka Lindqvall on Thursday , the club said .\n' +
      'He will play on Saturday against Kelvin Rovers , who lost last week .';
    assert.deepEqual(dates(text), [
      ['1996-08-30', '1996-08-30'],
      ['Thursday', '1996-08-29'],
      ['Saturday', '1996-08-31'],
      ['last week', { from: '1996-08-19', to: '1996-08-25' }],
    ]);
  });

  it('a wire dateline without a year, dated by the weekday of its lead', () => {
    const text = 'Fares rise\nBERGEN, March 3 (Wirecorp) - The harbour council voted on Monday to raise fares, and said it would review them by Friday.';
    assert.deepEqual(dates(text, '2016-06-01'), [
      ['March 3', '2014-03-03'],
      ['Monday', '2014-03-03'],
      ['Friday', '2014-03-07'],
    ]);
  });

  it('a dateline run into its first sentence', () => {
    const text = 'Storm hits coast\n\nBERGEN, July 21, 2015 On Tuesday the storm hit the coast; a review will take place on May 16.';
    assert.deepEqual(dates(text), [
      ['July 21, 2015', '2015-07-21'],
      ['Tuesday', '2015-07-21'],
      ['May 16', '2016-05-16'],
    ]);
  });
});

describe('a dateline run into the first sentence', () => {
  it('is found after a place in capitals or alone, and the sentence stays in the body', () => {
    const text = 'Storm hits coast\n\nBERGEN, Norway, July 21, 2015 On Tuesday the storm hit the coast.';
    const date = detectArticleDate(text);
    assert.deepEqual([date?.value, date?.text, date?.form], ['2015-07-21', 'July 21, 2015', 'run-in']);
    assert.equal(detectArticleDate('Storm hits coast\n\nJuly 21, 2015 The storm hit the coast.')?.value, '2015-07-21');
    assert.equal(detectArticleDate('Storm hits coast\n\nBERGEN, July 21, 2015The storm hit the coast.')?.value, '2015-07-21', 'a place without its region');
    assert.ok(renderReadingView(parseArticle(text), { fileName: 'a.txt' }).text.includes('the storm hit the coast'));
  });

  it('a date opening a prose sentence in lower case is not a dateline', () => {
    assert.equal(detectArticleDate('Storm hits coast\n\nJuly 21, 2015 was the day the storm hit.'), undefined);
  });
});

describe('datelines of wire copy flattened onto one line', () => {
  it('a place in capitals (and its region) before an ISO date after the headline dates the article', () => {
    const flat = 'CRICKET - KESTON TAKE LEAD . LONDON 1996-08-30 All-rounder Jo Brisk took four for 38 on Friday .';
    const date = detectArticleDate(flat);
    assert.deepEqual([date?.value, date?.text, date?.form], ['1996-08-30', '1996-08-30', 'run-in']);
    const byline = 'SOCCER - KELVIN WIN , OSTBY LOSE . Ada Brisk AL-MARSA , United Kelvin Emirates 1996-12-06 Kelvin began well on Friday .';
    assert.equal(detectArticleDate(byline)?.value, '1996-12-06');
    const dates = analyzeArticle(flat).dates.map((d) => [d.text, d.value]);
    assert.deepEqual(dates, [['1996-08-30', '1996-08-30'], ['Friday', '1996-08-30']]);
  });

  it('a full date with its weekday after the headline of a flattened page dates the article', () => {
    const flat = 'Ferry fares rise in Bergen Tuesday, March 3, 2015 The harbour council voted on Monday to raise fares.';
    assert.deepEqual([detectArticleDate(flat)?.value, detectArticleDate(flat)?.text], ['2015-03-03', 'Tuesday, March 3, 2015']);
    assert.equal(detectArticleDate('Ferry fares rise Tuesday, March 3, 2015The council voted.')?.value, '2015-03-03');
    assert.equal(detectArticleDate('Ferry fares rise Tuesday, March 3, 2015 A council vote raised them.')?.value, '2015-03-03');
    assert.equal(detectArticleDate('Ferry fares rise Tuesday , March 3 , 2015 The council voted .')?.value, '2015-03-03', 'spaced');
    assert.equal(detectArticleDate('The council met on Tuesday, March 3, 2015 and voted.'), undefined, 'a date in prose');
    assert.equal(detectArticleDate('The council said on Tuesday, March 3, 2015 Kelmouth would pay.'), undefined, 'after "on"');
  });

  it('an ISO date in prose, or one far down the line, dates nothing', () => {
    assert.equal(detectArticleDate('The report , dated 1996-08-30 , was leaked on Friday .'), undefined);
    assert.equal(detectArticleDate('The UN said on Friday that the 1996-08-30 deadline stood .'), undefined);
    assert.equal(detectArticleDate(`${'Long text without a dateline . '.repeat(20)}LONDON 1996-08-30 More text .`), undefined);
  });
});
