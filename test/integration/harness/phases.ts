// Which tests run in which phase, for both test entry points (the Node host's test/integration/index.ts and the web
// host's test/web/index.ts): phase 1 runs every test without `@after-reload` in its title, phase 2 only those with it.
import { AFTER_RELOAD } from './workbench';

/** Structural: both mocha's Node build and its browser build have suites like this. */
export interface SuiteTree {
  readonly tests: readonly { fullTitle(): string }[];
  readonly suites: readonly SuiteTree[];
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The user's ARTICLE_ANNOTATOR_TEST_GREP as a pattern: a valid regular expression as is, anything else literally. */
export function userGrepPattern(grep: string | undefined): string | undefined {
  if (!grep) return undefined;
  try {
    new RegExp(grep);
    return grep;
  } catch {
    return escapeRegExp(grep);
  }
}

/** The full-title filter of a phase: the user's pattern anywhere in the title, and the phase's tag rule. */
export function phaseGrep(phase: number, userPattern: string | undefined): RegExp {
  const tag = escapeRegExp(AFTER_RELOAD);
  const userPart = userPattern ? `(?=[\\s\\S]*(?:${userPattern}))` : '';
  const phasePart = phase === 2 ? `(?=[\\s\\S]*${tag})` : `(?![\\s\\S]*${tag})`;
  return new RegExp(`^${userPart}${phasePart}`);
}

/** Tests tagged `@after-reload` that match the user's pattern: the launcher runs phase 2 when phase 1 reports any. */
export function countAfterReload(suite: SuiteTree, grep: RegExp | undefined): number {
  let count = 0;
  for (const test of suite.tests) {
    const title = test.fullTitle();
    if (title.includes(AFTER_RELOAD) && (!grep || grep.test(title))) count++;
  }
  for (const child of suite.suites) count += countAfterReload(child, grep);
  return count;
}
