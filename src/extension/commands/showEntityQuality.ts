// "Show Entity Quality": the automatic entities against the user's own person / place / organization annotations,
// per article and for the collection (precision, recall, F1 per type), as a Markdown preview. The scoring is core's
// (src/core/quality); this command gathers the workspace index's analyses and the annotation store's annotations.
import * as vscode from 'vscode';
import { entityQuality, entityQualityMarkdown, type EntityQualityReport } from '../../core/quality/entityQuality';
import type { AnnotationService } from '../annotationService';
import type { WorkspaceIndex } from '../workspaceIndex';

export const ENTITY_QUALITY_SCHEME = 'article-annotator-quality';
/** The read-only document the report is written to (its preview is what the user sees). */
export const ENTITY_QUALITY_URI = vscode.Uri.from({ scheme: ENTITY_QUALITY_SCHEME, path: '/Entity Quality.md' });

/** Serves the latest report as a read-only Markdown document; the preview follows when it changes. */
export class EntityQualityDocument implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private content = '# Entity quality\n\nRun “Article Annotator: Show Entity Quality” to measure.\n';

  provideTextDocumentContent(): string {
    return this.content;
  }

  set(markdown: string): void {
    this.content = markdown;
    this.emitter.fire(ENTITY_QUALITY_URI);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

export interface EntityQualityResult {
  readonly report: EntityQualityReport;
  readonly markdown: string;
}

export function showEntityQuality(annotations: AnnotationService, index: WorkspaceIndex, document: EntityQualityDocument) {
  return async (): Promise<EntityQualityResult> => {
    if (index.busy) {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Article Annotator: waiting for the workspace index before measuring entity quality…' },
        () => index.whenIdle(),
      );
    }
    const report = entityQuality(
      annotations.articles().map((key) => ({ article: key, text: index.textOf(key), annotations: annotations.forArticle(key), entities: index.analysisOf(key)?.entities })),
    );
    const markdown = entityQualityMarkdown(report);
    document.set(markdown);
    await vscode.workspace.openTextDocument(ENTITY_QUALITY_URI);
    try {
      await vscode.commands.executeCommand('markdown.showPreview', ENTITY_QUALITY_URI);
    } catch {
      // no Markdown preview in this editor: the Markdown itself is still readable
      await vscode.window.showTextDocument(ENTITY_QUALITY_URI, { preview: true });
    }
    return { report, markdown };
  };
}
