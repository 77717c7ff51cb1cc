// Which automatic entity a correction command acts on: the mention at `{uri, start, end}` or under the cursor.
import * as vscode from 'vscode';
import type { EntityMention, EntityType } from '../../core/nlp/analysisModel';
import { ENTITY_TYPES } from '../../core/nlp/analysisModel';
import type { AnalysisService } from '../analysisService';
import type { ArticleDocument, ArticleDocuments } from '../articleDocuments';
import { objectArg, resolveArticle, toUri, type SpanArgs } from './articleTarget';

export interface EntityArgs extends SpanArgs {
  /** The surface text, when the caller knows it (a hover link, the Entities view). */
  readonly text?: string;
  /** The new type for changeEntityType. */
  readonly type?: EntityType;
}

export interface EntityTarget {
  readonly article: ArticleDocument | undefined;
  readonly key: string;
  readonly sourceText: string;
  /** The automatic mention at the span; undefined when the span is plain text the user wants to make an entity. */
  readonly mention: EntityMention | undefined;
  readonly start: number;
  readonly end: number;
  /** The surface form the lexicon entry is for. */
  readonly text: string;
}

export function entityArgs(raw: unknown): Partial<EntityArgs> {
  const args = objectArg<EntityArgs & { entity?: { text?: unknown } }>(raw);
  if (args.text === undefined && typeof args.entity?.text === 'string') return { ...args, text: args.entity.text };
  return args;
}

export function isEntityType(value: unknown): value is EntityType {
  return (ENTITY_TYPES as readonly unknown[]).includes(value);
}

/** The mentions of an open article's latest analysis (waiting for it when none is current). */
export async function mentionsOf(analysis: AnalysisService, article: ArticleDocument): Promise<readonly EntityMention[]> {
  const current = analysis.currentFor(article);
  if (current?.complete) return current.analysis.entities;
  const fresh = await analysis.analyzeDocument(article);
  return fresh?.entities ?? analysis.current(article.key)?.analysis.entities ?? [];
}

/** Resolves the entity: by span args, by text args alone, or by the active editor's cursor/selection. */
export async function resolveEntity(analysis: AnalysisService, articles: ArticleDocuments, args: Partial<EntityArgs>): Promise<EntityTarget | undefined> {
  const uri = toUri(args.uri);
  const resolved = await resolveArticle(articles, uri);
  const editor = vscode.window.activeTextEditor;
  const article = resolved?.document ?? (editor ? articles.get(editor.document) : undefined);
  if (!resolved && !article) {
    if (typeof args.text === 'string' && args.text.trim() !== '') return { article: undefined, key: '', sourceText: '', mention: undefined, start: 0, end: 0, text: args.text.trim() };
    void vscode.window.showWarningMessage('Article Annotator: put the cursor on an entity in an article first.');
    return undefined;
  }
  const key = resolved?.key ?? article!.key;
  const sourceText = resolved?.text ?? article!.sourceText;
  let span: { start: number; end: number } | undefined;
  if (typeof args.start === 'number' && typeof args.end === 'number') span = { start: args.start, end: args.end };
  else if (editor && article && editor.document === article.document) span = article.toSourceSpan(editor.selection);
  const mentions = article ? await mentionsOf(analysis, article) : [];
  let mention: EntityMention | undefined;
  if (span) {
    const { start, end } = span;
    mention =
      mentions.find((m) => m.start === start && m.end === end) ??
      mentions.find((m) => m.start <= start && end <= m.end && (start < m.end || m.start === start)) ??
      mentions.find((m) => m.start < end && start < m.end);
  } else if (typeof args.text === 'string') {
    mention = mentions.find((m) => m.text === args.text);
  }
  if (mention) return { article, key, sourceText, mention, start: mention.start, end: mention.end, text: mention.text };
  if (span && span.start < span.end) {
    const text = sourceText.slice(span.start, span.end).trim();
    if (text !== '') return { article, key, sourceText, mention: undefined, start: span.start, end: span.end, text };
  }
  if (typeof args.text === 'string' && args.text.trim() !== '') return { article, key, sourceText, mention: undefined, start: 0, end: 0, text: args.text.trim() };
  void vscode.window.showWarningMessage('Article Annotator: there is no entity at the cursor (select the text to correct).');
  return undefined;
}
