// Two invented articles with quotations of one person (the full name in both) and an unnamed source, shared by the
// quotation and timeline tests.
import { rmSync } from 'node:fs';
import { annotatorApi, waitFor, workspaceUri, writeArticle } from './annotationTestKit';

export const QUOTES_EARLY_KEY = 'seeds/quotes-dam-early.txt';
export const QUOTES_EARLY =
  'date 2022-06-02 Dam inspection ordered\n\nEngineer Halvard Tresling inspected the Osterby dam on Tuesday. "The spillway needs new gates," Tresling said. "Nobody should fish below it," a source said.\n';
export const QUOTES_LATE_KEY = 'seeds/quotes-dam-late.txt';
export const QUOTES_LATE =
  'date 2022-09-15 Dam gates replaced\n\nThe new gates were fitted on Monday. "We finished a week early," Halvard Tresling told reporters in Osterby.\n';

/** Both invented articles written and in the workspace index with their current text. */
export async function quoteArticlesIndexed(): Promise<void> {
  const api = await annotatorApi();
  writeArticle('quotes-dam-early.txt', QUOTES_EARLY);
  writeArticle('quotes-dam-late.txt', QUOTES_LATE);
  const index = api.workspaceIndex;
  await waitFor('both quote articles indexed', () => index.textOf(QUOTES_EARLY_KEY) === QUOTES_EARLY && index.textOf(QUOTES_LATE_KEY) === QUOTES_LATE, 90_000);
}

/** Takes both articles out of the workspace again, so other suites see the workspace they expect. */
export function removeQuoteArticles(): void {
  for (const key of [QUOTES_EARLY_KEY, QUOTES_LATE_KEY]) rmSync(workspaceUri(key).fsPath, { force: true });
}
