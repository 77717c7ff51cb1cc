// Schema migrations by id: each lifts stored state one version up and leaves anything else untouched (safe to run twice).
import { sha256Hex } from '../hash/sha256';
import type { Annotation } from './annotationModel';
import { CURRENT_SCHEMA_VERSION, describe, isRecord, type StoredIndexV2, type StoredStateV1 } from './schemaVersions';

export interface Migration {
  /** Stable name, recorded in load reports and logs. */
  readonly id: string;
  readonly from: number;
  readonly to: number;
  /** Returns the value at version `to`; a value not at version `from` is returned unchanged. */
  migrate(value: unknown, now: Date): unknown;
}

/** Which schema version a stored value is at; undefined when it is no known shape. */
export function detectSchemaVersion(value: unknown): number | undefined {
  if (Array.isArray(value)) return 0;
  if (isRecord(value) && typeof value.schemaVersion === 'number' && Number.isInteger(value.schemaVersion) && value.schemaVersion >= 1) {
    return value.schemaVersion;
  }
  return undefined;
}

/** Pre-release bare array of {file, start, end, text, label} -> version 1. */
const v0ToV1: Migration = {
  id: 'v0-bare-array-to-v1-state',
  from: 0,
  to: 1,
  migrate(value, now) {
    if (detectSchemaVersion(value) !== 0) return value;
    const stamp = now.toISOString();
    const annotations = (value as unknown[]).map((item, index): unknown => {
      // Items that are not v0 annotations are kept as they are, so validation reports them and they are backed up.
      if (!isRecord(item) || typeof item.file !== 'string' || typeof item.text !== 'string' || typeof item.label !== 'string') return item;
      if (typeof item.start !== 'number' || typeof item.end !== 'number') return item;
      const created = typeof item.created === 'string' ? item.created : stamp;
      const annotation: Annotation = {
        id: typeof item.id === 'string' && item.id !== '' ? item.id : stableId(item, index),
        article: item.file.replace(/\\/g, '/'),
        label: item.label,
        note: typeof item.note === 'string' ? item.note : '',
        position: { start: item.start, end: item.end },
        // v0 kept no context: the first re-anchoring against the article fills prefix and suffix in.
        quote: { exact: item.text, prefix: '', suffix: '' },
        status: 'anchored',
        created,
        modified: created,
        origin: 'user',
      };
      return annotation;
    });
    const state: StoredStateV1 = { schemaVersion: 1, annotations: annotations as Annotation[], articleDates: {}, lexicon: [] };
    return state;
  },
};

/**
 * Version 1 (one value holding everything) -> version 2 (an index, and a record per article): the index, with the
 * annotations inline; the store writes them out as records, then the index (so v1 stays until the records exist).
 */
const v1ToV2: Migration = {
  id: 'v1-single-value-to-v2-per-article',
  from: 1,
  to: 2,
  migrate(value) {
    if (detectSchemaVersion(value) !== 1) return value;
    const v1 = value as Record<string, unknown>;
    // Anything malformed is carried over as it is, so validation names it and the value is backed up.
    const annotations = v1.annotations ?? [];
    const articles = Array.isArray(annotations)
      ? [...new Set(annotations.map((a: unknown) => (isRecord(a) && typeof a.article === 'string' ? a.article : undefined)).filter((a): a is string => a !== undefined && a !== ''))].sort()
      : [];
    const index: StoredIndexV2 = {
      schemaVersion: 2,
      articles,
      articleDates: (v1.articleDates ?? {}) as StoredIndexV2['articleDates'],
      lexicon: (v1.lexicon ?? []) as StoredIndexV2['lexicon'],
      annotations: annotations as StoredIndexV2['annotations'],
    };
    return index;
  },
};

/** Every migration, oldest first; a new schema version adds one here. */
export const MIGRATIONS: readonly Migration[] = [v0ToV1, v1ToV2];

export class MigrationError extends Error {}

/** The stored value was written by a newer version of the extension: it must be neither migrated down nor overwritten. */
export class NewerSchemaVersionError extends MigrationError {
  constructor(readonly version: number) {
    super(`written by a newer version of the extension (schemaVersion ${version}, this one reads up to ${CURRENT_SCHEMA_VERSION})`);
  }
}

export interface MigrationResult {
  readonly value: unknown;
  readonly fromVersion: number;
  /** Ids of the migrations applied, in order. */
  readonly applied: readonly string[];
}

/** Lifts a stored value to CURRENT_SCHEMA_VERSION; throws a MigrationError for an unknown shape or a newer version. */
export function migrateToCurrent(value: unknown, now: Date = new Date()): MigrationResult {
  const fromVersion = detectSchemaVersion(value);
  if (fromVersion === undefined) throw new MigrationError(`not a known state shape (${describe(value)} without a schemaVersion)`);
  if (fromVersion > CURRENT_SCHEMA_VERSION) {
    throw new NewerSchemaVersionError(fromVersion);
  }
  const applied: string[] = [];
  let current = value;
  for (let version = fromVersion; version < CURRENT_SCHEMA_VERSION; version += 1) {
    const migration = MIGRATIONS.find((m) => m.from === version);
    if (!migration) throw new MigrationError(`no migration from schemaVersion ${version}`);
    current = migration.migrate(current, now);
    applied.push(migration.id);
  }
  return { value: current, fromVersion, applied };
}

/** A deterministic id for a v0 item without one, so migrating the same value twice gives the same ids. */
function stableId(item: Record<string, unknown>, index: number): string {
  const hex = sha256Hex(JSON.stringify([index, item.file, item.start, item.end, item.text, item.label]));
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
