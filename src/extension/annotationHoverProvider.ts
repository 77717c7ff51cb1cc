// Hover over a user annotation: its label and its note (Markdown from the user, rendered without HTML or command links).
import * as vscode from 'vscode';
import type { Annotation } from '../core/annotations/annotationModel';
import { commandUri } from '../core/markdown/commandLinks';
import { sanitiseNoteMarkdown } from '../core/markdown/noteMarkdown';
import type { ArticleDocuments } from './articleDocuments';
import type { AnnotationService } from './annotationService';
import { DELETE_ANNOTATION_COMMAND, EDIT_ANNOTATION_COMMAND } from './commandIds';

/** The only commands the hover's own links may run. */
export const ANNOTATION_HOVER_COMMANDS: readonly string[] = [EDIT_ANNOTATION_COMMAND, DELETE_ANNOTATION_COMMAND];

export class AnnotationHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly annotations: AnnotationService,
    private readonly articles: ArticleDocuments,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const article = this.articles.get(document);
    if (!article) return undefined;
    const at = article.toSourceSpan(new vscode.Range(position, position));
    if (!at) return undefined;
    const hits = this.annotations
      .forArticle(article.key)
      .filter((a) => a.status === 'anchored' && a.position.start <= at.start && at.start < a.position.end)
      .sort((a, b) => a.position.end - a.position.start - (b.position.end - b.position.start));
    if (hits.length === 0) return undefined;
    const contents: vscode.MarkdownString[] = [];
    let range: vscode.Range | undefined;
    for (const annotation of hits) {
      contents.push(annotationHeader(annotation, article.sourceUri));
      if (annotation.note.trim() !== '') contents.push(noteMarkdown(annotation.note));
      const shown = article.toEditorRange(annotation.position.start, annotation.position.end);
      if (shown) range = range ? range.intersection(shown) ?? range : shown;
    }
    return new vscode.Hover(contents, range);
  }
}

/** Label, quote and the Edit/Delete links: trusted for exactly those two commands, nothing else. */
export function annotationHeader(annotation: Annotation, sourceUri: vscode.Uri): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.isTrusted = { enabledCommands: [...ANNOTATION_HOVER_COMMANDS] };
  md.supportHtml = false;
  md.appendMarkdown('$(tag) **');
  md.appendText(annotation.label);
  md.appendMarkdown('** annotation');
  if (annotation.origin === 'entity') md.appendMarkdown(' _(accepted entity)_');
  md.appendMarkdown('  \n');
  md.appendMarkdown(`[Edit](${commandLink(EDIT_ANNOTATION_COMMAND, annotation.id, sourceUri)} "Change the label or note")`);
  md.appendMarkdown(' · ');
  md.appendMarkdown(`[Delete](${commandLink(DELETE_ANNOTATION_COMMAND, annotation.id, sourceUri)} "Delete this annotation")`);
  return md;
}

function commandLink(command: string, id: string, sourceUri: vscode.Uri): string {
  return commandUri(command, [{ id, uri: sourceUri.toString() }]);
}

/** The note as Markdown in its own untrusted block: the allow-listed constructs of sanitiseNoteMarkdown, no HTML. */
export function noteMarkdown(note: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(sanitiseNoteMarkdown(note), false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}
