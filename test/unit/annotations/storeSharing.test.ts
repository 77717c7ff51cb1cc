// Per-article storage: a save writes only what changed, and two stores on one storage (two windows) lose nothing.
import * as assert from 'node:assert/strict';
import { createAnnotation, updateAnnotation } from '../../../src/core/annotations/annotationFactory';
import type { Annotation } from '../../../src/core/annotations/annotationModel';
import { AnnotationStore, type StateStorage } from '../../../src/core/annotations/annotationStore';
import { articleRecordKey, STATE_KEY } from '../../../src/core/annotations/schemaVersions';

const TEXT = 'Councillor Wendeline Ashcombe opened the Brackwater library in Tollmere on Saturday with the Lunsford Trust.';

/** Memento-like: JSON text per key, set at once and stored after a delay (as VS Code's Memento does); undefined removes a key. */
class SharedStorage implements StateStorage {
  readonly values = new Map<string, string>();
  readonly written: string[] = [];
  failKey: string | undefined;
  get(key: string): unknown {
    const raw = this.values.get(key);
    return raw === undefined ? undefined : (JSON.parse(raw) as unknown);
  }
  async update(key: string, value: unknown): Promise<void> {
    if (key === this.failKey) throw new Error('storage refused the write');
    this.written.push(key);
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.stringify(value));
    await new Promise((r) => setTimeout(r, Math.random() * 2));
  }
}

function at(word: string, article: string, label = 'place'): Annotation {
  const start = TEXT.indexOf(word);
  return createAnnotation({ article, text: TEXT, start, end: start + word.length, label });
}

async function fresh(storage: StateStorage): Promise<AnnotationStore> {
  const store = new AnnotationStore(storage);
  await store.load();
  return store;
}

describe('AnnotationStore on shared, per-article storage', () => {
  it('writes only the record of the article it changed (the index only when the set of articles changes)', async () => {
    const storage = new SharedStorage();
    const store = await fresh(storage);
    await store.add([at('Tollmere', 'a.txt'), at('Saturday', 'b.txt', 'date')]);
    storage.written.length = 0;
    await store.add(at('Brackwater', 'a.txt'));
    assert.deepEqual(storage.written, [articleRecordKey('a.txt')]);
    storage.written.length = 0;
    await store.remove(store.forArticle('b.txt')[0]!.id);
    assert.deepEqual(storage.written, [articleRecordKey('b.txt'), STATE_KEY], 'the emptied record is removed and the index unlists it');
    assert.equal(storage.values.has(articleRecordKey('b.txt')), false);
    assert.deepEqual((storage.get(STATE_KEY) as { articles: string[] }).articles, ['a.txt']);
  });

  it('two stores adding to the same article at once both keep their add', async () => {
    const storage = new SharedStorage();
    await (await fresh(storage)).add(at('Tollmere', 'a.txt'));
    const one = await fresh(storage);
    const two = await fresh(storage);
    const first = at('Brackwater', 'a.txt');
    const second = at('Lunsford Trust', 'a.txt', 'organization');
    await Promise.all([one.add(first), two.add(second)]);
    const reloaded = await fresh(storage);
    assert.deepEqual(reloaded.forArticle('a.txt').map((a) => a.quote.exact).sort(), ['Brackwater', 'Lunsford Trust', 'Tollmere']);
    // The store that wrote second merged the other's add into its memory.
    const later = [one, two].find((s) => s.forArticle('a.txt').length === 3);
    assert.ok(later, 'one of the stores sees both adds');
  });

  it('never loses an add, over many interleaved changes of two stores on several articles', async () => {
    const storage = new SharedStorage();
    const one = await fresh(storage);
    const two = await fresh(storage);
    const words = ['Wendeline Ashcombe', 'Brackwater', 'Tollmere', 'Saturday', 'Lunsford Trust'];
    const pending: Promise<unknown>[] = [];
    const added: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const store = i % 2 === 0 ? one : two;
      const a = at(words[i % words.length]!, `news/${i % 3}.txt`, `label${i}`);
      added.push(a.id);
      pending.push(store.add(a));
    }
    await Promise.all(pending);
    // Each store removes one of its own and edits one of the other's.
    await one.remove(added[0]!);
    const theirs = two.get(added[3]!)!;
    await two.update(updateAnnotation(theirs, { note: 'checked' }));
    await Promise.all([one.save(), two.save()]);
    const reloaded = await fresh(storage);
    const ids = new Set(reloaded.all().map((a) => a.id));
    for (const id of added.slice(1)) assert.ok(ids.has(id), `add ${id} kept`);
    assert.equal(ids.has(added[0]!), false, 'the removal is kept too');
    assert.equal(reloaded.get(added[3]!)?.note, 'checked', 'and the edit');
    assert.equal(reloaded.all().length, 39);
  });

  it('an edit by one store and a removal of another annotation by the other store both stand', async () => {
    const storage = new SharedStorage();
    const seed = await fresh(storage);
    const a = at('Tollmere', 'a.txt');
    const b = at('Brackwater', 'a.txt');
    await seed.add([a, b]);
    const one = await fresh(storage);
    const two = await fresh(storage);
    await one.update(updateAnnotation(a, { label: 'organization' }));
    await two.remove(b.id);
    const reloaded = await fresh(storage);
    assert.deepEqual(reloaded.all().map((x) => [x.id, x.label]), [[a.id, 'organization']]);
    assert.deepEqual(two.all().map((x) => [x.id, x.label]), [[a.id, 'organization']], "the second store took in the first one's edit");
  });

  it('merges article dates, lexicon entries and new articles of two stores', async () => {
    const storage = new SharedStorage();
    const one = await fresh(storage);
    const two = await fresh(storage);
    await one.setArticleDate('a.txt', '2024-03-01');
    await two.setArticleDate('b.txt', '2024-03-02');
    await one.addLexiconEntry({ text: 'Tollmere', action: 'retype', type: 'place' });
    await two.addLexiconEntry({ text: 'Lunsford Trust', action: 'accept', type: 'organization' });
    await one.add(at('Tollmere', 'one.txt'));
    await two.add(at('Brackwater', 'two.txt'));
    await two.removeLexiconEntry('Tollmere');
    const reloaded = await fresh(storage);
    assert.deepEqual(reloaded.articleDates, { 'a.txt': '2024-03-01', 'b.txt': '2024-03-02' });
    assert.deepEqual(reloaded.lexicon, [{ text: 'Lunsford Trust', action: 'accept', type: 'organization' }]);
    assert.deepEqual(reloaded.articles(), ['one.txt', 'two.txt']);
    assert.deepEqual(two.articles(), ['one.txt', 'two.txt'], "the second store read the first one's new article in");
  });

  it('a write that fails keeps its changes for the next write', async () => {
    const storage = new SharedStorage();
    const store = await fresh(storage);
    await store.add(at('Tollmere', 'a.txt'));
    storage.failKey = articleRecordKey('a.txt');
    await assert.rejects(store.add(at('Brackwater', 'a.txt')), /refused/);
    storage.failKey = undefined;
    await store.setArticleDate('a.txt', '2024-05-06');
    const reloaded = await fresh(storage);
    assert.deepEqual(reloaded.forArticle('a.txt').map((a) => a.quote.exact), ['Tollmere', 'Brackwater']);
  });

  it('backs up an unreadable article record byte for byte, keeps the other articles, and writes over it only after the backup', async () => {
    const storage = new SharedStorage();
    const seed = await fresh(storage);
    await seed.add([at('Tollmere', 'a.txt'), at('Brackwater', 'b.txt')]);
    const garbage = '{"schemaVersion": 2, "article": "b.txt", "annotations": [ oops';
    storage.values.set(articleRecordKey('b.txt'), JSON.stringify(garbage));
    let release: () => void = () => undefined;
    const backups: { raw: string; reason: string }[] = [];
    const store = new AnnotationStore(storage, {
      onCorrupt: (raw, reason) => {
        backups.push({ raw, reason });
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    const report = await store.load();
    assert.match(report.corrupt ?? '', /b\.txt: not valid JSON/);
    assert.deepEqual(backups.map((b) => b.raw), [garbage]);
    assert.deepEqual(store.articles(), ['a.txt']);
    const write = store.add(at('Saturday', 'b.txt', 'date'));
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(storage.get(articleRecordKey('b.txt')), garbage, 'not overwritten while the backup is pending');
    release();
    await write;
    assert.equal(backups.length, 1, 'backed up once');
    const reloaded = await fresh(storage);
    assert.deepEqual(reloaded.all().map((a) => a.quote.exact).sort(), ['Saturday', 'Tollmere']);
  });

  it('migrating version 1 writes the records before the index, so a failed migration leaves version 1 in place', async () => {
    const storage = new SharedStorage();
    const v1 = { schemaVersion: 1, annotations: [at('Tollmere', 'a.txt'), at('Brackwater', 'b.txt')], articleDates: { 'a.txt': '2024-01-02' }, lexicon: [] };
    storage.values.set(STATE_KEY, JSON.stringify(v1));
    storage.failKey = STATE_KEY;
    const store = new AnnotationStore(storage);
    await assert.rejects(store.load(), /refused/);
    assert.equal((storage.get(STATE_KEY) as { schemaVersion: number }).schemaVersion, 1, 'version 1 still stored');
    storage.failKey = undefined;
    const again = new AnnotationStore(storage);
    const report = await again.load();
    assert.equal(report.fromVersion, 1);
    assert.equal((storage.get(STATE_KEY) as { schemaVersion: number }).schemaVersion, 2);
    assert.deepEqual((await fresh(storage)).all().map((a) => a.quote.exact).sort(), ['Brackwater', 'Tollmere']);
    assert.equal((await fresh(storage)).articleDate('a.txt'), '2024-01-02');
  });
});
