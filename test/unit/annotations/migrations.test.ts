import * as assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { AnnotationStore, type StateStorage } from '../../../src/core/annotations/annotationStore';
import { detectSchemaVersion, migrateToCurrent, MIGRATIONS } from '../../../src/core/annotations/migrations';
import { CURRENT_SCHEMA_VERSION, STATE_KEY, validateState } from '../../../src/core/annotations/schemaVersions';

const FIXTURES = path.join(__dirname, 'fixtures');
const NOW = new Date('2025-01-02T03:04:05.000Z');

function fixture(version: number): unknown {
  return JSON.parse(readFileSync(path.join(FIXTURES, `state-v${version}.json`), 'utf8')) as unknown;
}

class JsonStorage implements StateStorage {
  constructor(public raw: string | undefined) {}
  get(_key: string): unknown {
    return this.raw === undefined ? undefined : (JSON.parse(this.raw) as unknown);
  }
  update(_key: string, value: unknown): Promise<void> {
    this.raw = JSON.stringify(value);
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
      const storage = new JsonStorage(JSON.stringify(value));
      const corrupt: string[] = [];
      const store = new AnnotationStore(storage, { onCorrupt: (_raw, reason) => void corrupt.push(reason), now: () => NOW });
      const report = await store.load();
      assert.deepEqual(corrupt, []);
      assert.equal(report.fromVersion, version);
      assert.equal(report.migrations.length, CURRENT_SCHEMA_VERSION - version);
      assert.ok(store.all().length > 0);
      // Migrated state is written back at the current version, and validates without problems.
      const stored = storage.get(STATE_KEY) as { schemaVersion: number };
      assert.equal(stored.schemaVersion, CURRENT_SCHEMA_VERSION);
      assert.deepEqual(validateState(stored).problems, []);
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
