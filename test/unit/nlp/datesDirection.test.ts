// Dates that never point the wrong way (issue 9): future in the past, ranges, periods with their granularity.
import * as assert from 'node:assert/strict';
import { findDates } from '../../../src/core/nlp/dates';

const REF = '2015-03-04'; // a Wednesday
const values = (text: string, ref: string | null = REF): [string, unknown][] => findDates(text, ref).map((d) => [d.text, d.value]);

describe('dates: future in the past points forward from the article date', () => {
  it('"would" reports a plan: the next such weekday', () => {
    assert.deepEqual(values('The senators said they would vote by Thursday.'), [['Thursday', '2015-03-05']]);
    assert.deepEqual(values('The union said it would hold a rally on Friday.'), [['Friday', '2015-03-06']]);
  });

  it('"would have" still looks back', () => {
    assert.deepEqual(values('She said the ferry would have sailed on Monday.'), [['Monday', '2015-03-02']]);
  });

  it('"was set to", "were due to", "was scheduled for" point forward', () => {
    assert.deepEqual(values('The talks were due to resume on Monday.'), [['Monday', '2015-03-09']]);
    assert.deepEqual(values('The vote was scheduled for Thursday.'), [['Thursday', '2015-03-05']]);
    assert.deepEqual(values('The fair was set to open on Saturday.'), [['Saturday', '2015-03-07']]);
    assert.deepEqual(values('They planned to finish the bridge by Friday.'), [['Friday', '2015-03-06']]);
  });

  it('"is set to take place on May 16" and "will hold a rally on Wednesday" are ahead', () => {
    assert.deepEqual(values('The regatta is set to take place on May 16.'), [['May 16', '2015-05-16']]);
    assert.deepEqual(values('The regatta is set to take place on February 16.'), [['February 16', '2016-02-16']]);
    assert.deepEqual(values('The mayor will hold a rally on Friday.'), [['Friday', '2015-03-06']]);
  });

  it('a plan told by a participle alone points forward too: "the regatta, set to take place on May 16, …", "a rally slated for Friday"', () => {
    assert.deepEqual(values('The regatta, set to take place on May 16, would follow a survey of the harbour.'), [['May 16', '2015-05-16']]);
    assert.deepEqual(values('Volunteers gathered on Monday for a rally slated for Friday.'), [['Monday', '2015-03-02'], ['Friday', '2015-03-06']]);
    assert.deepEqual(values('The ferry, scheduled for Thursday, left the harbour late.'), [['Thursday', '2015-03-05']]);
    // "due to" is as often "because of"; a past verb still looks back
    assert.deepEqual(values('The match was abandoned due to rain on Monday.'), [['Monday', '2015-03-02']]);
    assert.deepEqual(values('The harbour board met on May 16.'), [['May 16', '2014-05-16']]);
  });

  it('a modal of possibility or duty points forward: "could come back on Monday", "should leave by Friday"', () => {
    assert.deepEqual(values('The striker could come back on Monday, the coach said.'), [['Monday', '2015-03-09']]);
    assert.deepEqual(values('Officials said the ferry might resume service on Friday.'), [['Friday', '2015-03-06']]);
    assert.deepEqual(values('The minister said the bill may pass by Thursday.'), [['Thursday', '2015-03-05']]);
    assert.deepEqual(values('Residents were told they should leave by Friday.'), [['Friday', '2015-03-06']]);
    assert.deepEqual(values('The owners said the club could be sold by Friday.'), [['Friday', '2015-03-06']]);
  });

  it('"could have", "could not" and the month May keep looking back', () => {
    assert.deepEqual(values('She said the parcel might have arrived on Monday.'), [['Monday', '2015-03-02']]);
    assert.deepEqual(values('Police could not confirm the report on Monday.'), [['Monday', '2015-03-02']]);
    assert.deepEqual(values('Rescuers said on Monday the miners could be reached within days.'), [['Monday', '2015-03-02']]);
    assert.deepEqual(values('The bridge opened in May, officials said.', '2015-08-04'), [['May', '2015-05']]);
  });

  it('a passive past stays in the past', () => {
    assert.deepEqual(values('The harbour master was injured on Monday.'), [['Monday', '2015-03-02']]);
  });

  it('"said on Monday they would…": the reporting verb places the date it governs, the plan the one after it', () => {
    assert.deepEqual(values('The dockers said on Monday they would vote by Friday.'), [
      ['Monday', '2015-03-02'],
      ['Friday', '2015-03-06'],
    ]);
    assert.deepEqual(values('The two councils agreed on Monday to merge.'), [['Monday', '2015-03-02']]);
  });

  it('a passive past perfect stays in the past beside a plan that points ahead', () => {
    assert.deepEqual(values('Ostmere said the levy had been agreed on Dec. 28 and would run until Jan. 3.', '2015-12-02'), [
      ['Dec. 28', '2014-12-28'],
      ['Jan. 3', '2016-01-03'],
    ]);
    assert.deepEqual(values('The ferry was cancelled on Sunday and would resume by Friday.'), [
      ['Sunday', '2015-03-01'],
      ['Friday', '2015-03-06'],
    ]);
  });
});

describe('dates: ranges and periods', () => {
  it('a range without a year never ends before it starts', () => {
    for (const d of findDates('The fair ran December 28 - January 3 and again Dec 30-Jan 2.', REF)) {
      if (d.value !== null && typeof d.value !== 'string' && 'from' in d.value) assert.ok(d.value.from <= d.value.to, JSON.stringify(d));
    }
    const one = findDates('The market runs December 28 - January 3.', REF).map((d) => d.value);
    assert.ok(one.every((v) => v === null || typeof v === 'string' || !('from' in v) || v.from <= v.to), JSON.stringify(one));
  });

  it('two weekdays joined as a range never end before they start: the nearer one moves a week away from the article date', () => {
    // the article date is a Wednesday: a past Monday-to-Thursday ended last Thursday, a coming one starts next Monday
    assert.deepEqual(values('The strike lasted from Monday to Thursday.'), [
      ['Monday', '2015-02-23'],
      ['Thursday', '2015-02-26'],
    ]);
    assert.deepEqual(values('The strike will run from Monday until Thursday.'), [
      ['Monday', '2015-03-09'],
      ['Thursday', '2015-03-12'],
    ]);
    assert.deepEqual(values('Talks were held between Friday and Tuesday.'), [
      ['Friday', '2015-02-27'],
      ['Tuesday', '2015-03-03'],
    ]);
    // two dates that are no range keep their own values
    assert.deepEqual(values('The ferry sailed on Monday, and on Thursday it was back.'), [
      ['Monday', '2015-03-02'],
      ['Thursday', '2015-02-26'],
    ]);
  });

  it('decades and centuries are ranges of years', () => {
    assert.deepEqual(values('Prices fell in the 1970s and the nineties.'), [
      ['1970s', { from: '1970-01-01', to: '1979-12-31' }],
      ['nineties', { from: '1990-01-01', to: '1999-12-31' }],
    ]);
    assert.deepEqual(values('Mills were built in the 1800s.'), [['1800s', { from: '1800-01-01', to: '1899-12-31' }]]);
    assert.deepEqual(values('Phones spread in the 2000s.'), [['2000s', { from: '2000-01-01', to: '2009-12-31' }]]);
    assert.deepEqual(values('Workers in their forties moved away.'), [], 'an age is not a decade');
  });

  it('centuries from the 2nd to the 21st are ranges; one before Christ is no date', () => {
    assert.deepEqual(values('The abbey was founded in the 11th century and its tower is a 14th-century addition.'), [
      ['11th century', { from: '1000-01-01', to: '1099-12-31' }],
      ['14th-century', { from: '1300-01-01', to: '1399-12-31' }],
    ]);
    assert.deepEqual(values('Pottery from the tenth century was found.'), [['tenth century', { from: '0900-01-01', to: '0999-12-31' }]]);
    assert.deepEqual(values('The shrine dates from the 5th century BC.'), []);
  });

  it('the world wars are the days they ran', () => {
    assert.deepEqual(values('Quaymouth was bombed in World War II and its mill closed after the First World War; WWII veterans marched.'), [
      ['World War II', { from: '1939-09-01', to: '1945-09-02' }],
      ['First World War', { from: '1914-07-28', to: '1918-11-11' }],
      ['WWII', { from: '1939-09-01', to: '1945-09-02' }],
    ]);
  });

  it('"the past three years" and "the past decade" end on the article date and say the day they start', () => {
    assert.deepEqual(values('Fares rose over the past three years.'), [['the past three years', { from: '2012-03-05', to: '2015-03-04' }]]);
    assert.deepEqual(values('In the past decade the port has grown.'), [['the past decade', { from: '2005-03-05', to: '2015-03-04' }]]);
    assert.deepEqual(values('Over the last two months, rents fell.', '2015-03-31'), [['the last two months', { from: '2015-02-01', to: '2015-03-31' }]]);
  });

  it('a month without a year takes the year written after it, for itself or for the range it starts', () => {
    assert.deepEqual(values('Freight rose from March to August 2011.'), [
      ['March', '2011-03'],
      ['August 2011', '2011-08'],
    ]);
    assert.deepEqual(values('Orders for January-June 2016 doubled.'), [
      ['January', '2016-01'],
      ['June 2016', '2016-06'],
    ]);
    assert.deepEqual(values('The ferry ran from November to February 2012.'), [
      ['November', '2011-11'],
      ['February 2012', '2012-02'],
    ]);
    assert.deepEqual(values('Velmar visited between May and June in 1981.'), [
      ['May', '1981-05'],
      ['June in 1981', '1981-06'],
    ]);
    assert.deepEqual(values('Theresa Holm met Ada May in 2009.'), [['2009', '2009']], 'a person named May');
  });

  it('"the morning of 30 May 1832" is that day', () => {
    assert.deepEqual(values('Early in the morning of 30 May 1832 the duel was fought.'), [['30 May 1832', '1832-05-30']]);
  });

  it('"1890 – 91": a second year written short and apart is a year of its own', () => {
    assert.deepEqual(values('He taught at Brantwell in 1890 – 91 and scored 1990 - 95 %.'), [
      ['1890', '1890'],
      ['91', '1891'],
      ['1990', '1990'],
    ]);
  });

  it('a season of a year is a range of months; winter runs into the next year', () => {
    assert.deepEqual(values('The pier was rebuilt in the summer of 2012.'), [['summer of 2012', { from: '2012-06', to: '2012-08' }]]);
    assert.deepEqual(values('Ice closed the port in winter 2010.'), [['winter 2010', { from: '2010-12', to: '2011-02' }]]);
  });

  it('"this year" stays its own date beside a month and day', () => {
    assert.deepEqual(values('The plan was approved on March 3 this year.'), [
      ['March 3', '2015-03-03'],
      ['this year', '2015'],
    ]);
  });
});

describe('dates: a day told from the last day the text gave', () => {
  it('"the next day", "two days later", "that day" count from the day before them, one told so included', () => {
    assert.deepEqual(values('Police held Ada Brisk on March 3, 2014. The next day she was freed, and two days later she left Varnholt.'), [
      ['March 3, 2014', '2014-03-03'],
      ['The next day', '2014-03-04'],
      ['two days later', '2014-03-06'],
    ]);
    assert.deepEqual(values('The Varnholt council met on Monday. The following day, it voted; the port closed the day after. That day, ferries stopped.'), [
      ['Monday', '2015-03-02'],
      ['The following day', '2015-03-03'],
      ['the day after', '2015-03-04'],
      ['That day', '2015-03-04'],
    ]);
  });

  it('a part of the day counts as its day: "the following morning", "That night"', () => {
    assert.deepEqual(values('The duel was fought on 30 May 1832 and Brisk died the following morning.'), [
      ['30 May 1832', '1832-05-30'],
      ['the following morning', '1832-05-31'],
    ]);
    assert.deepEqual(values('The mayor said that night patrols would start on Friday.'), [['Friday', '2015-03-06']], 'a conjunction');
  });

  it('"the day before" something else, or a day after a bare year, is no date; without an article date it is unresolved', () => {
    assert.deepEqual(values('The vote is on Friday, and the day before the vote the council will meet.'), [['Friday', '2015-03-06']]);
    assert.deepEqual(values('Brisk was born in 1970. The next day was cold.'), [['1970', '1970']]);
    assert.deepEqual(values('The council met on Monday. The next day it voted.', null), [
      ['Monday', null],
      ['The next day', null],
    ]);
  });
});

describe('dates: a habit or "nowadays" is no date', () => {
  it('weekdays of a timetable or a habit are left out', () => {
    assert.deepEqual(values('The Ostby ferry sails every Monday/Thursday and on Saturday mornings.'), []);
    assert.deepEqual(values('Kestrel Air has one flight per week on Tuesday; the market is busiest on Friday and holiday evenings.'), []);
    assert.deepEqual(values('He starred in a remake of Friday the 13th.'), []);
    assert.deepEqual(values('The ferry sailed on Saturday morning.'), [['Saturday', '2015-02-28']], 'one morning is a date');
  });

  it('"today" meaning nowadays is left out, the article\'s day kept', () => {
    assert.deepEqual(values('The Brisk pump is still used today in many mills, and the valley is known today as Varnholt.'), []);
    assert.deepEqual(values('Varnholt today is a busy port; what is today Ostland was then a duchy; the loom remains in use today.'), []);
    assert.deepEqual(values('The mayor of Varnholt said today that the bridge would reopen.'), [['today', '2015-03-04']]);
    assert.deepEqual(values('Schools in Varnholt are still closed today.'), [['today', '2015-03-04']]);
  });

  it('"today" of a place as it now is, of a heading, of "as it is today", and in a name is left out', () => {
    assert.deepEqual(values('Varnholt today is ever growing. Kessby today is largely a suburb.'), []);
    assert.deepEqual(values('History\n\nVarnholt today\n\nSince the mills closed, the town has changed.'), []);
    assert.deepEqual(values('The harbour grew to the size it is today. The square looks as it was then, not as it is today.'), []);
    assert.deepEqual(values('More potters work in the valley today than ever before.'), []);
    assert.deepEqual(values('Visitors can pick up the Kessby Today, a free weekly paper.'), []);
    assert.deepEqual(values('Police in Varnholt today arrested two men.'), [['today', '2015-03-04']]);
    assert.deepEqual(values('Varnholt today is hosting the summit.'), [['today', '2015-03-04']]);
    assert.deepEqual(values('Today, the council voted to close the pier.'), [['Today', '2015-03-04']]);
  });
});

describe('dates: a present perfect duration runs up to the article date', () => {
  it('"has been … for 15 years" is the period that ends now', () => {
    assert.deepEqual(values('The guild has been campaigning for 15 years.'), [['15 years', { from: '2000', to: '2015' }]]);
  });

  it('"almost" starts the period a unit later', () => {
    assert.deepEqual(values('The ferry company has run the route for almost twelve years.'), [['twelve years', { from: '2004', to: '2015' }]]);
  });

  it('months keep their granularity', () => {
    assert.deepEqual(values('Residents have waited for six months.'), [['six months', { from: '2014-09', to: '2015-03' }]]);
  });

  it('a past perfect or a plain past duration is no date', () => {
    assert.deepEqual(values('She had lived in the valley for 15 years.'), []);
    assert.deepEqual(values('He spent 15 years at sea.'), []);
  });
});

describe('dates: a verb form shared by the base and the past is no past after a modal or "to"', () => {
  it('"will run until June", "is set to run until February" point ahead', () => {
    assert.deepEqual(values('The exhibition will run until June.'), [['June', '2015-06']]);
    assert.deepEqual(values('The show is set to run until February.'), [['February', '2016-02']]);
  });

  it('"won\'t" is a future', () => {
    assert.deepEqual(values("The ferry won't sail on Monday."), [['Monday', '2015-03-09']]);
  });

  it('a scheduled present such as "runs" points ahead', () => {
    assert.deepEqual(values('The fair runs from Friday to Sunday.'), [
      ['Friday', '2015-03-06'],
      ['Sunday', '2015-03-08'],
    ]);
  });

  it('the plain past still looks back', () => {
    assert.deepEqual(values('The exhibition ran until February.'), [['February', '2015-02']]);
    assert.deepEqual(values('The ferry came back on Monday.'), [['Monday', '2015-03-02']]);
  });
});

describe('dates: early, mid and late narrow a period to its part, and keep its granularity', () => {
  it('a decade: its first half, its middle, its second half (a range of years, never one year); a model number is not one', () => {
    assert.deepEqual(values('The mill closed in the mid-1980s.'), [['mid-1980s', { from: '1983-01-01', to: '1987-12-31' }]]);
    assert.deepEqual(values('Rents doubled in the late-1990s.'), [['late-1990s', { from: '1995-01-01', to: '1999-12-31' }]]);
    assert.deepEqual(values('Trams ran until the early 1960s.'), [['early 1960s', { from: '1960-01-01', to: '1964-12-31' }]]);
    assert.deepEqual(values('Two B-52s flew over.'), []);
  });

  it('a century: its first quarter, its middle, its last quarter', () => {
    assert.deepEqual(values('The quay was built in the late 19th century.'), [['late 19th century', { from: '1875-01-01', to: '1899-12-31' }]]);
    assert.deepEqual(values('The chapel dates from the early 15th century.'), [['early 15th century', { from: '1400-01-01', to: '1424-12-31' }]]);
  });

  it('a year: its first half, its middle months, its second half, as months', () => {
    assert.deepEqual(values('Prices rose in late 2013.'), [['late 2013', { from: '2013-07', to: '2013-12' }]]);
    assert.deepEqual(values('Output rose again in mid-2010.'), [['mid-2010', { from: '2010-04', to: '2010-09' }]]);
    assert.deepEqual(values('The ferry line was sold late last year.'), [['late last year', { from: '2014-07', to: '2014-12' }]]);
    assert.deepEqual(values('The bridge will open early next year.'), [['early next year', { from: '2016-01', to: '2016-06' }]]);
  });

  it('a month: its first half, its middle days, its second half, in the year its tense gives', () => {
    assert.deepEqual(values('The ferry was sold in late September.'), [['late September', { from: '2014-09-15', to: '2014-09-30' }]]);
    assert.deepEqual(values('Talks will resume in early April.'), [['early April', { from: '2015-04-01', to: '2015-04-15' }]]);
    assert.deepEqual(values('The mill closed in mid-June 2009.'), [['mid-June 2009', { from: '2009-06-10', to: '2009-06-20' }]]);
    assert.deepEqual(values('The port froze in late February 2012.'), [['late February 2012', { from: '2012-02-15', to: '2012-02-29' }]]);
  });

  it('a day stays a day, and a modifier set apart is none', () => {
    assert.deepEqual(values('Rebels attacked late Saturday.'), [['Saturday', '2015-02-28']]);
    assert.deepEqual(values('The ferry came early. In March it froze.'), [['March', '2015-03']]);
    assert.deepEqual(values('The ferry left early on March 2.'), [['March 2', '2015-03-02']]);
  });
});

describe('dates: a day of an event in apposition after a date is that date', () => {
  it('"On Monday, day two of the summit," is Monday twice', () => {
    assert.deepEqual(values('On Monday, day two of the summit, the ministers signed the pact.'), [
      ['Monday', '2015-03-02'],
      ['day two of the summit', '2015-03-02'],
    ]);
  });

  it('a year inside the event name goes with it', () => {
    assert.deepEqual(values('On Monday, day three of the 2015 Lakeside Regatta, the wind dropped.'), [
      ['Monday', '2015-03-02'],
      ['day three of the 2015 Lakeside Regatta', '2015-03-02'],
    ]);
  });

  it('"Saturday night, the opening night," is that Saturday', () => {
    assert.deepEqual(values('I went on Saturday night, the opening night, and the square was full.'), [
      ['Saturday', '2015-02-28'],
      ['the opening night', '2015-02-28'],
    ]);
  });

  it('only a closed apposition after a date counts', () => {
    assert.deepEqual(values('On Monday, day two of the summit began.'), [['Monday', '2015-03-02']]);
    assert.deepEqual(values('The first day of the fair was quiet.'), []);
    assert.deepEqual(values('In 2014, the first day of the fair, it rained.'), [['2014', '2014']]);
  });

  it('without an article date both keep their spans, unresolved', () => {
    assert.deepEqual(values('On Monday, day two of the summit, the ministers signed the pact.', null), [
      ['Monday', null],
      ['day two of the summit', null],
    ]);
  });
});

describe('dates: a story set in an earlier year keeps its year for dates without one', () => {
  it('a paragraph that sets a year takes its past-tense dates into it', () => {
    assert.deepEqual(values('In 2009, the ferry was sold. It was renamed on July 6 and left the port.'), [['2009', '2009'], ['July 6', '2009-07-06']]);
    assert.deepEqual(values('The mill burned down in March 1911. It reopened on 2 June after a collection.'), [['March 1911', '1911-03'], ['2 June', '1911-06-02']]);
  });

  it('a year in passing, another paragraph, the future and a recent year leave the article date in charge', () => {
    assert.deepEqual(values('The firm, founded in 1998, said on March 3 that sales fell.'), [['1998', '1998'], ['March 3', '2015-03-03']]);
    assert.deepEqual(values('In 2009, the ferry was sold.\n\nIt was renamed on February 6.'), [['2009', '2009'], ['February 6', '2015-02-06']]);
    assert.deepEqual(values('In 2009, the ferry was sold. It will sail again on July 6.'), [['2009', '2009'], ['July 6', '2015-07-06']]);
    assert.deepEqual(values('In 2014, the ferry was sold. It was renamed on February 6.'), [['2014', '2014'], ['February 6', '2015-02-06']]);
  });

  it('a month and year beside the date in its own sentence sets no year for it', () => {
    assert.deepEqual(values('He made his debut in August 1991 and played his last match on February 25.').map(([, v]) => v), ['1991-08', '2015-02-25']);
    assert.deepEqual(values('In 2009, the ferry was sold on July 6.').map(([, v]) => v), ['2009', '2009-07-06']);
  });

  it('a day with its year closing a paragraph carries the story into the next one', () => {
    assert.deepEqual(values('The mill was sold on 14 April 1911.\n\nIt burned down on 2 June after a dry spell.').map(([, v]) => v), ['1911-04-14', '1911-06-02']);
    assert.deepEqual(values('Divers reached the wreck on October 3, 2008, after a week.\n\nOn November 12, the hull was lifted.').map(([, v]) => v), ['2008-10-03', '2008-11-12']);
  });

  it('a paragraph back in the present, a year alone or a birth leave the next paragraph to the article date', () => {
    assert.deepEqual(values('The mill was sold on 14 April 1911.\n\nOn Monday the museum said it reopened on February 2.').map(([, v]) => v), ['1911-04-14', '2015-03-02', '2015-02-02']);
    assert.deepEqual(values('The mill was sold on 14 April 1911.\n\nThis year it reopened on February 2.').map(([, v]) => v), ['1911-04-14', '2015', '2015-02-02']);
    assert.deepEqual(values('Brisk was born on 4 July 1970.\n\nShe resigned on February 27.').map(([, v]) => v), ['1970-07-04', '2015-02-27']);
    assert.deepEqual(values('The mill was sold on 14 April 1911.\n\nThe museum will reopen on 2 June.').map(([, v]) => v), ['1911-04-14', '2015-06-02']);
  });

  it('a birth, a death or a founding in passing sets no year for the story', () => {
    assert.deepEqual(values('Brisk, who was born on 4 July 1970, resigned on February 27.').map(([, v]) => v), ['1970-07-04', '2015-02-27']);
    assert.deepEqual(values('The firm, founded in March 1998, said on March 3 that sales fell.').map(([, v]) => v), ['1998-03', '2015-03-03']);
    assert.deepEqual(values('The firm was founded in March 1998. It opened its first shop on 2 June.').map(([, v]) => v), ['1998-03', '1998-06-02']);
  });
});

describe('dates: a year or month told from the last one the text gave', () => {
  it('"that year", "the following year", "two years later" count from the last year written before them', () => {
    assert.deepEqual(values('The mill opened in 1921 and burned down later that year.'), [
      ['1921', '1921'],
      ['that year', '1921'],
    ]);
    assert.deepEqual(values('She moved to Oslo in 2009. The following year she married, and two years later she left.'), [
      ['2009', '2009'],
      ['The following year', '2010'],
      ['two years later', '2011'],
    ]);
    assert.deepEqual(values('The pier was built in March 1998 and opened the following month.'), [
      ['March 1998', '1998-03'],
      ['the following month', '1998-04'],
    ]);
    assert.deepEqual(values('In 2004 the club was sold; a year earlier it had nearly folded.'), [
      ['2004', '2004'],
      ['a year earlier', '2003'],
    ]);
  });

  it('without a year written before, or after a date the article date placed, they are no date', () => {
    assert.deepEqual(values('Later that year the mill burned down.'), []);
    assert.deepEqual(values('Two years later the mill burned down.'), []);
    assert.deepEqual(values('The mill burned down on Monday; the following year it was rebuilt.'), [['Monday', '2015-03-02']]);
  });
});

describe('dates: a month or day followed by the year it is in ("in May last year") is in that year', () => {
  it('"this year", "last year", "next year" give the year, whatever the tense says, and stay dates of their own', () => {
    assert.deepEqual(values('The firm said in November this year that it would cut jobs.'), [
      ['November', '2015-11'],
      ['this year', '2015'],
    ]);
    assert.deepEqual(values('Ferries were cut in May last year.'), [
      ['May', '2014-05'],
      ['last year', '2014'],
    ]);
    assert.deepEqual(values('The bridge closed on June 3 last year.'), [
      ['June 3', '2014-06-03'],
      ['last year', '2014'],
    ]);
    assert.deepEqual(values('The vote is planned for February next year.'), [
      ['February', '2016-02'],
      ['next year', '2016'],
    ]);
    assert.deepEqual(values('On 12 January this year , the ferry sank .'), [
      ['12 January', '2015-01-12'],
      ['this year', '2015'],
    ]);
  });

  it('"the same year" and "that year" take the year written before them', () => {
    assert.deepEqual(values('Ada Brisk left Varnholt in 1981 after her brother died in March the same year.'), [
      ['1981', '1981'],
      ['March the same year', '1981-03'],
    ]);
    assert.deepEqual(values('The mill opened in 1921; it burned down in October of that year.'), [
      ['1921', '1921'],
      ['October of that year', '1921-10'],
    ]);
  });

  it('a year after a month with its own year, or with no year word, is left alone', () => {
    assert.deepEqual(values('Sales rose in March 2014. This year they fell.'), [
      ['March 2014', '2014-03'],
      ['This year', '2015'],
    ]);
    assert.deepEqual(values('Since March, this year has been hard for the ferry line.'), [
      ['March', '2015-03'],
      ['this year', '2015'],
    ]);
  });
});

describe('dates: a plan reported in the past may be due a little before the article date', () => {
  it('a month and day after "would" is the nearest such day not months gone, not next year', () => {
    assert.deepEqual(values('Halvard said profit for the six months to February 28 would be lower.'), [['February 28', '2015-02-28']]);
    assert.deepEqual(values('The minister said the ferry would sail on March 10.'), [['March 10', '2015-03-10']]);
    assert.deepEqual(values('Officials said the vote would take place on December 2.'), [['December 2', '2015-12-02']]);
  });

  it('a month after "would", "was due to" or "was set to" is this year unless it is months gone', () => {
    assert.deepEqual(values('The union said it would strike in February.'), [['February', '2015-02']]);
    assert.deepEqual(values('The talks were due to end in January.'), [['January', '2015-01']]);
    assert.deepEqual(values('The mayor said elections would be held in November.'), [['November', '2015-11']]);
    assert.deepEqual(values('The mayor said the works would end in October.'), [['October', '2015-10']]);
  });

  it('"will" still points to the next such day', () => {
    assert.deepEqual(values('The firm will report results on January 20.'), [['January 20', '2016-01-20']]);
    assert.deepEqual(values('The firm will report results in February.'), [['February', '2016-02']]);
  });
});

describe('dates: weeks told from the last day the text gave', () => {
  it('"a week earlier", "two weeks later" count seven days a week from the last day', () => {
    assert.deepEqual(values('The crews walked out on March 2, 2014, after talks that began a week earlier.'), [
      ['March 2, 2014', '2014-03-02'],
      ['a week earlier', '2014-02-23'],
    ]);
    assert.deepEqual(values('The bridge shut on Monday. Two weeks later it reopened.'), [
      ['Monday', '2015-03-02'],
      ['Two weeks later', '2015-03-16'],
    ]);
  });

  it('weeks without a count are no date', () => {
    assert.deepEqual(values('She trained for weeks later in life.'), []);
  });
});

describe('dates: a vague stretch of time is known by its bound only', () => {
  it('"the past few days", "several years ago" are not after the article date', () => {
    assert.deepEqual(values('Prices rose over the past few days.'), [['the past few days', { notAfter: '2015-03-04' }]]);
    assert.deepEqual(values('The drink was popular for the last several months.'), [['the last several months', { notAfter: '2015-03-04' }]]);
    assert.deepEqual(values('The lab built the microscope several years ago.'), [['several years ago', { notAfter: '2015-03-04' }]]);
    assert.deepEqual(values('We ran that story a couple of years back.'), [['a couple of years back', { notAfter: '2015-03-04' }]]);
    assert.deepEqual(values('A few months ago, the ferry sank.'), [['A few months ago', { notAfter: '2015-03-04' }]]);
  });

  it('"the coming weeks", "the next few days" are not before it', () => {
    assert.deepEqual(values('Talks will resume in the coming weeks.'), [['the coming weeks', { notBefore: '2015-03-04' }]]);
    assert.deepEqual(values('The ferry stays in port for the next few days.'), [['the next few days', { notBefore: '2015-03-04' }]]);
  });

  it('without an article date they are found, unresolved; "recent years" is no date (annotated texts rarely mark it)', () => {
    assert.deepEqual(values('Prices rose over the past few days.', null), [['the past few days', null]]);
    assert.deepEqual(values('Tourism in Varnholt has grown in recent years.'), []);
  });
});

describe('dates: a deadline someone had or has is ahead of them', () => {
  it('"had until" is a deadline reported in the past, "has until" one still ahead', () => {
    assert.deepEqual(values('The speaker said the government had until September to present the bill.'), [['September', '2015-09']]);
    assert.deepEqual(values('The firm has until June 30 to reply.'), [['June 30', '2015-06-30']]);
    assert.deepEqual(values('The ferry ran until September.'), [['September', '2014-09']]);
  });
});

describe('dates: plans, months told from a month, the end of a year (invented Wikinews-style sentences)', () => {
  it('a plan or an expectation in the present points forward: "plans a rally on Saturday"', () => {
    assert.deepEqual(values('The Green Alliance plans a rally on Saturday.'), [['Saturday', '2015-03-07']]);
    assert.deepEqual(values('The union expects a ruling on Friday.'), [['Friday', '2015-03-06']]);
    assert.deepEqual(values('The plans were approved on Monday.'), [['Monday', '2015-03-02']], 'a noun after its determiner');
  });

  it('a month told from a month the tense placed: "collapsed in July and resumed the following month"', () => {
    assert.deepEqual(values('Talks collapsed in January and resumed the following month.'), [
      ['January', '2015-01'],
      ['the following month', '2015-02'],
    ]);
    assert.deepEqual(values('Prices rose last year and fell the following year.'), [
      ['last year', '2014'],
      ['the following year', '2015'],
    ]);
    assert.deepEqual(values('Talks collapsed in January and resumed the following month.', null), [
      ['January', null],
      ['the following month', null],
    ]);
  });

  it('"the end of the year", "the start of the month": the article\'s year or month, at its end or start', () => {
    assert.deepEqual(values('The permits are expected before the end of the year.'), [['the end of the year', '2015-12']]);
    assert.deepEqual(values('Rents will rise at the start of next month.'), [['the start of next month', '2015-04']]);
    assert.deepEqual(values('The ferry returns at the end of the month.'), [['the end of the month', '2015-03']]);
    assert.deepEqual(values('Sales fell at the beginning of this year.'), [['the beginning of this year', '2015-01']]);
    assert.deepEqual(values('The permits are expected before the end of the year.', null), [['the end of the year', null]]);
  });
});

describe('dates: days listed under one month share its month and year', () => {
  it('a second day after "and" or "or" is a date of its own in the first one\'s month ("March 2 and 3")', () => {
    assert.deepEqual(values('The harbour fair ran on February 20 and 21.'), [
      ['February 20', '2015-02-20'],
      ['21', '2015-02-21'],
    ]);
    assert.deepEqual(values('Ballots can be cast on March 9 or 10.'), [
      ['March 9', '2015-03-09'],
      ['10', '2015-03-10'],
    ]);
    assert.deepEqual(values('The ferry sailed on January 3, 5 and 7.'), [
      ['January 3', '2015-01-03'],
      ['5', '2015-01-05'],
      ['7', '2015-01-07'],
    ]);
    assert.deepEqual(values('Hearings were held on the 3rd and 4th of February.'), [
      ['3rd', '2015-02-03'],
      ['4th of February', '2015-02-04'],
    ]);
  });

  it('the year written after the last day dates all of them ("May 3 and 4, 2009")', () => {
    assert.deepEqual(values('Storms hit the coast on May 3 and 4, 2009.'), [
      ['May 3', '2009-05-03'],
      ['4, 2009', '2009-05-04'],
    ]);
    assert.deepEqual(values('The strikes of 11 and 12 October 2010 closed the port.'), [
      ['11', '2010-10-11'],
      ['12 October 2010', '2010-10-12'],
    ]);
  });

  it('a day written first and its month after it ("on 20 and 21 February")', () => {
    assert.deepEqual(values('Elections were held on 20 and 21 February.'), [
      ['20', '2015-02-20'],
      ['21 February', '2015-02-21'],
    ]);
    assert.deepEqual(values('Elections were held on 20 and 21 February.', null), [
      ['20', null],
      ['21 February', null],
    ]);
  });

  it('a count after a date is no day ("on March 3 and 14 people", "2 and 3 March were set")', () => {
    assert.deepEqual(values('Police came on March 3 and 14 people were held.'), [['March 3', '2015-03-03']]);
    assert.deepEqual(values('The vote on March 3 and 40 seats changed hands.'), [['March 3', '2015-03-03']]);
    assert.deepEqual(values('He scored 2 and 3 March saw him injured.').map(([t]) => t), ['3 March']);
    assert.deepEqual(values('The fair ran on February 20 and 12 stalls stayed.'), [['February 20', '2015-02-20']]);
  });
});
