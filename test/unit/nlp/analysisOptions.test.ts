// One way to build an article's analysis options (the editor and the workspace index): the file's date only where it counts.
import * as assert from 'node:assert/strict';
import { cacheOptionsKey } from '../../../src/core/corpus/indexCache';
import { detectArticleDate, fileDateMatters } from '../../../src/core/article/articleDate';
import { articleAnalysisOptions } from '../../../src/core/nlp/analysisOptions';
import { analyzeArticle } from '../../../src/core/nlp/pipeline';

const YEARLESS_WIRE = 'BERGEN, March 3 (Wirecorp) - The harbour council on Monday voted to raise ferry fares.\n\nCrews were pleased.';
const STATED = 'date 2024-02-27 Ferry strike ends\n\nMaren Oskarsdottir welcomed the end of the strike.\n';
const NONE = 'Ferry strike ends\n\nMaren Oskarsdottir welcomed the end of the strike.\n';
const lexicon = [{ text: 'Bergen', action: 'reject' as const }];

describe('article analysis options', () => {
  it('the file date counts only for a wire dateline whose year the text does not state', () => {
    assert.equal(fileDateMatters(YEARLESS_WIRE), true);
    assert.equal(fileDateMatters(STATED), false);
    assert.equal(fileDateMatters(NONE), false);
    assert.equal(fileDateMatters('BERGEN, March 3, 2019 (Wirecorp) - The council voted.'), false, 'a wire dateline with its year');
    assert.equal(fileDateMatters('BERGEN, March 3 (Wirecorp) - The council, elected in 2013, voted again.'), true, 'a year from the lead must not be after the file date');
    // a run-in date is found only when the wire's year is not: with the file's date the wire wins
    const runIn = 'Storm report\n\nOSLO, July 21, 2015 On Tuesday the storm that began in 2014 hit the coast.\n\nELSBY, March 3 (Wirewire) - The board met.\n';
    assert.notEqual(detectArticleDate(runIn)?.value, detectArticleDate(runIn, { fileDate: '2026-11-20' })?.value);
    assert.equal(fileDateMatters(runIn), true, 'a yearless wire dateline behind a run-in date');
    // false means the same detection either way
    for (const text of [STATED, NONE, 'BERGEN, March 3, 2019 (Wirecorp) - The council voted.', 'Ferry strike ends\n\nOSLO, July 21, 2015 On Tuesday the ferries stopped.\n']) {
      assert.equal(fileDateMatters(text), false, text);
      assert.deepEqual(detectArticleDate(text, { fileDate: '2026-11-20' }), detectArticleDate(text), text);
    }
  });

  it('carry the file date only then, and never over a date the user set', () => {
    const inputs = { articleDate: undefined, lexicon, fileDate: '2016-06-01' };
    assert.deepEqual(articleAnalysisOptions(YEARLESS_WIRE, inputs), { articleDate: undefined, lexicon, fileDate: '2016-06-01' });
    assert.deepEqual(articleAnalysisOptions(STATED, inputs), { articleDate: undefined, lexicon });
    assert.deepEqual(articleAnalysisOptions(YEARLESS_WIRE, { ...inputs, articleDate: '2020-01-01' }), { articleDate: '2020-01-01', lexicon });
    assert.deepEqual(articleAnalysisOptions(YEARLESS_WIRE, { ...inputs, fileDate: undefined }), { articleDate: undefined, lexicon });
  });

  it('so touching a file with a stated date keeps its cache key, and the analysis is the same either way', () => {
    const a = articleAnalysisOptions(STATED, { articleDate: undefined, lexicon: [], fileDate: '2016-06-01' });
    const b = articleAnalysisOptions(STATED, { articleDate: undefined, lexicon: [], fileDate: '2026-12-01' });
    assert.equal(cacheOptionsKey(STATED, a), cacheOptionsKey(STATED, b));
    assert.deepEqual(analyzeArticle(STATED, a), analyzeArticle(STATED, { ...a, fileDate: '2001-01-01' }));
    const wire = articleAnalysisOptions(YEARLESS_WIRE, { articleDate: undefined, lexicon: [], fileDate: '2016-06-01' });
    assert.equal(analyzeArticle(YEARLESS_WIRE, wire).articleDate, '2014-03-03', 'the weekday of the lead, not after the file date');
    assert.notEqual(cacheOptionsKey(YEARLESS_WIRE, wire), cacheOptionsKey(YEARLESS_WIRE, {}));
  });
});
