// The workspace index in the real extension host: articles found at activation and when files appear, change and go
// (also outside VS Code), lexicon corrections re-index only the articles they touch, a broken cache entry is discarded
// and rebuilt, and a window reload takes the index from the on-disk cache without analysing again.
import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { EntitiesTreeNode } from '../../src/extension/entitiesTree';
import { annotatorApi, writeArticle } from './annotationTestKit';
import { openPlainEditor, openReadingView, SEED_000, SEED_003, waitFor, workspaceUri } from './articleEditors';
import { evaluateInWorkbench, readmeScreenshot, waitForWorkbench, workbenchAvailable } from './harness/workbench';
import { scaleArticles } from './scaleArticles';

const ALPHA_KEY = 'seeds/index-alpha.txt';
const ALPHA = 'date 2024-03-04 Harbour board meets\n\nMaren Oskarsdottir, the chair of the Velmora Harbour Board, spoke in Kestrin on Monday. Oskarsdottir said the board would vote in April.\n';
const BETA_KEY = 'seeds/index-beta.txt';
const BETA = 'date 2024-03-06 Ferry plans\n\nThe Velmora Harbour Board met again in Kestrin. Maren Oskarsdottir asked for new ferries.\n';
const RELOAD_KEY = 'seeds/index-reload.txt';
const RELOAD = 'date 2024-05-02 Orchard cooperative\n\nTobias Wennerlund of the Quillon Orchard Cooperative visited Sarnhold on Thursday.\n';

async function indexed(): Promise<import('../../src/extension/workspaceIndex').WorkspaceIndex> {
  const api = await annotatorApi();
  await api.workspaceIndex.whenIdle();
  return api.workspaceIndex;
}

function mentionKeys(index: import('../../src/extension/workspaceIndex').WorkspaceIndex, canonical: string, type: 'person' | 'place' | 'organization'): string[] {
  return [...new Set(index.corpus.mentionsOf(canonical, type).map((m) => m.article))].sort();
}

describe('workspace index', function () {
  this.timeout(120_000);

  after(() => {
    for (const key of [ALPHA_KEY, BETA_KEY]) rmSync(workspaceUri(key).fsPath, { force: true });
  });

  it('holds every article of the workspace after activation, with its text and entities', async () => {
    const index = await indexed();
    for (const key of [SEED_000, SEED_003]) {
      assert.ok(index.corpus.has(key), `${key} is indexed: ${index.corpus.articleKeys.join(', ')}`);
      const text = index.textOf(key);
      assert.ok(text && text.length > 100, 'its text is kept for ranges');
      for (const m of index.corpus.entities().flatMap((e) => index.corpus.mentionsOf(e.canonical, e.type)).filter((m) => m.article === key)) {
        assert.equal(text.slice(m.start, m.end), m.text, 'mentions quote the text');
      }
    }
    assert.equal(index.keyOf(workspaceUri(SEED_000)), SEED_000);
    assert.equal(index.uriOf(SEED_000).toString(), workspaceUri(SEED_000).toString());
    const reading = vscode.Uri.from({ scheme: 'article', path: '/000.txt — Article', query: workspaceUri(SEED_000).toString() });
    assert.equal(index.keyOf(reading), SEED_000, 'a reading-view URI maps to its source file');
    assert.equal(index.keyOf(workspaceUri('package.json')), undefined, 'a file that is no article has no key');
  });

  // the worker finds them for articles no view asked about; this checks what a user sees (the index holds them, exactly
  // as the corpus would find them itself), not which thread found them: a view shown by an earlier test may have
  it("has each article's quotations and date sentences in the index, equal to what the corpus finds itself", async () => {
    const index = await indexed();
    const { prepareArticle } = await import('../../src/core/corpus/corpusIndex');
    for (const key of [SEED_000, SEED_003]) {
      const prepared = index.corpus.prepared(key);
      assert.ok(prepared, `${key}: prepared in the background`);
      const text = index.textOf(key)!;
      // what the worker found is what the corpus would find itself
      assert.deepEqual(prepared, prepareArticle(text, index.analysisOf(key)!));
    }
    assert.ok(index.corpus.quotations(SEED_003).length > 0 || index.corpus.quotations(SEED_000).length > 0, 'the seeds quote someone');
  });

  it('indexes files written outside VS Code, and forgets them when they are deleted', async () => {
    const api = await annotatorApi();
    writeArticle('index-alpha.txt', ALPHA);
    writeArticle('index-beta.txt', BETA);
    const index = api.workspaceIndex;
    await waitFor('both articles indexed', () => index.corpus.has(ALPHA_KEY) && index.corpus.has(BETA_KEY), 60_000);
    await index.whenIdle();
    assert.deepEqual(mentionKeys(index, 'Maren Oskarsdottir', 'person'), [ALPHA_KEY, BETA_KEY]);
    rmSync(workspaceUri(BETA_KEY).fsPath);
    await waitFor('the deleted article forgotten', () => !index.corpus.has(BETA_KEY), 30_000);
    assert.deepEqual(mentionKeys(index, 'Maren Oskarsdottir', 'person'), [ALPHA_KEY], 'its entities are gone with it');
    assert.equal(index.textOf(BETA_KEY), undefined);
  });

  it('follows a change on disk', async () => {
    const index = await indexed();
    writeFileSync(workspaceUri(ALPHA_KEY).fsPath, ALPHA.replace(/Maren Oskarsdottir/g, 'Ilse Brandvold').replace('Oskarsdottir said', 'Brandvold said'), 'utf8');
    await waitFor('the new name indexed', () => mentionKeys(index, 'Ilse Brandvold', 'person').includes(ALPHA_KEY), 30_000);
    assert.deepEqual(mentionKeys(index, 'Maren Oskarsdottir', 'person'), []);
    writeFileSync(workspaceUri(ALPHA_KEY).fsPath, ALPHA, 'utf8');
    await waitFor('the old text indexed again', () => mentionKeys(index, 'Maren Oskarsdottir', 'person').includes(ALPHA_KEY), 30_000);
  });

  it('indexes the unsaved text typed into an article, and writes its cache entry once saved without analysing it again', async () => {
    const index = await indexed();
    const editor = await openPlainEditor(ALPHA_KEY);
    try {
      const typed = ' Ilse Brandvold of the Kestrin ferry company met her.';
      assert.ok(await editor.edit((b) => b.insert(editor.document.positionAt(ALPHA.trimEnd().length), typed)));
      await waitFor('the typed name indexed', () => mentionKeys(index, 'Ilse Brandvold', 'person').includes(ALPHA_KEY), 30_000);
      await index.whenIdle();
      assert.ok(editor.document.isDirty, 'typed, not saved');
      assert.equal(index.textOf(ALPHA_KEY), editor.document.getText(), 'the index holds the unsaved text');
      assert.equal(index.cacheFileOf(ALPHA_KEY), undefined, 'unsaved text has no cache entry');
      const analysed = index.stats.analysed;
      assert.ok(await editor.document.save());
      await waitFor('the saved text written to the cache', () => index.cacheFileOf(ALPHA_KEY), 30_000);
      await index.whenIdle();
      await vscode.workspace.fs.stat(index.cacheFileOf(ALPHA_KEY)!);
      assert.equal(index.stats.analysed, analysed, 'the text the index held is written, not analysed again');
      assert.ok(mentionKeys(index, 'Ilse Brandvold', 'person').includes(ALPHA_KEY));
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      writeFileSync(workspaceUri(ALPHA_KEY).fsPath, ALPHA, 'utf8');
    }
    await waitFor('the text on disk indexed again', () => index.textOf(ALPHA_KEY) === ALPHA, 30_000);
  });

  it('re-indexes only the articles a lexicon correction touches', async () => {
    const api = await annotatorApi();
    const index = await indexed();
    const before = index.stats.analysed;
    await api.annotations.addLexiconEntry({ text: 'Kestrin', action: 'reject' });
    try {
      await waitFor('Kestrin gone from the index', () => index.corpus.mentionsOf('Kestrin', 'place').length === 0 && index.corpus.mentionsOf('Kestrin', 'person').length === 0 && index.corpus.mentionsOf('Kestrin', 'organization').length === 0, 30_000);
      await index.whenIdle();
      const touched = index.corpus.articleKeys.filter((key) => index.textOf(key)?.toLowerCase().includes('kestrin')).length;
      assert.equal(index.stats.analysed - before, touched, `only the ${touched} article(s) containing the form are analysed again`);
    } finally {
      await api.annotations.removeLexiconEntry('Kestrin');
    }
    await waitFor('Kestrin back after the correction is removed', () => index.corpus.entities().some((e) => e.canonical === 'Kestrin'), 30_000);
  });

  it('discards a broken cache entry and analyses the article again', async () => {
    const index = await indexed();
    const file = index.cacheFileOf(ALPHA_KEY);
    assert.ok(file, 'the article has a cache file');
    // the entry is written in the background after indexing: wait for it
    await waitFor('the cache entry on disk', async () => { try { await vscode.workspace.fs.stat(file); return true; } catch { return false; } }, 30_000);
    // a cache entry that claims to be for this text but quotes spans that are not in it
    const stored = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as { analysis: { entities: { start: number; end: number }[] } };
    for (const e of stored.analysis.entities) e.end = e.start + 1000;
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(stored)));
    rmSync(workspaceUri(ALPHA_KEY).fsPath);
    await waitFor('the article forgotten', () => !index.corpus.has(ALPHA_KEY), 30_000);
    const analysedBefore = index.stats.analysed;
    writeArticle('index-alpha.txt', ALPHA);
    await waitFor('the article indexed again', () => index.corpus.has(ALPHA_KEY), 30_000);
    assert.equal(index.originOf(ALPHA_KEY), 'analysis', 'the broken entry was not used');
    assert.equal(index.stats.analysed, analysedBefore + 1);
    assert.deepEqual(mentionKeys(index, 'Maren Oskarsdottir', 'person'), [ALPHA_KEY]);
    // the rewritten entry is good again
    await index.whenIdle();
    const rewritten = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as { analysis: { entities: { start: number; end: number; text: string }[] } };
    assert.ok(rewritten.analysis.entities.every((e) => ALPHA.slice(e.start, e.end) === e.text));
  });

  it('writes an article whose index must survive a window reload', async () => {
    writeArticle('index-reload.txt', RELOAD);
    const index = (await annotatorApi()).workspaceIndex;
    await waitFor('the article indexed', () => index.corpus.has(RELOAD_KEY), 60_000);
    await index.whenIdle();
    const file = index.cacheFileOf(RELOAD_KEY);
    assert.ok(file);
    await vscode.workspace.fs.stat(file);
  });

  it('@after-reload the index comes from the on-disk cache, without analysing the articles again', async () => {
    const index = await indexed();
    const { stats } = index;
    console.log(`      after reload: ${stats.articles} articles, ${stats.fromCache} from the cache, ${stats.analysed} analysed`);
    assert.ok(index.corpus.has(RELOAD_KEY));
    assert.equal(index.originOf(RELOAD_KEY), 'cache');
    assert.equal(index.originOf(SEED_003), 'cache');
    assert.ok(mentionKeys(index, 'Tobias Wennerlund', 'person').includes(RELOAD_KEY), JSON.stringify(index.corpus.entities('person')));
    assert.ok(stats.fromCache > stats.analysed, 'most articles come from the cache');
    rmSync(workspaceUri(RELOAD_KEY).fsPath, { force: true });
  });
});

const GAMMA_KEY = 'seeds/index-gamma.txt';
const GAMMA = 'date 2024-02-27 Ferry strike ends\n\nMaren Oskarsdottir welcomed the end of the strike. Later, Maren Oskarsdottir met the ferry crews in Kestrin.\n';

describe('workspace index: Entities view and hovers over the whole collection', function () {
  this.timeout(120_000);

  before(async () => {
    writeArticle('index-alpha.txt', ALPHA);
    writeArticle('index-gamma.txt', GAMMA);
    const index = (await annotatorApi()).workspaceIndex;
    await waitFor('both articles indexed', () => index.corpus.has(ALPHA_KEY) && index.corpus.has(GAMMA_KEY), 60_000);
    await index.whenIdle();
    await vscode.commands.executeCommand('articleAnnotator.showWorkspaceEntities');
  });

  after(async () => {
    await vscode.commands.executeCommand('articleAnnotator.clearEntitiesFilter');
    await vscode.commands.executeCommand('articleAnnotator.sortEntities', 'mentions');
    await vscode.commands.executeCommand('articleAnnotator.showWorkspaceEntities');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const key of [ALPHA_KEY, GAMMA_KEY]) rmSync(workspaceUri(key).fsPath, { force: true });
  });

  it('lists an entity of the workspace with its mentions and articles; it expands to articles and mentions, and a click reveals one in an article never opened', async () => {
    const api = await annotatorApi();
    const tree = api.entitiesTree;
    assert.equal(await vscode.commands.executeCommand('articleAnnotator.filterEntities', 'oskarsdottir'), 'oskarsdottir');
    const expected = api.workspaceIndex.corpus.mentionsOf('Maren Oskarsdottir', 'person');
    const roots = await waitFor('the filtered workspace entities', () => {
      const nodes = tree.getChildren();
      return nodes.some((n) => n.kind === 'kind' && n.entities.some((e) => e.name === 'Maren Oskarsdottir' && e.mentions === expected.length)) ? nodes : undefined;
    }, 10_000);
    const people = roots.find((n): n is Extract<EntitiesTreeNode, { kind: 'kind' }> => n.kind === 'kind' && n.entityKind === 'person')!;
    assert.ok(people.entities.every((e) => e.name.toLowerCase().includes('oskarsdottir')), 'the filter applies');
    const maren = people.entities.find((e) => e.name === 'Maren Oskarsdottir')!;
    const item = tree.getTreeItem(maren);
    assert.equal(item.description, `${expected.length} mentions · 2 articles`);
    assert.equal(item.accessibilityInformation?.label, `Maren Oskarsdottir, person, ${expected.length} mentions in 2 articles`);
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.equal(item.contextValue, 'entity', 'the correction actions apply');
    await waitFor('the view title naming the filter', () => api.entitiesView.description?.includes('filter “oskarsdottir”'), 10_000);

    const articles = tree.getChildren(maren);
    assert.deepEqual(articles.map((a) => (a.kind === 'article' ? a.key : a.kind)).sort(), [ALPHA_KEY, GAMMA_KEY]);
    const gamma = articles.find((a): a is Extract<EntitiesTreeNode, { kind: 'article' }> => a.kind === 'article' && a.key === GAMMA_KEY)!;
    assert.equal(tree.getTreeItem(gamma).label, 'index-gamma.txt');
    const mentions = tree.getChildren(gamma);
    assert.equal(mentions.length, expected.filter((m) => m.article === GAMMA_KEY).length);
    const second = mentions[1];
    assert.ok(second && second.kind === 'mention');
    const mentionItem = tree.getTreeItem(second);
    const label = mentionItem.label as vscode.TreeItemLabel;
    assert.equal(label.label.slice(label.highlights![0]![0], label.highlights![0]![1]), 'Maren Oskarsdottir', 'the mention is highlighted in its context');
    assert.match(mentionItem.accessibilityInformation?.label ?? '', /^Maren Oskarsdottir in index-gamma\.txt: /);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === workspaceUri(GAMMA_KEY).toString()), 'gamma was never opened');
    await vscode.commands.executeCommand(mentionItem.command!.command, ...(mentionItem.command!.arguments ?? []));
    const editor = await waitFor('gamma shown', () => (vscode.window.activeTextEditor?.document.uri.toString() === workspaceUri(GAMMA_KEY).toString() ? vscode.window.activeTextEditor : undefined));
    assert.equal(editor.document.getText(editor.selection), 'Maren Oskarsdottir');
    assert.equal(editor.document.offsetAt(editor.selection.start), GAMMA.lastIndexOf('Maren Oskarsdottir'), 'the second mention, not the first');
  });

  it('sorts by name, mentions or first date, and lists the current article\'s resolved dates', async () => {
    const api = await annotatorApi();
    const tree = api.entitiesTree;
    await vscode.commands.executeCommand('articleAnnotator.filterEntities', '');
    const people = (): Extract<EntitiesTreeNode, { kind: 'entity' }>[] => tree.getChildren().flatMap((n) => (n.kind === 'kind' && n.entityKind === 'person' ? n.entities : [])) as Extract<EntitiesTreeNode, { kind: 'entity' }>[];
    await vscode.commands.executeCommand('articleAnnotator.sortEntities', 'name');
    const byName = people().map((e) => e.name);
    assert.ok(byName.length > 2, byName.join(', '));
    // the view's order: case-insensitive, numbers by value ("Dahl2" before "Dahl10")
    const nameOrder = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    assert.deepEqual(byName, [...byName].sort((a, b) => nameOrder.compare(a, b)));
    await vscode.commands.executeCommand('articleAnnotator.sortEntities', 'mentions');
    const counts = people().map((e) => e.mentions);
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
    await vscode.commands.executeCommand('articleAnnotator.sortEntities', 'firstDate');
    const dated = people().map((e) => e.firstDate).filter((d): d is string => d !== undefined);
    assert.deepEqual(dated, [...dated].sort(), 'earliest first');
    // the view lists the first 500 of a kind (the rest behind "… more"): other suites leave thousands of earlier-dated
    // people, so she is found through the filter, as a user would
    await vscode.commands.executeCommand('articleAnnotator.filterEntities', 'oskarsdottir');
    assert.equal(people().find((e) => e.name === 'Maren Oskarsdottir')?.firstDate, '2024-02-27', 'the date of the earliest article that mentions her');
    await vscode.commands.executeCommand('articleAnnotator.filterEntities', '');

    await openPlainEditor(ALPHA_KEY);
    const dates = await waitFor('the Dates group of the current article', () => tree.getChildren().find((n): n is Extract<EntitiesTreeNode, { kind: 'kind' }> => n.kind === 'kind' && n.entityKind === 'date' && n.article === ALPHA_KEY), 60_000);
    assert.equal(tree.getTreeItem(dates).label, 'Dates in index-alpha.txt');
    const monday = dates.entities.find((d) => /Monday/.test(d.name));
    assert.ok(monday, dates.entities.map((d) => d.name).join(', '));
    assert.match(String(tree.getTreeItem(monday).description), /2024/);
  });

  it('the Entities view of the whole workspace: an entity expanded to its articles and their mentions (README picture)', async function () {
    if (!workbenchAvailable()) this.skip();
    const api = await annotatorApi();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const editor = await openReadingView(GAMMA_KEY);
    await vscode.commands.executeCommand('articleAnnotator.showWorkspaceEntities');
    await vscode.commands.executeCommand('articleAnnotator.sortEntities', 'mentions');
    await vscode.commands.executeCommand('articleAnnotator.filterEntities', 'oskarsdottir');
    await vscode.commands.executeCommand('articleAnnotator.entities.focus');
    const mentions = api.workspaceIndex.corpus.mentionsOf('Maren Oskarsdottir', 'person').length;
    // room for every mention row (the list draws only the rows it has room for) and for the picture: the other views
    // of the container folded away, as a user would fold them, and unfolded again afterwards
    const fold = (expanded: boolean): Promise<null> =>
      evaluateInWorkbench<null>(`(() => { for (const h of document.querySelectorAll('.pane-header')) { if (/^(Annotations|Quotations|Timeline)/.test(h.textContent ?? '') && h.getAttribute('aria-expanded') === ${JSON.stringify(String(!expanded))}) h.click(); } return null; })()`);
    await fold(false);
    // a click on a row expands it, as a user would: the entity, then each of its articles
    const row = (label: string): string => `[...document.querySelectorAll('.monaco-list-row')].find((r) => (r.getAttribute('aria-label') ?? '').startsWith(${JSON.stringify(label)}))`;
    await waitForWorkbench<boolean>(`(() => { const r = ${row(`Maren Oskarsdottir, person, ${mentions} mentions in 2 articles`)}; if (r && r.getAttribute('aria-expanded') !== 'true') r.click(); return r?.getAttribute('aria-expanded') === 'true'; })()`, { timeoutMs: 30_000 });
    for (const name of ['index-gamma.txt', 'index-alpha.txt']) {
      await waitForWorkbench<boolean>(`(() => { const r = ${row(`${name}, `)}; if (r && r.getAttribute('aria-expanded') !== 'true') r.click(); return r?.getAttribute('aria-expanded') === 'true'; })()`, { timeoutMs: 15_000 });
    }
    // the mentions are the fourth level: kind, entity, article, mention
    const shown = await waitForWorkbench<number>(`(() => { const n = document.querySelectorAll('.monaco-list-row[aria-level="4"]').length; return n >= ${mentions} ? n : 0; })()`, { timeoutMs: 15_000 });
    assert.equal(shown, mentions, 'every mention of both articles is listed in its words');
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: true });
    await readmeScreenshot('entities-view');
    await fold(true);
    await vscode.commands.executeCommand('articleAnnotator.filterEntities', '');
  });

  it('keeps the current-article mode behind a toggle', async () => {
    const api = await annotatorApi();
    await openPlainEditor(GAMMA_KEY);
    await vscode.commands.executeCommand('articleAnnotator.showArticleEntities');
    assert.equal(api.entitiesTree.mode, 'article');
    const roots = await waitFor('the article\'s entities', () => {
      const nodes = api.entitiesTree.getChildren();
      return nodes.some((n) => n.kind === 'kind' && n.entities.some((e) => e.name === 'Maren Oskarsdottir')) ? nodes : undefined;
    }, 60_000);
    const maren = roots.flatMap((n) => (n.kind === 'kind' ? n.entities : [])).find((e) => e.name === 'Maren Oskarsdottir')!;
    assert.equal(maren.mentions, api.workspaceIndex.corpus.mentionsOf('Maren Oskarsdottir', 'person').filter((m) => m.article === GAMMA_KEY).length, 'only this article is counted');
    assert.equal(api.entitiesTree.getTreeItem(maren).collapsibleState, vscode.TreeItemCollapsibleState.None);
    await vscode.commands.executeCommand('articleAnnotator.showWorkspaceEntities');
    assert.equal(api.entitiesTree.mode, 'workspace');
  });

  it('hover counts the mentions in the other articles of the workspace, opened or not', async () => {
    const api = await annotatorApi();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const editor = await openPlainEditor(ALPHA_KEY);
    const inGamma = api.workspaceIndex.corpus.mentionsOf('Maren Oskarsdottir', 'person').filter((m) => m.article === GAMMA_KEY).length;
    const at = ALPHA.indexOf('Maren Oskarsdottir') + 2;
    const text = await waitFor('an entity hover', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(at));
      const value = hovers.flatMap((h) => h.contents).map((c) => (c instanceof vscode.MarkdownString ? c.value : String(c))).join('\n');
      return /\*\*Person\*\*/.test(value) ? value : undefined;
    }, 60_000);
    assert.match(text, new RegExp(`and \\*\\*${inGamma}\\*\\* in 1 other article of the workspace`), text);
  });
});

// A name two articles give as a place and one as a person: two corpus entities, each saying how else the name is typed.
const DRAVIK_PLACE_1_KEY = 'seeds/index-dravik-ferry.txt';
const DRAVIK_PLACE_1 = 'date 2024-04-02 Ferry returns\n\nThe night ferry arrived in Dravik on Monday. Fishermen in Dravik cheered the crew.\n';
const DRAVIK_PLACE_2_KEY = 'seeds/index-dravik-cargo.txt';
const DRAVIK_PLACE_2 = 'date 2024-04-03 Harbour fees\n\nTwo cargo ships sailed to Dravik on Tuesday. Shops in Dravik stayed open late.\n';
const DRAVIK_PERSON_KEY = 'seeds/index-dravik-council.txt';
const DRAVIK_PERSON = 'date 2024-04-05 Council vote\n\nCouncillor Dravik said the vote would wait. Dravik told reporters the budget was tight.\n';
const STOP_FOLDER = 'index-stop-demo';
const STOP_ARTICLES = 120;

describe('workspace index: type conflicts, and stopping the indexing', function () {
  this.timeout(300_000);

  after(async () => {
    await vscode.workspace.getConfiguration('articleAnnotator').update('articleGlobs', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const key of [DRAVIK_PLACE_1_KEY, DRAVIK_PLACE_2_KEY, DRAVIK_PERSON_KEY]) rmSync(workspaceUri(key).fsPath, { force: true });
    rmSync(workspaceUri(STOP_FOLDER).fsPath, { recursive: true, force: true });
    const index = (await annotatorApi()).workspaceIndex;
    await waitFor('the test articles forgotten', () => !index.corpus.articleKeys.some((k) => k.startsWith(STOP_FOLDER) || k.includes('index-dravik')), 120_000, 500);
  });

  it('an entity hover says how other articles type its name ("Also typed as place in 2 articles"), and so does the Entities view', async () => {
    const api = await annotatorApi();
    const index = api.workspaceIndex;
    writeArticle('index-dravik-ferry.txt', DRAVIK_PLACE_1);
    writeArticle('index-dravik-cargo.txt', DRAVIK_PLACE_2);
    writeArticle('index-dravik-council.txt', DRAVIK_PERSON);
    await waitFor('the three articles indexed', () => [DRAVIK_PLACE_1_KEY, DRAVIK_PLACE_2_KEY, DRAVIK_PERSON_KEY].every((k) => index.corpus.has(k)), 60_000);
    await index.whenIdle();
    const person = index.corpus.corpusEntityOf(DRAVIK_PERSON_KEY, { canonical: 'Dravik', type: 'person' });
    assert.ok(person, JSON.stringify(index.corpus.entitiesIn(DRAVIK_PERSON_KEY)));
    assert.deepEqual(person.conflicts, [{ type: 'place', articles: [DRAVIK_PLACE_2_KEY, DRAVIK_PLACE_1_KEY].sort() }]);

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const editor = await openPlainEditor(DRAVIK_PERSON_KEY);
    const at = editor.document.positionAt(DRAVIK_PERSON.indexOf('Dravik said') + 2);
    const text = await waitFor('a person hover on "Dravik"', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
      const value = hovers.flatMap((h) => h.contents).map((c) => (c instanceof vscode.MarkdownString ? c.value : String(c))).join('\n');
      return /\*\*Person\*\*/.test(value) ? value : undefined;
    }, 60_000);
    assert.match(text, /Also typed as place in 2 articles\./, text);

    // the place has the mirror conflict; the Entities view's item says it too
    await vscode.commands.executeCommand('articleAnnotator.showWorkspaceEntities');
    await vscode.commands.executeCommand('articleAnnotator.filterEntities', 'dravik');
    try {
      const places = api.entitiesTree.getChildren().find((n): n is Extract<EntitiesTreeNode, { kind: 'kind' }> => n.kind === 'kind' && n.entityKind === 'place');
      const place = places?.entities.find((e) => e.name === 'Dravik');
      assert.ok(place, 'Dravik is listed as a place');
      assert.match(String(api.entitiesTree.getTreeItem(place).tooltip), /also typed as person in 1 article\b/);
    } finally {
      await vscode.commands.executeCommand('articleAnnotator.filterEntities', '');
    }
  });

  it('Stop Indexing (the status-bar item) stops the round, and the item then says how many articles were left out; a click resumes', async () => {
    const api = await annotatorApi();
    const index = api.workspaceIndex;
    await index.whenIdle();
    const seeds = await Promise.all([SEED_000, SEED_003].map(async (s) => new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(s)))));
    // numbered apart from the scale suite's articles, so neither finds the other's in the cache
    const texts = scaleArticles(seeds, STOP_ARTICLES, 500_000);
    const dir = workspaceUri(STOP_FOLDER).fsPath;
    mkdirSync(dir, { recursive: true });
    texts.forEach((text, i) => writeFileSync(`${dir}/stop-${String(i).padStart(3, '0')}.txt`, text, 'utf8'));
    const count = (): number => index.corpus.articleKeys.filter((k) => k.startsWith(`${STOP_FOLDER}/`)).length;
    assert.equal(count(), 0, 'outside the article globs, nothing is indexed');

    // a new glob brings all of them in one round
    await vscode.workspace.getConfiguration('articleAnnotator').update('articleGlobs', ['**/seeds/*.txt', `**/${STOP_FOLDER}/*.txt`], vscode.ConfigurationTarget.Workspace);
    const running = await waitFor('the status bar showing the round', () => (index.statusItem.visible && index.statusItem.text.includes('Indexing articles') ? index.statusItem : undefined), 60_000, 20);
    assert.equal(running.command, 'articleAnnotator.cancelIndexing', 'a click on the item stops');
    // stopped at once, while the search for the new glob's files may still be under way and the watcher's events of their
    // creation still coming: what either brings after the stop is left out too (they undid the stop, every article indexed)
    await vscode.commands.executeCommand(running.command);
    await index.whenIdle();
    const indexed = count();
    assert.ok(indexed < STOP_ARTICLES, `stopped before the end (${indexed} of ${STOP_ARTICLES} indexed)`);
    const { stopped } = index.stats;
    assert.ok(stopped >= STOP_ARTICLES - indexed, `the articles left out are remembered (${stopped})`);
    assert.equal(index.stats.pending, 0, 'nothing is waiting');
    const item = index.statusItem;
    assert.ok(item.visible, 'the item stays');
    assert.equal(item.text, `$(debug-pause) Indexing stopped: ${stopped} not indexed`);
    assert.match(item.tooltip, /Click to resume/);
    assert.equal(item.command, 'articleAnnotator.resumeIndexing');
    if (workbenchAvailable()) {
      await waitForWorkbench<boolean>(`[...document.querySelectorAll('.statusbar-item')].some((e) => e.textContent.includes('Indexing stopped: ${stopped} not indexed'))`, { timeoutMs: 15_000 });
    }
    // an event of a change made before the stop, delivered after it (a watcher can be seconds late), leaves the article out
    const lateName = `stop-${String(STOP_ARTICLES - 1).padStart(3, '0')}.txt`;
    assert.ok(!index.corpus.articleKeys.includes(`${STOP_FOLDER}/${lateName}`), 'the last article was left out');
    const late = `${dir}/${lateName}`;
    const before = new Date(Date.now() - 60_000);
    writeFileSync(late, texts[STOP_ARTICLES - 1]!, 'utf8');
    utimesSync(late, before, before);
    // what is indexed stays, and stays correct
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(count(), indexed, 'nothing more is indexed while stopped');

    await vscode.commands.executeCommand(item.command);
    await waitFor('every article indexed after resuming', () => count() === STOP_ARTICLES, 240_000, 250);
    await index.whenIdle();
    assert.equal(index.stats.stopped, 0);
    assert.equal(index.statusItem.visible, false, 'the item is gone once the index is complete');
  });
});
