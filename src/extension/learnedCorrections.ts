// What the workspace learned from its user's corrections (core: learnedEntityModel.ts): every reject, type change,
// accept and person / place / organization annotation is learned in the analysis engine (the worker: the NLP pipeline
// is not loaded on the extension host), and the table is kept in workspace state beside the lexicon, sent with every
// analysis job, and named in the analysis options by its key, so results and caches made without it are not reused.
// Only articles the table can change name it (keyFor): a correction sends back to the worker the articles holding a word
// it learned, not the whole workspace index.
// A stored table that cannot be read is backed up to a file and reported, then learning starts afresh.
import * as vscode from 'vscode';
import { learnedHeadWords, learnedTableKey, mergeLearnedTables, parseLearnedEntityModel, type LearnedEntityModelData } from '../core/nlp/learnedModelData';
import { LowerCasePresence } from '../core/text/lowerCasePresence';
import type { LearnedTable } from './analysisProtocol';
import type { AnalysisService } from './analysisService';
import type { AnnotationService, EntityCorrections } from './annotationService';
import { backupRoot, CorruptStateGuard } from './annotationStorage';

/** The workspace-state key of the learned table (the lexicon is in the annotation store's state). */
export const LEARNED_CORRECTIONS_KEY = 'articleAnnotator.learnedEntityModel';

export class LearnedCorrections implements vscode.Disposable {
  private data: LearnedEntityModelData | null = null;
  private tableKey = '';
  /**
   * Whether the table's head words (learnedHeadWords) occur in a text, as learnedTableTouches answers, looking only at
   * what changed since the text asked about before; and keyFor's answers for the last texts asked about.
   */
  private headWords = new LowerCasePresence([]);
  private readonly keyMemo = new Map<string, string>();
  /** The stored value as this window last read or wrote it (JSON), to notice another window's write. */
  private storedJson: string | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly memento: vscode.Memento;
  private readonly emitter = new vscode.EventEmitter<void>();
  /** After load, each correction learned and a reset. */
  readonly onDidChange = this.emitter.event;
  /** Where an unreadable stored table was backed up this session. */
  readonly corruptState: CorruptStateGuard;
  private readonly subscription: vscode.Disposable;

  constructor(
    context: vscode.ExtensionContext,
    private readonly analysis: AnalysisService,
    annotations: AnnotationService,
    private readonly log: vscode.LogOutputChannel,
    /** The articleAnnotator.learnFromCorrections setting: off, nothing is learned nor applied (the table is kept). */
    private readonly enabled: () => boolean,
  ) {
    this.memento = context.workspaceState;
    this.corruptState = new CorruptStateGuard(backupRoot(context), 'learned corrections');
    analysis.learnedTable = () => this.table();
    this.subscription = annotations.onDidCorrectEntities((corrections) => {
      this.learn(corrections).catch((error: unknown) => this.log.error(`Article Annotator: a correction could not be learned: ${error instanceof Error ? error.message : String(error)}`));
    });
  }

  /** The key of the table ('' when nothing is learned): what the analysis options carry. */
  get key(): string {
    return this.enabled() ? this.tableKey : '';
  }

  /**
   * The key to analyse `text` with: the table's where what it learned can change this text, else '' (analysed, and its
   * cache entries kept, as with nothing learned: see learnedTableTouches). The last few answers are kept, as the same
   * text is asked about by its analysis, its index entry and its cache name; a new version of a text typed into is
   * looked at only where it changed (lower-casing a megabyte at every version cost the editor's host 3-7 ms).
   */
  keyFor(text: string): string {
    const key = this.key;
    if (key === '') return '';
    let answer = this.keyMemo.get(text);
    if (answer === undefined) {
      answer = this.headWords.occursIn(text) ? key : '';
      if (this.keyMemo.size >= 8) this.keyMemo.delete(this.keyMemo.keys().next().value!);
      this.keyMemo.set(text, answer);
    }
    return answer;
  }

  /** How many corrections the table learned from. */
  get corrections(): number {
    return this.data?.corrections ?? 0;
  }

  /** The table with its key, or undefined when nothing is learned. */
  table(): LearnedTable | undefined {
    return this.data && this.tableKey !== '' && this.enabled() ? { key: this.tableKey, data: this.data } : undefined;
  }

  /** What is stored, whether applied or not (Reset forgets it even while learning is off). */
  get hasLearned(): boolean {
    return this.tableKey !== '';
  }

  /** Call when the setting changed: analyses follow. */
  enabledChanged(): void {
    if (this.tableKey !== '') this.emitter.fire();
  }

  /** Reads the stored table (activation, and tests after writing broken state). A broken one is backed up first. */
  load(): Promise<void> {
    return this.enqueue(async () => {
      const raw = this.memento.get<unknown>(LEARNED_CORRECTIONS_KEY);
      this.storedJson = raw === undefined ? undefined : JSON.stringify(raw);
      const parsed = raw === undefined ? undefined : parseLearnedEntityModel(raw);
      if (parsed && 'problem' in parsed) {
        this.log.error(`Stored learned corrections could not be read: ${parsed.problem}`);
        // backed up (and reported) before a later correction may replace it; if that fails, nothing replaces it
        await this.corruptState.backup(raw, parsed.problem);
      }
      this.set(parsed && 'data' in parsed ? parsed.data : null);
    });
  }

  /** Learns one article's corrections; resolves with how many were learned. */
  learn(input: EntityCorrections): Promise<number> {
    return this.enqueue(async () => {
      if (!this.enabled()) return 0;
      const before = this.data;
      const answer = await this.analysis.learn(before, input.text, input.corrections);
      if (answer.learned === 0) return 0;
      let next = answer.data;
      const stored = this.memento.get<unknown>(LEARNED_CORRECTIONS_KEY);
      if ((stored === undefined ? undefined : JSON.stringify(stored)) !== this.storedJson) {
        // another window learned (or reset) meanwhile: keep what it wrote, plus what this correction added
        const theirs = stored === undefined ? undefined : parseLearnedEntityModel(stored);
        next = mergeLearnedTables(before, next, theirs && 'data' in theirs ? theirs.data : { ...next, corrections: 0, weights: {} });
      }
      await this.memento.update(LEARNED_CORRECTIONS_KEY, next);
      this.storedJson = JSON.stringify(next);
      this.set(next);
      return answer.learned;
    });
  }

  /** Forgets everything learned in this workspace (the lexicon and the annotations stay). */
  reset(): Promise<void> {
    return this.enqueue(async () => {
      await this.memento.update(LEARNED_CORRECTIONS_KEY, undefined);
      this.storedJson = undefined;
      this.set(null);
    });
  }

  private set(data: LearnedEntityModelData | null): void {
    const key = learnedTableKey(data);
    const changed = key !== this.tableKey || (data?.corrections ?? 0) !== (this.data?.corrections ?? 0);
    this.data = data;
    this.tableKey = key;
    if (changed) {
      this.headWords = new LowerCasePresence(learnedHeadWords(data));
      this.keyMemo.clear();
    }
    if (changed) this.emitter.fire();
  }

  // one at a time: each step starts from the table the previous one left
  private enqueue<T>(step: () => Promise<T>): Promise<T> {
    const run = this.queue.then(step);
    this.queue = run.catch(() => undefined);
    return run;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
    this.analysis.learnedTable = () => undefined;
  }
}
