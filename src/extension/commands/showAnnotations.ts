// "Show Annotations": a quick pick over every annotation in the workspace; the chosen one is revealed in its article.
import * as vscode from 'vscode';
import { shorten } from '../../core/formats/formatModel';
import type { Annotation } from '../../core/annotations/annotationModel';
import type { AnnotationService } from '../annotationService';
import type { ArticleDocuments } from '../articleDocuments';
import { annotationArg, type AnnotationArgs } from '../commandTargets/annotationArgument';
import { showAnnotation } from './revealAnnotation';


interface AnnotationItem extends vscode.QuickPickItem {
  readonly annotation: Annotation;
}

/** With `{id}` it reveals that annotation without asking (tests, keybindings). */
export function showAnnotations(annotations: AnnotationService, articles: ArticleDocuments) {
  return async (rawArgs?: unknown): Promise<Annotation | undefined> => {
    const { id } = annotationArg<AnnotationArgs>(rawArgs);
    let chosen = id ? annotations.get(id) : undefined;
    if (!chosen) {
      const all = [...annotations.all()].sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : a.position.start - b.position.start));
      if (all.length === 0) {
        void vscode.window.showInformationMessage('Article Annotator: there are no annotations in this workspace yet. Select text in an article and run “Annotate Selection”.');
        return undefined;
      }
      const items: (AnnotationItem | vscode.QuickPickItem)[] = [];
      let article: string | undefined;
      for (const annotation of all) {
        if (annotation.article !== article) {
          article = annotation.article;
          items.push({ label: article, kind: vscode.QuickPickItemKind.Separator });
        }
        items.push({
          annotation,
          label: `$(${annotation.status === 'orphaned' ? 'warning' : 'tag'}) ${annotation.label}: ${shorten(annotation.quote.exact, 50)}`,
          description: annotation.status === 'orphaned' ? 'orphaned' : `${annotation.position.start}–${annotation.position.end}`,
          detail: annotation.note ? shorten(annotation.note, 100) : undefined,
        });
      }
      const picked = await vscode.window.showQuickPick(items, { title: `Annotations (${all.length})`, matchOnDescription: true, matchOnDetail: true });
      chosen = picked && 'annotation' in picked ? picked.annotation : undefined;
    }
    if (chosen) await showAnnotation(articles, chosen);
    return chosen;
  };
}
