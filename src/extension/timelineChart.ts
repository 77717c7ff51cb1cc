// "Show Timeline Chart": the corpus timeline drawn on a time axis in a webview (src/webview/timelineChart.ts draws it).
// The panel sends the Timeline view's own events (one timeline, computed once per index change) and the filter the view
// and the chart share; the webview asks back to reveal an event, which the panel looks up in that same timeline (never
// trusting offsets from the page). Strict Content-Security-Policy: the script by nonce, styles from the extension's
// webview folder only, which is also the only folder the webview may load from.
import * as vscode from 'vscode';
import type { TimelineEntry } from '../core/corpus/corpusIndex';
import { AnnotationService } from './annotationService';
import type { ArticleDocuments } from './articleDocuments';
import { revealSpan } from './commandTargets/articleTarget';
import type { FromChartMessage, TimelineDataMessage } from './timelineChartProtocol';
import type { TimelineTreeProvider } from './timelineTree';
import type { WorkspaceIndex } from './workspaceIndex';

export const TIMELINE_CHART_VIEW_TYPE = 'articleAnnotator.timelineChart';
const TITLE = 'Timeline Chart';

export class TimelineChartPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private readonly revealEmitter = new vscode.EventEmitter<{ readonly event: TimelineEntry; readonly editor: vscode.TextEditor }>();
  /** An event the webview asked to reveal, once its sentence is shown. */
  readonly onDidReveal = this.revealEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly index: WorkspaceIndex,
    private readonly tree: TimelineTreeProvider,
    private readonly articles: ArticleDocuments,
  ) {
    // the view's change event: the timeline changed (not merely the index) or the shared filter did
    this.disposables.push(this.revealEmitter, tree.onDidChangeTreeData(() => this.post()));
  }

  /** The open panel, if any. */
  get webviewPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /**
   * Opens the chart (or brings it forward). An argument narrows it to an entity, as "Show Timeline of This Entity"
   * does the view: an entity id, an Entities view node, or `{ entity, article }`.
   */
  show(arg?: unknown): { readonly events: number; readonly filter: TimelineTreeProvider['filter'] } {
    const o = typeof arg === 'object' && arg !== null ? (arg as { entity?: unknown; article?: unknown }) : undefined;
    const entity = this.tree.entityOf(o && 'entity' in o ? o.entity : arg);
    const article = typeof o?.article === 'string' && this.index.corpus.has(o.article) ? o.article : undefined;
    if (entity || article) this.tree.setFilter({ ...(entity ? { entity } : {}), ...(article ? { article } : {}) });
    if (this.panel) this.panel.reveal(undefined, false);
    else this.open();
    return { events: this.tree.events().length, filter: this.tree.filter };
  }

  /** A chart left open when the window closed, shown again after a reload (its zoom and grouping are in its state). */
  restore(panel: vscode.WebviewPanel): void {
    if (this.panel) {
      panel.dispose();
      return;
    }
    panel.webview.options = this.options();
    this.adopt(panel);
  }

  private options(): vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')] };
  }

  private open(): void {
    this.adopt(vscode.window.createWebviewPanel(TIMELINE_CHART_VIEW_TYPE, TITLE, vscode.ViewColumn.Active, { ...this.options(), enableFindWidget: true }));
  }

  private adopt(panel: vscode.WebviewPanel): void {
    const root = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'activitybar.svg');
    this.panel = panel;
    this.ready = false;
    this.panelDisposables = [
      panel.onDidDispose(() => {
        for (const d of this.panelDisposables) d.dispose();
        this.panelDisposables = [];
        this.panel = undefined;
        this.ready = false;
      }),
      // a hidden webview is torn down (no retainContextWhenHidden): shown again, it says "ready" again and is sent the data
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
    ];
    panel.webview.html = this.html(panel.webview, root);
  }

  private html(webview: vscode.Webview, root: vscode.Uri): string {
    const nonce = randomNonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(root, 'timelineChart.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(root, 'timelineChart.css'));
    const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`, `img-src ${webview.cspSource}`, `font-src ${webview.cspSource}`].join('; ');
    const zoomButton = (zoom: string, label: string): string => `<button type="button" data-zoom="${zoom}" aria-pressed="false">${label}</button>`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>${TITLE}</title>
</head>
<body>
<div class="toolbar">
  <div class="group" role="group" aria-label="Group events by">
    <span class="caption">Group by</span>
    <button type="button" data-grouping="article" aria-pressed="true">Article</button>
    <button type="button" data-grouping="entity" aria-pressed="false">Entity</button>
  </div>
  <div class="group" role="group" aria-label="Zoom">
    <span class="caption">Zoom</span>
    <button type="button" id="zoom-out" aria-label="Zoom out" title="Zoom out (−)">−</button>
    ${zoomButton('decades', 'Decades')}${zoomButton('years', 'Years')}${zoomButton('months', 'Months')}${zoomButton('days', 'Days')}
    <button type="button" id="zoom-in" aria-label="Zoom in" title="Zoom in (+)">+</button>
  </div>
  <input id="filter" type="search" placeholder="Filter: entity, article or words" aria-label="Filter the events by entity, article or words">
  <select id="article" aria-label="Events of one article"></select>
  <span id="entity-filter" class="chip" hidden>Timeline of <span id="entity-name"></span><button type="button" id="clear-entity" aria-label="Show the events of every entity" title="Show the events of every entity">×</button></span>
  <span id="status" role="status" aria-live="polite"></span>
</div>
<div id="scroller" class="scroller"><div id="canvas" class="canvas" role="region" aria-label="Timeline of dated events"></div></div>
<p class="hint">Tab to the events; arrow keys move between them (up and down: the next lane); Enter shows the sentence in its article. + and − or Ctrl+wheel zoom.</p>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  private receive(raw: unknown): void {
    if (typeof raw !== 'object' || raw === null) return;
    const message = raw as FromChartMessage;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post();
        break;
      case 'reveal':
        void this.reveal(message.article, message.start);
        break;
      case 'filter': {
        const filter = { ...this.tree.filter };
        if (message.clearEntity === true) delete (filter as { entity?: unknown }).entity;
        if (typeof message.article === 'string') {
          if (message.article === '') delete (filter as { article?: unknown }).article;
          else if (this.index.corpus.has(message.article)) (filter as { article?: string }).article = message.article;
        }
        this.tree.setFilter(filter);
        break;
      }
    }
  }

  /** Shows the event's sentence in its article, beside the chart unless the article is already visible. */
  private async reveal(article: unknown, start: unknown): Promise<void> {
    if (typeof article !== 'string' || typeof start !== 'number') return;
    const event = this.tree.timeline().find((e) => e.article === article && e.start === start);
    if (!event) return;
    try {
      const editor = await revealSpan(this.articles, this.index.uriOf(event.article), event.sentence.start, event.sentence.end, vscode.ViewColumn.Beside);
      this.revealEmitter.fire({ event, editor });
    } catch (error) {
      void vscode.window.showErrorMessage(`Article Annotator: cannot show ${event.article} (${error instanceof Error ? error.message : String(error)}).`);
    }
  }

  private post(): void {
    if (!this.panel || !this.ready) return;
    const events = this.tree.timeline();
    // own properties only (Object.fromEntries): an article named "constructor" or "__proto__" is a name like any other
    const articleNames = Object.fromEntries(new Map(events.map((e) => [e.article, AnnotationService.articleName(e.article)])));
    const message: TimelineDataMessage = { type: 'timeline', events, articleNames, filter: this.tree.filter };
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function randomNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
