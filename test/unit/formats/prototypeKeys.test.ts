// Names that are also Object.prototype members (labels, article keys) are data like any other; dates are real dates.
import * as assert from 'node:assert/strict';
import { AnnotationStore, type StateStorage } from '../../../src/core/annotations/annotationStore';
import { validateState } from '../../../src/core/annotations/schemaVersions';
import { isCalendarDate } from '../../../src/core/article/articleDate';
import { conllTag, exportConll } from '../../../src/core/formats/conll';
import { importCsv } from '../../../src/core/formats/csv';
import { importJsonl } from '../../../src/core/formats/jsonl';
import { importW3C } from '../../../src/core/formats/w3c';
import { annotate } from './fixtures/sampleAnnotations';

const PROTOTYPE_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

class JsonStorage implements StateStorage {
  readonly values = new Map<string, string>();
  get(key: string): unknown {
    const raw = this.values.get(key);
    return raw === undefined ? undefined : (JSON.parse(raw) as unknown);
  }
  update(key: string, value: unknown): Promise<void> {
    this.values.set(key, JSON.stringify(value));
    return Promise.resolve();
  }
}

describe('prototype member names and calendar dates', () => {
  it('CoNLL: labels named like Object.prototype members get their upper-case tag', () => {
    for (const label of PROTOTYPE_NAMES) assert.equal(conllTag(label), label.toUpperCase());
    assert.equal(conllTag('toString', { toString: 'TS' }), 'TS');
    const text = 'Ships left Oslo for Bergen at dawn.';
    const annotations = PROTOTYPE_NAMES.slice(0, 2).map((label, i) => annotate('a.txt', text, ['Oslo', 'Bergen'][i]!, label));
    const conll = exportConll(annotations, [{ article: 'a.txt', date: null, text }]);
    assert.match(conll.content, /Oslo\tB-CONSTRUCTOR\n/);
    assert.match(conll.content, /Bergen\tB-TOSTRING\n/);
  });

  it('a stored article date under the key __proto__ (or constructor) is kept, and one not in the calendar reported', () => {
    const raw = JSON.parse('{"schemaVersion":2,"annotations":[],"lexicon":[],"articleDates":{"__proto__":"2021-08-15","constructor":"2021-08-16","late.txt":"2021-02-31"}}') as unknown;
    const { state, problems } = validateState(raw);
    assert.ok(Object.hasOwn(state.articleDates, '__proto__'));
    assert.equal(state.articleDates['__proto__'], '2021-08-15');
    assert.equal(state.articleDates['constructor'], '2021-08-16');
    assert.ok(!Object.hasOwn(state.articleDates, 'late.txt'));
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /late\.txt.*2021-02-31/);
  });

  it('the store keeps, answers and forgets dates of articles named like prototype members', async () => {
    const store = new AnnotationStore(new JsonStorage());
    await store.load();
    assert.equal(store.articleDate('constructor'), undefined);
    assert.equal(store.articleDate('toString'), undefined);
    await store.setArticleDate('__proto__', '2021-08-15');
    assert.equal(store.articleDate('__proto__'), '2021-08-15');
    assert.deepEqual(Object.keys(store.articleDates), ['__proto__']);
    await store.setArticleDate('__proto__', null);
    assert.equal(store.articleDate('__proto__'), undefined);
    assert.throws(() => store.setArticleDate('a.txt', '2021-02-31'), /Not a YYYY-MM-DD/);
  });

  it('one calendar check: 2021-02-31 and 2023-02-29 are not dates, 2024-02-29 is', () => {
    assert.equal(isCalendarDate('2021-02-31'), false);
    assert.equal(isCalendarDate('2023-02-29'), false);
    assert.equal(isCalendarDate('2024-02-29'), true);
    assert.equal(isCalendarDate(20240229), false);
  });

  it('importers do not take 2021-02-31 as an article date', () => {
    const text = 'Ships left Oslo.';
    const jsonl = importJsonl(`${JSON.stringify({ text, spans: [{ start: 11, end: 15, label: 'place' }], meta: { file: 'a.txt', date: '2021-02-31' } })}\n`, []);
    assert.deepEqual(jsonl.articles, [{ article: 'a.txt', date: null }]);
    const csv = importCsv('article,start,end,exact,label,note,date\na.txt,11,15,Oslo,place,,2021-02-31\n');
    assert.deepEqual(csv.articles.map((a) => a.date), [null]);
    const w3c = importW3C(JSON.stringify({ type: 'Annotation', body: { purpose: 'tagging', value: 'place' }, target: { source: 'a.txt', date: '2021-02-31', selector: [{ type: 'TextPositionSelector', start: 11, end: 15 }, { type: 'TextQuoteSelector', exact: 'Oslo' }] } }));
    assert.deepEqual(w3c.articles, [{ article: 'a.txt', date: null }]);
  });
});
