import * as assert from 'node:assert/strict';
import { createAnnotation } from '../../../src/core/annotations/annotationFactory';
import { AnnotationSet } from '../../../src/core/annotations/annotationSet';
import { AnnotationStore, type StateStorage } from '../../../src/core/annotations/annotationStore';
import { ArticleDates } from '../../../src/core/annotations/articleDates';
import { LexiconEntries } from '../../../src/core/annotations/lexiconEntries';
import { ChangeEmitter } from '../../../src/core/annotations/storeEvents';

const TEXT = 'Ilse Marquardt of the Dunmore Water Board met officials in Varenna on Friday.';

function at(word: string, article = 'news/a.txt', label = 'place') {
  const start = TEXT.indexOf(word);
  return createAnnotation({ article, text: TEXT, start, end: start + word.length, label });
}

class Memory implements StateStorage {
  readonly values = new Map<string, unknown>();
  get(key: string): unknown {
    return this.values.get(key);
  }
  update(key: string, value: unknown): Promise<void> {
    this.values.set(key, JSON.parse(JSON.stringify(value)) as unknown);
    return Promise.resolve();
  }
}

describe('store modules', () => {
  it('ArticleDates keeps any article key (even __proto__) and refuses dates the calendar does not have', () => {
    const dates = new ArticleDates();
    assert.equal(dates.set('__proto__', '2021-08-15'), true);
    assert.equal(dates.get('__proto__'), '2021-08-15');
    assert.deepEqual(Object.keys(dates.all()), ['__proto__']);
    assert.equal(Object.getPrototypeOf(dates.all()), Object.prototype, 'the record keeps its prototype');
    assert.throws(() => dates.set('a', '2021-02-31'), /Not a YYYY-MM-DD date/);
    assert.equal(dates.set('__proto__', '2021-08-15'), false, 'unchanged');
    assert.equal(dates.set('__proto__', null), true);
    assert.deepEqual(dates.all(), {});
  });

  it('LexiconEntries keeps one entry per trimmed text', () => {
    const lexicon = new LexiconEntries();
    lexicon.add({ text: ' Varenna ', action: 'reject' });
    lexicon.add({ text: 'Varenna', action: 'retype', type: 'place' });
    assert.deepEqual(lexicon.entries, [{ text: 'Varenna', action: 'retype', type: 'place' }]);
    assert.equal(lexicon.remove('Varenna '), true);
    assert.equal(lexicon.remove('Varenna'), false);
  });

  it('AnnotationSet indexes by article, moves an annotation between articles, and undoes the move', () => {
    const set = new AnnotationSet();
    const a = at('Varenna');
    const b = at('Friday', 'news/b.txt', 'date');
    set.apply('add', set.addChanges([a, b]), true);
    assert.deepEqual(set.articles(), ['news/a.txt', 'news/b.txt']);
    const moved = { ...a, article: 'news/c.txt' };
    const applied = set.apply('move', set.updateChanges([moved]), true);
    assert.deepEqual(applied.articles, ['news/a.txt', 'news/c.txt']);
    assert.deepEqual(set.forArticle('news/a.txt'), []);
    assert.deepEqual(set.forArticle('news/c.txt'), [moved]);
    assert.deepEqual(set.articles(), ['news/b.txt', 'news/c.txt']);
    const undone = set.undo();
    assert.deepEqual(undone?.undone.articles, ['news/a.txt', 'news/c.txt']);
    assert.deepEqual(set.forArticle('news/a.txt'), [a]);
    assert.deepEqual(set.forArticle('news/c.txt'), []);
    assert.equal(set.size, 2);
  });

  it('reports a failing change listener through onListenerError, and the other listeners and the write still run', async () => {
    const errors: unknown[] = [];
    const storage = new Memory();
    const store = new AnnotationStore(storage, { onListenerError: (error) => errors.push(error) });
    await store.load();
    let heard = 0;
    store.onDidChange(() => {
      throw new Error('listener broke');
    });
    store.onDidChange(() => (heard += 1));
    await store.add(at('Dunmore Water Board', 'news/a.txt', 'organization'));
    assert.equal(heard, 1);
    assert.match(String(errors[0]), /listener broke/);
    const reloaded = new AnnotationStore(storage);
    await reloaded.load();
    assert.equal(reloaded.all().length, 1);
  });

  it('ChangeEmitter stops calling a disposed listener', () => {
    const emitter = new ChangeEmitter<number>();
    const heard: number[] = [];
    const subscription = emitter.event((n) => heard.push(n));
    emitter.fire(1);
    subscription.dispose();
    emitter.fire(2);
    assert.deepEqual(heard, [1]);
  });
});
