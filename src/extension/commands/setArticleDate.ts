// "Set Article Date": the date an article's relative dates are resolved against, for articles without (or with a wrong) dateline.
import * as vscode from 'vscode';
import { isCalendarDate } from '../../core/article/articleDate';
import { ARTICLE_SCHEME, articleKeyOf, sourceUriOf } from '../articleKeys';
import type { ArticleDating } from '../articleDating';


/**
 * Arguments (all optional, for tests and keybindings): the article (source or `article:` URI, or its string), then the date
 * ("YYYY-MM-DD", or "" / null to clear). Without a date an input box asks for one. Returns the stored date, null when cleared,
 * undefined when nothing changed.
 */
export async function setArticleDate(
  dating: Pick<ArticleDating, 'userDate' | 'setUserDate'>,
  target?: unknown,
  date?: unknown,
  /** What to pre-fill when the user has set no date: "YYYY-03-03" for a wire dateline whose year is unknown. */
  suggest?: (key: string) => string | undefined,
): Promise<string | null | undefined> {
  const uri = target instanceof vscode.Uri ? target : typeof target === 'string' && target !== '' ? vscode.Uri.parse(target, true) : vscode.window.activeTextEditor?.document.uri;
  const sourceUri = uri?.scheme === ARTICLE_SCHEME ? sourceUriOf(uri) : uri;
  if (!sourceUri) {
    void vscode.window.showInformationMessage('Article Annotator: open an article first to set its date.');
    return undefined;
  }
  const key = articleKeyOf(sourceUri);
  let value: string | undefined;
  const suggested = suggest?.(key);
  if (date === null || typeof date === 'string') value = date ?? '';
  else {
    value = await vscode.window.showInputBox({
      title: `Article date of ${key}`,
      prompt: 'The date relative dates ("on Thursday", "last month") are resolved against. Leave empty to use the date found in the text.',
      placeHolder: 'YYYY-MM-DD',
      value: dating.userDate(key) ?? suggested ?? '',
      // a suggestion without its year selects the year, so typing it completes the date
      ...(dating.userDate(key) === undefined && suggested?.startsWith('YYYY') ? { valueSelection: [0, 4] as [number, number] } : {}),
      validateInput: (input) => (input.trim() === '' || isCalendarDate(input.trim()) ? undefined : 'Enter a calendar date as YYYY-MM-DD, or leave empty to clear.'),
    });
    if (value === undefined) return undefined;
  }
  value = value.trim();
  if (value !== '' && !isCalendarDate(value)) {
    void vscode.window.showErrorMessage(`Article Annotator: "${value}" is not a date in the form YYYY-MM-DD.`);
    return undefined;
  }
  // The store's change event re-renders and re-resolves the article.
  await dating.setUserDate(key, value === '' ? null : value);
  return value === '' ? null : value;
}
