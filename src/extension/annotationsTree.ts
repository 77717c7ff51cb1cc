// The "Annotations" view: article, then label, then annotation; orphans in their own group; click reveals.
import * as vscode from 'vscode';
import type { Annotation } from '../core/annotations/annotationModel';
import { AnnotationService } from './annotationService';
import { REVEAL_ANNOTATION_COMMAND } from './commandIds';
import { articleUriOfKey } from './articleKeys';

export const ANNOTATIONS_VIEW = 'articleAnnotator.annotations';
const HAS_ORPHANS_CONTEXT = 'articleAnnotator.hasOrphans';

export interface ArticleNode {
  readonly kind: 'article';
  readonly key: string;
  readonly annotations: readonly Annotation[];
}
export interface LabelNode {
  readonly kind: 'label';
  readonly key: string;
  readonly label: string;
  readonly annotations: readonly Annotation[];
}
export interface OrphansNode {
  readonly kind: 'orphans';
  readonly annotations: readonly Annotation[];
}
export interface AnnotationNode {
  readonly kind: 'annotation';
  readonly annotation: Annotation;
}
export type AnnotationsTreeNode = ArticleNode | LabelNode | OrphansNode | AnnotationNode;

export class AnnotationsTreeProvider implements vscode.TreeDataProvider<AnnotationsTreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<AnnotationsTreeNode | undefined>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChangeTreeData = this.changeEmitter.event;

  /**
   * The articles holding an orphaned annotation, kept up to date from the store's changes (each names its articles):
   * a keystroke moves the typed article's annotations, and listing every stored annotation (and telling VS Code the
   * context key again) at each one cost what the whole store holds.
   */
  private readonly withOrphans = new Set<string>();
  private hasOrphans: boolean | undefined;

  constructor(private readonly annotations: AnnotationService) {
    this.subscription = annotations.onDidChange((change) => {
      if (change.kind === 'annotations' || change.kind === 'load') this.refresh(change.kind === 'annotations' ? change.articles : undefined);
    });
    this.updateContext(undefined);
  }

  /** Lists again; `articles`: the only ones whose annotations changed (undefined: any of them). */
  refresh(articles?: readonly string[]): void {
    this.updateContext(articles);
    this.changeEmitter.fire(undefined);
  }

  getChildren(node?: AnnotationsTreeNode): AnnotationsTreeNode[] {
    if (!node) {
      const all = this.annotations.all();
      const placed = all.filter((a) => a.status === 'anchored');
      const orphans = all.filter((a) => a.status === 'orphaned');
      const keys = [...new Set(placed.map((a) => a.article))].sort();
      const nodes: AnnotationsTreeNode[] = keys.map((key) => ({ kind: 'article', key, annotations: placed.filter((a) => a.article === key) }));
      if (orphans.length > 0) nodes.push({ kind: 'orphans', annotations: orphans });
      return nodes;
    }
    switch (node.kind) {
      case 'article': {
        const labels = [...new Set(node.annotations.map((a) => a.label))].sort();
        return labels.map((label) => ({ kind: 'label', key: node.key, label, annotations: node.annotations.filter((a) => a.label === label) }));
      }
      case 'label':
      case 'orphans':
        return [...node.annotations].sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : a.position.start - b.position.start)).map((annotation) => ({ kind: 'annotation', annotation }));
      case 'annotation':
        return [];
    }
  }

  getTreeItem(node: AnnotationsTreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'article': {
        const item = new vscode.TreeItem(AnnotationService.articleName(node.key), vscode.TreeItemCollapsibleState.Expanded);
        item.id = `article:${node.key}`;
        // The label already is the file name: repeat only the folder, when there is one.
        const folder = node.key.includes('/') ? node.key.slice(0, node.key.lastIndexOf('/')) : '';
        item.description = folder ? `${node.annotations.length} · ${folder}` : String(node.annotations.length);
        item.resourceUri = articleUriOfKey(node.key);
        item.iconPath = vscode.ThemeIcon.File;
        item.contextValue = 'article';
        return item;
      }
      case 'label': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `label:${node.key}:${node.label}`;
        item.description = String(node.annotations.length);
        item.iconPath = new vscode.ThemeIcon('tag');
        item.contextValue = 'label';
        return item;
      }
      case 'orphans': {
        const item = new vscode.TreeItem('Orphaned', vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'orphans';
        item.description = `${node.annotations.length} · text not found`;
        item.tooltip = 'Annotations whose text could not be found after the article changed. Select the right text and use “Re-attach”.';
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        item.contextValue = 'orphans';
        return item;
      }
      case 'annotation': {
        const a = node.annotation;
        const item = new vscode.TreeItem(oneLine(a.quote.exact, 60), vscode.TreeItemCollapsibleState.None);
        item.id = `annotation:${a.id}`;
        // Without a note, the words around the quote tell apart the many annotations of one name ("Kabul" × 15).
        item.description = a.status === 'orphaned' ? `${a.label} · ${a.article}` : oneLine(plainNote(a.note), 60) || inContext(a);
        const tooltip = new vscode.MarkdownString('', false);
        tooltip.isTrusted = false;
        tooltip.supportHtml = false;
        tooltip.appendMarkdown('**');
        tooltip.appendText(a.label);
        tooltip.appendMarkdown('** · ');
        tooltip.appendText(`${a.article} ${a.position.start}–${a.position.end}${a.status === 'orphaned' ? ' (orphaned)' : ''}`);
        tooltip.appendMarkdown('\n\n> ');
        tooltip.appendText(oneLine(a.quote.exact, 300));
        if (a.note) {
          tooltip.appendMarkdown('\n\n');
          tooltip.appendText(a.note);
        }
        item.tooltip = tooltip;
        item.iconPath = new vscode.ThemeIcon(a.status === 'orphaned' ? 'debug-disconnect' : a.origin === 'entity' ? 'check' : 'tag');
        item.contextValue = a.status === 'orphaned' ? 'annotation.orphan' : 'annotation';
        item.command = { command: REVEAL_ANNOTATION_COMMAND, title: 'Reveal Annotation', arguments: [{ id: a.id }] };
        return item;
      }
    }
  }

  getParent(node: AnnotationsTreeNode): AnnotationsTreeNode | undefined {
    if (node.kind !== 'annotation') return undefined;
    const a = this.annotations.get(node.annotation.id) ?? node.annotation;
    if (a.status === 'orphaned') return { kind: 'orphans', annotations: this.annotations.orphans() };
    return { kind: 'label', key: a.article, label: a.label, annotations: this.annotations.forArticle(a.article).filter((x) => x.label === a.label && x.status === 'anchored') };
  }

  private updateContext(articles: readonly string[] | undefined): void {
    if (articles === undefined) {
      this.withOrphans.clear();
      for (const a of this.annotations.orphans()) this.withOrphans.add(a.article);
    } else {
      for (const key of articles) {
        if (this.annotations.forArticle(key).some((a) => a.status === 'orphaned')) this.withOrphans.add(key);
        else this.withOrphans.delete(key);
      }
    }
    const has = this.withOrphans.size > 0;
    if (has === this.hasOrphans) return;
    this.hasOrphans = has;
    void vscode.commands.executeCommand('setContext', HAS_ORPHANS_CONTEXT, has);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}

/** A note as a one-line description: Markdown emphasis and code marks dropped, links reduced to their text. */
function plainNote(note: string): string {
  return note.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/(\*\*|__|\*|`)/g, '');
}

/** "…the Afghan capital Kabul and have taken…": the quote with a few words either side. */
export function inContext(a: Annotation, side = 24): string {
  const before = oneLine(a.quote.prefix, 1000);
  const after = oneLine(a.quote.suffix, 1000);
  const head = before.length > side ? `…${before.slice(before.length - side).replace(/^\S*\s/, '')}` : before;
  const tail = after.length > side ? `${after.slice(0, side).replace(/\s\S*$/, '')}…` : after;
  const gapBefore = head && /\s$/.test(a.quote.prefix) ? ' ' : '';
  const gapAfter = tail && /^\s/.test(a.quote.suffix) ? ' ' : '';
  return `${head}${gapBefore}${oneLine(a.quote.exact, 60)}${gapAfter}${tail}`;
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
