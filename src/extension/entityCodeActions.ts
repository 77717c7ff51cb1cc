// Quick fixes on automatic entities (Ctrl+.): adjust its span to the selection, accept as an annotation, reject, or
// change its type; each correction goes to the user lexicon and applies to every article.
import * as vscode from 'vscode';
import { commandLink } from '../core/markdown/commandLinks';
import { withIndefiniteArticle } from '../core/text/indefiniteArticle';
import { ENTITY_TYPES, type EntityMention } from '../core/nlp/analysisModel';
import { adjustEntitySpan } from '../core/nlp/spanAdjustment';
import type { AnalysisService } from './analysisService';
import type { ArticleDocuments } from './articleDocuments';
import { ACCEPT_ENTITY_COMMAND, ADJUST_ENTITY_SPAN_COMMAND, CHANGE_ENTITY_TYPE_COMMAND, REJECT_ENTITY_COMMAND } from './commandIds';

export const ENTITY_CORRECTION_KIND = vscode.CodeActionKind.QuickFix.append('articleAnnotator.entity');

export class EntityCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [ENTITY_CORRECTION_KIND] };

  constructor(
    private readonly analysis: AnalysisService,
    private readonly articles: ArticleDocuments,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const article = this.articles.get(document);
    if (!article) return [];
    const span = article.toSourceSpan(range);
    if (!span) return [];
    const entities = (this.analysis.currentFor(article) ?? this.analysis.current(article.key))?.analysis.entities ?? [];
    const hits = entities.filter((m) => m.start <= span.end && span.start <= m.end && (span.start < m.end || span.start === m.start)).slice(0, 3);
    const actions: vscode.CodeAction[] = [];
    // a selection that differs from an entity's span most likely means its boundaries are wrong: offered first, preferred
    const adjusted = new Set<string>();
    if (span.start < span.end) {
      for (const mention of hits) {
        const adjustment = adjustEntitySpan(article.sourceText, mention, span);
        if ('reason' in adjustment || adjusted.has(adjustment.text)) continue;
        adjusted.add(adjustment.text);
        const fix = action(`Adjust “${mention.text}” to “${adjustment.text}” (${mention.type}, in every article)`, ADJUST_ENTITY_SPAN_COMMAND, { uri: article.sourceUri.toString(), start: adjustment.start, end: adjustment.end, entityStart: mention.start, entityEnd: mention.end });
        fix.isPreferred = adjusted.size === 1;
        actions.push(fix);
      }
    }
    for (const mention of hits) for (const fix of correctionsFor(article.sourceUri, mention)) actions.push(adjusted.size > 0 ? withoutPreference(fix) : fix);
    if (hits.length === 0 && span.start < span.end) {
      const text = article.sourceText.slice(span.start, span.end).trim();
      if (text !== '' && text.length <= 120) {
        for (const type of ENTITY_TYPES) {
          actions.push(action(`Mark “${text}” as ${withIndefiniteArticle(type)} in every article`, CHANGE_ENTITY_TYPE_COMMAND, { uri: article.sourceUri.toString(), start: span.start, end: span.end, type }));
        }
      }
    }
    return actions;
  }
}

/** The three corrections for one mention; `{uri, start, end}` are the source file and source offsets. */
export function correctionsFor(sourceUri: vscode.Uri, mention: EntityMention): vscode.CodeAction[] {
  const args = { uri: sourceUri.toString(), start: mention.start, end: mention.end, text: mention.text };
  const accept = action(`Accept “${mention.text}” as ${mention.type} (add an annotation)`, ACCEPT_ENTITY_COMMAND, args);
  accept.isPreferred = true;
  return [
    accept,
    action(`Reject “${mention.text}”: not an entity, in every article`, REJECT_ENTITY_COMMAND, args),
    ...ENTITY_TYPES.filter((t) => t !== mention.type).map((type) => action(`Change “${mention.text}” to ${type} in every article`, CHANGE_ENTITY_TYPE_COMMAND, { ...args, type })),
  ];
}

/**
 * Markdown command links for an entity hover: Accept · Reject · Change Type to each other type (one click each, no
 * picker), for a hover that allows ENTITY_CORRECTION_COMMANDS. The arguments are JSON, fully URI-encoded (parentheses
 * too), so article text in them cannot break out of the link.
 */
export function entityCorrectionLinks(sourceUri: vscode.Uri, mention: EntityMention): string {
  const base = { uri: sourceUri.toString(), start: mention.start, end: mention.end, text: mention.text };
  const link = (label: string, command: string, args: object, title: string): string => commandLink(label, command, [args], title);
  const retype = ENTITY_TYPES.filter((t) => t !== mention.type).map((type) => link(type, CHANGE_ENTITY_TYPE_COMMAND, { ...base, type }, `${capitalised(withIndefiniteArticle(type))}, in every article`));
  return [
    link('Accept', ACCEPT_ENTITY_COMMAND, base, 'Keep it as an annotation'),
    link('Reject', REJECT_ENTITY_COMMAND, base, 'Not an entity, in every article'),
    `Change Type to ${retype.join(' or ')}`,
  ].join(' · ');
}

/** The commands entityCorrectionLinks may use: put them in the hover's `isTrusted.enabledCommands`. */
export const ENTITY_CORRECTION_COMMANDS: readonly string[] = [ACCEPT_ENTITY_COMMAND, REJECT_ENTITY_COMMAND, CHANGE_ENTITY_TYPE_COMMAND];

function action(title: string, command: string, args: object): vscode.CodeAction {
  const codeAction = new vscode.CodeAction(title, ENTITY_CORRECTION_KIND);
  codeAction.command = { command, title, arguments: [args] };
  return codeAction;
}

function withoutPreference(fix: vscode.CodeAction): vscode.CodeAction {
  fix.isPreferred = false;
  return fix;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
