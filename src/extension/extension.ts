// The one place that wires the extension: services first, then providers and commands, all disposed with the extension.
import * as vscode from 'vscode';
import { ArticleDocuments } from './articleDocuments';
import { ARTICLE_SCHEME, ArticleProvider } from './articleProvider';
import { OPEN_AS_ARTICLE_COMMAND, openAsArticle } from './commands/openAsArticle';
import { SettingsWatcher } from './settings';

export function activate(context: vscode.ExtensionContext): void {
  const settings = new SettingsWatcher();
  const articleProvider = new ArticleProvider();
  const articleDocuments = new ArticleDocuments(articleProvider, settings);

  context.subscriptions.push(settings);
  context.subscriptions.push(articleProvider);
  context.subscriptions.push(articleDocuments);
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(ARTICLE_SCHEME, articleProvider));
  context.subscriptions.push(vscode.commands.registerCommand(OPEN_AS_ARTICLE_COMMAND, openAsArticle));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
