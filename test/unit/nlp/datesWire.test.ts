// Dates in newswire copy (issue 9): wire stories with invented names, spaced punctuation as wire archives keep it,
// datelines, results and fixtures lists, market reports.
import * as assert from 'node:assert/strict';
import { findDates } from '../../../src/core/nlp/dates';

const values = (text: string, ref: string | null): [string, unknown][] => findDates(text, ref).map((d) => [d.text, d.value]);

describe('dates in newswire copy', () => {
  it('a number before a quantity word of the markets is no year: "1996 lots", "1996 million crowns"', () => {
    const ref = '1996-08-30';
    assert.deepEqual(values('Volume was 1996 lots against 1,201 lots on Thursday .', ref), [['Thursday', '1996-08-29']]);
    assert.deepEqual(values('Ostbank earned 2004 million crowns in the half .', ref), []);
    assert.deepEqual(values('Traders sold 1998 contracts and 1950 shares .', ref), []);
    assert.deepEqual(values('Profit rose in 1995 , the bank said .', ref), [['1995', '1995']]);
  });

  it("a possessive set apart (\"Thursday 's match\") is no present tense: the day stays in the past", () => {
    const ref = '1996-08-30'; // a Friday
    assert.deepEqual(values("Keston , who lost Thursday 's match 2-1 , will meet Varnby on Sunday .", ref), [
      ['Thursday', '1996-08-29'],
      ['Sunday', '1996-09-01'],
    ]);
    assert.deepEqual(values("Brisk missed Wednesday 's training session .", ref), [['Wednesday', '1996-08-28']]);
    assert.deepEqual(values("It 's due on Monday .", ref), [['Monday', '1996-09-02']], "\"It 's\" is still \"it is\"");
    assert.deepEqual(values("Halvard beat Brisk in last year 's final and in the semi-finals in July .", ref), [
      ['last year', '1995'],
      ['July', '1996-07'],
    ]);
    assert.deepEqual(values("The bank 's board met on Tuesday .", ref), [['Tuesday', '1996-08-27']]);
    assert.deepEqual(values("Here 's the plan for Monday .", ref).length, 1);
    assert.deepEqual(values("Today 's generation reads less .", ref), [], "a possessive set apart still means nowadays");
    assert.deepEqual(values("Brisk missed today 's training .", ref), [['today', '1996-08-30']]);
  });

  it('a fixtures list points forward, a results list back', () => {
    const ref = '1996-08-29'; // a Thursday
    const fixtures = 'SOCCER - OSTLAND LEAGUE FIXTURES .\nBERGEN 1996-08-29\nFixtures for the weekend :\nSaturday : Castlebury v Wendham\nSunday : Ostby v Kelmouth';
    assert.deepEqual(values(fixtures, ref).slice(1), [
      ['weekend', { from: '1996-08-31', to: '1996-09-01' }],
      ['Saturday', '1996-08-31'],
      ['Sunday', '1996-09-01'],
    ]);
    assert.deepEqual(values("Fixtures for Saturday 's games :\nCastlebury v Wendham", ref), [['Saturday', '1996-08-31']]);
    const results = 'Results of league matches on Saturday :\nCastlebury 2 Wendham 1\nSunday :\nOstby 0 Kelmouth 0';
    assert.deepEqual(values(results, '1996-09-02'), [
      ['Saturday', '1996-08-31'],
      ['Sunday', '1996-09-01'],
    ]);
    const after = 'Fixtures for Saturday :\nCastlebury v Wendham\n\nKeston lost 2-1 to Varnby on Wednesday .';
    assert.deepEqual(values(after, ref), [['Saturday', '1996-08-31'], ['Wednesday', '1996-08-28']], 'a verb decides over the list');
  });

  it('a year written with two digits after an apostrophe takes its century from the article date', () => {
    assert.deepEqual(values("Brisk , who won the title in '96 , said the '95 figures were wrong .", '2015-03-04'), [
      ["'96", '1996'],
      ["'95", '1995'],
    ]);
    assert.deepEqual(values("The class of '08 met again .", '2015-03-04'), [["'08", '2008']]);
    assert.deepEqual(values("Tickets for the '18 games sold out .", '2015-03-04'), [["'18", '2018']]);
    assert.deepEqual(values("The class of '96 met again .", null), [["'96", null]], 'no article date: found, unresolved');
    assert.deepEqual(values("Music from the '80s played ; he is 5'11 and wore '12' on his shirt .", '2015-03-04'), [
      ["'80s", { from: '1980-01-01', to: '1989-12-31' }],
    ]);
  });

  it('"9/11" and "the September 11 attacks" are the day of the attacks, not a September 11 placed by tense', () => {
    assert.deepEqual(values('Security was tightened after 9/11 and after the September 11 attacks on Ostland .', '2015-03-04'), [
      ['9/11', '2001-09-11'],
      ['September 11', '2001-09-11'],
    ]);
    assert.deepEqual(values('The vote is on September 11 .', '2015-03-04'), [['September 11', '2015-09-11']]);
    assert.deepEqual(values('Keston won on 9/11/2014 .', '2015-03-04'), [['9/11/2014', '2014-09-11']]);
  });

  it('a number after a month and a comma is no day or year of it: "Since January , 40 people died"', () => {
    const ref = '1996-08-30';
    assert.deepEqual(values('Since January , 40 people died .', ref), [['January', '1996-01']]);
    assert.deepEqual(values('In March, 12 ships sank.', ref), [['March', '1996-03']]);
    assert.deepEqual(values('By June 5 , 300 had fled .', ref), [['June 5', '1996-06-05']]);
    assert.deepEqual(values('The strike began on March 3, 1996.', ref), [['March 3, 1996', '1996-03-03']]);
  });

  it('a period "to" a date is no range from a word: "the year to June 30", "the week to August 23"', () => {
    const ref = '1996-08-30';
    assert.deepEqual(values('Sales in the year to June 30 , 1996 rose .', ref), [['June 30 , 1996', '1996-06-30']]);
    assert.deepEqual(values('In the week to August 23 , exports fell .', ref), [['August 23', '1996-08-23']]);
    assert.deepEqual(values('In the week to Aug 23 , exports fell .', ref), [['Aug 23', '1996-08-23']]);
  });

  it('what is "to be played" or "to be held" is ahead, even under a results heading', () => {
    const text = 'Results of cup matches played on Wednesday :\nCastlebury 2 Wendham 1\nMatches to be played on September 17 .';
    assert.deepEqual(values(text, '1996-09-05'), [['Wednesday', '1996-09-04'], ['September 17', '1996-09-17']]);
    assert.deepEqual(values('Officials said a second vote , to be held on Friday , would decide .', '1996-09-05'), [['Friday', '1996-09-06']]);
    assert.deepEqual(values('The mill used to be busy in March .', '1996-09-05'), [['March', '1996-03']]);
  });

  it('years before 1500 with an era, "circa", "the year" or "in" before them; none before Christ', () => {
    const ref = '2015-03-04';
    assert.deepEqual(values('The abbey, begun in AD 842 and finished in 1103, burned in 1420.', ref), [
      ['AD 842', '0842'],
      ['1103', '1103'],
      ['1420', '1420'],
    ]);
    assert.deepEqual(values('Brother Kessel (c. 314 – 368) founded it around 347 AD.', ref), [
      ['314', '0314'],
      ['368', '0368'],
      ['347 AD', '0347'],
    ]);
    assert.deepEqual(values('The legion built a fort in the year 71.', ref), [['71', '0071']]);
    assert.deepEqual(values('The tomb dates from 1500 BC and the town from 1200 BCE.', ref), []);
    assert.deepEqual(values('Around 1200 people marched; in 1300 homes the power failed; c. 400 fans came; ca. 1000 poets wrote.', ref), []);
  });
});
