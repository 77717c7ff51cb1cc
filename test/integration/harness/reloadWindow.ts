// How phase 1 ends when phase 2 follows (test/integration/index.ts, test/web/index.ts; scripts/run-integration.mjs).
import * as vscode from 'vscode';
import { announceReloadForPhase2 } from './workbench';

/**
 * Ends phase 1 the way a person reloads the window, for the launcher to run phase 2 (called by the test entry points,
 * never by a test). VS Code in the browser writes what it keeps (extensions' workspaceState, the open editors, the
 * layout) to IndexedDB a moment after each change and every 5 s; on unload it only starts a last write, which the
 * page's end can cut short. Its Reload Window command waits for that write to finish before it reloads. The launcher,
 * told first, answers the reload's request for the page with an empty one, restarts code-server and opens the
 * workbench again for phase 2. Never resolves; rejects if the page has not gone after `timeoutMs`.
 */
export async function reloadWindowForPhase2(timeoutMs = 60_000): Promise<never> {
  await announceReloadForPhase2();
  await vscode.commands.executeCommand('workbench.action.reloadWindow');
  await new Promise((resolve) => setTimeout(resolve, timeoutMs));
  throw new Error(`the window did not reload within ${timeoutMs / 1000} s of Developer: Reload Window`);
}
