/*
 * Helpers for integration tests that look at the workbench page itself (what a person sees):
 * evaluate JavaScript in the page, wait for something to render, take screenshots.
 *
 * They talk to scripts/run-integration.mjs over a small local HTTP endpoint whose URL the launcher
 * passes in ARTICLE_ANNOTATOR_WORKBENCH_URL. Under @vscode/test-electron (scripts/test-electron.mjs)
 * there is no such endpoint: `workbenchAvailable()` is false, `screenshot()` resolves to undefined and
 * `evaluateInWorkbench()` throws, so a test that needs the page should start with
 *     if (!workbenchAvailable()) this.skip();
 */

import { testEnv } from './testEnv';

/** Tag in a test title: the test runs in phase 2, after the workbench was reloaded (see ../index.ts). */
export const AFTER_RELOAD = '@after-reload';

/** 1 before the reload, 2 after it; undefined when the launcher does not run phases. */
export function testPhase(): number | undefined {
  const phase = Number(testEnv('ARTICLE_ANNOTATOR_TEST_PHASE'));
  return phase === 1 || phase === 2 ? phase : undefined;
}

/** The folder the workbench has open (a temporary copy holding `seeds/`), as set by the launcher. */
export function testWorkspaceFolder(): string | undefined {
  return testEnv('ARTICLE_ANNOTATOR_TEST_WORKSPACE');
}

function endpoint(): string | undefined {
  return testEnv('ARTICLE_ANNOTATOR_WORKBENCH_URL');
}

/** True when running under scripts/run-integration.mjs, which can evaluate code in the page and take screenshots. */
export function workbenchAvailable(): boolean {
  return endpoint() !== undefined;
}

async function post<T>(route: string, body: unknown): Promise<T> {
  const base = endpoint();
  if (!base) throw new Error(`The workbench page is not reachable: ARTICLE_ANNOTATOR_WORKBENCH_URL is not set (not running under scripts/run-integration.mjs).`);
  const response = await fetch(`${base}${route}`, {
    method: 'POST',
    // text/plain: a simple request, so the browser host's fetch needs no CORS preflight
    headers: { 'content-type': 'text/plain' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let json: { value?: T; error?: string };
  try {
    json = JSON.parse(text) as { value?: T; error?: string };
  } catch {
    throw new Error(`${route}: unexpected answer ${response.status}: ${text.slice(0, 200)}`);
  }
  if (!response.ok || json.error !== undefined) throw new Error(`${route}: ${json.error ?? response.statusText}`);
  return json.value as T;
}

/** Tells the launcher that the window reloads now to end phase 1 (./reloadWindow.ts): it takes that reload's page. */
export async function announceReloadForPhase2(): Promise<void> {
  await post<null>('/reload-for-phase-2', {});
}

/**
 * Evaluates a JavaScript expression in the workbench page (Playwright `page.evaluate`) and returns its
 * JSON-serialisable value; a returned promise is awaited. Example:
 *     await evaluateInWorkbench<number>(`document.querySelectorAll('.monaco-editor').length`)
 */
export function evaluateInWorkbench<T>(expression: string): Promise<T> {
  return post<T>('/evaluate', { expression });
}

/**
 * Evaluates `expression` in the page every `intervalMs` until its value is truthy and returns that value;
 * rejects with the last value after `timeoutMs`. Rendering in the page lags the extension API, so check
 * rendered state with this rather than with a single evaluate.
 */
export async function waitForWorkbench<T>(expression: string, { timeoutMs = 10_000, intervalMs = 200 } = {}): Promise<T> {
  return pollPage(() => evaluateInWorkbench<T>(expression), `in the workbench for ${expression.trim().slice(0, 200)}`, timeoutMs, intervalMs);
}

/** Evaluates until the result is truthy; on timeout, says what was awaited and the last result or error. */
async function pollPage<T>(evaluate: () => Promise<T>, what: string, timeoutMs: number, intervalMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await evaluate();
      lastError = undefined;
      if (last) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const detail = lastError instanceof Error ? lastError.message : JSON.stringify(last);
      throw new Error(`Timed out after ${timeoutMs} ms waiting ${what}: last ${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * An expression for the rows of the quick input (aria-labels), the focused row first; [] while it is hidden or does not
 * yet hold the keyboard focus. A key pressed as soon as the widget is drawn can still reach what had the focus before
 * (a walkthrough button, which Enter then clicks again): wait for rows here before pressing keys for the quick input.
 */
export const QUICK_INPUT_ROWS = `(() => {
  const w = document.querySelector('.quick-input-widget');
  if (!w || w.style.display === 'none' || !w.contains(document.activeElement)) return [];
  const rows = [...w.querySelectorAll('.monaco-list-row')].map((r) => ({ label: r.getAttribute('aria-label') || '', focused: r.classList.contains('focused') }));
  return [...rows.filter((r) => r.focused), ...rows.filter((r) => !r.focused)].map((r) => r.label);
})()`;

/** Waits until the quick input holds the keyboard focus and its rows satisfy `ready`; returns the rows, the focused one first. */
export async function waitForQuickInputRows(ready: (rows: string[]) => boolean = (rows) => rows.length > 0, timeoutMs = 20_000): Promise<string[]> {
  const rows = await pollPage(
    async () => {
      const rows = await evaluateInWorkbench<string[]>(QUICK_INPUT_ROWS);
      return ready(rows) ? rows : undefined;
    },
    'for the quick input to hold the focus with its rows',
    timeoutMs,
    200,
  );
  return rows ?? [];
}

/** One rendered text-editor decoration span in the page (Monaco's `*TextEditorDecorationType*` classes). */
export interface RenderedDecoration {
  /** The decoration class names, e.g. `ced-TextEditorDecorationType12-0`. */
  classes: string[];
  /** Text content of the span (what is highlighted). */
  text: string;
  color: string;
  backgroundColor: string;
  textDecoration: string;
  fontWeight: string;
  borderBottom: string;
  /** `content` of ::before / ::after (labels drawn by `before`/`after` render options), 'none' if absent. */
  before: string;
  after: string;
}

/**
 * The decorations rendered in the visible editors (only visible lines are in the DOM). Inline decorations
 * whose text is empty (pure ::before/::after attachments) appear with text ''.
 */
export function renderedDecorations(): Promise<RenderedDecoration[]> {
  return evaluateInWorkbench<RenderedDecoration[]>(`(() => {
    const out = [];
    for (const el of document.querySelectorAll('.monaco-editor .view-lines [class*="TextEditorDecorationType"]')) {
      const style = getComputedStyle(el);
      out.push({
        classes: [...el.classList].filter((c) => c.includes('TextEditorDecorationType')),
        text: el.textContent ?? '',
        color: style.color,
        backgroundColor: style.backgroundColor,
        textDecoration: style.textDecorationLine + ' ' + style.textDecorationStyle + ' ' + style.textDecorationColor,
        fontWeight: style.fontWeight,
        borderBottom: style.borderBottomWidth + ' ' + style.borderBottomStyle + ' ' + style.borderBottomColor,
        before: getComputedStyle(el, '::before').content,
        after: getComputedStyle(el, '::after').content,
      });
    }
    return out;
  })()`);
}

/**
 * Saves a PNG of the whole workbench page under .test-results/ (name is sanitised) and returns its path;
 * undefined when not running under run-integration.mjs or when the launcher could not take it.
 */
export async function screenshot(name: string): Promise<string | undefined> {
  if (!workbenchAvailable()) return undefined;
  try {
    return await post<string>('/screenshot', { name });
  } catch (error) {
    console.warn(`screenshot '${name}' failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/**
 * The README's screenshot: saves the page to media/screenshots/<name>.png when the launcher runs with
 * ARTICLE_ANNOTATOR_UPDATE_SCREENSHOTS=1, else to .test-results/<name>.png. Call it when the workbench
 * shows what the README should show (a highlighted seed article). Returns the path, or undefined.
 */
export async function readmeScreenshot(name = 'workbench'): Promise<string | undefined> {
  if (!workbenchAvailable()) return undefined;
  try {
    return await post<string>('/screenshot', { name, readme: true });
  } catch (error) {
    console.warn(`README screenshot failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/**
 * Presses keys in the page (Playwright `keyboard.press`, e.g. 'Escape', 'Control+Shift+P'), one after
 * the other. Prefer commands and APIs; this is for what only the keyboard reaches.
 */
export async function pressKeys(...keys: string[]): Promise<void> {
  await post<null>('/keyboard', { keys });
}

/**
 * Types `text` into whatever has the focus in the page, key by key with `delayMs` between keys (Playwright
 * `keyboard.type`): real keyboard input, as a person types it. Resolves when the last key was pressed.
 */
export async function typeText(text: string, delayMs = 0): Promise<void> {
  await post<null>('/type', { text, delayMs });
}

/**
 * Evaluates an expression inside a webview's page: the frame (at any depth of the workbench) whose document has an
 * element matching `selector`. Rejects when no frame has one yet; poll with waitForWebview.
 */
export function evaluateInWebview<T>(selector: string, expression: string): Promise<T> {
  return post<T>('/webview/evaluate', { selector, expression });
}

/** Like waitForWorkbench, inside the webview frame that has `selector`. */
export async function waitForWebview<T>(selector: string, expression: string, { timeoutMs = 20_000, intervalMs = 250 } = {}): Promise<T> {
  return pollPage(() => evaluateInWebview<T>(selector, expression), `in the webview for ${expression.trim().slice(0, 200)}`, timeoutMs, intervalMs);
}

/** A real mouse click (Playwright) on the element matching `selector` in the webview frame that has it. */
export async function clickInWebview(selector: string): Promise<void> {
  await post<null>('/webview/click', { selector });
}
