// The timeline chart in the real workbench: a webview that draws the corpus timeline (the Timeline view's events) as
// focusable, labelled markers, follows a theme change, moves between events with the arrow keys, and reveals an
// event's sentence in its article on click or Enter. Invented articles only (quoteTestKit).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { annotatorApi, closeAllEditors, waitFor } from './annotationTestKit';
import { clickInWebview, evaluateInWebview, pressKeys, readmeScreenshot, screenshot, waitForWebview, workbenchAvailable } from './harness/workbench';
import { QUOTES_EARLY_KEY, QUOTES_LATE_KEY, quoteArticlesIndexed, removeQuoteArticles } from './quoteTestKit';

const CHART = '#canvas';
const MONDAY = 'The new gates were fitted on Monday.';

/** The aria-labels of the drawn events, once one of them contains `text`. */
function labelsOnceDrawn(text: string): Promise<string[]> {
  return waitForWebview<string[]>(
    CHART,
    `(() => { const l = [...document.querySelectorAll('button.event')].map((b) => b.getAttribute('aria-label') || ''); return l.some((x) => x.includes(${JSON.stringify(text)})) ? l : undefined; })()`,
    { timeoutMs: 60_000 },
  );
}

function activeSelection(): { uri: string; text: string } | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor ? { uri: editor.document.uri.toString(), text: editor.document.getText(editor.selection) } : undefined;
}

describe('timeline chart', function () {
  this.timeout(180_000);

  before(async function () {
    if (!workbenchAvailable()) this.skip();
    await quoteArticlesIndexed();
    (await annotatorApi()).timelineTree.setFilter({});
  });

  after(async () => {
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    const api = await annotatorApi();
    api.timelineChart.webviewPanel?.dispose();
    api.timelineTree.setFilter({});
    await closeAllEditors();
    removeQuoteArticles();
  });

  it('draws every event of the timeline as a focusable marker labelled with its date, sentence and article', async () => {
    const api = await annotatorApi();
    const shown = await vscode.commands.executeCommand<{ events: number }>('articleAnnotator.showTimelineChart');
    assert.ok(api.timelineChart.webviewPanel, 'the panel is open');
    assert.equal(shown.events, api.timelineTree.events().length);
    const labels = await labelsOnceDrawn(MONDAY);
    // grouped by article, each event of the Timeline view's timeline is drawn once
    assert.equal(labels.length, api.timelineTree.timeline().length, 'one marker per event of the timeline');
    const monday = labels.find((l) => l.includes(MONDAY));
    assert.match(monday ?? '', /^Monday, 12 September 2022 \(2022-09-12\): The new gates were fitted on Monday\. \(quotes-dam-late\.txt, “Monday”\)$/u);
    const tuesday = labels.find((l) => l.includes('Tresling inspected'));
    assert.match(tuesday ?? '', /^Tuesday, 31 May 2022/u, 'the date the Timeline view and analyze give');

    const drawn = await evaluateInWebview<{ buttons: number; tabStops: number; lanes: string[]; csp: string }>(
      CHART,
      `(() => ({
        buttons: document.querySelectorAll('button.event').length,
        tabStops: document.querySelectorAll('button.event[tabindex="0"]').length,
        lanes: [...document.querySelectorAll('.lane')].map((l) => l.getAttribute('aria-label')),
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
      }))()`,
    );
    assert.equal(drawn.tabStops, 1, 'one tab stop; arrow keys move between events');
    const late = api.timelineTree.timeline().filter((e) => e.article === QUOTES_LATE_KEY).length;
    assert.ok(drawn.lanes.includes(`quotes-dam-late.txt: ${late} events`), drawn.lanes.join(' | '));
    assert.match(drawn.csp, /default-src 'none'/u);
    assert.match(drawn.csp, /script-src 'nonce-[0-9a-f]+'/u);
    assert.doesNotMatch(drawn.csp, /unsafe-inline|unsafe-eval/u);
    // our page (VS Code adds its own bridge script to the frame): only a script file by nonce, no inline style or handler
    const html = api.timelineChart.webviewPanel?.webview.html ?? '';
    assert.deepEqual(html.match(/<script[^>]*>/gu), [html.match(/<script nonce="[0-9a-f]+" src="[^"]+timelineChart\.js">/u)?.[0]]);
    assert.doesNotMatch(html, /\sstyle=|\son[a-z]+=|<style/u);
    assert.ok(drawn.buttons > 0);

    // the README's picture: a year a step, scrolled to the most recent events
    await clickInWebview('button[data-zoom="years"]');
    await waitForWebview(CHART, `document.querySelector('button[data-zoom="years"]').getAttribute('aria-pressed') === 'true'`);
    await evaluateInWebview(CHART, `(() => { const s = document.getElementById('scroller'); s.scrollLeft = s.scrollWidth; })()`);
    await readmeScreenshot('timeline-chart');
    await screenshot('timeline-chart');
  });

  it('follows a theme change: the chart’s colours are the theme’s', async () => {
    const colours = `(() => { const b = document.querySelector('button.event'); return b ? { body: getComputedStyle(document.body).backgroundColor, text: getComputedStyle(document.body).color, marker: getComputedStyle(b).borderTopColor, theme: document.body.className } : undefined; })()`;
    const before = await waitForWebview<{ body: string; text: string; marker: string; theme: string }>(CHART, colours);
    const target = /vscode-light/u.test(before.theme) ? 'Default Dark Modern' : 'Default Light Modern';
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', target, vscode.ConfigurationTarget.Global);
    const after = await waitForWebview<{ body: string; text: string; marker: string; theme: string }>(CHART, `(() => { const c = ${colours}; return c && c.body !== ${JSON.stringify(before.body)} ? c : undefined; })()`);
    assert.notEqual(after.body, before.body, 'background');
    assert.notEqual(after.text, before.text, 'text colour');
    assert.notEqual(after.theme, before.theme, 'the body class names the theme kind');
    await screenshot(`timeline-chart-${target.toLowerCase().replace(/ /gu, '-')}`);
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    await waitForWebview(CHART, `(() => { const c = ${colours}; return c && c.body === ${JSON.stringify(before.body)}; })()`);
  });

  it('a click on an event reveals its sentence in the article', async () => {
    await closeAllEditors();
    await vscode.commands.executeCommand('articleAnnotator.showTimelineChart');
    await labelsOnceDrawn(MONDAY);
    await clickInWebview(`button.event[aria-label^="Monday, 12 September 2022"]`);
    const shown = await waitFor('the sentence selected in its article', () => {
      const s = activeSelection();
      return s && s.uri.includes('quotes-dam-late') && s.text === MONDAY ? s : undefined;
    });
    assert.equal(shown.text, MONDAY);
    assert.ok((await annotatorApi()).timelineChart.webviewPanel, 'the chart stays open beside the article');
  });

  it('moves between events with the arrow keys and reveals one with Enter', async () => {
    const api = await annotatorApi();
    api.timelineTree.setFilter({ article: QUOTES_EARLY_KEY });
    api.timelineChart.show();
    // only the early article's events: Tuesday (and the article's own date line)
    const labels = await waitForWebview<string[]>(CHART, `(() => { const l = [...document.querySelectorAll('button.event')].map((b) => b.getAttribute('aria-label') || ''); return l.length > 0 && l.every((x) => x.includes('quotes-dam-early.txt')) ? l : undefined; })()`);
    assert.equal(labels.length, api.timelineTree.events().length);
    await evaluateInWebview(CHART, `document.querySelector('button.event[tabindex="0"]').focus()`);
    const first = await evaluateInWebview<string>(CHART, `document.activeElement.getAttribute('aria-label')`);
    await pressKeys('End');
    const last = await waitForWebview<string>(CHART, `document.activeElement.classList.contains('event') && document.activeElement.getAttribute('aria-label')`);
    assert.equal(last, labels.at(-1), 'End: the lane’s last event');
    await pressKeys('Home');
    await waitForWebview(CHART, `document.activeElement.getAttribute('aria-label') === ${JSON.stringify(first)}`);
    const tuesday = labels.findIndex((l) => l.startsWith('Tuesday, 31 May 2022'));
    assert.ok(tuesday >= 0, labels.join(' | '));
    for (let i = 0; i < tuesday; i++) await pressKeys('ArrowRight');
    await waitForWebview(CHART, `(document.activeElement.getAttribute('aria-label') || '').startsWith('Tuesday, 31 May 2022')`);
    await closeAllEditors().catch(() => undefined);
    api.timelineChart.show();
    await waitForWebview(CHART, `document.querySelectorAll('button.event').length > 0`);
    await evaluateInWebview(CHART, `[...document.querySelectorAll('button.event')].find((b) => (b.getAttribute('aria-label') || '').startsWith('Tuesday, 31 May 2022')).focus()`);
    await pressKeys('Enter');
    const shown = await waitFor('Enter reveals the sentence', () => {
      const s = activeSelection();
      return s && s.uri.includes('quotes-dam-early') && s.text.startsWith('Engineer Halvard Tresling inspected the Osterby dam on Tuesday.') ? s : undefined;
    });
    assert.ok(shown);
  });

  it('narrows to one entity ("the timeline of …") from the command, zooms, regroups by entity and filters by text', async () => {
    const api = await annotatorApi();
    api.timelineTree.setFilter({});
    const entity = api.workspaceIndex.corpus.corpusEntityOf(undefined, { canonical: 'Halvard Tresling', type: 'person' });
    assert.ok(entity);
    const shown = await vscode.commands.executeCommand<{ events: number; filter: { entity?: { name: string } } }>('articleAnnotator.showTimelineChart', entity.id);
    assert.equal(shown.filter.entity?.name, 'Halvard Tresling');
    assert.equal(api.timelineTree.describe(), 'timeline of Halvard Tresling', 'the Timeline view follows the same filter');
    const labels = await waitForWebview<string[]>(CHART, `(() => { const chip = document.getElementById('entity-filter'); const l = [...document.querySelectorAll('button.event')].map((b) => b.getAttribute('aria-label') || ''); return chip && !chip.hidden && chip.textContent.includes('Halvard Tresling') && !l.some((x) => x.includes(${JSON.stringify(MONDAY)})) ? l : undefined; })()`);
    assert.ok(labels.some((l) => l.startsWith('Tuesday, 31 May 2022')));
    assert.equal(labels.length, shown.events);

    // zoom: the buttons step from decades to days; the same event gets wider
    const width = `document.querySelector('button.event').getBoundingClientRect().width`;
    await clickInWebview('button[data-zoom="decades"]');
    const narrow = await waitForWebview<number>(CHART, `document.querySelector('button[data-zoom="decades"]').getAttribute('aria-pressed') === 'true' && ${width}`);
    await clickInWebview('#zoom-in');
    await clickInWebview('#zoom-in');
    await clickInWebview('#zoom-in');
    const wide = await waitForWebview<number>(CHART, `document.querySelector('button[data-zoom="days"]').getAttribute('aria-pressed') === 'true' && ${width}`);
    assert.ok(wide > narrow, `days (${wide} px) wider than decades (${narrow} px)`);
    assert.equal(await evaluateInWebview<boolean>(CHART, `document.getElementById('zoom-in').disabled`), true, 'no finer zoom than days');

    // by entity: his lane, and the lanes of the others his sentences name
    await clickInWebview('button[data-grouping="entity"]');
    const lanes = await waitForWebview<string[]>(CHART, `(() => { const l = [...document.querySelectorAll('.lane-label')].map((e) => e.textContent); return l.includes('Halvard Tresling') ? l : undefined; })()`);
    assert.equal(lanes[0], 'Halvard Tresling', 'the entity with the most events first');

    // back to lanes by article before the filter is cleared: by entity, the whole workspace's entities (thousands when
    // other tests' articles are there) exceed the lane cap and this test's event need not be drawn
    await clickInWebview('button[data-grouping="article"]');
    await waitForWebview<boolean>(CHART, `document.querySelector('button[data-grouping="article"]').getAttribute('aria-pressed') === 'true'`);
    // the chip's × clears the entity filter for the view too
    await clickInWebview('#clear-entity');
    await waitFor('the entity filter cleared', () => api.timelineTree.filter.entity === undefined);
    await labelsOnceDrawn(MONDAY);
    // the filter box: events whose entities, article or sentence say it
    await evaluateInWebview(CHART, `(() => { const f = document.getElementById('filter'); f.value = 'gates were fitted'; f.dispatchEvent(new Event('input')); })()`);
    const filtered = await waitForWebview<string[]>(CHART, `(() => { const l = [...document.querySelectorAll('button.event')].map((b) => b.getAttribute('aria-label') || ''); return l.length === 1 ? l : undefined; })()`);
    assert.ok(filtered[0]?.includes(MONDAY));
    await evaluateInWebview(CHART, `(() => { const f = document.getElementById('filter'); f.value = ''; f.dispatchEvent(new Event('input')); })()`);
  });
});
