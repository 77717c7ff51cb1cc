// The reading view's header is alive: actions above the title (set the date, open the source file, the licence) and
// links in the byline (the date sets it, the source and the licence open where they are stated or their deed).
import * as vscode from 'vscode';
import { licenceUrl } from '../core/article/licence';
import type { HeaderPart } from '../core/article/readingView';
import { commandUri } from '../core/markdown/commandLinks';
import { type ArticleProvider, type RenderedArticle, type ViewLayout } from './articleProvider';
import { ARTICLE_SCHEME } from './articleKeys';
import { SET_ARTICLE_DATE_COMMAND } from './commandIds';

interface HeaderLinks {
  readonly rendered: RenderedArticle;
  readonly parts: readonly HeaderPart[];
  readonly dateOrigin: HeaderPart['dateOrigin'];
  readonly sourceAt: vscode.Uri | undefined;
  readonly licenceAt: vscode.Uri | undefined;
  readonly licenceUrl: string | undefined;
}

const headerLinks = new WeakMap<RenderedArticle, HeaderLinks>();

/** What the header's parts link to, from what the rendering found in the source text (it is not parsed again). */
function linksOf(rendered: RenderedArticle, layout: ViewLayout, text: string): HeaderLinks {
  const at = (offset: number): vscode.Uri => {
    const { line, column } = lineAndColumn(text, offset);
    return rendered.sourceUri.with({ fragment: `L${line},${column}` });
  };
  const parts = layout.headerParts ?? [];
  return {
    rendered,
    parts,
    dateOrigin: parts.find((p) => p.kind === 'date')?.dateOrigin,
    sourceAt: layout.source ? at(layout.source.start) : undefined,
    licenceAt: layout.licence ? at(layout.licence.start) : undefined,
    licenceUrl: layout.licence ? licenceUrl(layout.licence.text) : undefined,
  };
}

/** 1-based line and column of a source offset (lines end at LF, CRLF or a lone CR), counted without splitting the text. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export class ReadingViewHeader implements vscode.CodeLensProvider, vscode.DocumentLinkProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  readonly onDidChangeCodeLenses = this.changeEmitter.event;

  constructor(private readonly provider: ArticleProvider) {
    this.disposables.push(provider.onDidRender(() => this.changeEmitter.fire()));
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const header = this.header(document);
    if (!header) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    const source = header.rendered.sourceUri;
    const lenses = [
      new vscode.CodeLens(top, {
        title: header.dateOrigin === 'set' ? '$(calendar) Change Article Date' : '$(calendar) Set Article Date',
        tooltip: 'The date this article’s relative dates (“on Thursday”, “last month”) are resolved against',
        command: SET_ARTICLE_DATE_COMMAND,
        arguments: [source.toString()],
      }),
      new vscode.CodeLens(top, { title: '$(go-to-file) Open Source File', tooltip: `Open ${source.path.slice(source.path.lastIndexOf('/') + 1)} in the text editor`, command: 'vscode.open', arguments: [source] }),
    ];
    if (header.licenceUrl) lenses.push(new vscode.CodeLens(top, { title: '$(law) Licence', tooltip: header.licenceUrl, command: 'vscode.open', arguments: [vscode.Uri.parse(header.licenceUrl, true)] }));
    return lenses;
  }

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const header = this.header(document);
    if (!header) return [];
    const links: vscode.DocumentLink[] = [];
    const range = (part: { start: number; end: number }): vscode.Range => new vscode.Range(document.positionAt(part.start), document.positionAt(part.end));
    for (const part of header.parts) {
      let link: vscode.DocumentLink | undefined;
      if (part.kind === 'date') {
        link = new vscode.DocumentLink(range(part), vscode.Uri.parse(commandUri(SET_ARTICLE_DATE_COMMAND, [header.rendered.sourceUri.toString()]), true));
        link.tooltip = part.dateOrigin === 'set' ? 'Change the date you set for this article' : 'Set Article Date';
      } else if (part.kind === 'source' && header.sourceAt) {
        link = new vscode.DocumentLink(range(part), header.sourceAt);
        link.tooltip = 'Where the article names its source';
      } else if (part.kind === 'licence' && (header.licenceUrl || header.licenceAt)) {
        link = new vscode.DocumentLink(range(part), header.licenceUrl ? vscode.Uri.parse(header.licenceUrl, true) : header.licenceAt);
        link.tooltip = header.licenceUrl ? `The licence: ${header.licenceUrl}` : 'Where the article states its licence';
      }
      if (link) links.push(link);
    }
    return links;
  }

  /** The rendering shown in this reading view, with what its header links to; undefined while the editor holds another text. */
  private header(document: vscode.TextDocument): HeaderLinks | undefined {
    if (document.uri.scheme !== ARTICLE_SCHEME) return undefined;
    const rendered: RenderedArticle | undefined = this.provider.shown(document);
    if (!rendered?.layout?.headerParts || rendered.sourceText === undefined) return undefined;
    // once per rendering: the editor asks for lenses and links again on every change of the view
    let links = headerLinks.get(rendered);
    if (!links) headerLinks.set(rendered, (links = linksOf(rendered, rendered.layout, rendered.sourceText)));
    return links;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
