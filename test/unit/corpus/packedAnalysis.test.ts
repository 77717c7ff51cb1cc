import * as assert from 'node:assert/strict';
import { dateAt, dateCount, dateResolved, mentionAt, mentionCount, mentionNameKey, packAnalysis, samePacked, unpackAnalysis } from '../../../src/core/corpus/packedAnalysis';
import { aliasTable } from '../../../src/core/nlp/names';
import type { Analysis, DateMention, EntityMention } from '../../../src/core/nlp/analysisModel';

const text = 'Brenna Tollak met the Orlund Rail Company in Vessary on 4 March 2024. Tollak said Orlund would build. Next week, between 2019 and 2021, in recent years.';

function mention(surface: string, type: EntityMention['type'], canonical: string, from = 0): EntityMention {
  const start = text.indexOf(surface, from);
  assert.ok(start >= 0, surface);
  return { start, end: start + surface.length, text: surface, type, canonical };
}

function date(surface: string, value: DateMention['value'], resolvedAgainst: DateMention['resolvedAgainst'], reference: string | null): DateMention {
  const start = text.indexOf(surface);
  assert.ok(start >= 0, surface);
  return { start, end: start + surface.length, text: surface, value, resolvedAgainst, reference };
}

const entities = [
  mention('Brenna Tollak', 'person', 'Brenna Tollak'),
  mention('Orlund Rail Company', 'organization', 'Orlund Rail Company'),
  mention('Vessary', 'place', 'Vessary'),
  mention('Tollak', 'person', 'Brenna Tollak', 60),
  mention('Orlund', 'organization', 'Orlund Rail Company', 80),
];
const analysis: Analysis = {
  articleDate: '2024-03-04',
  articleDateSource: 'stated',
  entities,
  dates: [
    date('4 March 2024', '2024-03-04', 'self', null),
    date('Next week', { from: '2024-03-11', to: '2024-03-17' }, 'article-date', '2024-03-04'),
    date('between 2019 and 2021', { from: '2019', to: '2021' }, 'self', null),
    date('in recent years', { notAfter: '2024-03-04' }, 'article-date', '2024-03-04'),
  ],
  aliases: aliasTable(entities),
};

describe('an analysis packed', () => {
  it('gives the same analysis back: mentions, dates of every kind of value, article date and aliases', () => {
    const packed = packAnalysis(analysis);
    assert.deepEqual(unpackAnalysis(packed), analysis);
    assert.equal(mentionCount(packed), 5);
    assert.deepEqual(mentionAt(packed, 3), entities[3]);
    assert.equal(dateCount(packed), 4);
    assert.deepEqual(dateAt(packed, 3), analysis.dates[3]);
    const unresolved = packAnalysis({ ...analysis, articleDate: null, articleDateSource: undefined, dates: [date('Next week', null, 'none', null)] });
    assert.equal(dateResolved(unresolved, 0), false);
    assert.deepEqual(unpackAnalysis(unresolved).dates, [date('Next week', null, 'none', null)]);
    assert.equal('articleDateSource' in unpackAnalysis(unresolved), false);
  });

  it('holds each name once, and one key for every mention of a name with a type', () => {
    const packed = packAnalysis(analysis);
    // the names, the short forms, the dates' texts and values, each once
    assert.equal(new Set(packed.names).size, packed.names.length);
    assert.equal(packed.names.filter((n) => n === '2024-03-04').length, 1);
    assert.equal(mentionNameKey(packed, 0), mentionNameKey(packed, 3));
    assert.notEqual(mentionNameKey(packed, 0), mentionNameKey(packed, 1));
  });

  it('puts mentions in text order, and tells the same analysis from another by value', () => {
    const shuffled = packAnalysis({ ...analysis, entities: [entities[2]!, entities[0]!, entities[4]!, entities[1]!, entities[3]!] });
    assert.deepEqual(unpackAnalysis(shuffled).entities, entities);
    assert.ok(samePacked(shuffled, packAnalysis(analysis)));
    assert.ok(!samePacked(packAnalysis(analysis), packAnalysis({ ...analysis, entities: entities.slice(1) })));
    assert.ok(!samePacked(packAnalysis(analysis), packAnalysis({ ...analysis, entities: entities.map((e) => (e.text === 'Tollak' ? { ...e, canonical: 'Tollak' } : e)) })));
    assert.ok(!samePacked(packAnalysis(analysis), packAnalysis({ ...analysis, dates: analysis.dates.slice(0, 3) })));
    assert.ok(!samePacked(packAnalysis(analysis), packAnalysis({ ...analysis, articleDate: '2024-03-05' })));
  });
});
