// Reading and writing the store's state through a key-value storage: migration and validation on load, a backup of
// anything unreadable before it may be replaced, and one write at a time that carries every change made before it.
import type { Annotation } from './annotationModel';
import type { LexiconEntry } from '../nlp/analysisModel';
import { emptyState, STATE_KEY, validateState, type StoredState } from './schemaVersions';
import { migrateToCurrent, NewerSchemaVersionError } from './migrations';

/** What the store writes through: `context.workspaceState` satisfies it. */
export interface StateStorage {
  get(key: string): unknown;
  update(key: string, value: unknown): PromiseLike<void>;
}

export interface PersistenceOptions {
  /** Storage key; default STATE_KEY. */
  readonly key?: string;
  /**
   * Given the stored value (as a string) when it does not parse, validate or migrate, before anything may replace it:
   * back it up and report it. Until the returned promise resolves nothing is written; if it rejects, or no callback
   * is given, nothing is ever written over the key.
   */
  readonly onCorrupt?: (raw: string, reason: string) => PromiseLike<unknown> | void;
  readonly now?: () => Date;
}

export interface LoadReport {
  readonly annotations: number;
  /** The version the stored value was at; undefined when nothing was stored. */
  readonly fromVersion: number | undefined;
  /** Migration ids applied. */
  readonly migrations: readonly string[];
  /** Why the stored value was (partly) rejected and handed to onCorrupt; undefined when it was fine. */
  readonly corrupt: string | undefined;
}

/** What a write reads from the store's memory. */
export interface PersistedSource {
  all(): readonly Annotation[];
  articleDates(): Readonly<Record<string, string>>;
  lexicon(): readonly LexiconEntry[];
}

export interface LoadedState {
  readonly state: StoredState;
  readonly report: Omit<LoadReport, 'annotations'>;
}

export class StatePersistence {
  private readonly key: string;
  /** Writes wait for this: resolved normally, pending while a corrupt value is being backed up, rejected if it could not be. */
  private writeGate: Promise<void> = Promise.resolve();
  private writeBlockedReason: string | undefined;
  private queue: Promise<void> = Promise.resolve();
  private changeCount = 0;
  private savedCount = 0;

  constructor(
    private readonly storage: StateStorage,
    private readonly source: PersistedSource,
    private readonly options: PersistenceOptions = {},
  ) {
    this.key = options.key ?? STATE_KEY;
  }

  /**
   * Reads, migrates and validates the stored state. A value that cannot be read goes to onCorrupt, and what could be
   * salvaged is returned, but nothing is written until the backup resolved. A value from a newer schema version is
   * backed up too, and then never written over (that would downgrade it): writes reject, saying why, until a later
   * read finds a value this version reads.
   */
  read(): LoadedState {
    const stored = this.storage.get(this.key);
    let state = emptyState();
    let fromVersion: number | undefined;
    let migrations: readonly string[] = [];
    let corrupt: string | undefined;
    let newerVersion: number | undefined;
    if (stored !== undefined && stored !== null) {
      try {
        const value = typeof stored === 'string' ? parseJson(stored) : stored;
        const migrated = migrateToCurrent(value, this.now());
        fromVersion = migrated.fromVersion;
        migrations = migrated.applied;
        const validated = validateState(migrated.value);
        state = validated.state;
        if (validated.problems.length > 0) {
          const shown = validated.problems.slice(0, 5).join('; ');
          corrupt = `${validated.problems.length} invalid item(s) left out: ${shown}${validated.problems.length > 5 ? '; …' : ''}`;
        }
      } catch (error) {
        corrupt = error instanceof Error ? error.message : String(error);
        if (error instanceof NewerSchemaVersionError) newerVersion = error.version;
        state = emptyState();
      }
    }
    if (corrupt !== undefined) this.blockWritesUntilBackedUp(stored, corrupt, newerVersion);
    else this.allowWrites();
    return { state, report: { fromVersion, migrations, corrupt } };
  }

  /** Why writes are refused, or undefined when they are not. */
  get writeError(): string | undefined {
    return this.writeBlockedReason;
  }

  /** True while a change is in memory that no finished write holds yet (deferred or still being written). */
  get hasUnsavedChanges(): boolean {
    return this.savedCount < this.changeCount;
  }

  /** Counts a change that the next write will carry, without starting one (edit-following debounces this way). */
  defer(): void {
    this.changeCount += 1;
  }

  /** Writes what is deferred (and waits for any write in flight). */
  save(): Promise<void> {
    return this.hasUnsavedChanges ? this.persist() : this.queue;
  }

  /** Resolves when every write requested so far has finished (rejects if the last one failed). */
  flush(): Promise<void> {
    return this.queue;
  }

  /**
   * Queues a write of the state. Writes run one at a time; a write that starts after later changes carries them too,
   * and the writes queued behind it then have nothing left to do, so N quick changes cost few writes and lose none.
   */
  persist(): Promise<void> {
    this.changeCount += 1;
    const wanted = this.changeCount;
    const write = this.queue
      .catch(() => undefined)
      .then(() => this.writeGate)
      .then(async () => {
        if (this.savedCount >= wanted) return;
        const upTo = this.changeCount;
        await this.storage.update(this.key, this.snapshot());
        this.savedCount = Math.max(this.savedCount, upTo);
      });
    this.queue = write;
    return write;
  }

  /** The state as it is stored. */
  snapshot(): StoredState {
    return { schemaVersion: 1, annotations: this.source.all(), articleDates: this.source.articleDates(), lexicon: this.source.lexicon() };
  }

  private blockWritesUntilBackedUp(stored: unknown, reason: string, newerVersion?: number): void {
    const callback = this.options.onCorrupt;
    const raw = rawText(stored);
    const newer =
      newerVersion === undefined
        ? undefined
        : `Not saving: the stored annotations are at schemaVersion ${newerVersion}, written by a newer version of Article Annotator; saving would downgrade them, so they are left untouched (update the extension).`;
    this.writeBlockedReason = newer ?? `the stored annotations could not be read (${reason}) and are being backed up`;
    const backup = callback ? Promise.resolve(callback(raw, reason)) : Promise.reject(new Error('no backup callback was given'));
    const gate = backup.then(
      () => {
        if (newer !== undefined) throw new Error(newer);
        this.writeBlockedReason = undefined;
      },
      (error: unknown) => {
        if (newer !== undefined) {
          this.writeBlockedReason = newer;
          throw new Error(newer);
        }
        const message = `Not saving: the stored annotations could not be read (${reason}) nor backed up (${error instanceof Error ? error.message : String(error)}), so they are left untouched.`;
        this.writeBlockedReason = message;
        throw new Error(message);
      },
    );
    this.writeGate = gate;
    // The gate's rejection is reported by each write that waits for it.
    gate.catch(() => undefined);
  }

  /** A read found a value this version reads: whatever blocked writes before no longer applies. */
  private allowWrites(): void {
    this.writeGate = Promise.resolve();
    this.writeBlockedReason = undefined;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new SyntaxError(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** The stored value as text for a backup: strings byte for byte, anything else as JSON. */
function rawText(stored: unknown): string {
  if (typeof stored === 'string') return stored;
  try {
    return JSON.stringify(stored, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value), 2) ?? String(stored);
  } catch {
    return String(stored);
  }
}
