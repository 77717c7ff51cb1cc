// Calendar arithmetic and tense detection behind date resolution, on invented sentences.
import * as assert from 'node:assert/strict';
import {
  formatDay,
  parseIsoDay,
  resolveWeekday,
  weekRange,
  weekendRange,
  weekdayOf,
  yearForMonthDay,
} from '../../../src/core/nlp/dateResolution';
import { tenseAt } from '../../../src/core/nlp/tense';

const day = (s: string): number => {
  const n = parseIsoDay(s);
  assert.notEqual(n, null, s);
  return n!;
};
const SUNDAY = day('2021-08-15');
const WEDNESDAY = day('2021-08-18');
const [SUN, MON, THU, SAT] = [0, 1, 4, 6];

describe('date resolution', () => {
  it('parses only real calendar days', () => {
    assert.equal(parseIsoDay('2021-02-29'), null);
    assert.equal(parseIsoDay('2020-02-29') !== null, true);
    assert.equal(parseIsoDay('15/08/2021'), null);
    assert.equal(parseIsoDay(null), null);
    assert.equal(weekdayOf(SUNDAY), SUN);
    assert.equal(formatDay(SUNDAY), '2021-08-15');
  });

  it('a weekday in the past is the latest one, the reference itself when it is that weekday', () => {
    assert.equal(formatDay(resolveWeekday(SUNDAY, THU, null, 'past')), '2021-08-12');
    assert.equal(formatDay(resolveWeekday(SUNDAY, SUN, null, 'past')), '2021-08-15');
    assert.equal(formatDay(resolveWeekday(SUNDAY, SAT, null, 'unknown')), '2021-08-14');
  });

  it('a weekday in the future or a scheduled present is the next one', () => {
    assert.equal(formatDay(resolveWeekday(SUNDAY, THU, null, 'future')), '2021-08-19');
    assert.equal(formatDay(resolveWeekday(WEDNESDAY, MON, null, 'present')), '2021-08-23');
  });

  it('"last" and "next" never mean the reference day itself', () => {
    assert.equal(formatDay(resolveWeekday(SUNDAY, SUN, 'last', 'unknown')), '2021-08-08');
    assert.equal(formatDay(resolveWeekday(SUNDAY, SUN, 'next', 'unknown')), '2021-08-22');
    assert.equal(formatDay(resolveWeekday(WEDNESDAY, THU, 'next', 'unknown')), '2021-08-19');
  });

  it('weeks run Monday to Sunday', () => {
    const w = weekRange(WEDNESDAY, -1);
    assert.deepEqual([formatDay(w.from), formatDay(w.to)], ['2021-08-09', '2021-08-15']);
  });

  it('a weekend is the one just past, the coming one in the future, the current one on a weekend', () => {
    const fmt = (r: { from: number; to: number }): string[] => [formatDay(r.from), formatDay(r.to)];
    assert.deepEqual(fmt(weekendRange(WEDNESDAY, 'this', 'past')), ['2021-08-14', '2021-08-15']);
    assert.deepEqual(fmt(weekendRange(WEDNESDAY, 'this', 'future')), ['2021-08-21', '2021-08-22']);
    assert.deepEqual(fmt(weekendRange(SUNDAY, 'this', 'future')), ['2021-08-14', '2021-08-15']);
    assert.deepEqual(fmt(weekendRange(SUNDAY, 'last', 'unknown')), ['2021-08-07', '2021-08-08']);
  });

  it('a date without a year takes the year its tense points to', () => {
    const jan5 = day('2021-01-05');
    assert.equal(yearForMonthDay(jan5, 12, 28, 'past'), 2020);
    assert.equal(yearForMonthDay(jan5, 1, 2, 'past'), 2021);
    assert.equal(yearForMonthDay(SUNDAY, 3, 1, 'future'), 2022);
    assert.equal(yearForMonthDay(SUNDAY, 10, null, 'past'), 2020);
    assert.equal(yearForMonthDay(SUNDAY, 10, null, 'future'), 2021);
    assert.equal(yearForMonthDay(SUNDAY, 8, 20, 'past'), 2021); // a few days ahead: still this year
    assert.equal(yearForMonthDay(jan5, 12, 20, 'unknown'), 2020); // the nearest
  });
});

describe('tense of the clause around a date', () => {
  const tenseOf = (sentence: string, word: string): string => {
    const i = sentence.indexOf(word);
    return tenseAt(sentence, i, i + word.length);
  };
  it('past: simple past, irregular past, perfect', () => {
    assert.equal(tenseOf('The rebels captured the town on Friday.', 'Friday'), 'past');
    assert.equal(tenseOf('The rebels took the town on Friday.', 'Friday'), 'past');
    assert.equal(tenseOf('The rebels have held the town since Friday.', 'Friday'), 'past');
  });
  it('future: will, going to, is to, is expected to, plans to', () => {
    assert.equal(tenseOf('The envoy will arrive on Friday.', 'Friday'), 'future');
    assert.equal(tenseOf('The envoy is going to arrive on Friday.', 'Friday'), 'future');
    assert.equal(tenseOf('The envoy is to arrive on Friday.', 'Friday'), 'future');
    assert.equal(tenseOf('The envoy is expected to arrive on Friday.', 'Friday'), 'future');
    assert.equal(tenseOf('The envoy plans to arrive on Friday.', 'Friday'), 'future');
  });
  it('present of a scheduled event', () => {
    assert.equal(tenseOf('The festival opens on Friday.', 'Friday'), 'present');
    assert.equal(tenseOf('Polls close on Friday.', 'Friday'), 'present');
  });
  it('the nearest verb decides when a sentence mixes tenses', () => {
    const s = 'The minister said on Monday that he will resign on Friday.';
    assert.equal(tenseOf(s, 'Monday'), 'past');
    assert.equal(tenseOf(s, 'Friday'), 'future');
  });
  it('a capitalised name ending in -ed is not a verb', () => {
    assert.equal(tenseOf('On Friday, Ahmed and his brother are to fly home.', 'Friday'), 'future');
  });
  it('no verb at all', () => {
    assert.equal(tenseOf('Crowds in the main square on Friday.', 'Friday'), 'unknown');
  });
});
