// Adjust Entity Span: a selection becomes the entity's new span (whole words, trimmed), stored as a lexicon `accept`
// that wins over the automatic span it overlaps, in every article. Invented names only.
import * as assert from 'node:assert/strict';
import { cacheOptionsKey } from '../../../src/core/corpus/indexCache';
import type { EntityMention, LexiconEntry } from '../../../src/core/nlp/analysisModel';
import { analyzeArticle } from '../../../src/core/nlp/pipeline';
import { adjustEntitySpan } from '../../../src/core/nlp/spanAdjustment';
import { applyLexicon } from '../../../src/core/nlp/userLexicon';

const TEXT = 'Councillor Jora Tamsin said the harbour plan would go ahead. Abu Bakr al-Tamsini of Ruelle Shipping Ltd. disagreed, and Abu Bakr left.';

function mention(text: string, type: EntityMention['type'] = 'person', occurrence = 0, canonical = text): EntityMention {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = TEXT.indexOf(text, start + 1);
  assert.ok(start >= 0, text);
  return { start, end: start + text.length, text, type, canonical };
}

function span(text: string, occurrence = 0): { start: number; end: number } {
  const m = mention(text, 'person', occurrence);
  return { start: m.start, end: m.end };
}

describe('adjust entity span', () => {
  it('shrinks to a selection inside the entity and keeps its type', () => {
    const adjusted = adjustEntitySpan(TEXT, mention('Councillor Jora Tamsin'), span('Jora Tamsin'));
    assert.ok('entry' in adjusted, JSON.stringify(adjusted));
    assert.equal(adjusted.text, 'Jora Tamsin');
    assert.equal(adjusted.kind, 'shrink');
    assert.deepEqual(adjusted.entry, { text: 'Jora Tamsin', action: 'accept', type: 'person' });
  });

  it('extends to a selection that covers the entity', () => {
    const adjusted = adjustEntitySpan(TEXT, mention('Abu Bakr'), span('Abu Bakr al-Tamsini'));
    assert.ok('entry' in adjusted, JSON.stringify(adjusted));
    assert.equal(adjusted.text, 'Abu Bakr al-Tamsini');
    assert.equal(adjusted.kind, 'extend');
  });

  it('takes whole words and leaves spaces and punctuation at the ends out, but keeps an abbreviation’s period', () => {
    const from = TEXT.indexOf('akr al-Tam');
    const adjusted = adjustEntitySpan(TEXT, mention('Abu Bakr'), { start: TEXT.indexOf('Abu Bakr al'), end: from + 'akr al-Tam'.length });
    assert.ok('entry' in adjusted);
    assert.equal(adjusted.text, 'Abu Bakr al-Tamsini', 'a selection ending inside a word takes the word');
    const padded = adjustEntitySpan(TEXT, mention('Jora Tamsin'), { start: TEXT.indexOf(' Jora'), end: TEXT.indexOf(' said') + ' said '.length });
    assert.ok('entry' in padded);
    assert.equal(padded.text, 'Jora Tamsin said', 'spaces at the ends are trimmed');
    const ltd = TEXT.indexOf('Ruelle Shipping Ltd.');
    const org = adjustEntitySpan(TEXT, { ...mention('Ruelle Shipping'), type: 'organization' }, { start: ltd, end: ltd + 'Ruelle Shipping Ltd.'.length });
    assert.ok('entry' in org);
    assert.equal(org.text, 'Ruelle Shipping Ltd.');
    const sentence = TEXT.indexOf('go ahead.');
    const trimmed = adjustEntitySpan(TEXT, mention('Jora Tamsin'), { start: TEXT.indexOf('Jora'), end: sentence + 'go ahead.'.length });
    assert.ok('entry' in trimmed);
    assert.ok(trimmed.text.endsWith('go ahead'), 'a sentence-ending period is not part of a name');
  });

  it('explains why a selection cannot be the new span', () => {
    const m = mention('Jora Tamsin');
    const reason = (sel: { start: number; end: number }, on = m, text = TEXT): string => {
      const r = adjustEntitySpan(text, on, sel);
      assert.ok('reason' in r, JSON.stringify(r));
      return r.reason;
    };
    assert.match(reason({ start: m.start, end: m.start }), /Select the words/);
    assert.match(reason(span('harbour plan')), /does not overlap/);
    assert.match(reason({ start: m.start, end: m.end }), /already covers/);
    const twoLines = 'Jora Tamsin\nsaid so';
    assert.match(reason({ start: 0, end: twoLines.length }, { start: 0, end: 11, text: 'Jora Tamsin', type: 'person', canonical: 'Jora Tamsin' }, twoLines), /line break/);
    const marked = 'Jora Tamsin](x) said';
    assert.match(reason({ start: 0, end: 15 }, { start: 0, end: 11, text: 'Jora Tamsin', type: 'person', canonical: 'Jora Tamsin' }, marked), /brackets/);
  });
});

describe('an accepted span in the lexicon', () => {
  const auto = [mention('Councillor Jora Tamsin'), mention('Abu Bakr'), mention('Abu Bakr', 'person', 1)];

  it('replaces the automatic span it overlaps, shrinking or extending it, and nothing else', () => {
    const lexicon: LexiconEntry[] = [
      { text: 'Jora Tamsin', action: 'accept', type: 'person' },
      { text: 'Abu Bakr al-Tamsini', action: 'accept', type: 'person' },
    ];
    const out = applyLexicon(TEXT, auto, lexicon).map((m) => `${m.text}|${m.canonical}`);
    assert.deepEqual(out, ['Jora Tamsin|Jora Tamsin', 'Abu Bakr al-Tamsini|Abu Bakr al-Tamsini', 'Abu Bakr|Abu Bakr al-Tamsini']);
  });

  it('the latest correction wins where two accepted forms overlap', () => {
    const longer: LexiconEntry = { text: 'Councillor Jora Tamsin', action: 'accept', type: 'person' };
    const shorter: LexiconEntry = { text: 'Jora Tamsin', action: 'accept', type: 'person' };
    assert.deepEqual(applyLexicon(TEXT, [], [longer, shorter]).map((m) => m.text), ['Jora Tamsin']);
    assert.deepEqual(applyLexicon(TEXT, [], [shorter, longer]).map((m) => m.text), ['Councillor Jora Tamsin']);
    assert.notEqual(cacheOptionsKey(TEXT, { lexicon: [longer, shorter] }), cacheOptionsKey(TEXT, { lexicon: [shorter, longer] }), 'the order of overlapping accepts is part of the cache key');
  });

  it('works through the whole pipeline: a cut name extended, a name shrunk, in every article', () => {
    const article = 'Harbour vote delayed\n\nAbu Bakr al-Tamsini of the Wenmouth trust said on Tuesday the plan would go ahead.\n';
    const before = analyzeArticle(article, {}).entities.map((e) => e.text);
    const extended = analyzeArticle(article, { lexicon: [{ text: 'Abu Bakr al-Tamsini', action: 'accept', type: 'person' }] }).entities;
    assert.ok(extended.some((e) => e.text === 'Abu Bakr al-Tamsini' && e.type === 'person'), JSON.stringify(extended));
    assert.ok(!extended.some((e) => e.text !== 'Abu Bakr al-Tamsini' && e.start < article.indexOf(' of the') && e.end > article.indexOf('Abu')), `no other span over the name (before: ${before.join(', ')})`);
    const shrunk = analyzeArticle(article, { lexicon: [{ text: 'Abu Bakr al-Tamsini', action: 'accept', type: 'person' }, { text: 'Abu Bakr', action: 'accept', type: 'person' }] }).entities;
    assert.ok(shrunk.some((e) => e.text === 'Abu Bakr'), JSON.stringify(shrunk));
    assert.ok(!shrunk.some((e) => e.text === 'Abu Bakr al-Tamsini'));
  });
});
