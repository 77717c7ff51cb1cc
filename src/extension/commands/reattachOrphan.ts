// "Re-attach Orphaned Annotation": puts an annotation whose text could not be found again onto the current selection.
import * as vscode from 'vscode';
import { shorten } from '../../core/formats/formatModel';
import type { Annotation } from '../../core/annotations/annotationModel';
import type { AnnotationService } from '../annotationService';
import type { ArticleDocuments } from '../articleDocuments';
import { annotationArg, type AnnotationArgs } from '../commandTargets/annotationArgument';
import { resolveSpan, type SpanArgs } from '../commandTargets/articleTarget';


export interface ReattachOrphanArgs extends AnnotationArgs, SpanArgs {}

export function reattachOrphan(annotations: AnnotationService, articles: ArticleDocuments) {
  return async (rawArgs?: unknown): Promise<Annotation | undefined> => {
    const args = annotationArg<ReattachOrphanArgs>(rawArgs);
    const target = await resolveSpan(articles, args);
    if (!target) return undefined;
    let orphan = args.id ? annotations.get(args.id) : undefined;
    if (!orphan) {
      // Orphans of this article first: that is almost always the one meant.
      const orphans = annotations.orphans().sort((a, b) => Number(b.article === target.key) - Number(a.article === target.key));
      if (orphans.length === 0) {
        void vscode.window.showInformationMessage('Article Annotator: there are no orphaned annotations.');
        return undefined;
      }
      const picked = await vscode.window.showQuickPick(
        orphans.map((annotation) => ({ annotation, label: `${annotation.label}: ${shorten(annotation.quote.exact, 50)}`, description: annotation.article, detail: annotation.note || undefined })),
        { title: `Re-attach which annotation to “${shorten(target.text.slice(target.start, target.end), 50)}”?` },
      );
      orphan = picked?.annotation;
    }
    if (!orphan) return undefined;
    return annotations.attach(orphan.id, target.key, target.text, target.start, target.end);
  };
}
