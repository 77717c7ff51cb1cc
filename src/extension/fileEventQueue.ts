// File events handled a slice at a time. A checkout, a sync or a script reports thousands of files at once, and VS Code
// calls every listener for every file in one go: a listener that does real work per file holds the extension host for
// the whole burst. This one only notes the event; the work runs in slices of a few milliseconds, between yields.
import type * as vscode from 'vscode';
import { deferToMacrotask, nextMacrotask } from './platform/macrotask';

/** Longest stretch of work on the extension host between two yields. */
const SLICE_MILLIS = 8;

export type FileEventKind = 'created' | 'changed' | 'deleted';

export class FileEventQueue implements vscode.Disposable {
  private events: { readonly uri: vscode.Uri; readonly kind: FileEventKind }[] = [];
  private running = false;
  private disposed = false;

  /** `handle` is called for each event, in the order they came; `settled` after a burst was handled. */
  constructor(
    private readonly handle: (uri: vscode.Uri, kind: FileEventKind) => void,
    private readonly settled: () => void = () => undefined,
  ) {}

  /** True while events wait or are being handled. */
  get busy(): boolean {
    return this.running;
  }

  push(uri: vscode.Uri, kind: FileEventKind): void {
    if (this.disposed) return;
    this.events.push({ uri, kind });
    if (this.running) return;
    this.running = true;
    deferToMacrotask(() => void this.run());
  }

  private async run(): Promise<void> {
    try {
      let sliceStart = performance.now();
      while (this.events.length > 0 && !this.disposed) {
        const batch = this.events;
        this.events = [];
        for (let i = 0; i < batch.length && !this.disposed; i++) {
          const { uri, kind } = batch[i]!;
          this.handle(uri, kind);
          if (performance.now() - sliceStart > SLICE_MILLIS && i + 1 < batch.length) {
            // the rest of this burst goes before events that came meanwhile
            this.events = [...batch.slice(i + 1), ...this.events];
            await nextMacrotask();
            sliceStart = performance.now();
            break;
          }
        }
      }
    } finally {
      this.events = [];
      this.running = false;
      if (!this.disposed) this.settled();
    }
  }

  dispose(): void {
    this.disposed = true;
    this.events = [];
  }
}
