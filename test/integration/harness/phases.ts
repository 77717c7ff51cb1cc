// Which tests run in which phase, for both test entry points (the Node host's test/integration/index.ts and the web
// host's test/web/index.ts): phase 1 runs every test without `@after-reload` in its title, phase 2 only those with it.
import { AFTER_RELOAD } from './workbench';

/** Structural: both mocha's Node build and its browser build have suites like this (`file` only in the Node build). */
export interface SuiteTree {
  readonly title: string;
  readonly tests: readonly { fullTitle(): string; readonly file?: string }[];
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

/** What mocha's `grep` option is used for: mocha only calls its `test` with each test's full title. */
export interface TitleFilter {
  test(fullTitle: string): boolean;
}

/**
 * The tests of a phase, for mocha's `grep` option:
 *   phase 2: the tests tagged `@after-reload` whose full title matches the user's pattern (anywhere in it);
 *   phase 1: the untagged tests that match it, and every untagged test of a file that holds a phase-2 test (in the
 *            web host's single bundle, of its top-level describe): they set up what that test checks after the reload.
 *            A pattern such as 'reload' or 'after' matches every tagged test, and their set-ups say nothing of reloads.
 * `root` is mocha's root suite; it is read at the first call, once mocha has loaded the test files.
 */
export function phaseFilter(phase: number, userPattern: string | undefined, root: SuiteTree): TitleFilter {
  const user = userPattern === undefined ? undefined : new RegExp(userPattern);
  const tagged = (title: string): boolean => title.includes(AFTER_RELOAD);
  if (phase === 2) return { test: (title) => tagged(title) && (user === undefined || user.test(title)) };
  if (user === undefined) return { test: (title) => !tagged(title) };
  let setUps: ReadonlySet<string> | undefined;
  return {
    test(title) {
      if (tagged(title)) return false;
      if (user.test(title)) return true;
      setUps ??= setUpTitles(root, user);
      return setUps.has(title);
    },
  };
}

/** Full titles of the untagged tests that share a file (or top-level describe) with a tagged test matching `user`. */
function setUpTitles(root: SuiteTree, user: RegExp): Set<string> {
  const untagged = new Map<string, string[]>();
  const wanted = new Set<string>();
  const walk = (suite: SuiteTree, top: string): void => {
    for (const test of suite.tests) {
      const key = test.file ?? top;
      const title = test.fullTitle();
      if (!title.includes(AFTER_RELOAD)) {
        const titles = untagged.get(key);
        if (titles) titles.push(title);
        else untagged.set(key, [title]);
      } else if (user.test(title)) wanted.add(key);
    }
    for (const child of suite.suites) walk(child, suite === root ? child.title : top);
  };
  walk(root, '');
  const titles = new Set<string>();
  for (const key of wanted) for (const title of untagged.get(key) ?? []) titles.add(title);
  return titles;
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
