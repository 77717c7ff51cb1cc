// An analysis sent as what changed since an earlier one of the same article (the analysis worker's answer after an
// edit): applied to that earlier result it must give exactly the new result, values and key order.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type AliasEntries, analysisDelta, applyAnalysisDelta, applyAnalysisDeltaWithEntries } from '../../../src/core/nlp/analysisDelta';
import type { Analysis } from '../../../src/core/nlp/analysisModel';
import { analyzeArticle } from '../../../src/core/nlp/pipeline';

const SEED = readFileSync(path.join(__dirname, '../../../seeds/000_96c9ee8166b27d0f.txt'), 'utf8');

/** The delta from `before` to `after`'s analysis, checked to rebuild it exactly; returns the delta. */
function roundTrip(before: string, after: string): ReturnType<typeof analysisDelta> {
  const base = analyzeArticle(before);
  const next = analyzeArticle(after);
  // as the worker sends it: a structured clone of the delta
  const delta = structuredClone(analysisDelta(base, next, after.length - before.length));
  const rebuilt = applyAnalysisDelta(base, delta);
  assert.deepEqual(rebuilt, next);
  assert.equal(JSON.stringify(rebuilt), JSON.stringify(next), 'the same key order');
  return delta;
}

describe('analysis delta', () => {
  it('rebuilds the analysis of an edited text exactly, whatever the edit', () => {
    const edits: ((t: string) => string)[] = [
      (t) => `${t.slice(0, 400)} Talks resumed on Tuesday in Brenmouth, said Halvor Dersk of the port.${t.slice(400)}`,
      (t) => t.slice(0, 60) + t.slice(200),
      (t) => `Breaking: ${t}`,
      (t) => `${t}\n\nA last paragraph naming Maren Lund of the Harbour Council on Friday.\n`,
      (t) => t.replace(/\bsaid\b/, 'told reporters'),
      (t) => t,
      () => 'An article replaced whole by one line about Oslo.',
    ];
    for (const edit of edits) roundTrip(SEED, edit(SEED));
  });

  it('rebuilds one result after another with the alias entries kept from the one before', () => {
    let text = SEED;
    let held = analyzeArticle(text);
    let entries: AliasEntries | undefined;
    for (const name of ['Halvor Dersk', 'Maren Lund', 'Brenmouth Harbour Board']) {
      const at = text.indexOf('. ', text.length / 3) + 1;
      const next = `${text.slice(0, at)} ${name} said so.${text.slice(at)}`;
      const analysis = analyzeArticle(next);
      const rebuilt = applyAnalysisDeltaWithEntries(held, entries, structuredClone(analysisDelta(held, analysis, next.length - text.length)));
      assert.deepEqual(rebuilt.analysis, analysis);
      assert.equal(JSON.stringify(rebuilt.analysis), JSON.stringify(analysis));
      if (rebuilt.aliasEntries) assert.deepEqual(rebuilt.aliasEntries, Object.entries(analysis.aliases), 'the entries kept are the new aliases’');
      [text, held, entries] = [next, rebuilt.analysis, rebuilt.aliasEntries];
    }
  });

  it('sends only the mentions around the edit and reuses the rest', () => {
    const at = SEED.indexOf('. ', Math.floor(SEED.length / 2)) + 1;
    const typed = ' Talks resumed in Brenmouth.';
    const delta = roundTrip(SEED, SEED.slice(0, at) + typed + SEED.slice(at));
    const base = analyzeArticle(SEED);
    assert.ok(delta.entities.head > 0 && delta.entities.tail > 0, `both ends reused (${delta.entities.head} + ${delta.entities.tail} of ${base.entities.length})`);
    assert.ok(delta.entities.middle.length <= 3, `the mentions around the edit are sent (${delta.entities.middle.length})`);
    assert.equal(delta.entities.shift, typed.length);
    assert.ok(delta.aliases !== 'same' && delta.aliases.every((entry) => typeof entry === 'number' || entry[0] === 'Brenmouth'), 'unchanged aliases are sent as indexes');
    const typedInWord = roundTrip(SEED, `${SEED.slice(0, at - 1)}s${SEED.slice(at - 1)}`);
    assert.equal(typedInWord.aliases, 'same', 'aliases that did not change are the base’s');
    assert.equal(applyAnalysisDelta(base, typedInWord).aliases, base.aliases);
  });

  it('compares every field and the key order, so nothing different is reused', () => {
    const base: Analysis = {
      articleDate: '2024-03-10',
      entities: [
        { start: 0, end: 5, text: 'Ghani', type: 'person', canonical: 'Ghani' },
        { start: 10, end: 15, text: 'Kabul', type: 'place', canonical: 'Kabul' },
      ],
      dates: [{ start: 20, end: 26, text: 'Friday', value: { from: '2024-03-08', to: '2024-03-09' }, resolvedAgainst: 'article-date', reference: '2024-03-10' }],
      aliases: { Ghani: ['Ghani'], Kabul: ['Kabul'] },
    };
    const next: Analysis = {
      articleDate: '2024-03-10',
      entities: [
        { start: 0, end: 5, text: 'Ghani', type: 'person', canonical: 'Ashraf Ghani' },
        { start: 12, end: 17, text: 'Kabul', type: 'place', canonical: 'Kabul' },
      ],
      dates: [{ start: 22, end: 28, text: 'Friday', value: { from: '2024-03-08', to: '2024-03-10' }, resolvedAgainst: 'article-date', reference: '2024-03-10' }],
      aliases: { 'Ashraf Ghani': ['Ashraf Ghani', 'Ghani'], Kabul: ['Kabul'] },
    };
    const delta = analysisDelta(base, next, 2);
    assert.deepEqual([delta.entities.head, delta.entities.middle.length, delta.entities.tail], [0, 1, 1], 'another canonical name is sent, a moved mention reused');
    assert.deepEqual([delta.dates.head, delta.dates.middle.length, delta.dates.tail], [0, 1, 0], 'another value is sent');
    assert.deepEqual(delta.aliases, [['Ashraf Ghani', ['Ashraf Ghani', 'Ghani']], 1]);
    assert.deepEqual(applyAnalysisDelta(base, delta), next);
    const reordered = { ...next, entities: [{ end: 5, start: 0, text: 'Ghani', type: 'person', canonical: 'Ashraf Ghani' } as const, next.entities[1]!] };
    const rebuilt = applyAnalysisDelta(base, analysisDelta(base, reordered, 2));
    assert.equal(JSON.stringify(rebuilt), JSON.stringify(reordered), 'another key order is not reused');
  });

  it('keeps an alias named like an Object.prototype member as an own key, in its place', () => {
    const mention = (start: number, canonical: string) => ({ start, end: start + canonical.length, text: canonical, type: 'organization', canonical }) as const;
    const base: Analysis = { articleDate: null, entities: [mention(0, 'Vellmark'), mention(20, 'constructor')], dates: [], aliases: { Vellmark: ['Vellmark'], constructor: ['constructor'] } };
    const aliases = JSON.parse('{"Vellmark":["Vellmark"],"__proto__":["__proto__"],"constructor":["constructor"],"toString":["toString"]}') as Analysis['aliases'];
    const next: Analysis = { articleDate: null, entities: [mention(0, 'Vellmark'), mention(10, '__proto__'), mention(30, 'constructor'), mention(45, 'toString')], dates: [], aliases };
    const rebuilt = applyAnalysisDelta(base, structuredClone(analysisDelta(base, next, 10)));
    assert.deepEqual(Object.keys(rebuilt.aliases), ['Vellmark', '__proto__', 'constructor', 'toString']);
    assert.equal(Object.getPrototypeOf(rebuilt.aliases), Object.prototype);
    assert.deepEqual(rebuilt.aliases['__proto__'], ['__proto__']);
    assert.equal(JSON.stringify(rebuilt), JSON.stringify(next));
  });

  it('refuses a delta that does not fit its base', () => {
    const base = analyzeArticle(SEED);
    const delta = analysisDelta(base, base, 0);
    assert.throws(() => applyAnalysisDelta({ ...base, entities: base.entities.slice(1) }, delta), RangeError);
    const withAlias = analysisDelta(base, { ...base, aliases: { ...base.aliases, Brenmouth: ['Brenmouth'] } }, 0);
    assert.throws(() => applyAnalysisDelta({ ...base, aliases: {} }, withAlias), RangeError);
  });
});
