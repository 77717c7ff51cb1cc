// Shows a span of an article, selected (internal: the Entities view's click; takes `{uri, start, end}` source offsets).
import * as vscode from 'vscode';
import type { ArticleDocuments } from '../articleDocuments';
import { objectArg, revealSpan, sourceOf, type SpanArgs, toUri } from '../commandTargets/articleTarget';
import { REVEAL_ENTITY_COMMAND } from '../commandIds';

export function revealEntity(articles: ArticleDocuments) {
  return async (rawArgs?: unknown): Promise<vscode.TextEditor | undefined> => {
    const args = objectArg<SpanArgs>(rawArgs);
    const uri = toUri(args.uri);
    if (!uri || typeof args.start !== 'number' || typeof args.end !== 'number') return undefined;
    return revealSpan(articles, sourceOf(uri), args.start, args.end);
  };
}

/** The command a view item (or a chart event) runs to show a span of an article: one home for the reveal arguments. */
export function revealSpanCommand(uri: vscode.Uri, span: { readonly start: number; readonly end: number }, title: string): vscode.Command {
  return { command: REVEAL_ENTITY_COMMAND, title, arguments: [{ uri: uri.toString(), start: span.start, end: span.end }] };
}
