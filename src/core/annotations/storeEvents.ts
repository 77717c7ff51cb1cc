// The store's change events: a tiny emitter (the core does not use vscode's) and what a change names.

export interface Disposable {
  dispose(): void;
}

export interface StoreChange {
  readonly kind: 'load' | 'annotations' | 'articleDates' | 'lexicon';
  /** The articles whose annotations or date changed (empty for lexicon changes; every article on load). */
  readonly articles: readonly string[];
}

/** Subscribers are called in order; one that throws is reported through `onListenerError` and the others still run. */
export class ChangeEmitter<T> {
  private readonly listeners = new Set<(event: T) => void>();

  constructor(private readonly onListenerError: (error: unknown) => void = (error) => console.error('article-annotator: a store listener failed', error)) {}

  /** Subscribes; dispose() unsubscribes. */
  readonly event = (listener: (event: T) => void): Disposable => {
    const wrapped = (event: T): void => listener(event);
    this.listeners.add(wrapped);
    return { dispose: () => this.listeners.delete(wrapped) };
  };

  fire(event: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        // One failing listener must not stop the others nor the store's write.
        this.onListenerError(error);
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
