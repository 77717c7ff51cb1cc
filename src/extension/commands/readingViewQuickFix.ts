// "Quick Fix..." (Ctrl+.) in the reading view. VS Code's own Quick Fix needs a writable editor, and the reading view
// is read-only, so the same key there lists the code actions of every provider (the entity corrections among them)
// at the cursor in a quick pick and runs the one picked: the same fixes as in the plain editor.
import * as vscode from 'vscode';


interface FixItem extends vscode.QuickPickItem {
  readonly action: vscode.CodeAction | vscode.Command;
}

/** Returns the title of the action run, or undefined when there was none or the pick was dismissed. */
export function readingViewQuickFix() {
  return async (): Promise<string | undefined> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage('Article Annotator: open an article to see its quick fixes.');
      return undefined;
    }
    const found = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>('vscode.executeCodeActionProvider', editor.document.uri, editor.selection, vscode.CodeActionKind.QuickFix.value);
    // an edit cannot apply to a read-only view: only actions that run a command are offered
    const runnable = (found ?? []).filter((a) => commandOf(a) !== undefined && !('disabled' in a && a.disabled));
    if (runnable.length === 0) {
      vscode.window.setStatusBarMessage('Article Annotator: no quick fixes at the cursor (put it on an entity, or select some text).', 4000);
      return undefined;
    }
    const preferred = (a: vscode.CodeAction | vscode.Command): number => ('isPreferred' in a && a.isPreferred ? 0 : 1);
    const items: FixItem[] = [...runnable].sort((a, b) => preferred(a) - preferred(b)).map((action) => ({ label: action.title, action }));
    const picked = await vscode.window.showQuickPick(items, { title: 'Quick Fix', placeHolder: 'Correct the entity at the cursor' });
    if (!picked) return undefined;
    const command = commandOf(picked.action)!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    return picked.action.title;
  };
}

function commandOf(action: vscode.CodeAction | vscode.Command): vscode.Command | undefined {
  if (typeof (action as vscode.Command).command === 'string') return action as vscode.Command;
  const codeAction = action as vscode.CodeAction;
  return codeAction.edit ? undefined : codeAction.command;
}
