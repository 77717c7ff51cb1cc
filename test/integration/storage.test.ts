// Broken stored state: written into the real workspace state, then the store re-initialised. The raw value must be
// backed up to a file and reported, never silently overwritten; what is valid is kept.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import type { Annotation } from '../../src/core/annotations/annotationModel';
import { AnnotationStore } from '../../src/core/annotations/annotationStore';
import { articleRecordKey, STATE_KEY } from '../../src/core/annotations/schemaVersions';
import { annotatorApi } from './annotationTestKit';

describe('annotation storage', function () {
  this.timeout(30_000);
  let saved: unknown;

  before(async () => {
    const api = await annotatorApi();
    await api.annotations.flush();
    saved = api.annotations.storage.get(STATE_KEY);
  });

  after(async () => {
    // Put the real state back for the suites (and the reload phase) that follow.
    const api = await annotatorApi();
    await api.annotations.storage.update(STATE_KEY, saved);
    await api.annotations.load();
  });

  it('backs up a stored value that is not JSON to a file, reports it and does not overwrite it before the backup exists', async () => {
    const api = await annotatorApi();
    const garbage = '{"schemaVersion": 1, "annotations": [ {"id": "x", oops \u0000 not json';
    await api.annotations.storage.update(STATE_KEY, garbage);
    const backupsBefore = api.annotations.corruptState.backups.length;
    const report = await api.annotations.load();
    assert.ok(report.corrupt, 'the load reports the state as corrupt');
    assert.match(report.corrupt, /JSON/);
    assert.equal(api.annotations.all().length, 0, 'nothing could be salvaged from it');
    assert.equal(api.annotations.storage.get(STATE_KEY), garbage, 'loading alone never writes over it');
    await api.annotations.corruptState.settled();
    const backups = api.annotations.corruptState.backups;
    assert.equal(backups.length, backupsBefore + 1, 'one backup written');
    const file = backups[backups.length - 1]!.file.fsPath;
    assert.ok(existsSync(file), `backup file ${file}`);
    assert.equal(readFileSync(file, 'utf8'), garbage, 'the backup holds the stored value byte for byte');
    assert.match(file, /backups[\\/]annotations-.*\.json$/);
  });

  it('keeps the valid items of a partly broken state, backs the whole value up, and only then writes', async () => {
    const api = await annotatorApi();
    const good = {
      id: 'storage-good-1',
      article: 'seeds/storage.txt',
      label: 'place',
      note: '',
      position: { start: 0, end: 5 },
      quote: { exact: 'Hello', prefix: '', suffix: ' world' },
      status: 'anchored',
      created: '2024-01-01T00:00:00.000Z',
      modified: '2024-01-01T00:00:00.000Z',
      origin: 'user',
    };
    const broken = { schemaVersion: 1, annotations: [good, { id: 42, label: null }], articleDates: {}, lexicon: [] };
    await api.annotations.storage.update(STATE_KEY, broken);
    const report = await api.annotations.load();
    assert.match(report.corrupt ?? '', /annotations\[1\]/);
    assert.equal(api.annotations.all().length, 1);
    assert.equal(api.annotations.get('storage-good-1')?.label, 'place');
    await api.annotations.corruptState.settled();
    const backup = api.annotations.corruptState.backups.at(-1)!;
    assert.deepEqual(JSON.parse(readFileSync(backup.file.fsPath, 'utf8')), broken, 'the backup holds the whole value, the invalid item included');
    // A change after the backup is written normally.
    await api.annotations.remove('storage-good-1');
    await api.annotations.flush();
    assert.equal(api.annotations.storage.get(articleRecordKey('seeds/storage.txt')), undefined, 'the emptied record is removed');
    assert.equal((api.annotations.storage.get(STATE_KEY) as { schemaVersion: number }).schemaVersion, 2);
  });

  it('loads an earlier schema version (a bare array of annotations) by migrating it', async () => {
    const api = await annotatorApi();
    await api.annotations.storage.update(STATE_KEY, [{ id: 'old-1', file: 'seeds/storage.txt', start: 0, end: 5, text: 'Hello', label: 'event', note: 'from version 0' }]);
    const report = await api.annotations.load();
    assert.equal(report.corrupt, undefined);
    assert.equal(report.fromVersion, 0);
    assert.equal(api.annotations.get('old-1')?.note, 'from version 0');
    await api.annotations.flush();
    assert.equal((api.annotations.storage.get(STATE_KEY) as { schemaVersion: number }).schemaVersion, 2, 'written back migrated');
    const record = api.annotations.storage.get(articleRecordKey('seeds/storage.txt')) as { annotations: Annotation[] };
    assert.deepEqual(record.annotations.map((a) => a.id), ['old-1'], 'into its article\'s record');
    await api.annotations.remove('old-1');
  });

  it('a second store on the same workspace state (another window) loses neither its adds nor the extension\'s', async () => {
    const api = await annotatorApi();
    await api.annotations.load();
    const other = new AnnotationStore(api.annotations.storage);
    await other.load();
    const text = 'Harbour pilots from Quellmoor met the Ardith Ferry Board in Saltcombe.';
    const article = 'seeds/storage-shared.txt';
    const quote = (word: string): Annotation => {
      const start = text.indexOf(word);
      return { id: `shared-${word}`, article, label: 'place', note: '', position: { start, end: start + word.length }, quote: { exact: word, prefix: '', suffix: '' }, status: 'anchored', created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z', origin: 'user' };
    };
    // Both add to the same, new article: neither knows of the other's add.
    await Promise.all([api.annotations.addExisting([quote('Quellmoor')], 'Add'), other.add(quote('Saltcombe'))]);
    await other.add(quote('Ardith'));
    await api.annotations.flush();
    const reloaded = new AnnotationStore(api.annotations.storage);
    await reloaded.load();
    assert.deepEqual(reloaded.forArticle(article).map((a) => a.quote.exact).sort(), ['Ardith', 'Quellmoor', 'Saltcombe']);
    await api.annotations.load();
    assert.equal(api.annotations.forArticle(article).length, 3, 'the extension reads all three after a reload');
    for (const a of api.annotations.forArticle(article)) await api.annotations.remove(a.id);
    other.dispose();
    reloaded.dispose();
  });
});
