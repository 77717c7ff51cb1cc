// Newswire copy (issue 9): wire stories of the kind news agencies send, written out with invented names, spaced
// punctuation as some wire archives keep it, and the datelines, results lines and tables they carry.
import * as assert from 'node:assert/strict';
import { detectArticleDate } from '../../../src/core/article/articleDate';
import { analyzeArticle } from '../../../src/core/nlp/pipeline';

const entities = (text: string): [string, string][] => analyzeArticle(text, { articleDate: null }).entities.map((e) => [e.text, e.type]);
const typeOf = (text: string, name: string): string | undefined => entities(text).find(([t]) => t === name)?.[1];

describe('newswire copy', () => {
  describe('datelines', () => {
    it('a place in capitals with its region before an ISO date dates the article, spaced comma or not', () => {
      const spaced = 'TENNIS - RESULTS AT HARWICK OPEN .\n\nHARWICK , Ostland 1996-08-28\n\nResults from the tournament on Wednesday .';
      assert.deepEqual([detectArticleDate(spaced)?.value, detectArticleDate(spaced)?.text], ['1996-08-28', '1996-08-28']);
      assert.equal(detectArticleDate('Results\n\nKELVIN, Scotland 1996-08-29\n\nLeading scores on Thursday.')?.value, '1996-08-29');
      assert.equal(detectArticleDate('Results\n\nAL-MARSA , United Kelvin Emirates 1996-12-06\n\nThe match.')?.value, '1996-12-06');
    });

    it("a dateline's place and region are places, even where the word alone would be read as an acronym", () => {
      const found = entities('SOCCER - LATE GOAL SETTLES DERBY .\n\nKELVIN , Scotland 1996-08-29\n\nThe derby was settled late on Thursday .');
      assert.deepEqual(found.slice(0, 2), [['KELVIN', 'place'], ['Scotland', 'place']]);
      assert.deepEqual(entities('HARWICK 1996-08-30\n\nShares closed higher.')[0], ['HARWICK', 'place']);
      assert.deepEqual(entities('STORTHAVEN, Ostland (AP) - Police arrested two men on Tuesday.').slice(0, 3), [
        ['STORTHAVEN', 'place'],
        ['Ostland', 'place'],
        ['AP', 'organization'],
      ]);
      assert.deepEqual(entities('BRENMOUTH, Aug 30 (Reuters) - The ferry sank.').slice(0, 2), [
        ['BRENMOUTH', 'place'],
        ['Reuters', 'organization'],
      ]);
    });

    it('a headline in capitals or a results line is no dateline', () => {
      assert.ok(!entities('SOCCER - KELVIN ROVERS HOLD OSTBY TO DRAW .\n\nThe match ended 1-1 .').some(([t, type]) => t === 'SOCCER' && type === 'place'));
      assert.notEqual(typeOf('TORONTO 5 Kelvington 3\n', 'TORONTO'), 'place');
    });

    it('a dateline with its punctuation spaced apart, as wire archives keep it, dates the article', () => {
      assert.equal(detectArticleDate('Ferry fares rise .\n\nFriday , July 21 , 2017\n\nThe council voted .')?.value, '2017-07-21');
      assert.equal(detectArticleDate('BERGEN , March 3 , 2014 ( Wirecorp ) - The council voted on Monday .')?.value, '2014-03-03');
      assert.equal(detectArticleDate('Storm\n\nBERGEN , Norway , July 21 , 2015 On Tuesday the storm hit .')?.value, '2015-07-21');
      const dates = analyzeArticle('Crowds came on Saturday night , the opening night , and stayed .', { articleDate: '2015-08-10' }).dates;
      assert.deepEqual(dates.map((d) => [d.text, d.value]), [['Saturday', '2015-08-08'], ['the opening night', '2015-08-08']]);
    });

    it('a dateline glued to its first sentence, with no space after the year, dates the article and is one date', () => {
      const text = 'Minister resigns\n\nBRENMOUTH, Ostland, March 3, 2015The minister of fisheries resigned on Tuesday.';
      assert.deepEqual([detectArticleDate(text)?.value, detectArticleDate(text)?.form], ['2015-03-03', 'run-in']);
      const dates = analyzeArticle(text).dates.map((d) => [d.text, d.value]);
      assert.deepEqual(dates, [
        ['March 3, 2015', '2015-03-03'],
        ['Tuesday', '2015-03-03'],
      ]);
      assert.equal(detectArticleDate('Minister resigns\n\nTuesday, March 3, 2015The minister resigned.')?.value, '2015-03-03');
      assert.equal(detectArticleDate('Minister resigns\n\nMarch 3, 20151 minister resigned.'), undefined, 'a year runs into no number');
    });
  });

  describe('headlines in capitals', () => {
    const story = [
      'SOCCER - OSTBY WANDERERS HOLD KELVIN ROVERS TO DRAW .',
      'LONDON 1996-08-30',
      'Ostby Wanderers came from behind to draw 2-2 with Kelvin Rovers on Friday .',
      'Striker Tomas Havrell scored twice before Danish international Pelle Marstrand equalised .',
    ].join('\n\n');

    it('a name the story writes in mixed case is the same name in its headline', () => {
      const found = entities(story);
      assert.deepEqual(found.slice(0, 2), [['OSTBY WANDERERS', 'organization'], ['KELVIN ROVERS', 'organization']]);
      assert.ok(!found.some(([t]) => /SOCCER|DRAW|HOLD/.test(t)), JSON.stringify(found));
      const single = entities('BRANTWELL PROFITS FALL .\n\nShares of Brantwell Ltd fell on Monday. Brantwell said orders were down.');
      assert.deepEqual(single[0], ['BRANTWELL', 'organization']);
    });

    it('an abbreviation the story names is the same organization in its headline', () => {
      const found = entities('U.N. ENVOY URGES CALM .\n\nGENEVA 1996-08-22\n\nA U.N. envoy urged calm on Thursday , a U.N. spokesman said .');
      assert.deepEqual(found.slice(0, 2), [['U.N.', 'organization'], ['GENEVA', 'place']]);
    });

    it("a slug line's sport names nothing", () => {
      const found = entities('Rugby union - Ostland name squad for test .\n\nSoccer - English league results .\n\nMOTOR RACING - HAVRELL ON POLE .');
      assert.ok(!found.some(([t]) => /Rugby|Soccer|RACING|English/.test(t)), JSON.stringify(found));
      assert.equal(typeOf('Harwick - the town council met on Monday in Harwick .', 'Harwick'), 'place', 'not a sport: the line is read as any other');
    });

    it('a headline word the story never names stays out, and an English word in capitals is no acronym', () => {
      const found = entities('BASEBALL - MAJOR LEAGUE RESULTS THURSDAY .\n\nResults of Major League Baseball games played on Thursday ( home team in CAPS ) :');
      assert.ok(!found.some(([t]) => /BASEBALL|RESULTS|CAPS/.test(t)), JSON.stringify(found));
      assert.deepEqual(found.find(([t]) => t.includes('League')), ['Major League Baseball', 'organization']);
    });
  });

  describe('sports copy', () => {
    it('a results line with its scorers in brackets: clubs are organizations, scorers persons', () => {
      const found = entities('Brantmoor 2 ( Havrell 23 , Salvik 56 pen ) Castlegate 1 ( Ekdal 70 ) . Halftime 1-0 . Attendance 12,500 .');
      assert.deepEqual(found, [
        ['Brantmoor', 'organization'],
        ['Havrell', 'person'],
        ['Salvik', 'person'],
        ['Castlegate', 'organization'],
        ['Ekdal', 'person'],
      ]);
      assert.deepEqual(entities('Brantmoor 2 (Havrell 23) Castlegate 1'), [['Brantmoor', 'organization'], ['Havrell', 'person'], ['Castlegate', 'organization']]);
    });

    it("an athlete's country in brackets after the name makes the name a person", () => {
      assert.deepEqual(entities('Women \'s 100 metres\n\n1. Ada Brisk ( U.S. ) 10.95\n\n2. Jorun Ekdal ( Norway ) 11.02'), [
        ['Ada Brisk', 'person'],
        ['U.S.', 'place'],
        ['Jorun Ekdal', 'person'],
        ['Norway', 'place'],
      ]);
      assert.equal(typeOf('The Harbour Trust ( Norway ) met on Monday .', 'Harbour Trust'), 'organization');
    });

    it("an unknown name alone in brackets after a player's is the player's club, a country there a place", () => {
      assert.deepEqual(entities('Leading scorers : 12 - Ada Brisk ( Castlegate ) , 10 - Piet Morlen ( Brantmoor ) .'), [
        ['Ada Brisk', 'person'],
        ['Castlegate', 'organization'],
        ['Piet Morlen', 'person'],
        ['Brantmoor', 'organization'],
      ]);
      assert.equal(typeOf('Jorun Ekdal ( Norway ) won the final .', 'Norway'), 'place');
    });

    it("a cricket result's margin makes the sides teams, a given name among them too", () => {
      const found = entities('Kent beat Dorrington by five wickets at Canterbury . Ostwick won by 23 runs .');
      assert.deepEqual(found.filter(([t]) => t !== 'Canterbury'), [
        ['Kent', 'organization'],
        ['Dorrington', 'organization'],
        ['Ostwick', 'organization'],
      ]);
    });

    it('"Jan" before a surname is a given name, not the month', () => {
      assert.equal(typeOf('Jan Varga was sent off after 20 minutes .', 'Jan Varga'), 'person');
      assert.ok(!entities('The deal closed on Jan 5 and Jan. 9 .').some(([t]) => t.startsWith('Jan')));
    });

    it('punctuation spaced apart reads as written against the word: "Kessleton , a village in …"', () => {
      assert.equal(typeOf('Kessleton , a village in the north , lost power on Monday .', 'Kessleton'), 'place');
    });

    it('a role noun opening the sentence is no part of the name', () => {
      assert.equal(typeOf('Striker Tomas Havrell scored twice for the visitors .', 'Tomas Havrell'), 'person');
      assert.equal(typeOf('Defender Ada Brisk was sent off in the second half.', 'Ada Brisk'), 'person');
    });

    it('a nationality with its compass word describes and names nothing', () => {
      const found = entities('West Indian all-rounder Brannock Tealby took four wickets , and South African officials watched .');
      assert.ok(!found.some(([t]) => /Indian|African/.test(t)), JSON.stringify(found));
      assert.equal(typeOf('The South Harbour Authority met.', 'South Harbour Authority'), 'organization');
    });
  });

  describe('bodies named by one word', () => {
    it('"the X" that votes, passes or ratifies is an organization', () => {
      assert.equal(typeOf('The Storting voted on Wednesday to extend the inquiry.', 'Storting'), 'organization');
      assert.equal(typeOf('Last year the Folketing ratified the treaty.', 'Folketing'), 'organization');
      assert.equal(typeOf('The Storting building was closed.', 'Storting'), undefined, 'no body verb: nothing on its own');
    });
  });
  describe('business and sports copy (session 21)', () => {
    it('a name that said "it" would do something is a company', () => {
      assert.equal(typeOf('Brantwell said on Friday it expected profit to rise .', 'Brantwell'), 'organization');
      assert.equal(typeOf('Quellmar Trading said it would cut 300 jobs.', 'Quellmar Trading'), 'organization');
      assert.equal(typeOf('Tomas Havrell said it was a good day .', 'Tomas Havrell'), 'person');
    });

    it('a company before its chief executive or chairman', () => {
      assert.equal(typeOf('"We are pleased , " Brantwell chief executive Ada Brisk said .', 'Brantwell'), 'organization');
      assert.equal(typeOf('Velmora chairman Piet Morlen resigned .', 'Velmora'), 'organization');
    });

    it('a nationality noun before a name is no part of it', () => {
      assert.deepEqual(entities('Briton Ada Brisk beat Dutchman Jan Varga 6-4 6-2 .').map(([t]) => t), ['Ada Brisk', 'Jan Varga']);
      assert.equal(typeOf('Swede Tomas Havrell won the sprint .', 'Tomas Havrell'), 'person');
    });

    it('an unknown nationality adjective is no organization, even beside its country\'s ministry', () => {
      const found = entities('The Skarvian central bank left rates unchanged , the Skarvian Finance Ministry said .');
      assert.deepEqual(found, [['Skarvian Finance Ministry', 'organization']]);
    });

    it('an industry word ends a company\'s name', () => {
      assert.equal(typeOf('Tollvik Shipping reported a loss on Tuesday .', 'Tollvik Shipping'), 'organization');
      assert.equal(typeOf('Shares in Kessmoor Mining fell 4 percent .', 'Kessmoor Mining'), 'organization');
    });
  });

  describe('scorecards, tables and companies (session 22)', () => {
    it("a cricket scorecard's players: initials kept, caught and bowled by, a bowler's figures", () => {
      const card = ['Ostland first innings', 'M. Velmora c Havrell b Morlen 45', 'A. Varnsby lbw b Tollander 12', 'Bowling : Ekdal 20-5-45-2 , Salvik 15-3-40-1'].join('\n');
      assert.deepEqual(entities(card).filter(([t]) => t !== 'Ostland'), [
        ['M. Velmora', 'person'],
        ['Havrell', 'person'],
        ['Morlen', 'person'],
        ['A. Varnsby', 'person'],
        ['Tollander', 'person'],
        ['Ekdal', 'person'],
        ['Salvik', 'person'],
      ]);
    });

    it('a middle initial stays inside the name', () => {
      assert.deepEqual(entities('Tomas A. Varnsby was born in 1914 .'), [['Tomas A. Varnsby', 'person']]);
    });

    it('a country said of a winner does not play: "Ada Velmora of Mozambique won …"', () => {
      const text = 'Ada Velmora of Mozambique won the 800 metres on Wednesday .\n\n1. Ada Velmora ( Mozambique ) 1:57.48';
      assert.deepEqual(entities(text).filter(([t]) => t === 'Mozambique'), [['Mozambique', 'place'], ['Mozambique', 'place']]);
    });

    it('a company named by its first word alone later in the story, a council\'s town not', () => {
      const story = 'Brantwell Corp said on Thursday it would buy a rival .\nBrantwell \'s chairman , Ivo Stenmark , said the deal would close in October .';
      assert.deepEqual(entities(story).filter(([t]) => t.startsWith('Brantwell')), [['Brantwell Corp', 'organization'], ['Brantwell', 'organization']]);
      const town = 'The Dravby Council met on Monday .\nDravby \'s mayor said the roads would reopen .';
      assert.deepEqual(entities(town).filter(([t]) => t === 'Dravby'), [['Dravby', 'place']]);
    });

    it('what only a place has makes its owner a place, and a possessive set apart is one', () => {
      assert.equal(typeOf("Kessmoor's residents were told to stay indoors.", 'Kessmoor'), 'place');
      assert.equal(typeOf("Kessmoor 's residents were told to stay indoors .", 'Kessmoor'), 'place');
      assert.equal(typeOf("Ada Velmora's mayor was late.", 'Ada Velmora'), 'person');
    });

    it('the side named before its coach or player is an organization, a country there a place', () => {
      assert.equal(typeOf('Castlegate coach Jan Varga said his side deserved it .', 'Castlegate'), 'organization');
      assert.equal(typeOf('Velmora captain Kex Tollander was sent off .', 'Velmora'), 'organization');
      assert.equal(typeOf('Norway coach Ada Brisk smiled .', 'Norway'), 'place');
    });

    it('an organization of a place is the organization, a building named for one a place', () => {
      assert.equal(typeOf('She studied at the University of Brannock Bay in 1990.', 'University of Brannock Bay'), 'organization');
      assert.equal(typeOf('The Friends of Kessby Island, a conservation group, will appeal.', 'Friends of Kessby Island'), 'organization');
      assert.equal(typeOf('They met in the Daughters of Kessby Memorial Hall on Friday.', 'Daughters of Kessby Memorial Hall'), 'place');
    });

    it('a person run on after an organization of a place, with no comma between, is cut off it', () => {
      assert.deepEqual(entities('A student at the University of Tarnland Kessby Varn Tollis heard of it on Monday.'), [
        ['University of Tarnland Kessby', 'organization'],
        ['Varn Tollis', 'person'],
      ]);
      assert.deepEqual(entities('The University of Kessby Ada Brisk said she would stay.'), [
        ['University of Kessby', 'organization'],
        ['Ada Brisk', 'person'],
      ]);
      assert.deepEqual(entities('The University of Michigan Ann Arbor said it would stay.'), [['University of Michigan Ann Arbor', 'organization']]);
    });

    it('a plural English noun after unknown words ends a company\'s name, not a person\'s', () => {
      assert.equal(typeOf('Halvard Foods agreed to buy Kessmoor Dairies for 40 million marks .', 'Kessmoor Dairies'), 'organization');
      assert.equal(typeOf('His poems , Childish Recollections , sold well .', 'Childish Recollections'), undefined);
    });
  });

  describe('stock tickers', () => {
    it('the name before a ticker in angle brackets is a company, spaced or not', () => {
      assert.equal(typeOf('Kessmoor <KSM.L> said on Monday its profits rose .', 'Kessmoor'), 'organization');
      assert.equal(typeOf('Talks with Vornholt < VNH.DE > stalled on Friday.', 'Vornholt'), 'organization');
      assert.equal(typeOf('Dravenly <DRV> shares fell 3 percent.', 'Dravenly'), 'organization');
      assert.equal(typeOf('Shares of Brantwell Holdings <BRW.N> fell.', 'Brantwell Holdings'), 'organization');
    });
  });

  describe('sides without a score', () => {
    it('a name playing "against" another is a side, and so is the other', () => {
      const found = entities('Ostmark won against Kellvin on Sunday .');
      assert.equal(found.find(([t]) => t === 'Kellvin')?.[1], 'organization', JSON.stringify(found));
      assert.equal(found.find(([t]) => t === 'Ostmark')?.[1], 'organization', JSON.stringify(found));
      assert.equal(typeOf("Tressow 's victory against Varnholm lifted them to second .", 'Varnholm'), 'organization');
      assert.equal(typeOf('The draw against Quellby left them third .', 'Quellby'), 'organization');
    });

    it('a name before its coach or captain is a side, with or without the person\'s name', () => {
      assert.equal(typeOf('The Ostmark coach said his side had played well .', 'Ostmark'), 'organization');
      const found = entities('Ostmark coach Varga said his side had played well .');
      assert.equal(found.find(([t]) => t === 'Ostmark')?.[1], 'organization', JSON.stringify(found));
    });

    it('"against" in a protest or a case names no side', () => {
      assert.notEqual(typeOf('Thousands marched against Quellby on Sunday .', 'Quellby'), 'organization');
      assert.notEqual(typeOf('The case against Varnholm was dropped .', 'Varnholm'), 'organization');
    });
  });
});
