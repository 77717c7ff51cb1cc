// The extension in the browser's web-worker extension host (as on vscode.dev and github.dev): the same package, moved
// there by the `remote.extensionKind` user setting. No Node built-in, no process: files only through workspace.fs.
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotations/annotationModel';
import type { ArticleAnnotatorApi } from '../../src/extension/extension';
import { closeAllEditors, completeDecorations, openPlainEditor, openReadingView, SEED_003, waitFor, workspaceUri } from '../integration/articleEditors';
import { clickInWebview, renderedDecorations, screenshot, waitForWebview, waitForWorkbench, workbenchAvailable } from '../integration/harness/workbench';
import * as assert from './assert';

const RELOAD_KEY = 'seeds/web-reload.txt';
const RELOAD_TEXT = 'date 2023-03-09 Ferry service resumes on the northern route\n\nCaptain Ilka Brenner of the Norrvik Ferry Company said on Friday that crossings to Harstad would resume next week.\n';
const INDEX_TEXT_A = 'date 2023-04-02 Orchard growers meet in Valdorn\n\nTomasz Quellin, who chairs the Valdorn Growers Union, said the harvest was late.\n';
const INDEX_TEXT_B = 'date 2023-04-05 Frost damages blossoms\n\nQuellin said on Wednesday that frost had damaged a third of the blossoms.\n';

async function api(): Promise<ArticleAnnotatorApi> {
  const extension = vscode.extensions.getExtension<ArticleAnnotatorApi>('article-annotator.article-annotator');
  assert.ok(extension, 'the extension is installed');
  const exports = await extension.activate();
  assert.ok(exports?.annotations, 'activate() returned the API');
  return exports;
}

async function writeText(relative: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(relative);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

async function hoverText(editor: vscode.TextEditor, needle: string, offsetInNeedle = 1): Promise<string> {
  const at = editor.document.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} is in the document`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(at + offsetInNeedle));
  return hovers.flatMap((h) => h.contents).map((c) => (c instanceof vscode.MarkdownString ? c.value : typeof c === 'string' ? c : c.value)).join('\n');
}

describe('web extension host', function () {
  this.timeout(90_000);
  afterEach(closeAllEditors);

  it('activates in the browser\'s web worker, without Node', async () => {
    const annotator = await api();
    assert.equal(annotator.hostKind, 'web', 'the browser entry activated');
    assert.equal(typeof (globalThis as { process?: unknown }).process, 'undefined', 'no Node process in this host');
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
  });

  it('opens an article in the reading view and renders its highlights, analysed in a Web Worker', async () => {
    const annotator = await api();
    const editor = await openReadingView(SEED_003);
    const decorations = await completeDecorations(editor.document.uri, 80_000);
    const people = decorations.kinds.person.map((p) => p.text);
    assert.ok(people.includes('Ashraf Ghani'), `people: ${people.join(', ')}`);
    assert.ok(decorations.kinds.date.length > 0, 'dates highlighted');
    assert.equal(annotator.analysis.usesWorker, true, 'the analysis ran in a background Web Worker, not on the extension host');
    if (workbenchAvailable()) {
      const kabul = editor.document.getText().indexOf('Kabul');
      editor.revealRange(new vscode.Range(editor.document.positionAt(kabul), editor.document.positionAt(kabul)), vscode.TextEditorRevealType.AtTop);
      const rendered = await waitForWorkbench<boolean>(`[...document.querySelectorAll('.monaco-editor .view-lines [class*="TextEditorDecorationType"]')].some((el) => el.textContent === 'Kabul')`, { timeoutMs: 20_000 });
      assert.ok(rendered, 'a place is drawn in the page');
      const spans = await renderedDecorations();
      assert.ok(spans.length > 5, `rendered decorations: ${spans.length}`);
      await screenshot('web host reading view');
    }
  });

  it('hovers a person and a resolved date', async () => {
    const editor = await openReadingView(SEED_003);
    await completeDecorations(editor.document.uri, 80_000);
    assert.match(await hoverText(editor, 'Ashraf Ghani'), /\*\*Person\*\* · Ashraf Ghani/);
    assert.match(await hoverText(editor, 'on Thursday', 4), /12 August 2021/);
  });

  it('annotates by command and exports W3C JSON-LD through workspace.fs', async () => {
    const annotator = await api();
    const text = 'date 2023-02-01 Harbour works\n\nThe Skarvik Port Authority approved the new quay on Monday.\n';
    const uri = await writeText('seeds/web-export.txt', text);
    const start = text.indexOf('Skarvik Port Authority');
    const created = await vscode.commands.executeCommand<Annotation | undefined>('articleAnnotator.annotateSelection', { uri: uri.toString(), start, end: start + 'Skarvik Port Authority'.length, label: 'organization', note: 'the port authority' });
    assert.ok(created, 'annotateSelection returned the annotation');
    assert.equal(annotator.annotations.forArticle('seeds/web-export.txt').length, 1);
    const target = workspaceUri('exports/web-export.jsonld');
    const result = await vscode.commands.executeCommand<{ annotations: number; files: string[] }>('articleAnnotator.exportAnnotations', { format: 'w3c', scope: 'article', uri: uri.toString(), target: target.toString() });
    assert.equal(result?.annotations, 1);
    const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target))) as { total: number; first: { items: { target: { selector: { type: string; exact?: string }[] } }[] } };
    assert.equal(json.total, 1);
    const quote = json.first.items[0]?.target.selector.find((s) => s.type === 'TextQuoteSelector');
    assert.equal(quote?.exact, 'Skarvik Port Authority');
  });

  it('indexes the workspace and joins a bare name to the full one across articles', async () => {
    const annotator = await api();
    await writeText('seeds/web-index-a.txt', INDEX_TEXT_A);
    await writeText('seeds/web-index-b.txt', INDEX_TEXT_B);
    const index = annotator.workspaceIndex;
    await waitFor('both articles indexed', () => index.corpus.has('seeds/web-index-a.txt') && index.corpus.has('seeds/web-index-b.txt'), 80_000);
    await index.whenIdle();
    const entity = index.corpus.entities().find((e) => e.canonical === 'Tomasz Quellin');
    assert.ok(entity, 'the person is in the corpus');
    const articles = new Set(index.corpus.mentionsOf(entity.canonical, entity.type).map((m) => m.article));
    assert.ok(articles.has('seeds/web-index-b.txt'), `the bare "Quellin" joins him: ${[...articles].join(', ')}`);
  });

  it('finds an entity of a closed article with Go to Symbol in Workspace, and its mentions in both articles with Find All References', async () => {
    const annotator = await api();
    await writeText('seeds/web-index-a.txt', INDEX_TEXT_A);
    await writeText('seeds/web-index-b.txt', INDEX_TEXT_B);
    await waitFor('both articles indexed', () => annotator.workspaceIndex.corpus.has('seeds/web-index-a.txt') && annotator.workspaceIndex.corpus.has('seeds/web-index-b.txt'), 80_000);
    await annotator.workspaceIndex.whenIdle();
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Quellin');
    const symbol = symbols.find((s) => s.name === 'Tomasz Quellin');
    assert.ok(symbol, `symbols: ${symbols.map((s) => s.name).join(', ')}`);
    const editor = await openPlainEditor(workspaceUri('seeds/web-index-a.txt'));
    await completeDecorations(editor.document.uri, 80_000);
    const at = INDEX_TEXT_A.indexOf('Tomasz Quellin') + 2;
    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, editor.document.positionAt(at));
    const files = new Set(references.map((r) => r.uri.path.split('/').pop()));
    assert.ok(files.has('web-index-a.txt') && files.has('web-index-b.txt'), `references in: ${[...files].join(', ')}`);
  });

  it('lists the workspace\'s entities in the Entities view', async () => {
    const annotator = await api();
    await annotator.workspaceIndex.whenIdle();
    const kinds = await waitFor('the Entities view filled', () => {
      const roots = annotator.entitiesTree.getChildren();
      return roots.some((n) => n.kind === 'kind' && n.entities.some((e) => e.name === 'Ashraf Ghani')) ? roots : undefined;
    }, 60_000);
    assert.ok(kinds.length >= 3, `groups: ${kinds.length}`);
  });

  it('rejects an entity: gone from the article, remembered in the lexicon', async () => {
    const annotator = await api();
    const text = 'date 2023-05-02 Rowing regatta\n\nMarta Lindqvist flew from Oslo to Madrid on Monday to meet the rowing federation.\n';
    const uri = await writeText('seeds/web-correct.txt', text);
    const editor = await openPlainEditor(uri);
    await waitFor('Madrid highlighted', async () => (await completeDecorations(editor.document.uri, 80_000)).kinds.place.some((p) => p.text === 'Madrid'), 60_000);
    const start = text.indexOf('Madrid');
    await vscode.commands.executeCommand('articleAnnotator.rejectEntity', { uri: uri.toString(), start, end: start + 'Madrid'.length });
    assert.ok(annotator.annotations.lexicon.some((e) => e.text === 'Madrid' && e.action === 'reject'), 'in the lexicon');
    await waitFor('Madrid no longer highlighted', async () => {
      const d = await completeDecorations(editor.document.uri, 80_000);
      return !d.kinds.place.some((p) => p.text === 'Madrid');
    }, 60_000);
    await annotator.annotations.setLexicon(annotator.annotations.lexicon.filter((e) => e.text !== 'Madrid'));
  });

  it('imports the exported W3C file back through workspace.fs', async () => {
    const annotator = await api();
    const key = 'seeds/web-export.txt';
    for (const a of annotator.annotations.forArticle(key)) await annotator.annotations.remove(a.id);
    const result = await vscode.commands.executeCommand<{ added: Annotation[]; problems: string[] }>('articleAnnotator.importAnnotations', { format: 'w3c', file: workspaceUri('exports/web-export.jsonld').toString() });
    assert.equal(result?.added.length, 1, result?.problems.join('; '));
    assert.equal(annotator.annotations.forArticle(key)[0]?.quote.exact, 'Skarvik Port Authority');
  });

  it('gathers one person\'s quotes from two articles in the Quotations view, names the speaker in a quote hover, and orders the Timeline view', async () => {
    const annotator = await api();
    const early = 'date 2022-03-04 Canal lock inspected\n\nEngineer Oskaria Brenvold inspected the Tallmark lock on Tuesday. "The gates are sound," Brenvold said.\n';
    const late = 'date 2022-07-20 Canal reopens\n\nBoats passed the lock again on Monday. "We kept our promise," Oskaria Brenvold told reporters.\n';
    await writeText('seeds/web-quotes-early.txt', early);
    await writeText('seeds/web-quotes-late.txt', late);
    const index = annotator.workspaceIndex;
    await waitFor('both articles indexed', () => index.textOf('seeds/web-quotes-early.txt') === early && index.textOf('seeds/web-quotes-late.txt') === late, 80_000);
    await index.whenIdle();
    const quotes = annotator.quotationsTree;
    quotes.setFilter(undefined);
    const speaker = await waitFor('the speaker in the Quotations view', () => quotes.getChildren().find((n) => 'name' in n && n.name === 'Oskaria Brenvold'), 30_000);
    const hers = quotes.getChildren(speaker).map((q) => ('quote' in q ? q.quote.text : ''));
    assert.ok(hers.includes('The gates are sound,') && hers.includes('We kept our promise,'), `her quotes: ${hers.join(' | ')}`);

    const editor = await openPlainEditor(workspaceUri('seeds/web-quotes-early.txt'));
    await completeDecorations(editor.document.uri, 80_000);
    const hover = await hoverText(editor, 'gates are sound', 2);
    assert.match(hover, /\*\*Oskaria Brenvold\*\* \(person\), said:/);

    const timeline = annotator.timelineTree;
    timeline.setFilter({});
    const events: { article: string; value: string }[] = [];
    const walk = (nodes: ReturnType<typeof timeline.getChildren>): void => {
      for (const node of nodes) {
        if (node.kind === 'event') events.push({ article: node.event.article, value: String(node.event.value) });
        else if (node.kind === 'period') walk(timeline.getChildren(node));
      }
    };
    walk(timeline.getChildren());
    const ours = events.filter((e) => e.article.startsWith('seeds/web-quotes-'));
    assert.deepEqual(ours.map((e) => e.value), ['2022-03-01', '2022-03-04', '2022-07-18', '2022-07-20'], 'the Tuesday before the first article, its dateline, the Monday before the second, its dateline: in date order');
  });

  it('draws the timeline chart in a webview (its script shipped in the extension) and a click on an event reveals its sentence', async function () {
    if (!workbenchAvailable()) this.skip();
    const annotator = await api();
    annotator.timelineTree.setFilter({ article: 'seeds/web-quotes-late.txt' });
    const shown = await vscode.commands.executeCommand<{ events: number }>('articleAnnotator.showTimelineChart');
    const panel = annotator.timelineChart.webviewPanel;
    assert.ok(panel, 'the chart panel is open');
    assert.equal(shown.events, annotator.timelineTree.events().length);
    const labels = await waitForWebview<string[]>(
      '#canvas',
      `(() => { const l = [...document.querySelectorAll('button.event')].map((b) => b.getAttribute('aria-label') || ''); return l.some((x) => x.includes('again on Monday')) ? l : undefined; })()`,
      { timeoutMs: 60_000 },
    );
    assert.equal(labels.length, shown.events, `one marker per event of the filtered timeline: ${labels.join(' | ')}`);
    const monday = labels.find((l) => l.includes('again on Monday')) ?? '';
    assert.match(monday, /^Monday, 18 July 2022 \(2022-07-18\): Boats passed the lock again on Monday\. \(web-quotes-late\.txt, “Monday”\)$/u);
    assert.match(panel.webview.html, /<script nonce="[0-9a-f]+" src="[^"]+timelineChart\.js">/u, 'the chart script comes from the extension, by nonce');
    const status = await waitForWebview<string>('#canvas', `document.getElementById('status')?.textContent || undefined`);
    assert.match(status, /^2 events in 1 article · Days$/u, 'the zoom fits the two days of the article shown, not the whole collection');
    await screenshot('web-timeline-chart');

    await clickInWebview('button.event[aria-label^="Monday, 18 July 2022"]');
    const selected = await waitFor('the sentence selected in its article', () => {
      const editor = vscode.window.activeTextEditor;
      return editor && editor.document.uri.toString().includes('web-quotes-late') && editor.document.getText(editor.selection) === 'Boats passed the lock again on Monday.' ? editor : undefined;
    }, 30_000);
    assert.ok(selected);
    panel.dispose();
    annotator.timelineTree.setFilter({});
  });

  it('sets up an annotation to check after a window reload', async () => {
    const annotator = await api();
    const uri = await writeText(RELOAD_KEY, RELOAD_TEXT);
    const editor = await openPlainEditor(uri);
    const start = RELOAD_TEXT.indexOf('Norrvik Ferry Company');
    await vscode.commands.executeCommand('articleAnnotator.annotateSelection', { uri: editor.document.uri.toString(), start, end: start + 'Norrvik Ferry Company'.length, label: 'organization', note: 'operator' });
    await annotator.annotations.flush();
    // its index entry goes to the on-disk cache (written in the background): the reload phase reads it back
    await annotator.workspaceIndex.whenIdle();
    assert.ok(annotator.workspaceIndex.cacheFileOf(RELOAD_KEY), 'the article has a cache entry');
  });

  it('@after-reload finds the annotation again and draws it', async () => {
    const annotator = await api();
    const kept = annotator.annotations.forArticle(RELOAD_KEY);
    assert.equal(kept.length, 1, `annotations after the reload: ${JSON.stringify(kept)}`);
    assert.equal(kept[0]?.note, 'operator');
    const editor = await openReadingView(RELOAD_KEY);
    const drawn = await waitFor('the kept annotation drawn', () => annotator.annotationDecorator.decorationsOf(editor).find((d) => d.id === kept[0]?.id), 60_000);
    assert.equal(editor.document.getText(drawn.range), 'Norrvik Ferry Company');
  });

  it('@after-reload the workspace index comes back from its cache without analysing the articles again', async () => {
    const annotator = await api();
    const index = annotator.workspaceIndex;
    await waitFor('the index loaded', () => index.corpus.has(RELOAD_KEY) && index.corpus.has(SEED_003), 60_000);
    await index.whenIdle();
    assert.equal(index.originOf(RELOAD_KEY), 'cache');
    assert.equal(index.originOf(SEED_003), 'cache');
    const { stats } = index;
    console.log(`      after reload (web host): ${stats.articles} articles, ${stats.fromCache} from the cache, ${stats.analysed} analysed`);
    assert.ok(stats.fromCache > stats.analysed, 'most articles come from the cache');
  });
});
