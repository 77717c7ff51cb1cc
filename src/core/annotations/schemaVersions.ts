// The shapes of the stored workspace state, one per schema version, and the validator of the current one.
import type { Annotation } from './annotationModel';
import { ENTITY_TYPES, type LexiconEntry } from '../nlp/analysisModel';

/** Bump together with a new entry in MIGRATIONS (migrations.ts) and a test that loads the previous version. */
export const CURRENT_SCHEMA_VERSION = 1;

/** The workspace-state key the whole state lives under. */
export const STATE_KEY = 'articleAnnotator.state';

/** Version 1: one object holding everything the workspace remembers. */
export interface StoredStateV1 {
  readonly schemaVersion: 1;
  readonly annotations: readonly Annotation[];
  /** Article key -> YYYY-MM-DD set by the user ("Set Article Date"). */
  readonly articleDates: Readonly<Record<string, string>>;
  readonly lexicon: readonly LexiconEntry[];
}

export type StoredState = StoredStateV1;

/** Version 0 (pre-release builds): a bare array of annotations, no quote context, no status or origin. */
export interface AnnotationV0 {
  readonly id?: string;
  /** Workspace-relative path of the article. */
  readonly file: string;
  readonly start: number;
  readonly end: number;
  /** The annotated text. */
  readonly text: string;
  readonly label: string;
  readonly note?: string;
  readonly created?: string;
}

export type StoredStateV0 = readonly AnnotationV0[];

export function emptyState(): StoredState {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, annotations: [], articleDates: {}, lexicon: [] };
}

export interface ValidatedState {
  /** Everything valid; an invalid item is left out and named in `problems`. */
  readonly state: StoredState;
  readonly problems: readonly string[];
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Checks a value claiming to be the current version; throws a TypeError when its overall shape is wrong. */
export function validateState(value: unknown): ValidatedState {
  if (!isRecord(value)) throw new TypeError(`expected an object, found ${describe(value)}`);
  if (value.schemaVersion !== CURRENT_SCHEMA_VERSION) throw new TypeError(`expected schemaVersion ${CURRENT_SCHEMA_VERSION}, found ${describe(value.schemaVersion)}`);
  const problems: string[] = [];
  const annotationsRaw = value.annotations ?? [];
  if (!Array.isArray(annotationsRaw)) throw new TypeError(`"annotations" is ${describe(annotationsRaw)}, not an array`);
  const annotations: Annotation[] = [];
  const ids = new Set<string>();
  annotationsRaw.forEach((item: unknown, index) => {
    const problem = annotationProblem(item);
    if (problem) problems.push(`annotations[${index}]: ${problem}`);
    else {
      const annotation = item as Annotation;
      if (ids.has(annotation.id)) problems.push(`annotations[${index}]: duplicate id ${annotation.id}`);
      else {
        ids.add(annotation.id);
        annotations.push(annotation);
      }
    }
  });
  const datesRaw = value.articleDates ?? {};
  if (!isRecord(datesRaw)) throw new TypeError(`"articleDates" is ${describe(datesRaw)}, not an object`);
  const articleDates: Record<string, string> = {};
  for (const [article, date] of Object.entries(datesRaw)) {
    if (typeof date === 'string' && DATE.test(date)) articleDates[article] = date;
    else problems.push(`articleDates[${JSON.stringify(article)}]: ${describe(date)} is not a YYYY-MM-DD date`);
  }
  const lexiconRaw = value.lexicon ?? [];
  if (!Array.isArray(lexiconRaw)) throw new TypeError(`"lexicon" is ${describe(lexiconRaw)}, not an array`);
  const lexicon: LexiconEntry[] = [];
  lexiconRaw.forEach((item: unknown, index) => {
    const problem = lexiconProblem(item);
    if (problem) problems.push(`lexicon[${index}]: ${problem}`);
    else lexicon.push(item as LexiconEntry);
  });
  return { state: { schemaVersion: CURRENT_SCHEMA_VERSION, annotations, articleDates, lexicon }, problems };
}

/** Why `value` is not a valid annotation, or undefined when it is. */
export function annotationProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return `expected an object, found ${describe(value)}`;
  for (const key of ['id', 'article', 'label'] as const) {
    if (typeof value[key] !== 'string' || value[key] === '') return `"${key}" must be a non-empty string`;
  }
  for (const key of ['note', 'created', 'modified'] as const) {
    if (typeof value[key] !== 'string') return `"${key}" must be a string`;
  }
  const position = value.position;
  if (!isRecord(position) || !isOffset(position.start) || !isOffset(position.end) || position.start > position.end) {
    return '"position" must be {start, end} with 0 <= start <= end';
  }
  const quote = value.quote;
  if (!isRecord(quote) || typeof quote.exact !== 'string' || typeof quote.prefix !== 'string' || typeof quote.suffix !== 'string') {
    return '"quote" must be {exact, prefix, suffix} strings';
  }
  if (value.status !== 'anchored' && value.status !== 'orphaned') return `"status" must be anchored or orphaned, found ${describe(value.status)}`;
  if (value.origin !== 'user' && value.origin !== 'entity') return `"origin" must be user or entity, found ${describe(value.origin)}`;
  return undefined;
}

function lexiconProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return `expected an object, found ${describe(value)}`;
  if (typeof value.text !== 'string' || value.text.trim() === '') return '"text" must be a non-empty string';
  if (value.action !== 'reject' && value.action !== 'retype' && value.action !== 'accept') return `"action" must be reject, retype or accept, found ${describe(value.action)}`;
  if (value.type !== undefined && !(ENTITY_TYPES as readonly unknown[]).includes(value.type)) return `"type" must be one of ${ENTITY_TYPES.join(', ')}`;
  if (value.action === 'retype' && value.type === undefined) return 'a retype entry needs a "type"';
  return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** A short description of a value for messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
