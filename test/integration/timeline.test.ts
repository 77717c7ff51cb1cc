// The Timeline view in the real extension host: the dated events of two invented articles in date order (year →
// month → day), filtered by entity and by article, and a click reveals the event's sentence.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EventNode, TimelineTreeNode, TimelineTreeProvider } from '../../src/extension/timelineTree';
import { annotatorApi, waitFor } from './annotationTestKit';
import { closeAllEditors } from './articleEditors';
import { QUOTES_EARLY_KEY, QUOTES_LATE_KEY, quoteArticlesIndexed, removeQuoteArticles } from './quoteTestKit';

/** Every event node under the roots, depth first (the order a reader sees them), with the labels of its periods. */
function eventsOf(tree: TimelineTreeProvider): { node: EventNode; path: string[] }[] {
  const out: { node: EventNode; path: string[] }[] = [];
  const walk = (nodes: TimelineTreeNode[], path: string[]): void => {
    for (const node of nodes) {
      if (node.kind === 'event') out.push({ node, path });
      else if (node.kind === 'period') walk(tree.getChildren(node), [...path, String(tree.getTreeItem(node).label)]);
      // a period's events beyond a page are under a "… more" row
      else if (node.kind === 'more') walk(tree.getChildren(node), path);
    }
  };
  walk(tree.getChildren(), []);
  return out;
}

describe('timeline view', function () {
  this.timeout(120_000);

  before(quoteArticlesIndexed);
  after(async () => {
    (await annotatorApi()).timelineTree.setFilter({});
    await closeAllEditors();
    removeQuoteArticles();
  });

  it('orders the events of two articles by date, year → month → day, and a click reveals the sentence', async () => {
    const tree = (await annotatorApi()).timelineTree;
    tree.setFilter({});
    const all = eventsOf(tree);
    const keys = all.map((e) => e.node.event.sortKey);
    assert.deepEqual(keys, [...keys].sort(), 'depth-first order is date order');
    const ours = all.filter((e) => e.node.event.article === QUOTES_EARLY_KEY || e.node.event.article === QUOTES_LATE_KEY);
    const tuesday = ours.find((e) => e.node.event.text === 'Tuesday');
    const monday = ours.find((e) => e.node.event.text === 'Monday');
    assert.ok(tuesday && monday, ours.map((e) => e.node.event.text).join(', '));
    assert.equal(tuesday.node.event.value, '2022-05-31', 'the Tuesday before the article date');
    assert.deepEqual(tuesday.path, ['2022', 'May 2022', '31 May 2022']);
    assert.equal(monday.node.event.value, '2022-09-12');
    assert.deepEqual(monday.path, ['2022', 'September 2022', '12 September 2022']);
    assert.ok(all.indexOf(tuesday) < all.indexOf(monday), 'the earlier article’s event first');

    const item = tree.getTreeItem(monday.node);
    assert.equal(item.label, 'The new gates were fitted on Monday.');
    assert.match(String(item.description), /quotes-dam-late\.txt · “Monday”/u);
    assert.ok(item.command);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    await waitFor('the sentence revealed', () => {
      const active = vscode.window.activeTextEditor;
      return active && active.document.uri.toString().includes('quotes-dam-late') && active.document.getText(active.selection) === 'The new gates were fitted on Monday.';
    });
  });

  it('filters by entity (events whose sentence mentions it) and by article', async () => {
    const api = await annotatorApi();
    const tree = api.timelineTree;
    const entity = api.workspaceIndex.corpus.corpusEntityOf(undefined, { canonical: 'Halvard Tresling', type: 'person' });
    assert.ok(entity);
    await vscode.commands.executeCommand('articleAnnotator.showTimelineOf', entity.id);
    const ofTresling = eventsOf(tree).map((e) => e.node.event);
    assert.ok(ofTresling.length > 0);
    assert.ok(ofTresling.some((e) => e.text === 'Tuesday' && e.article === QUOTES_EARLY_KEY));
    assert.ok(!ofTresling.some((e) => e.text === 'Monday' && e.article === QUOTES_LATE_KEY), 'the gates sentence does not mention him');
    assert.ok(ofTresling.every((e) => e.entities.some((r) => r.id === entity.id)));
    assert.equal(tree.describe(), 'timeline of Halvard Tresling');

    await vscode.commands.executeCommand('articleAnnotator.filterTimeline', { article: QUOTES_LATE_KEY });
    assert.deepEqual([...new Set(eventsOf(tree).map((e) => e.node.event.article))], [QUOTES_LATE_KEY]);
    await vscode.commands.executeCommand('articleAnnotator.clearTimelineFilter');
    assert.deepEqual(tree.filter, {});
  });
});
