// Makes the reading view read like an article: a bold title, a quieter byline (date, source in the weight of a byline,
// licence) ruled off from the body, bold run-in headings. Styling only; the text and its offsets are the provider's.
import * as vscode from 'vscode';
import { type ArticleProvider, type RenderedArticle } from './articleProvider';
import { ARTICLE_SCHEME } from './articleKeys';

export class ReadingViewStyler implements vscode.Disposable {
  private readonly title = vscode.window.createTextEditorDecorationType({ fontWeight: 'bold' });
  private readonly headerLine = vscode.window.createTextEditorDecorationType({
    fontStyle: 'italic',
    color: new vscode.ThemeColor('descriptionForeground'),
    isWholeLine: true,
    borderColor: new vscode.ThemeColor('articleAnnotator.headerRule'),
    borderStyle: 'solid',
    borderWidth: '0 0 1px 0',
  });
  private readonly source = vscode.window.createTextEditorDecorationType({ fontStyle: 'normal', fontWeight: '600', color: new vscode.ThemeColor('editor.foreground') });
  private readonly heading = vscode.window.createTextEditorDecorationType({ fontWeight: 'bold' });
  private readonly quiet = vscode.window.createTextEditorDecorationType({ fontStyle: 'italic', color: new vscode.ThemeColor('descriptionForeground') });
  private readonly disposables: vscode.Disposable[] = [this.title, this.headerLine, this.source, this.heading, this.quiet];

  constructor(private readonly provider: ArticleProvider) {
    this.disposables.push(
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.style(e))),
      vscode.workspace.onDidCloseTextDocument((document) => this.applied.delete(document.uri.toString())),
      provider.onDidRender((rendered) => {
        for (const editor of vscode.window.visibleTextEditors) if (provider.rendered(editor.document) === rendered) this.style(editor);
      }),
    );
    vscode.window.visibleTextEditors.forEach((e) => this.style(e));
  }

  /** The ranges drawn in an editor, by style (tests read them). */
  readonly applied = new Map<string, Record<'title' | 'headerLine' | 'source' | 'heading' | 'quiet', vscode.Range[]>>();

  private style(editor: vscode.TextEditor): void {
    const document = editor.document;
    if (document.uri.scheme !== ARTICLE_SCHEME) return;
    // Until the editor holds a rendering its offsets would be wrong; onDidRender comes back when it does.
    const rendered: RenderedArticle | undefined = this.provider.shown(document);
    if (!rendered?.layout) return;
    const range = (start: number, end: number): vscode.Range => new vscode.Range(document.positionAt(start), document.positionAt(end));
    const { header, paragraphs, headerParts = [] } = rendered.layout;
    const titleParagraph = paragraphs.find((p) => p.kind === 'title');
    const firstLineEnd = document.lineAt(0).range.end;
    const metaLine = document.positionAt(header.end).line;
    const ranges = {
      title: [titleParagraph ? range(titleParagraph.start, titleParagraph.end) : new vscode.Range(new vscode.Position(0, 0), firstLineEnd)],
      // The dateline line (date, source, licence, word count): the header's last line, ruled off from the body.
      headerLine: metaLine > 0 ? [document.lineAt(metaLine).range] : [],
      source: headerParts.filter((p) => p.kind === 'source').map((p) => range(p.start, p.end)),
      heading: paragraphs.filter((p) => p.kind === 'heading').map((p) => range(p.start, p.end)),
      quiet: paragraphs.filter((p) => p.kind === 'licence').map((p) => range(p.start, p.end)),
    };
    editor.setDecorations(this.title, ranges.title);
    editor.setDecorations(this.headerLine, ranges.headerLine);
    editor.setDecorations(this.source, ranges.source);
    editor.setDecorations(this.heading, ranges.heading);
    editor.setDecorations(this.quiet, ranges.quiet);
    this.applied.set(document.uri.toString(), ranges);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.applied.clear();
  }
}
