// The index's views (Entities, Timeline, Quotations) after an index change: each redraws after its own pause, and
// those pauses end together when the index settles. Run as they come, their recomputations ran back to back in one
// stretch of the extension host (the timers of a phase, or the immediates of one, run one after another without a
// break); here each runs in a macrotask of its own, after the one before, so other events run between them.
import { nextMacrotask } from './platform/macrotask';

let chain: Promise<void> = Promise.resolve();

/** Runs `work` in a macrotask of its own once the views' earlier work has run; a failure is the view's to report. */
export function inViewTurn(work: () => void): void {
  chain = chain.then(async () => {
    await nextMacrotask();
    try {
      work();
    } catch (error) {
      console.error(error);
    }
  });
}
