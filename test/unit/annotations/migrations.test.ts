import * as assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { AnnotationStore, type StateStorage } from '../../../src/core/annotations/annotationStore';
import { detectSchemaVersion, migrateToCurrent, MIGRATIONS } from '../../../src/core/annotations/migrations';
import { articleRecordKey, CURRENT_SCHEMA_VERSION, STATE_KEY, validateArticleRecord, validateState } from '../../../src/core/annotations/schemaVersions';

const FIXTURES = path.join(__dirname, 'fixtures');
const NOW = new Date('2025-01-02T03:04:05.000Z');

/** Versions 0 and 1 kept everything in one value (under STATE_KEY); from version 2 a fixture is the whole storage, key by key. */
const SPLIT_FROM = 2;

function storageFixture(version: number): Record<string, unknown> {
  const value = JSON.parse(readFileSync(path.join(FIXTURES, `state-v${version}.json`), 'utf8')) as unknown;
  return version < SPLIT_FROM ? { [STATE_KEY]: value } : (value as Record<string, unknown>);
}

/** The value under STATE_KEY: the whole state (versions 0, 1) or the index (version 2 on). */
function fixture(version: number): unknown {
  return storageFixture(version)[STATE_KEY];
}

/** Memento-like: values kept as JSON text; writing undefined removes a key. */
class JsonStorage implements StateStorage {
  readonly raw = new Map<string, string>();
  constructor(values: Record<string, unknown>) {
    for (const [key, value] of Object.entries(values)) this.raw.set(key, JSON.stringify(value));
  }
  get(key: string): unknown {
    const raw = this.raw.get(key);
    return raw === undefined ? undefined : (JSON.parse(raw) as unknown);
  }
  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.raw.delete(key);
    else this.raw.set(key, JSON.stringify(value));
    return Promise.resolve();
  }
}

describe('schema migrations', () => {
  const versions = Array.from({ length: CURRENT_SCHEMA_VERSION + 1 }, (_, v) => v);

  it('has a fixture for every version and one migration per older version', () => {
    for (const v of versions) assert.ok(existsSync(path.join(FIXTURES, `state-v${v}.json`)), `fixtures/state-v${v}.json`);
    for (const v of versions.slice(0, -1)) assert.equal(MIGRATIONS.filter((m) => m.from === v && m.to === v + 1).length, 1, `migration from ${v}`);
    assert.equal(new Set(MIGRATIONS.map((m) => m.id)).size, MIGRATIONS.length, 'ids are unique');
  });

  for (const version of versions) {
    it(`loads a version ${version} state into a valid current state, through the store`, async () => {
      const value = fixture(version);
      assert.equal(detectSchemaVersion(value), version);
      const storage = new JsonStorage(storageFixture(version));
      const corrupt: string[] = [];
      const store = new AnnotationStore(storage, { onCorrupt: (_raw, reason) => void corrupt.push(reason), now: () => NOW });
      const report = await store.load();
      assert.deepEqual(corrupt, []);
      assert.equal(report.fromVersion, version);
      assert.equal(report.migrations.length, CURRENT_SCHEMA_VERSION - version);
      assert.ok(store.all().length > 0);
      // Migrated state is written back at the current version, one record per article, and validates without problems.
      const stored = storage.get(STATE_KEY) as { schemaVersion: number; articles: string[]; annotations?: unknown };
      assert.equal(stored.schemaVersion, CURRENT_SCHEMA_VERSION);
      assert.deepEqual(validateState(stored).problems, []);
      assert.equal(stored.annotations, undefined, 'the index holds no annotations');
      assert.deepEqual(stored.articles, [...new Set(store.all().map((a) => a.article))].sort());
      const ids = new Set<string>();
      let inRecords = 0;
      for (const article of stored.articles) {
        const record = validateArticleRecord(storage.get(articleRecordKey(article)), article, ids);
        assert.deepEqual(record.problems, []);
        inRecords += record.annotations.length;
      }
      assert.equal(inRecords, store.all().length, 'every annotation is in its article\'s record');
      // And a fresh store reads back the same.
      const again = new AnnotationStore(storage, { now: () => NOW });
      const second = await again.load();
      assert.equal(second.fromVersion, CURRENT_SCHEMA_VERSION);
      assert.deepEqual(second.migrations, []);
      assert.deepEqual([...again.all()].sort((a, b) => a.id.localeCompare(b.id)), [...store.all()].sort((a, b) => a.id.localeCompare(b.id)));
      assert.deepEqual(again.articleDates, store.articleDates);
      assert.deepEqual(again.lexicon, store.lexicon);
    });

    it(`migrating version ${version} twice gives the same result`, () => {
      const once = migrateToCurrent(fixture(version), NOW).value;
      const twice = migrateToCurrent(once, NOW).value;
      assert.deepEqual(twice, once);
      for (const migration of MIGRATIONS) assert.deepEqual(migration.migrate(once, NOW), once, `${migration.id} leaves later versions alone`);
      assert.deepEqual(migrateToCurrent(fixture(version), NOW).value, once, 'deterministic');
    });
  }

  it('maps version 0 fields onto annotations', () => {
    const { state } = validateState(migrateToCurrent(fixture(0), NOW).value);
    const [kabul, harbour] = state.annotations;
    assert.equal(kabul.article, 'seeds/003_cf56c5e4736b5965.txt');
    assert.deepEqual(kabul.position, { start: 10, end: 15 });
    assert.deepEqual(kabul.quote, { exact: 'Kabul', prefix: '', suffix: '' });
    assert.equal(kabul.status, 'anchored');
    assert.equal(kabul.created, NOW.toISOString());
    assert.match(kabul.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(harbour.id, 'pre-release-2');
    assert.equal(harbour.article, 'notes/harbour.txt');
    assert.equal(harbour.note, 'opening *line*');
    assert.equal(harbour.created, '2021-03-02T10:00:00.000Z');
  });

  it('rejects shapes it does not know and versions from the future', () => {
    assert.throws(() => migrateToCurrent({ annotations: [] }), /not a known state shape/);
    assert.throws(() => migrateToCurrent({ schemaVersion: CURRENT_SCHEMA_VERSION + 1 }), /newer version/);
  });
});
