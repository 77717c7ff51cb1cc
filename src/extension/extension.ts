// The one place that wires the extension: services first, then providers and commands, all disposed with the extension.
import * as vscode from 'vscode';
import { AnalysisService, analysisWorkerPath } from './analysisService';
import { ArticleDocuments, articleKeyOf } from './articleDocuments';
import { ARTICLE_SCHEME, ArticleProvider, plainReadingView } from './articleProvider';
import { OPEN_AS_ARTICLE_COMMAND, openAsArticle } from './commands/openAsArticle';
import { type ArticleDateStore, SET_ARTICLE_DATE_COMMAND, setArticleDate } from './commands/setArticleDate';
import { TOGGLE_HIGHLIGHTS_COMMAND, toggleHighlights } from './commands/toggleHighlights';
import { EntityDecorator } from './entityDecorator';
import { EntityHoverProvider } from './entityHoverProvider';
import { SettingsWatcher } from './settings';

/** Hidden from the palette: what the entity decorator has drawn in an editor (integration tests read it). */
export const INTERNAL_DECORATIONS_COMMAND = 'articleAnnotator.internal.decorations';
/** Hidden from the palette: timing of the last analysis of an article. */
export const INTERNAL_ANALYSIS_STATS_COMMAND = 'articleAnnotator.internal.analysisStats';

const ARTICLE_DATES_KEY = 'articleAnnotator.articleDates';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Article Annotator', { log: true });
  const settings = new SettingsWatcher();
  const articleDates = mementoArticleDates(context.workspaceState);
  const articleProvider = new ArticleProvider(plainReadingView, (uri) => articleDates.articleDateOverride(articleKeyOf(uri)));
  const articleDocuments = new ArticleDocuments(articleProvider, settings);
  const analysis = new AnalysisService(analysisWorkerPath(context.extensionUri), log, (key) => ({ articleDate: articleDates.articleDateOverride(key) }));
  const entityDecorator = new EntityDecorator(articleDocuments, analysis, settings, context.workspaceState);
  const entityHovers = new EntityHoverProvider(articleDocuments, analysis, articleDates, settings);
  const articleSelector: vscode.DocumentSelector = [{ scheme: ARTICLE_SCHEME }, { scheme: 'file' }, { scheme: 'vscode-remote' }];
  // A new article date re-renders the header and re-resolves every date of that article.
  const onArticleDateChanged = (key: string): void => {
    for (const article of articleDocuments.all()) if (article.key === key) articleProvider.refreshSource(article.sourceUri);
    analysis.invalidate(key);
  };

  context.subscriptions.push(log);
  context.subscriptions.push(settings);
  context.subscriptions.push(articleProvider);
  context.subscriptions.push(articleDocuments);
  context.subscriptions.push(analysis);
  context.subscriptions.push(entityDecorator);
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(ARTICLE_SCHEME, articleProvider));
  context.subscriptions.push(vscode.languages.registerHoverProvider(articleSelector, entityHovers));
  context.subscriptions.push(vscode.commands.registerCommand(OPEN_AS_ARTICLE_COMMAND, openAsArticle));
  context.subscriptions.push(vscode.commands.registerCommand(TOGGLE_HIGHLIGHTS_COMMAND, (arg?: unknown) => toggleHighlights(entityDecorator, settings, arg)));
  context.subscriptions.push(vscode.commands.registerCommand(SET_ARTICLE_DATE_COMMAND, (target?: unknown, date?: unknown) => setArticleDate(articleDates, onArticleDateChanged, target, date)));
  context.subscriptions.push(vscode.commands.registerCommand(INTERNAL_DECORATIONS_COMMAND, (uri?: unknown) => entityDecorator.decorationsFor(commandUri(uri))));
  context.subscriptions.push(vscode.commands.registerCommand(INTERNAL_ANALYSIS_STATS_COMMAND, (key?: unknown) => (typeof key === 'string' ? analysis.lastRun(key) : undefined)));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

function commandUri(uri: unknown): vscode.Uri {
  if (uri instanceof vscode.Uri) return uri;
  if (typeof uri === 'string') return vscode.Uri.parse(uri, true);
  return vscode.window.activeTextEditor?.document.uri ?? vscode.Uri.parse('untitled:none');
}

/** Interim article-date storage in workspace state until the core AnnotationStore lands. */
function mementoArticleDates(state: vscode.Memento): ArticleDateStore {
  const read = (): Record<string, string> => {
    const value = state.get<unknown>(ARTICLE_DATES_KEY);
    return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {};
  };
  return {
    articleDateOverride: (key) => {
      const value = read()[key];
      return typeof value === 'string' ? value : undefined;
    },
    setArticleDateOverride: async (key, date) => {
      const dates = { ...read() };
      if (date === null) delete dates[key];
      else dates[key] = date;
      await state.update(ARTICLE_DATES_KEY, dates);
    },
  };
}
