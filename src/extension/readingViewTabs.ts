// Reading-view tabs come back after a window reload. VS Code restores editors of files but not of content-provider
// documents (it has no serializer for them), so the open reading views are remembered per workspace and reopened
// on activation where the workbench did not bring them back itself.
import * as vscode from 'vscode';
import { ARTICLE_SCHEME, sourceUriOf } from './articleKeys';

const OPEN_READING_VIEWS_KEY = 'articleAnnotator.openReadingViews';

interface RememberedTab {
  readonly uri: string;
  readonly viewColumn: number;
  readonly active: boolean;
}

export class ReadingViewTabs implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private restoring = true;

  constructor(private readonly state: vscode.Memento) {
    this.disposables.push(vscode.window.tabGroups.onDidChangeTabs(() => this.remember()), vscode.window.tabGroups.onDidChangeTabGroups(() => this.remember()));
  }

  /** Reopens the reading views that were open when the window last closed, in their groups, the active one focused last. */
  async restore(): Promise<void> {
    try {
      const remembered = this.state.get<RememberedTab[]>(OPEN_READING_VIEWS_KEY, []);
      const open = new Set(this.openTabs().map((t) => t.uri));
      const missing = remembered.filter((t) => !open.has(t.uri) && sourceUriOf(vscode.Uri.parse(t.uri, true)) !== undefined);
      for (const tab of [...missing.filter((t) => !t.active), ...missing.filter((t) => t.active)]) {
        try {
          const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(tab.uri, true));
          const shown = document.languageId === 'article' ? document : await vscode.languages.setTextDocumentLanguage(document, 'article');
          await vscode.window.showTextDocument(shown, { viewColumn: tab.viewColumn, preview: false, preserveFocus: !tab.active });
        } catch {
          // a view that cannot be reopened is simply not restored; the next change of tabs forgets it
        }
      }
    } finally {
      this.restoring = false;
      this.remember();
    }
  }

  private openTabs(): RememberedTab[] {
    return vscode.window.tabGroups.all.flatMap((group) =>
      group.tabs.flatMap((tab) => (tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === ARTICLE_SCHEME ? [{ uri: tab.input.uri.toString(), viewColumn: group.viewColumn, active: tab.isActive && group.isActive }] : [])),
    );
  }

  private remember(): void {
    if (this.restoring) return;
    void this.state.update(OPEN_READING_VIEWS_KEY, this.openTabs());
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
