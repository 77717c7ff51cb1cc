// The integration tests' phases: which tests run before and after the window reload for a user's grep.
import * as assert from 'node:assert/strict';
import { phaseFilter, type SuiteTree } from '../../integration/harness/phases';

interface FakeTest {
  fullTitle(): string;
  file?: string;
}

function suite(title: string, tests: FakeTest[], suites: SuiteTree[] = []): SuiteTree {
  return { title, tests, suites };
}

function test(title: string, file?: string): FakeTest {
  return { fullTitle: () => title, ...(file === undefined ? {} : { file }) };
}

/** Two files whose @after-reload tests check what other tests set up, and one file without any. */
const NODE = suite('', [], [
  suite('annotations', [test('annotations sets up an annotation', 'annotations.js'), test('annotations edits a note', 'annotations.js'), test('annotations @after-reload keeps the annotation', 'annotations.js')]),
  suite('reader view', [test('reader view uses reader typography', 'readerView.js'), test('reader view @after-reload the tab comes back', 'readerView.js')]),
  suite('hovers', [test('hovers show a person', 'hover.js')]),
]);

function selected(root: SuiteTree, phase: number, grep: string | undefined): string[] {
  const filter = phaseFilter(phase, grep, root);
  const titles: string[] = [];
  const walk = (s: SuiteTree): void => {
    for (const t of s.tests) if (filter.test(t.fullTitle())) titles.push(t.fullTitle());
    s.suites.forEach(walk);
  };
  walk(root);
  return titles;
}

describe('integration test phases', () => {
  it('without a grep: phase 1 runs every untagged test, phase 2 every @after-reload test', () => {
    assert.deepEqual(selected(NODE, 1, undefined), ['annotations sets up an annotation', 'annotations edits a note', 'reader view uses reader typography', 'hovers show a person']);
    assert.deepEqual(selected(NODE, 2, undefined), ['annotations @after-reload keeps the annotation', 'reader view @after-reload the tab comes back']);
  });

  it('a grep that selects @after-reload tests also runs, in phase 1, the other tests of their files, which set up what they check', () => {
    // 'reload' is in every tagged title and in none of the set-ups
    assert.deepEqual(selected(NODE, 2, 'reload'), ['annotations @after-reload keeps the annotation', 'reader view @after-reload the tab comes back']);
    assert.deepEqual(selected(NODE, 1, 'reload'), ['annotations sets up an annotation', 'annotations edits a note', 'reader view uses reader typography']);
    assert.deepEqual(selected(NODE, 1, 'tab comes back'), ['reader view uses reader typography']);
    assert.deepEqual(selected(NODE, 2, 'tab comes back'), ['reader view @after-reload the tab comes back']);
  });

  it('a grep that selects no @after-reload test runs only what it matches', () => {
    assert.deepEqual(selected(NODE, 1, 'typography|person'), ['reader view uses reader typography', 'hovers show a person']);
    assert.deepEqual(selected(NODE, 2, 'typography|person'), []);
  });

  it('without file names (the web host bundle), the top-level describe holds the set-ups', () => {
    const web = suite('', [], [
      suite('web extension host', [test('web extension host sets up an annotation'), test('web extension host @after-reload finds the annotation')], [suite('nested', [test('web extension host nested indexes the workspace')])]),
      suite('other', [test('other thing')]),
    ]);
    assert.deepEqual(selected(web, 1, 'finds the annotation'), ['web extension host sets up an annotation', 'web extension host nested indexes the workspace']);
    assert.deepEqual(selected(web, 2, 'finds the annotation'), ['web extension host @after-reload finds the annotation']);
  });
});
