// Explains the entity or date under the cursor; article text is untrusted, so it is escaped and only listed commands may run.
import * as vscode from 'vscode';
import { commandUri } from '../core/markdown/commandLinks';
import { escapeMarkdownLine } from '../core/markdown/escapeMarkdown';
import { parsedArticle } from '../core/article/parseArticle';
import { YEAR_SOURCE_NOTE } from '../core/article/readingView';
import { sentenceTextAround } from '../core/article/sentenceContext';
import type { Analysis, DateMention, EntityMention } from '../core/nlp/analysisModel';
import { describeDateValue } from '../core/timeline/describeDate';
import type { AnalysisService } from './analysisService';
import type { ArticleDocument, ArticleDocuments } from './articleDocuments';
import type { ArticleDating } from './articleDating';
import { ENTITY_CORRECTION_COMMANDS, entityCorrectionLinks } from './entityCodeActions';
import { hoverTarget, safeMarkdown } from './hoverTarget';
import type { SettingsWatcher } from './settings';
import type { WorkspaceIndex } from './workspaceIndex';
import { SET_ARTICLE_DATE_COMMAND, SHOW_QUOTES_OF_COMMAND } from './commandIds';

const KIND_NAMES = { person: 'Person', place: 'Place', organization: 'Organization' } as const;

export class EntityHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly articles: ArticleDocuments,
    private readonly analysis: AnalysisService,
    private readonly dating: Pick<ArticleDating, 'userDate'>,
    private readonly settings: SettingsWatcher,
    /** The whole collection: the hover counts mentions in every article of the workspace, opened or not. */
    private readonly index: Pick<WorkspaceIndex, 'corpus'>,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const target = await hoverTarget(this.articles, this.analysis, document, position, token);
    if (!target) return undefined;
    const { article, analysis, offset } = target;
    const contains = (s: { start: number; end: number }): boolean => s.start <= offset && offset < s.end;
    const date = analysis.dates.find(contains);
    const entity = analysis.entities.find(contains);
    const parts: vscode.MarkdownString[] = [];
    let span: { start: number; end: number } | undefined;
    if (entity) {
      parts.push(this.entityHover(article, analysis, entity));
      span = entity;
    }
    if (date) {
      parts.push(this.dateHover(article, analysis, date));
      span ??= date;
    }
    if (!span) return undefined;
    return new vscode.Hover(parts, article.toEditorRange(span.start, span.end));
  }

  private entityHover(article: ArticleDocument, analysis: Analysis, entity: EntityMention): vscode.MarkdownString {
    const md = safeMarkdown([...ENTITY_CORRECTION_COMMANDS, SHOW_QUOTES_OF_COMMAND]);
    const mentions = analysis.entities.filter((e) => e.canonical === entity.canonical && e.type === entity.type);
    md.appendMarkdown(`**${KIND_NAMES[entity.type]}** · ${escapeMarkdownLine(entity.canonical)}\n\n`);
    // Own entries only: an entity named "constructor" must not find Object.prototype's member.
    const aliases = (Object.hasOwn(analysis.aliases, entity.canonical) ? (analysis.aliases[entity.canonical] ?? []) : []).filter((a) => a !== entity.canonical);
    if (aliases.length > 0) md.appendMarkdown(`Also written: ${aliases.map((a) => `“${escapeMarkdownLine(a)}”`).join(', ')}\n\n`);
    let counts = `Mentioned **${mentions.length}** ${mentions.length === 1 ? 'time' : 'times'} in this article`;
    // the corpus entity this mention belongs to across articles ("Ghani" here may be "Ashraf Ghani" elsewhere)
    const corpusEntity = this.index.corpus.corpusEntityOf(article.key, entity) ?? this.index.corpus.corpusEntityOf(undefined, entity);
    if (this.settings.settings.hoverWorkspaceCounts && corpusEntity) {
      let elsewhere = 0;
      let articles = 0;
      for (const a of corpusEntity.byArticle) {
        if (a.article === article.key) continue;
        elsewhere += a.mentions.length;
        articles++;
      }
      if (articles > 0) counts += ` and **${elsewhere}** in ${articles} other ${articles === 1 ? 'article' : 'articles'} of the workspace`;
    }
    md.appendMarkdown(`${counts}.\n\n`);
    if (corpusEntity && corpusEntity.canonical !== entity.canonical) md.appendMarkdown(`Across the workspace: ${escapeMarkdownLine(corpusEntity.canonical)}\n\n`);
    const conflicts = corpusEntity?.conflicts ?? [];
    if (conflicts.length > 0) md.appendMarkdown(`${conflicts.map((c) => `Also typed as ${c.type} in ${c.articles.length} ${c.articles.length === 1 ? 'article' : 'articles'}`).join('; ')}.\n\n`);
    const first = mentions.reduce((a, b) => (b.start < a.start ? b : a), mentions[0] ?? entity);
    md.appendMarkdown(`First mention: ${escapeMarkdownLine(sentenceTextAround(parsedArticle(article.sourceText), first.start, first.end))}\n\n`);
    // The links carry source offsets and the file; the commands re-find the mention there, so a stale hover does no harm.
    md.appendMarkdown(entityCorrectionLinks(article.sourceUri, entity));
    // who said what: the Quotations view narrowed to this speaker (an entity that never speaks gets a message)
    if (corpusEntity && entity.type !== 'place') md.appendMarkdown(`\n\n[Show Quotes of This Person](${commandUri(SHOW_QUOTES_OF_COMMAND, [corpusEntity.id])} "Every quotation of this speaker in the workspace, in the Quotations view")`);
    return md;
  }

  private dateHover(article: ArticleDocument, analysis: Analysis, date: DateMention): vscode.MarkdownString {
    const md = safeMarkdown([SET_ARTICLE_DATE_COMMAND]);
    const setLink = `[Set Article Date](${commandUri(SET_ARTICLE_DATE_COMMAND, [article.sourceUri.toString()])} "Store a date for this article and resolve its dates against it")`;
    md.appendMarkdown(`**Date** · “${escapeMarkdownLine(date.text)}”\n\n`);
    if (date.value !== null) md.appendMarkdown(`**${escapeMarkdownLine(describeDateValue(date.value))}**\n\n`);
    const override = this.dating.userDate(article.key);
    if (date.resolvedAgainst === 'article-date' && date.reference) {
      const yearNote = !override && analysis.articleDateSource ? YEAR_SOURCE_NOTE[analysis.articleDateSource === 'given' ? 'stated' : analysis.articleDateSource] : '';
      const origin = override ? 'the date you set for this article' : yearNote ? `the article date (${yearNote})` : 'the article date';
      md.appendMarkdown(`Resolved relative to ${origin}, ${escapeMarkdownLine(describeDateValue(date.reference))}.`);
      if (override) md.appendMarkdown(` ${setLink.replace('Set Article Date', 'Change it')}`);
    } else if (date.resolvedAgainst === 'self') {
      md.appendMarkdown('The text states this date in full.');
    } else if (analysis.articleDate === null) {
      md.appendMarkdown(`This article has no dateline, so this date cannot be placed on the calendar. ${setLink}`);
    } else {
      md.appendMarkdown(`Could not be resolved against the article date ${escapeMarkdownLine(describeDateValue(analysis.articleDate))}.`);
    }
    return md;
  }
}
