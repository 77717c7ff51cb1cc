// "Reset Learned Corrections": forgets what the workspace's entity model learned from the user's corrections, after a
// confirmation. The lexicon (exact forms) and the annotations are not touched: they are undone on their own.
import * as vscode from 'vscode';
import type { LearnedCorrections } from '../learnedCorrections';
import { objectArg } from '../commandTargets/articleTarget';

export function resetLearnedCorrections(learned: LearnedCorrections) {
  /** `{ confirmed: true }`: a caller that already asked the user. Resolves with whether anything was reset. */
  return async (rawArgs?: unknown): Promise<boolean> => {
    const args = objectArg<{ confirmed?: boolean }>(rawArgs);
    if (!learned.hasLearned) {
      void vscode.window.showInformationMessage('Article Annotator: nothing has been learned from corrections in this workspace yet.');
      return false;
    }
    const count = learned.corrections;
    if (args.confirmed !== true) {
      const choice = await vscode.window.showWarningMessage(
        `Forget what Article Annotator learned from ${count} correction${count === 1 ? '' : 's'} in this workspace?`,
        { modal: true, detail: 'Names that only resemble the ones you corrected are then typed as before. Your lexicon (the exact names you corrected) and your annotations stay.' },
        'Reset',
      );
      if (choice !== 'Reset') return false;
    }
    await learned.reset();
    void vscode.window.showInformationMessage(`Article Annotator: forgot what was learned from ${count} correction${count === 1 ? '' : 's'}.`);
    return true;
  };
}
