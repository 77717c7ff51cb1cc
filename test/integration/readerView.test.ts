// The reading view reads like a reader app (typography, measure, no code-editor highlights, numbers kept whole), its
// header is alive (actions and links), hovers quote real sentences, and its tabs come back after a window reload.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { annotatorApi, writeArticle } from './annotationTestKit';
import { closeAllEditors, completeDecorations, openReadingView, SEED_000, SEED_003, waitFor, workspaceUri } from './articleEditors';
import { screenshot, testPhase, waitForWorkbench, workbenchAvailable } from './harness/workbench';

/** The reading view editor in the page (the only editor open) and how it renders its text. */
const READING_VIEW_TYPOGRAPHY = `(() => {
  const editor = [...document.querySelectorAll('.editor-instance .monaco-editor')].find((e) => e.querySelector('.view-lines .view-line'));
  if (!editor) return undefined;
  const viewLines = editor.querySelector('.view-lines');
  const style = getComputedStyle(viewLines);
  const canvas = document.createElement('canvas').getContext('2d');
  canvas.font = style.fontSize + ' ' + style.fontFamily;
  const lines = [...editor.querySelectorAll('.view-lines .view-line')]
    .map((l) => ({ top: parseFloat(l.style.top), text: l.textContent.replace(/\\u00a0/g, ' ') }))
    .sort((a, b) => a.top - b.top);
  return {
    fontFamily: style.fontFamily,
    fontSize: parseFloat(style.fontSize),
    lineHeight: parseFloat(getComputedStyle(editor.querySelector('.view-line')).lineHeight),
    narrow: canvas.measureText('iiiiiiiiii').width,
    wide: canvas.measureText('MMMMMMMMMM').width,
    lines: lines.map((l) => l.text),
    cursorClasses: editor.querySelector('.cursors-layer')?.className ?? '',
    occurrenceMarks: editor.querySelectorAll('.wordHighlight, .wordHighlightStrong, .wordHighlightText, .selectionHighlight').length,
    currentLine: [...editor.querySelectorAll('.view-overlays .current-line')].filter((e) => { const s = getComputedStyle(e); return s.display !== 'none' && (!/rgba\\(0, 0, 0, 0\\)|transparent/.test(s.backgroundColor) || parseFloat(s.borderTopWidth) > 0); }).length,
  };
})()`;

interface Typography {
  fontFamily: string;
  fontSize: number;
  lineHeight: number;
  narrow: number;
  wide: number;
  lines: string[];
  cursorClasses: string;
  occurrenceMarks: number;
  currentLine: number;
}

/** Rendered decorations that draw an ::after label, with how far the label stands from the word. */
const AFTER_LABELS = `[...document.querySelectorAll('.monaco-editor .view-lines [class*="TextEditorDecorationType"]')].flatMap((el) => {
  const after = getComputedStyle(el, '::after');
  if (!after.content || after.content === 'none') return [];
  return [{ text: el.textContent || (el.previousElementSibling ? el.previousElementSibling.textContent : ''), label: after.content, marginLeft: parseFloat(after.marginLeft), color: after.color, before: getComputedStyle(el, '::before').content }];
})`;

/** Numbers with thousands separators at every offset of a line, so some always meet the wrap edge. */
function numbersArticle(): string {
  const sentences: string[] = [];
  for (let i = 0; i < 60; i++) {
    const padding = 'x'.repeat(i % 11);
    sentences.push(`Harbour ${padding} tally ${i} counted ${(350 + i).toString()},${(i * 37 % 1000).toString().padStart(3, '0')} crates and ${(12 + i).toString()},${(500 + i).toString()} nets.`);
  }
  return `Harbour tallies\n\n${sentences.slice(0, 20).join(' ')}\n\n${sentences.slice(20, 40).join(' ')}\n\n${sentences.slice(40).join(' ')}\n`;
}

describe('reader view', function () {
  this.timeout(90_000);
  after(closeAllEditors);

  it('uses reader typography from [article] defaults: a proportional font, larger size and line height, about 70 characters a line', async function () {
    await closeAllEditors();
    const editor = await openReadingView(SEED_000);
    const config = vscode.workspace.getConfiguration('editor', editor.document);
    assert.ok(config.get<number>('fontSize')! >= 16, 'a larger size');
    assert.equal(config.get('wrappingStrategy'), 'advanced', 'wrapping measured on the proportional font');
    assert.equal(config.get('occurrencesHighlight'), 'singleFile', 'entity mentions are highlighted; the provider shades no other words');
    assert.equal(config.get('selectionHighlight'), false);
    assert.equal(config.get('renderLineHighlight'), 'none');
    assert.equal(config.get('cursorBlinking'), 'solid');
    if (!workbenchAvailable()) return;
    const t = await waitForWorkbench<Typography>(`(() => { const t = ${READING_VIEW_TYPOGRAPHY}; return t && t.lines.length > 10 && t.fontFamily.includes('serif') ? t : undefined; })()`);
    await screenshot('reader-typography');
    assert.doesNotMatch(t.fontFamily.split(',')[0]!, /mono|courier|consolas|menlo/i, t.fontFamily);
    assert.ok(t.narrow < t.wide * 0.6, `rendered proportionally: 10 i = ${t.narrow}px, 10 M = ${t.wide}px (${t.fontFamily})`);
    assert.ok(t.fontSize >= 16, `font size ${t.fontSize}px`);
    assert.ok(t.lineHeight >= t.fontSize * 1.5, `line height ${t.lineHeight}px for ${t.fontSize}px text`);
    // wrapped body lines (those followed by the same paragraph) hold about 70 characters
    const full = t.lines.filter((l, i) => l.length > 30 && (t.lines[i + 1] ?? '').trim() !== '').map((l) => l.length);
    assert.ok(full.length >= 5, `wrapped lines: ${JSON.stringify(t.lines.slice(0, 8))}`);
    const longest = Math.max(...full);
    const mean = full.reduce((a, b) => a + b, 0) / full.length;
    assert.ok(longest <= 90 && mean >= 50 && mean <= 85, `measure: mean ${mean.toFixed(0)}, longest ${longest} characters (${full.join(',')})`);
  });

  it('shades no word occurrences, selections or the current line, keeps entity-mention highlights, and a cursor that does not blink', async function () {
    if (!workbenchAvailable()) this.skip();
    await closeAllEditors();
    const editor = await openReadingView(SEED_000);
    const text = editor.document.getText();
    const header = text.indexOf('\n\n');
    // a plain word that occurs many times and is no mention: a code editor shades every occurrence
    let word = text.indexOf(' the ', header) + 1;
    for (; word > 0; word = text.indexOf(' the ', word) + 1) {
      const h = await vscode.commands.executeCommand<vscode.DocumentHighlight[] | undefined>('vscode.executeDocumentHighlights', editor.document.uri, editor.document.positionAt(word + 1));
      if ((h?.length ?? 0) === 0) break;
    }
    assert.ok(word > 0, 'a plain "the" in the body');
    editor.selection = new vscode.Selection(editor.document.positionAt(word + 1), editor.document.positionAt(word + 1));
    await new Promise((resolve) => setTimeout(resolve, 1200));
    editor.selection = new vscode.Selection(editor.document.positionAt(word), editor.document.positionAt(word + 3));
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const t = await waitForWorkbench<Typography>(READING_VIEW_TYPOGRAPHY);
    assert.equal(t.occurrenceMarks, 0, 'no occurrence or selection highlights');
    assert.equal(t.currentLine, 0, 'no current-line highlight');
    assert.match(t.cursorClasses, /cursor-solid/, t.cursorClasses);
    // the cursor in an entity: its mentions are highlighted (issue 7's navigation), the one under the cursor at least
    const kabul = text.indexOf('Kabul', header);
    const mentions = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', editor.document.uri, editor.document.positionAt(kabul + 2));
    assert.ok(mentions.length >= 2, `mentions of Kabul: ${mentions.length}`);
    editor.selection = new vscode.Selection(editor.document.positionAt(kabul + 2), editor.document.positionAt(kabul + 2));
    const marked = await waitForWorkbench<Typography>(`(() => { const t = ${READING_VIEW_TYPOGRAPHY}; return t && t.occurrenceMarks > 0 ? t : undefined; })()`);
    assert.ok(marked.occurrenceMarks >= 1);
  });

  it('never breaks a line after the thousands comma of a number ("350,000" stays whole)', async function () {
    if (!workbenchAvailable()) this.skip();
    await closeAllEditors();
    const uri = writeArticle('reader-numbers.txt', numbersArticle());
    await openReadingView(uri);
    const t = await waitForWorkbench<Typography>(`(() => { const t = ${READING_VIEW_TYPOGRAPHY}; return t && t.lines.some((l) => l.includes('Harbour tallies')) && t.lines.length > 20 ? t : undefined; })()`);
    const splits: string[] = [];
    for (let i = 0; i + 1 < t.lines.length; i++) {
      if (/\d,$/.test(t.lines[i]!.trimEnd()) && /^\d/.test(t.lines[i + 1]!.trimStart())) splits.push(`${t.lines[i]!.slice(-12)} | ${t.lines[i + 1]!.slice(0, 12)}`);
    }
    assert.ok(t.lines.filter((l) => /\d,\d{3}/.test(l)).length > 10, 'numbers are on screen');
    assert.deepEqual(splits, []);
  });

  it('heads seed 000 (no title in its text) with its first sentence, shortened, in bold: not its file name', async function () {
    const api = await annotatorApi();
    await closeAllEditors();
    const editor = await openReadingView(SEED_000);
    const seed = readFileSync(workspaceUri(SEED_000).fsPath, 'utf8');
    const title = editor.document.lineAt(0).text;
    assert.notEqual(title, SEED_000.slice(SEED_000.lastIndexOf('/') + 1));
    assert.ok(title.endsWith('…') && seed.startsWith(title.slice(0, -1)), title);
    assert.ok(title.length <= 80, title);
    const applied = await waitFor('the header styled', () => api.readingViewStyler.applied.get(editor.document.uri.toString()));
    assert.equal(applied.title[0]?.start.line, 0);
    // the source in the byline stands out like a byline
    assert.equal(applied.source.length, 1);
    const source = editor.document.getText(applied.source[0]);
    assert.equal(applied.source[0]!.start.line, 1);
    assert.ok(source.length > 3 && seed.includes(source), source);
  });

  it('makes the header alive: Set Article Date, the source file and the licence as CodeLens actions and byline links', async () => {
    await closeAllEditors();
    const editor = await openReadingView(SEED_000);
    const source = workspaceUri(SEED_000);
    const lenses = await waitFor('the header CodeLenses', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 10);
      return found.length >= 3 ? found : undefined;
    });
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(lenses.every((l) => l.range.start.line === 0), 'above the title');
    const setDate = lenses.find((l) => l.command?.command === 'articleAnnotator.setArticleDate');
    assert.ok(setDate, titles.join(' | '));
    assert.match(setDate.command!.title, /Set Article Date/);
    assert.deepEqual(setDate.command!.arguments, [source.toString()]);
    // arguments come back from the command API as URI components
    const target = (l: vscode.CodeLens): string => {
      const arg = l.command?.arguments?.[0] as { scheme?: string; authority?: string; path?: string } | undefined;
      return `${arg?.scheme}://${arg?.authority ?? ''}${arg?.path}`;
    };
    assert.ok(lenses.some((l) => /Open Source File/.test(l.command?.title ?? '') && target(l) === `${source.scheme}://${source.authority}${source.path}`), lenses.map((l) => `${l.command?.command} ${l.command?.title}: ${JSON.stringify(l.command?.arguments)}`).join(' | '));
    assert.ok(lenses.some((l) => /Licence/.test(l.command?.title ?? '') && target(l).startsWith('https://creativecommons.org/licenses/by/4.0')), titles.join(' | '));

    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', editor.document.uri);
    const byline = editor.document.lineAt(1);
    const linkText = (l: vscode.DocumentLink): string => editor.document.getText(l.range);
    const dateLink = links.find((l) => l.target?.scheme === 'command');
    assert.ok(dateLink, JSON.stringify(links.map((l) => [linkText(l), l.target?.toString()])));
    assert.match(linkText(dateLink), /no dateline/);
    assert.equal(dateLink.target!.path, 'articleAnnotator.setArticleDate');
    const sourceLink = links.find((l) => l.target?.path === source.path);
    assert.ok(sourceLink && sourceLink.range.start.line === byline.lineNumber, 'the source opens the file where it is named');
    const at = /^L(\d+),(\d+)$/.exec(sourceLink.target!.fragment);
    assert.ok(at, sourceLink.target!.fragment);
    const sourceLine = readFileSync(source.fsPath, 'utf8').split(/\r\n|\r|\n/)[Number(at[1]) - 1]!;
    assert.ok(sourceLine.slice(Number(at[2]) - 1).startsWith(linkText(sourceLink)), `${linkText(sourceLink)} at ${sourceLink.target!.fragment}`);
    assert.ok(links.some((l) => l.target?.authority === 'creativecommons.org' && /Creative Commons/.test(linkText(l))));

    // the action does what it says: the date set through it shows in the byline, and the lens offers to change it
    await vscode.commands.executeCommand(setDate.command!.command, ...setDate.command!.arguments!, '2021-08-15');
    try {
      await waitFor('the byline shows the date set', () => /^Sunday, 15 August 2021 \(set by you\)/.test(editor.document.lineAt(1).text));
      await waitFor('the lens offers to change it', async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 10)).some((l) => /Change Article Date/.test(l.command?.title ?? '')));
    } finally {
      await vscode.commands.executeCommand('articleAnnotator.setArticleDate', source, '');
    }
  });

  it('quotes a first mention in the headline without the raw header marker ("date 2021-08-15 …")', async () => {
    await closeAllEditors();
    const text = 'date 2021-08-15 Ferries from Tallinn stop for the winter\n\nThe harbour office in Tallinn said the last ferry leaves on Friday. Crews will repair the quay.\n';
    const editor = await openReadingView(writeArticle('reader-headline.txt', text));
    const d = await waitFor('Tallinn highlighted in the headline', async () => {
      const x = await completeDecorations(editor.document.uri);
      return x.kinds.place.find((s) => s.text === 'Tallinn' && editor.document.positionAt(s.start).line === 0);
    });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(d.start + 1));
    const hover = hovers.flatMap((h) => h.contents).map((c) => (c instanceof vscode.MarkdownString ? c.value : String(c))).join('\n');
    const first = /First mention: (.*)/.exec(hover);
    assert.ok(first, hover);
    assert.equal(first[1]!.replace(/\\/g, ''), 'Ferries from Tallinn stop for the winter');
  });

  it('@after-reload the reading-view tab left open comes back, served with the article', async () => {
    // noted by the root hook below, before other tests of this phase could close it
    assert.ok(restoredTab, 'the reading view of seed 003 came back in a tab after the reload');
    assert.match(restoredTab.label, /003_.*— Article/);
    const document = await vscode.workspace.openTextDocument(restoredTab.uri);
    assert.equal(document.languageId, 'article');
    assert.ok(document.getText().includes('Taliban fighters are said to have penetrated'), document.getText().slice(0, 300));
    const editor = await vscode.window.showTextDocument(document);
    await completeDecorations(editor.document.uri);
    await closeAllEditors();
  });
});

describe('labels in the text', function () {
  this.timeout(90_000);
  after(async () => {
    await vscode.workspace.getConfiguration('articleAnnotator').update('showTypeLabels', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  it('sets type labels apart from the word ("Tallinn LOC"), in a colour of their own', async function () {
    if (!workbenchAvailable()) this.skip();
    await closeAllEditors();
    await vscode.workspace.getConfiguration('articleAnnotator').update('showTypeLabels', true, vscode.ConfigurationTarget.Global);
    const editor = await openReadingView(writeArticle('reader-labels.txt', 'date 2021-08-15 Harbour news\n\nThe mayor of Tallinn met officials from Riga on Friday.\n'));
    await completeDecorations(editor.document.uri);
    const labels = await waitForWorkbench<{ text: string; label: string; marginLeft: number; color: string }[]>(`(() => { const l = ${AFTER_LABELS}; return l.some((x) => x.label === '"LOC"') ? l : undefined; })()`);
    const loc = labels.find((l) => l.label === '"LOC"')!;
    assert.ok(loc.marginLeft >= 3, `the label stands apart: margin ${loc.marginLeft}px`);
  });

  it('draws a user annotation’s label after its span, not a bar before it', async function () {
    if (!workbenchAvailable()) this.skip();
    const api = await annotatorApi();
    await closeAllEditors();
    const text = 'date 2021-08-15 Harbour news\n\nThe harbour office said the quay will hold all winter.\n';
    const uri = writeArticle('reader-annotation-label.txt', text);
    const at = text.indexOf('the quay will hold');
    const created = await api.annotations.create({ article: 'seeds/reader-annotation-label.txt', text, start: at, end: at + 'the quay will hold'.length, label: 'claim' });
    try {
      await openReadingView(uri);
      const labels = await waitForWorkbench<{ text: string; label: string; marginLeft: number; before: string }[]>(`(() => { const l = ${AFTER_LABELS}; return l.some((x) => x.label === '"claim"') ? l : undefined; })()`);
      const claim = labels.filter((l) => l.label === '"claim"');
      assert.equal(claim.length, 1, JSON.stringify(labels));
      assert.match(claim[0]!.text.replace(/\u00a0/g, ' '), /hold$/, 'after the span');
      assert.ok(claim[0]!.marginLeft > 0);
      assert.ok(labels.every((l) => !/▍/.test(l.before)), 'no bar before the span');
      await screenshot('annotation-label');
    } finally {
      await api.annotations.remove(created.id);
    }
  });
});

/** The reading-view tab the extension brought back at the start of phase 2. */
let restoredTab: { label: string; uri: vscode.Uri } | undefined;

// Root hooks: phase 2 first waits for the reading view to come back (other files' tests close editors); phase 1 ends
// with a reading view open (after every other file closed its editors), to be back after the reload.
before(async function () {
  if (testPhase() !== 2) return;
  this.timeout(60_000);
  await annotatorApi();
  restoredTab = await waitFor('the reading view of seed 003 back in its tab', () => {
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === 'article' && t.input.uri.path.includes('003_'));
    return tab ? { label: tab.label, uri: (tab.input as vscode.TabInputText).uri } : undefined;
  }, 30_000).catch(() => undefined);
});
after(async () => {
  if (testPhase() !== 1) return;
  await closeAllEditors();
  await openReadingView(SEED_003);
});
