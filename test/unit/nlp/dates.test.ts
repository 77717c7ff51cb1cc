// Date finding and resolution, on sentences invented for these tests.
// The fixture article is dated Sunday 2021-08-15.
import * as assert from 'node:assert/strict';
import { findDates } from '../../../src/core/nlp/dates';
import type { DateMention } from '../../../src/core/nlp/analysisModel';

const REF = '2021-08-15'; // a Sunday

function dates(text: string, ref: string | null = REF): DateMention[] {
  const found = findDates(text, ref);
  for (const d of found) assert.equal(text.slice(d.start, d.end), d.text, 'offsets slice the text');
  return found;
}

/** The single date found in `text` whose text is `span`. */
function one(text: string, span: string, ref: string | null = REF): DateMention {
  const found = dates(text, ref).filter((d) => d.text === span);
  assert.equal(found.length, 1, `expected one date "${span}" in: ${text}\nfound: ${JSON.stringify(dates(text, ref))}`);
  return found[0]!;
}

const valueOf = (text: string, span: string, ref: string | null = REF): unknown => one(text, span, ref).value;

describe('findDates', () => {
  describe('weekdays resolve by the tense of their clause', () => {
    it('a weekday in a past clause is the latest such day before the article', () => {
      assert.equal(valueOf('Rebels seized the harbour town on Thursday after a short siege.', 'Thursday'), '2021-08-12');
    });
    it('a weekday after "late" in a past clause', () => {
      assert.equal(valueOf('Late Saturday, the mayor fled the provincial capital.', 'Saturday'), '2021-08-14');
    });
    it('a weekday in a future clause is the next such day', () => {
      assert.equal(valueOf('The two ministers will meet on Thursday in Geneva.', 'Thursday'), '2021-08-19');
    });
    it("the article's own weekday in a past clause is the article date", () => {
      assert.equal(valueOf('The governor resigned on Sunday, aides said.', 'Sunday'), '2021-08-15');
    });
    it('"is to" and "is expected to" point ahead', () => {
      assert.equal(valueOf('On Tuesday, the council is to vote on the budget.', 'Tuesday'), '2021-08-17');
      assert.equal(valueOf('The report is expected to be published on Friday.', 'Friday'), '2021-08-20');
    });
    it('"last" and "next" override the tense', () => {
      assert.equal(valueOf('The ferry sank last Monday.', 'last Monday'), '2021-08-09');
      assert.equal(valueOf('Talks resume next Monday.', 'next Monday'), '2021-08-16');
    });
    it('a capitalised neighbour that makes a name is not a date', () => {
      assert.deepEqual(dates('Veterans marked Bloody Sunday with a march.').map((d) => d.text), []);
      assert.deepEqual(dates('She writes for the Sunday Times in London.').map((d) => d.text), []);
    });
    it('a plural weekday is a habit, not a date', () => {
      assert.deepEqual(dates('The market opens on Sundays.'), []);
    });
  });

  describe('relative expressions', () => {
    it('yesterday, tomorrow', () => {
      assert.equal(valueOf('The envoy arrived yesterday.', 'yesterday'), '2021-08-14');
      assert.equal(valueOf('Tomorrow the border reopens.', 'Tomorrow'), '2021-08-16');
    });
    it('last month, this year, next year', () => {
      assert.equal(valueOf('Prices rose sharply last month.', 'last month'), '2021-07');
      assert.equal(valueOf('This year the harvest failed.', 'This year'), '2021');
      assert.equal(valueOf('Elections are planned for next year.', 'next year'), '2022');
    });
    it('weeks are ranges from Monday to Sunday', () => {
      assert.deepEqual(valueOf('The fighting intensified last week.', 'last week'), { from: '2021-08-02', to: '2021-08-08' });
      assert.deepEqual(valueOf('The talks collapsed earlier this week.', 'earlier this week'), { from: '2021-08-09', to: '2021-08-15' });
    });
    it('N units ago', () => {
      assert.equal(valueOf('The bridge opened twenty years ago.', 'twenty years ago'), '2001');
      assert.equal(valueOf('The bridge opened three days ago.', 'three days ago'), '2021-08-12');
    });
  });

  describe('explicit dates', () => {
    it('a full dateline is one span resolved by itself', () => {
      const d = one('Sunday, August 15, 2021\n\nThe city fell.', 'Sunday, August 15, 2021');
      assert.equal(d.value, '2021-08-15');
      assert.equal(d.resolvedAgainst, 'self');
    });
    it('a date without a year takes the article year', () => {
      const d = one('The deal was signed on July 3 in Doha.', 'July 3');
      assert.equal(d.value, '2021-07-03');
      assert.equal(d.resolvedAgainst, 'article-date');
      assert.equal(d.reference, REF);
    });
    it('a month and year, a month alone', () => {
      assert.equal(valueOf('The base was handed over in March 2019.', 'March 2019'), '2019-03');
      assert.equal(valueOf('The offensive began in May.', 'May'), '2021-05');
    });
    it('a year with a possessive is a year; a decade written with an apostrophe stays a decade', () => {
      assert.deepEqual(dates("2013's harvest was poor, unlike the 1990's.").map((d) => [d.text, d.value]), [
        ['2013', '2013'],
        ["1990's", { from: '1990-01-01', to: '1999-12-31' }],
      ]);
    });
    it('bare years', () => {
      assert.deepEqual(
        dates('The treaty of 1998 was revised in 2004.').map((d) => [d.text, d.value]),
        [['1998', '1998'], ['2004', '2004']],
      );
    });
    it('a range of two full dates gives each its own span', () => {
      assert.deepEqual(
        dates('He served between July 2003 and December 2004.').map((d) => [d.text, d.value]),
        [['July 2003', '2003-07'], ['December 2004', '2004-12']],
      );
      // day first, joined by a dash, as a life's dates are written
      assert.deepEqual(
        dates('Ada Brisk (4 March 1901 – 17 June 1980) was a painter.').map((d) => [d.text, d.value]),
        [['4 March 1901', '1901-03-04'], ['17 June 1980', '1980-06-17']],
      );
      // a range within a month stays one range
      assert.deepEqual(dates('The fair ran 5–6 September 2019.').map((d) => [d.text, d.value]), [['5–6 September 2019', { from: '2019-09-05', to: '2019-09-06' }]]);
    });
  });

  describe('spans', () => {
    it('leave out the preposition and a following time of day', () => {
      assert.deepEqual(dates('Shelling resumed on Friday night.').map((d) => d.text), ['Friday']);
      assert.deepEqual(dates('The decree was signed on 3 June 2020 at 4 p.m. local time.').map((d) => d.text), ['3 June 2020']);
    });
    it('keep a possessive weekday and an abbreviated month', () => {
      assert.equal(valueOf("Monday's blast shook the old town.", 'Monday'), '2021-08-09');
      assert.equal(valueOf('The pact was signed Aug. 2 in Doha.', 'Aug. 2'), '2021-08-02');
    });
    it('a wire dateline', () => {
      assert.equal(valueOf('HERAT, Aug 13 (Wire) - Fighters entered the city.', 'Aug 13'), '2021-08-13');
    });
    it('ISO and numeric dates', () => {
      assert.equal(valueOf('The memo is dated 2021-07-30.', '2021-07-30'), '2021-07-30');
      assert.equal(valueOf('The memo is dated 7/30/2021.', '7/30/2021'), '2021-07-30');
    });
  });

  describe('more relative expressions', () => {
    it('the weekend: the one just past in a past clause, the coming one in a future clause', () => {
      const wednesday = '2021-08-18';
      assert.deepEqual(valueOf('Crowds gathered this weekend.', 'this weekend', wednesday), { from: '2021-08-14', to: '2021-08-15' });
      assert.deepEqual(valueOf('Crowds will gather this weekend.', 'this weekend', wednesday), { from: '2021-08-21', to: '2021-08-22' });
      assert.deepEqual(valueOf('Storms swept the coast over the weekend.', 'weekend', wednesday), { from: '2021-08-14', to: '2021-08-15' });
    });
    it('the past three days and the past year are ranges up to the article date; the past few days only end there', () => {
      assert.deepEqual(valueOf('In the past three days, prices doubled.', 'the past three days'), { from: '2021-08-12', to: '2021-08-15' });
      assert.deepEqual(valueOf('In the past few days, prices doubled.', 'the past few days'), { notAfter: '2021-08-15' });
      assert.deepEqual(valueOf('Over the past year, rents rose.', 'the past year'), { from: '2020-08-16', to: '2021-08-15' });
    });
    it('tonight, last night, this morning, the day before yesterday', () => {
      assert.equal(valueOf('Last night, sirens sounded.', 'Last night'), '2021-08-14');
      assert.equal(valueOf('This morning the gates opened.', 'This morning'), '2021-08-15');
      assert.equal(valueOf('The talks broke down the day before yesterday.', 'the day before yesterday'), '2021-08-13');
    });
    it('a hedge before "ago" stays out of the span', () => {
      assert.equal(valueOf('The site went down some 48 hours ago.', '48 hours ago'), '2021-08-13');
    });
    it('"more than" or "over" before "ago" makes it a bound: not after; "less than", "nearly" not before', () => {
      assert.deepEqual(valueOf('The site went down just over 48 hours ago.', '48 hours ago'), { notAfter: '2021-08-13' });
      assert.deepEqual(valueOf('The mill closed more than three years ago.', 'three years ago'), { notAfter: '2018' });
      assert.deepEqual(valueOf('The ferry sank less than two weeks ago.', 'two weeks ago'), { notBefore: '2021-08-01' });
      assert.deepEqual(valueOf('The mill closed nearly a decade ago.', 'a decade ago'), { notBefore: '2011' });
    });
    it('"today" when it names the day, not when it means nowadays', () => {
      assert.equal(valueOf('The minister said today that the port is closed.', 'today'), '2021-08-15');
      assert.equal(valueOf("Today's vote was postponed.", 'Today'), '2021-08-15');
      assert.deepEqual(dates('The youth of today want change.'), []);
    });
    it('"since" looks back even in the present', () => {
      assert.equal(valueOf('It is the first calm night since Tuesday.', 'Tuesday'), '2021-08-10');
    });
    it('a scheduled present points ahead', () => {
      assert.equal(valueOf('The trial opens on Tuesday.', 'Tuesday'), '2021-08-17');
      assert.equal(valueOf('Schools reopen on Monday.', 'Monday'), '2021-08-16');
    });
  });

  describe('seasons and "this <weekday>"', () => {
    it('seasons are ranges of months', () => {
      assert.deepEqual(valueOf('The wells ran dry last summer.', 'last summer'), { from: '2020-06', to: '2020-08' });
      assert.deepEqual(valueOf('The road will reopen next spring.', 'next spring'), { from: '2022-03', to: '2022-05' });
      assert.deepEqual(valueOf('Snow fell heavily last winter.', 'last winter'), { from: '2020-12', to: '2021-02' });
    });
    it('"this Friday" is the coming one unless the clause is past', () => {
      assert.equal(valueOf('The court rules this Friday.', 'this Friday'), '2021-08-20');
      assert.equal(valueOf('The blast this Friday killed two.', 'this Friday'), '2021-08-13');
    });
    it('a numeric date with a clock time keeps only the date', () => {
      assert.deepEqual(dates('Updated 2021-08-14 10:32 UTC.').map((d) => [d.text, d.value]), [['2021-08-14', '2021-08-14']]);
    });
  });

  describe('dates without a year', () => {
    it('move to the previous year when a past clause would put them ahead', () => {
      assert.equal(valueOf('The ship sank on December 28.', 'December 28', '2021-01-05'), '2020-12-28');
      assert.equal(valueOf('The elections were held in October.', 'October'), '2020-10');
    });
    it('move to the next year when a future clause would put them behind', () => {
      assert.equal(valueOf('The embassy will reopen on 2 March.', '2 March'), '2022-03-02');
      assert.equal(valueOf('The elections will be held in October.', 'October'), '2021-10');
    });
    it('"last March", "next March"', () => {
      assert.equal(valueOf('Floods hit the valley last March.', 'March'), '2021-03');
      assert.equal(valueOf('The dam will open next March.', 'March'), '2022-03');
    });
    it('fixed holidays', () => {
      assert.equal(valueOf('The prisoners were freed on Christmas Day.', 'Christmas Day'), '2020-12-25');
      assert.equal(valueOf('The truce began on New Year’s Day 2019.', 'New Year’s Day 2019'), '2019-01-01');
    });
  });

  describe('years and decades', () => {
    it('decades are ranges', () => {
      assert.deepEqual(valueOf('Civil war raged through the 1990s.', '1990s'), { from: '1990-01-01', to: '1999-12-31' });
      assert.deepEqual(valueOf("Music from the '80s played.", "'80s"), { from: '1980-01-01', to: '1989-12-31' });
    });
    it('years in ranges, with "mid-", in headlines', () => {
      assert.deepEqual(
        dates('Output fell between 1998 and 2004, rose again in mid-2010 and is forecast for 2030-2035.').map((d) => d.text),
        ['1998', '2004', 'mid-2010', '2030', '2035'],
      );
      assert.equal(valueOf('Harbour Games 2024 opens', '2024'), '2024');
    });
    it('short year ranges and centuries', () => {
      assert.deepEqual(valueOf('The 1950-53 war left the peninsula divided.', '1950-53'), { from: '1950', to: '1953' });
      assert.deepEqual(valueOf('Railways spread in the 19th century.', '19th century'), { from: '1800-01-01', to: '1899-12-31' });
    });
    it('clock times, addresses and quantities are not years', () => {
      assert.deepEqual(dates('The truce starts at 2100 GMT; the embassy is at 1200 Harbour Street; more than 1500 fled.'), []);
    });
  });

  describe('month names that are not dates', () => {
    it('a person named like a month', () => {
      assert.deepEqual(dates('A speech by May was cheered, and June Carter sang.'), []);
    });
    it('a month after a temporal word is a date', () => {
      // a duty still open ("must fall by June", said in August) is the next June
      assert.equal(valueOf('Prices must fall by June, the bank said.', 'June'), '2022-06');
      assert.deepEqual(dates('Between April and June, the river rose.').map((d) => d.value), ['2021-04', '2021-06']);
    });
    it('a month named like a person starting a range of months is a date: "from August to May"', () => {
      assert.deepEqual(dates('The league ran from August to May.').map((d) => [d.text, d.value]), [['August', '2020-08'], ['May', '2021-05']]);
      assert.deepEqual(dates('Ferries sail April through October.').map((d) => d.text), ['April', 'October']);
      assert.deepEqual(dates('A speech by May to June Carter was cheered.'), [], 'a name before a full name is no range');
    });
  });

  describe('reference date', () => {
    it('relative mentions carry the reference they were resolved against', () => {
      const d = one('Talks collapsed on Thursday.', 'Thursday');
      assert.equal(d.resolvedAgainst, 'article-date');
      assert.equal(d.reference, REF);
    });
    it('an invalid reference counts as none', () => {
      const d = one('Talks collapsed on Thursday.', 'Thursday', '2021-02-30');
      assert.equal(d.value, null);
      assert.equal(d.resolvedAgainst, 'none');
    });
  });

  describe('no reference date', () => {
    it('relative expressions keep their span but get no value', () => {
      const d = one('The envoy arrived on Thursday.', 'Thursday', null);
      assert.equal(d.value, null);
      assert.equal(d.resolvedAgainst, 'none');
      assert.equal(d.reference, null);
    });
    it('absolute ones still resolve', () => {
      const d = one('The envoy arrived on 3 June 2020.', '3 June 2020', null);
      assert.equal(d.value, '2020-06-03');
      assert.equal(d.resolvedAgainst, 'self');
    });
  });

  describe('false positives', () => {
    it('"May" as a name or a modal, "March" as a verb', () => {
      assert.deepEqual(dates('Theresa May said prices may rise. Thousands March through the city.'), []);
    });
    it('counts and money are not years', () => {
      assert.deepEqual(dates('About 2,000 people and 1500 troops left; it cost $2000.'), []);
    });
    it('"now" and a generic "today" are not dates', () => {
      assert.deepEqual(dates('Today, most people read the news on their phones, and now even more do.'), []);
    });
    it('a time of day alone is not a date', () => {
      assert.deepEqual(dates('The curfew starts at 9 pm.'), []);
    });
  });
});
