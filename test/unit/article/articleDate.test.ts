import * as assert from 'node:assert/strict';
import { detectArticleDate, isCalendarDate, modificationDay, weekdayOf } from '../../../src/core/article/articleDate';

function detected(text: string, fileDate?: string): { value: string; form: string; text: string } | undefined {
  const date = detectArticleDate(text, { fileDate });
  if (!date) return undefined;
  assert.equal(text.slice(date.start, date.end), date.text, 'the span quotes the text');
  return { value: date.value, form: date.form, text: date.text };
}

describe('detectArticleDate', () => {
  it('reads a `date YYYY-MM-DD` header with the headline on the same line', () => {
    assert.deepEqual(detected(' date 2019-03-04 Floods close the river road as rain continues.\n\nBody text.'), {
      value: '2019-03-04',
      form: 'header',
      text: '2019-03-04',
    });
    assert.deepEqual(detected('\uFEFFDate: 2020-02-29\nLeap day fair opens'), { value: '2020-02-29', form: 'header', text: '2020-02-29' });
    assert.equal(detected('Published: March 3, 2012\nA headline')?.value, '2012-03-03');
  });

  it('rejects impossible calendar dates in every form', () => {
    assert.equal(detected('date 2021-02-30 Headline'), undefined);
    assert.equal(detected('date 2019-02-29 Headline'), undefined);
    assert.equal(detected('Headline\n\nFebruary 30, 2015\n\nBody.'), undefined);
    assert.equal(detected('Headline\n\n31 April 2015\n\nBody.'), undefined);
    assert.equal(detected('OSLO, Feb 30 (Wirecorp) - Body text in 2015.'), undefined);
  });

  it('reads a dateline on its own line near the top, in the common forms', () => {
    const cases: [string, string][] = [
      ['Wednesday, March 14, 2012', '2012-03-14'],
      ['Sunday, November 3, 2019', '2019-11-03'],
      ['March 14, 2012', '2012-03-14'],
      ['Mar. 14, 2012', '2012-03-14'],
      ['Sept. 9, 2010', '2010-09-09'],
      ['14 March 2012', '2012-03-14'],
      ['Wednesday 14 March 2012', '2012-03-14'],
      ['14th of March, 2012', '2012-03-14'],
      ['2012-03-14', '2012-03-14'],
      ['Published on March 14, 2012 at 10:45 a.m. EST', '2012-03-14'],
      ['Updated: 14 March 2012, 09:30', '2012-03-14'],
    ];
    for (const [line, value] of cases) {
      const text = `Town council votes to repaint the old bridge\n\n${line}\n\nThe council met on Tuesday.`;
      assert.equal(detected(text)?.value, value, line);
      assert.equal(detected(text)?.form, 'dateline', line);
    }
    const date = detectArticleDate('Bridge vote\n\nWednesday, March 14, 2012\n\nBody.')!;
    assert.equal(date.text, 'Wednesday, March 14, 2012');
    assert.equal(date.start, 'Bridge vote\n\n'.length);
  });

  it('reads a newswire dateline with the place in capitals before the date', () => {
    assert.deepEqual(detected('SAILING - HARBOUR RACE ENDS IN A TIE .\n\nBERGEN 1997-05-12\n\nTwo crews tied on Monday .'), {
      value: '1997-05-12',
      form: 'dateline',
      text: '1997-05-12',
    });
    assert.equal(detected('Bridge vote\n\nNEW YORK, March 14, 2012\n\nBody.')?.value, '2012-03-14');
    assert.equal(detected('Bridge vote\n\nOslo 1997-05-12\n\nBody.'), undefined, 'only a place in capitals leads a date');
  });

  it('reads a date set apart by bars or bullets on a byline or place line', () => {
    assert.equal(detected('Ferry sinks\n\nBy Jo Brisk | March 3, 2015\n\nA ferry sank on Tuesday.')?.value, '2015-03-03');
    assert.equal(detected('Ferry sinks\n\nMarch 3, 2015 | Kelmouth\n\nA ferry sank on Tuesday.')?.value, '2015-03-03');
    assert.deepEqual(detected('Ferry sinks\n\nJo Brisk · 3 March 2015 · 4 min read\n\nA ferry sank.'), {
      value: '2015-03-03',
      form: 'dateline',
      text: '3 March 2015',
    });
    assert.equal(detected('Ferry sinks\n\nFares | Ferries | Kelmouth\n\nA ferry sank on March 3, 2015.'), undefined);
  });

  it('reads a wire dateline whose place is in mixed case, or with the agency or a dash before the date', () => {
    assert.deepEqual(detected('Ferry sinks\n\nKelmouth, Ostland, March 3, 2015 – A ferry sank on Tuesday.'), {
      value: '2015-03-03',
      form: 'wire',
      text: 'March 3, 2015',
    });
    assert.equal(detected('Ferry sinks\n\nKELMOUTH (Newsdesk) March 3, 2015 - A ferry sank.')?.value, '2015-03-03');
    assert.equal(detected('Ferry sinks\n\nKELMOUTH, Ostland — March 3, 2015 — A ferry sank.')?.value, '2015-03-03');
    assert.equal(detected('Ferry sinks\n\n(Wirecorp) KELMOUTH, March 3, 2015 - A ferry sank.')?.value, '2015-03-03');
    assert.equal(detected('Ferry sinks\n\nKELMOUTH, Ostland (Wirecorp) -- March 3, 2015 -- A ferry sank.')?.value, '2015-03-03');
    assert.equal(detected('Ferry sinks\n\nIn Kelmouth, March 3, 2015 was cold - and wet.'), undefined, 'prose is no dateline');
  });

  it('ignores dates inside prose lines and datelines far from the top', () => {
    assert.equal(detected('The council met on March 14, 2012 to vote on the bridge.\nMore text.'), undefined);
    const far = `${'A long opening paragraph with many words in it. '.repeat(20)}\n\nMarch 14, 2012\n`;
    assert.equal(detected(far), undefined);
    assert.equal(detected('March 14, 20125\nHeadline'), undefined);
  });

  it('reads a wire dateline, taking the year it states', () => {
    assert.deepEqual(detected('OSLO, Jan 9, 2018 (Wirecorp) - Snow closed the airport.'), {
      value: '2018-01-09',
      form: 'wire',
      text: 'Jan 9, 2018',
    });
  });

  it('reads a wire dateline with the weekday before its date', () => {
    assert.deepEqual(detected('Ferry strike ends\n\nVARNHOLT, Ostland, Thursday, June 11, 2015 — Ferry crews ended their strike.'), {
      value: '2015-06-11',
      form: 'wire',
      text: 'June 11, 2015',
    });
    assert.equal(detected('KELMOUTH, Tuesday 3 March 2015 (Wirecorp) - Snow closed the airport.')?.value, '2015-03-03');
    // the dateline's own weekday tells its year: March 4 was a Wednesday in 2015, not in 2016 (the file's year)
    assert.equal(detected('KELMOUTH, Wed. March 4 (Wirecorp) - Snow closed the airport.', '2016-06-01')?.value, '2015-03-04');
  });

  it('takes a wire dateline year from the one year the text mentions, and does not guess otherwise', () => {
    const oneYear = 'Airport shut by snow\n\nOSLO, Jan 9 (Wirecorp) - Snow closed the airport, the worst since the winter of 2010 began.';
    assert.equal(detected(oneYear)?.value, '2010-01-09');
    assert.equal(detected('LIMA, Peru, Oct 2 (Newsdesk) — Talks resumed. The 1998 accord and the 2004 accord differ.'), undefined);
    assert.equal(detected('LIMA, Oct 2 (Newsdesk) - Talks resumed after a pause.'), undefined);
    // Numbers that are not years do not count.
    assert.equal(detected('LIMA, Oct 2 (Newsdesk) - 2,015 people and 2019.5 tonnes, in 2016.')?.value, '2016-10-02');
  });

  it('finds nothing in a text without a dateline', () => {
    assert.equal(detected('Rain fell on Thursday across the valley. Farmers were glad.'), undefined);
    assert.equal(detected(''), undefined);
  });
});

describe('isCalendarDate and weekdayOf', () => {
  it('validate and name days', () => {
    assert.ok(isCalendarDate('2024-02-29'));
    assert.ok(!isCalendarDate('2023-02-29'));
    assert.ok(!isCalendarDate('2023-13-01'));
    assert.ok(!isCalendarDate('2023-1-01'));
    assert.ok(!isCalendarDate('yesterday'));
    assert.equal(weekdayOf('2021-08-15'), 0);
    assert.equal(weekdayOf('2017-07-21'), 5);
  });
});

describe('modificationDay', () => {
  it('gives the local calendar day of a file time, and nothing for a time that is not one', () => {
    const noon = new Date(2026, 10, 20, 12, 0, 0).getTime();
    assert.equal(modificationDay(noon), '2026-11-20');
    assert.equal(modificationDay(new Date(2026, 0, 1, 0, 0, 1).getTime()), '2026-01-01', 'just after local midnight');
    for (const bad of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, 1e20]) assert.equal(modificationDay(bad), undefined, String(bad));
  });
});
