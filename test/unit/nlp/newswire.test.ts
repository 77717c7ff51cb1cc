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
});
