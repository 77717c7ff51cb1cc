import * as assert from 'node:assert/strict';
import { createAnnotation } from '../../../src/core/annotations/annotationFactory';
import type { Annotation } from '../../../src/core/annotations/annotationModel';
import { AnnotationStore, type StateStorage, type StoreChange } from '../../../src/core/annotations/annotationStore';
import { articleRecordKey, STATE_KEY } from '../../../src/core/annotations/schemaVersions';
import { updateAnnotation } from '../../../src/core/annotations/annotationFactory';

const TEXT = 'The harbour master of Port Vell said on Monday that the ferry company would resume crossings.';

/** Memento-like storage: values go through JSON, updates resolve after a random delay. */
class MemoryStorage implements StateStorage {
  readonly values = new Map<string, string>();
  writes = 0;
  inFlight = 0;
  maxInFlight = 0;
  constructor(private readonly delay = false) {}
  get(key: string): unknown {
    const raw = this.values.get(key);
    return raw === undefined ? undefined : (JSON.parse(raw) as unknown);
  }
  async update(key: string, value: unknown): Promise<void> {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    if (this.delay) await new Promise((r) => setTimeout(r, Math.random() * 3));
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.stringify(value));
    this.writes += 1;
    this.inFlight -= 1;
  }
}

/** Every annotation stored: the index lists the articles, each article's record holds its annotations. */
function storedAnnotations(storage: StateStorage): Annotation[] {
  const index = storage.get(STATE_KEY) as { articles: string[] } | undefined;
  return (index?.articles ?? []).flatMap((article) => (storage.get(articleRecordKey(article)) as { annotations: Annotation[] } | undefined)?.annotations ?? []);
}

function annotationAt(word: string, label = 'place', article = 'news/a.txt'): Annotation {
  const start = TEXT.indexOf(word);
  return createAnnotation({ article, text: TEXT, start, end: start + word.length, label });
}

describe('AnnotationStore', () => {
  it('deferWrite keeps edit-following in memory until save(), which writes it once; a later write carries it too', async () => {
    const storage = new MemoryStorage(true);
    const store = new AnnotationStore(storage);
    await store.load();
    const a = annotationAt('Port Vell');
    await store.add(a);
    const writesBefore = storage.writes;
    let moved = a;
    for (let shift = 1; shift <= 50; shift += 1) {
      moved = { ...a, position: { start: a.position.start + shift, end: a.position.end + shift } };
      await store.replaceArticle(a.article, [moved], { undoable: false, deferWrite: true });
    }
    assert.equal(storage.writes, writesBefore, 'nothing written yet');
    assert.deepEqual(store.get(a.id)?.position, moved.position, 'in memory at once');
    assert.equal(store.hasUnsavedChanges, true);
    assert.equal(store.canUndo, true, 'the add is still the undo step');
    await store.save();
    assert.equal(storage.writes, writesBefore + 1, 'one write for fifty changes');
    assert.equal(store.hasUnsavedChanges, false);
    await store.save();
    assert.equal(storage.writes, writesBefore + 1, 'nothing left to write');
    const reloaded = new AnnotationStore(storage);
    await reloaded.load();
    assert.deepEqual(reloaded.get(a.id)?.position, moved.position);

    const again = { ...moved, position: { start: moved.position.start + 1, end: moved.position.end + 1 } };
    await store.replaceArticle(a.article, [again], { undoable: false, deferWrite: true });
    await store.setArticleDate(a.article, '2024-03-04');
    assert.equal(store.hasUnsavedChanges, false, 'the article-date write carried the deferred change');
    const third = new AnnotationStore(storage);
    await third.load();
    assert.deepEqual(third.get(a.id)?.position, again.position);
  });

  it('stores 100 adds fired without awaiting in between, and they survive a reload', async () => {
    const storage = new MemoryStorage(true);
    const store = new AnnotationStore(storage);
    await store.load();
    const pending: Promise<void>[] = [];
    for (let i = 0; i < 100; i += 1) pending.push(store.add(annotationAt('Port Vell', `label${i}`)));
    await Promise.all(pending);
    assert.equal(storage.maxInFlight, 1, 'writes are serialised');
    assert.ok(storage.writes < 100, `writes are coalesced (${storage.writes})`);
    const reloaded = new AnnotationStore(storage);
    const report = await reloaded.load();
    assert.equal(report.annotations, 100);
    assert.deepEqual(new Set(reloaded.all().map((a) => a.label)).size, 100);
  });

  it('never loses either of two quick changes of different kinds', async () => {
    const storage = new MemoryStorage(true);
    const store = new AnnotationStore(storage);
    await store.load();
    const a = annotationAt('Monday', 'date');
    await store.add(a);
    const both = [store.update(updateAnnotation(a, { note: 'a *holiday*' })), store.setArticleDate('news/a.txt', '2024-03-04'), store.addLexiconEntry({ text: 'Port Vell', action: 'retype', type: 'place' })];
    await Promise.all(both);
    const reloaded = new AnnotationStore(storage);
    await reloaded.load();
    assert.equal(reloaded.get(a.id)?.note, 'a *holiday*');
    assert.equal(reloaded.articleDate('news/a.txt'), '2024-03-04');
    assert.deepEqual(reloaded.lexicon, [{ text: 'Port Vell', action: 'retype', type: 'place' }]);
  });

  it('answers forArticle, update, remove, replaceArticle and fires onDidChange', async () => {
    const store = new AnnotationStore(new MemoryStorage());
    await store.load();
    const events: StoreChange[] = [];
    const subscription = store.onDidChange((e) => events.push(e));
    const a = annotationAt('Port Vell');
    const b = annotationAt('ferry company', 'organization', 'news/b.txt');
    await store.add([a, b]);
    assert.deepEqual(store.forArticle('news/a.txt'), [a]);
    assert.deepEqual(store.articles(), ['news/a.txt', 'news/b.txt']);
    await assert.rejects(async () => store.add(a), /already exists/);
    const relabelled = updateAnnotation(a, { label: 'organization' });
    await store.update(relabelled);
    assert.equal(store.get(a.id)?.label, 'organization');
    assert.equal(await store.remove(b.id), 1);
    assert.equal(await store.remove('no-such-id'), 0);
    const c = annotationAt('harbour master', 'person');
    await store.replaceArticle('news/a.txt', [c]);
    assert.deepEqual(store.all(), [c]);
    subscription.dispose();
    await store.setArticleDate('news/a.txt', null);
    assert.deepEqual(events.map((e) => e.kind), ['annotations', 'annotations', 'annotations', 'annotations']);
    assert.deepEqual(events[2].articles, ['news/b.txt']);
  });

  it('undoes add, update, remove and bulk changes in reverse order', async () => {
    const store = new AnnotationStore(new MemoryStorage());
    await store.load();
    const a = annotationAt('Port Vell');
    await store.add(a);
    await store.update(updateAnnotation(a, { note: 'first' }));
    await store.remove(a.id);
    const b = annotationAt('Monday', 'date');
    await store.replaceArticle('news/a.txt', [b]);
    // Edit-following is not undoable: the text's own undo moves annotations back.
    await store.replaceArticle('news/a.txt', [{ ...b, position: { start: b.position.start + 1, end: b.position.end + 1 } }], { undoable: false });
    assert.equal((await store.undo())?.description, 'Update annotations of news/a.txt');
    assert.deepEqual(store.all(), []);
    assert.match((await store.undo())?.description ?? '', /Delete annotation/);
    assert.equal(store.get(a.id)?.note, 'first');
    await store.undo();
    assert.equal(store.get(a.id)?.note, '');
    await store.undo();
    assert.deepEqual(store.all(), []);
    assert.equal(await store.undo(), undefined);
    assert.equal(store.canUndo, false);
  });

  it('checks the annotations that changed when an article\'s list comes back in its order, as edit-following gives it', async () => {
    const store = new AnnotationStore(new MemoryStorage());
    await store.load();
    const a = annotationAt('harbour master', 'person');
    const b = annotationAt('Port Vell');
    const c = annotationAt('Monday', 'date');
    await store.add([a, b, c]);
    const held = store.forArticle('news/a.txt');
    const moved = held.map((x) => (x.id === b.id ? { ...x, position: { start: x.position.start + 2, end: x.position.end + 2 } } : x));
    await store.replaceArticle('news/a.txt', moved, { undoable: false });
    assert.deepEqual(store.forArticle('news/a.txt'), moved);
    assert.equal(store.forArticle('news/a.txt')[0], held[0], 'the unchanged ones kept as they were');
    const broken = moved.map((x) => (x.id === c.id ? { ...x, position: { start: 9, end: 3 } } : x));
    await assert.rejects(async () => store.replaceArticle('news/a.txt', broken), /position/);
    const elsewhere = moved.map((x) => (x.id === a.id ? { ...x, article: 'news/b.txt' } : x));
    await assert.rejects(async () => store.replaceArticle('news/a.txt', elsewhere), /belongs to news\/b.txt/);
    assert.deepEqual(store.forArticle('news/a.txt'), moved, 'a refused list changes nothing');
  });

  it('keeps a moved annotation in place when undoing an older label change', async () => {
    const store = new AnnotationStore(new MemoryStorage());
    await store.load();
    const a = annotationAt('Port Vell');
    await store.add(a);
    await store.update(updateAnnotation(a, { label: 'organization' }));
    const moved = { ...store.get(a.id)!, position: { start: a.position.start + 4, end: a.position.end + 4 } };
    await store.replaceArticle('news/a.txt', [moved], { undoable: false });
    await store.undo();
    assert.equal(store.get(a.id)?.label, 'place');
    assert.deepEqual(store.get(a.id)?.position, moved.position);
  });

  for (const [name, value] of [
    ['unparseable JSON text', '{"schemaVersion": 1, "annotations": ['],
    ['a number', 42],
    ['annotations that are not an array', { schemaVersion: 1, annotations: 'many' }],
  ] as const) {
    it(`backs up ${name} and does not overwrite it before the backup resolved`, async () => {
      const storage = new MemoryStorage();
      storage.values.set(STATE_KEY, JSON.stringify(value));
      const original = storage.values.get(STATE_KEY);
      let release: () => void = () => undefined;
      const backups: { raw: string; reason: string }[] = [];
      const store = new AnnotationStore(storage, {
        onCorrupt: (raw, reason) => {
          backups.push({ raw, reason });
          return new Promise<void>((resolve) => (release = resolve));
        },
      });
      const report = await store.load();
      assert.ok(report.corrupt);
      assert.equal(backups.length, 1);
      assert.equal(backups[0].raw, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
      assert.deepEqual(store.all(), []);
      const write = store.add(annotationAt('Port Vell'));
      await new Promise((r) => setTimeout(r, 10));
      assert.equal(storage.values.get(STATE_KEY), original, 'not overwritten while the backup is pending');
      release();
      await write;
      assert.equal(storedAnnotations(storage).length, 1);
    });
  }

  it('backs up a value from a newer schema version and never writes over it (no downgrade), saying why', async () => {
    const storage = new MemoryStorage();
    const future = JSON.stringify({ schemaVersion: 99, annotations: [{ id: 'from-the-future' }], somethingNew: true });
    storage.values.set(STATE_KEY, future);
    const backups: string[] = [];
    const store = new AnnotationStore(storage, { onCorrupt: (raw) => void backups.push(raw) });
    const report = await store.load();
    assert.match(report.corrupt ?? '', /newer version/);
    assert.equal(backups.length, 1, 'backed up once');
    assert.match(store.writeError ?? '', /schemaVersion 99.*newer version of Article Annotator/);
    await assert.rejects(store.add(annotationAt('Port Vell')), /Not saving.*would downgrade/);
    await assert.rejects(store.setArticleDate('news/a.txt', '2021-08-15'), /Not saving/);
    assert.equal(storage.values.get(STATE_KEY), future, 'the newer value is left untouched');
    assert.equal(store.all().length, 1, 'changes are kept in memory');
    // A later load of a value this version can read lifts the block.
    storage.values.set(STATE_KEY, JSON.stringify({ schemaVersion: 2, articles: [], articleDates: {}, lexicon: [] }));
    await store.load();
    assert.equal(store.writeError, undefined);
    await store.add(annotationAt('Port Vell'));
    assert.equal(storedAnnotations(storage).length, 1);
  });

  it('refuses to write at all when the backup fails, keeping the stored value', async () => {
    const storage = new MemoryStorage();
    storage.values.set(STATE_KEY, '"not a state"');
    const store = new AnnotationStore(storage, { onCorrupt: () => Promise.reject(new Error('disk full')) });
    await store.load();
    await assert.rejects(store.add(annotationAt('Port Vell')), /nor backed up \(disk full\)/);
    assert.equal(storage.values.get(STATE_KEY), '"not a state"');
    assert.match(store.writeError ?? '', /disk full/);
    assert.equal(store.all().length, 1, 'the change is kept in memory');
  });

  it('salvages valid annotations and backs up the value when some items are invalid', async () => {
    const storage = new MemoryStorage();
    const good = annotationAt('Port Vell');
    storage.values.set(STATE_KEY, JSON.stringify({ schemaVersion: 1, annotations: [good, { id: 'x' }], articleDates: { 'news/a.txt': 'Monday' }, lexicon: [] }));
    const reasons: string[] = [];
    const store = new AnnotationStore(storage, { onCorrupt: (_raw, reason) => void reasons.push(reason) });
    const report = await store.load();
    assert.deepEqual(store.all(), [good]);
    assert.match(report.corrupt ?? '', /2 invalid item\(s\)/);
    assert.deepEqual({ ...store.articleDates }, {});
    assert.equal(reasons.length, 1);
  });

  it('validates what it is given', async () => {
    const store = new AnnotationStore(new MemoryStorage());
    await store.load();
    assert.throws(() => store.add({ ...annotationAt('Port Vell'), position: { start: 5, end: 2 } }), /Invalid annotation/);
    assert.throws(() => store.setArticleDate('a', '2024-13-01'), /Not a YYYY-MM-DD/);
    assert.throws(() => store.addLexiconEntry({ text: 'X', action: 'retype' }), /needs a type/);
  });
});
