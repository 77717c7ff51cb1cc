// Entity highlights: exact spans from the pipeline, really rendered, switchable, following edits in the plain editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, completeDecorations, decorationsOf, type EditorDecorations, openPlainEditor, openReadingView, SEED_003, waitFor, workspaceUri } from './articleEditors';
import { readmeScreenshot, renderedDecorations, waitForWorkbench, workbenchAvailable } from './harness/workbench';

function texts(d: EditorDecorations, kind: keyof EditorDecorations['kinds']): string[] {
  return d.kinds[kind].map((s) => s.text);
}

// The contributed defaults (package.json contributes.colors) for places and people.
const PLACE_BACKGROUND = { light: [22, 163, 74, 0x30 / 255], dark: [74, 222, 128, 0x30 / 255] };

function rgba(css: string): number[] {
  const m = /rgba?\(([^)]+)\)/.exec(css);
  return m ? m[1]!.split(',').map((x) => Number(x.trim())).concat([1]).slice(0, 4) : [];
}

/** For each rendered span with this text: the background and underline of the decoration overlay drawn under it. */
function overlaysUnder(text: string): string {
  return `(() => {
    const out = [];
    for (const s of document.querySelectorAll('.monaco-editor .view-lines [class*="TextEditorDecorationType"]')) {
      if (s.textContent !== ${JSON.stringify(text)}) continue;
      const id = /TextEditorDecorationType(\\d+)/.exec(s.className)?.[1];
      const r = s.getBoundingClientRect();
      const overlay = [...document.querySelectorAll('.monaco-editor .view-overlays [class*="TextEditorDecorationType' + id + '-"]')]
        .find((o) => { const q = o.getBoundingClientRect(); return Math.abs(q.top - r.top) < r.height && q.left < r.right && q.right > r.left; });
      if (overlay) { const st = getComputedStyle(overlay); out.push({ background: st.backgroundColor, border: st.borderBottomWidth + ' ' + st.borderBottomStyle }); }
    }
    return out.length ? out : undefined;
  })()`;
}

describe('highlights', function () {
  this.timeout(90_000);
  before(activateExtension);
  after(async () => {
    await vscode.workspace.getConfiguration('articleAnnotator').update('showTypeLabels', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('articleAnnotator.toggleHighlights', true);
    await closeAllEditors();
  });

  it('highlights Ashraf Ghani (person), Kabul (place) and Thursday (date) in the reading view of seed 003, with exact spans', async () => {
    const editor = await openReadingView(SEED_003);
    const d = await completeDecorations(editor.document.uri);
    assert.equal(d.view, 'reading');
    assert.ok(texts(d, 'person').includes('Ashraf Ghani'), `people: ${texts(d, 'person').join(' | ')}`);
    assert.ok(texts(d, 'place').includes('Kabul'), `places: ${texts(d, 'place').join(' | ')}`);
    assert.ok(texts(d, 'date').some((t) => /Thursday/.test(t)), `dates: ${texts(d, 'date').join(' | ')}`);
    const source = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(SEED_003)));
    for (const kind of ['person', 'place', 'organization', 'date'] as const) {
      for (const span of d.kinds[kind]) {
        // The view shows exactly the source text of each span; no punctuation or quote marks at its edges.
        assert.equal(source.slice(span.sourceStart, span.sourceEnd), span.text);
        assert.equal(editor.document.getText(new vscode.Range(editor.document.positionAt(span.start), editor.document.positionAt(span.end))), span.text);
        assert.doesNotMatch(span.text, /^[\s"'“”‘’,.;:]|[\s"'“”‘’,.;:]$/, `${kind} span "${span.text}" has clean edges`);
      }
    }
  });

  it('renders the highlights in the workbench with the contributed colours', async function () {
    if (!workbenchAvailable()) this.skip();
    const editor = await openReadingView(SEED_003);
    await completeDecorations(editor.document.uri);
    // The README's picture: the top of seed 003, highlighted.
    await waitForWorkbench(overlaysUnder('Kabul'));
    // other suites leave their own articles in the workspace: the picture shows the article, not them
    await vscode.commands.executeCommand('workbench.files.action.collapseExplorerFolders');
    await readmeScreenshot('workbench');
    const kabul = editor.document.getText().indexOf('Kabul');
    editor.revealRange(new vscode.Range(editor.document.positionAt(kabul), editor.document.positionAt(kabul)), vscode.TextEditorRevealType.AtTop);
    const drawn = await waitForWorkbench<{ background: string; border: string }[]>(overlaysUnder('Kabul'));
    const light = vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.Light;
    const dark = vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.Dark;
    const got = rgba(drawn[0]!.background);
    assert.equal(got.length, 4, `a background colour under Kabul: ${JSON.stringify(drawn)}`);
    if (light || dark) {
      const want = light ? PLACE_BACKGROUND.light : PLACE_BACKGROUND.dark;
      assert.deepEqual(got.slice(0, 3), want.slice(0, 3), `Kabul drawn in the place colour: ${drawn[0]!.background}`);
      assert.ok(Math.abs(got[3]! - want[3]!) < 0.01, `alpha ${got[3]}`);
    }
    assert.match(drawn[0]!.border, /^2px solid$/, 'a coloured underline, so the highlight is not only a background tint');
    const rendered = await renderedDecorations();
    assert.ok(rendered.some((r) => r.text === 'Taliban'), `the organization is rendered too: ${rendered.map((r) => r.text).join(' | ')}`);
  });

  it('shows type labels after spans when asked, so highlights are not colour-only', async function () {
    if (!workbenchAvailable()) this.skip();
    const editor = await openReadingView(SEED_003);
    await vscode.workspace.getConfiguration('articleAnnotator').update('showTypeLabels', true, vscode.ConfigurationTarget.Global);
    await completeDecorations(editor.document.uri);
    const labels = await waitForWorkbench<string[]>(`(() => { const l = [...document.querySelectorAll('.monaco-editor .view-lines [class*="TextEditorDecorationType"]')].map((e) => getComputedStyle(e, '::after').content).filter((c) => c && c !== 'none' && c !== 'normal'); return l.length ? l : undefined; })()`);
    assert.ok(labels.some((l) => l.includes('LOC')), `labels: ${labels.join(' ')}`);
    await vscode.workspace.getConfiguration('articleAnnotator').update('showTypeLabels', undefined, vscode.ConfigurationTarget.Global);
  });

  it('turns all highlights off and on, and one kind at a time', async () => {
    const editor = await openReadingView(SEED_003);
    const uri = editor.document.uri;
    await completeDecorations(uri);
    assert.equal(await vscode.commands.executeCommand('articleAnnotator.toggleHighlights', false), false);
    let d = await waitFor('no highlights', async () => {
      const x = await decorationsOf(uri);
      return x && !x.highlightsOn ? x : undefined;
    });
    assert.deepEqual([d.kinds.person.length, d.kinds.place.length, d.kinds.organization.length, d.kinds.date.length], [0, 0, 0, 0]);
    if (workbenchAvailable()) await waitForWorkbench(`![...document.querySelectorAll('.monaco-editor .view-lines [class*="TextEditorDecorationType"]')].some((e) => e.textContent === 'Kabul' && getComputedStyle(e).backgroundColor !== 'rgba(0, 0, 0, 0)')`);
    await vscode.commands.executeCommand('articleAnnotator.toggleHighlights', true);
    await vscode.commands.executeCommand('articleAnnotator.toggleHighlights', { kind: 'person', enabled: false });
    d = await waitFor('people off, places on', async () => {
      const x = await decorationsOf(uri);
      return x && x.highlightsOn && x.kinds.person.length === 0 && x.kinds.place.length > 0 ? x : undefined;
    });
    assert.ok(texts(d, 'place').includes('Kabul'));
    await vscode.commands.executeCommand('articleAnnotator.toggleHighlights', { kind: 'person', enabled: true });
    await waitFor('people on again', async () => ((await decorationsOf(uri))?.kinds.person.length ?? 0) > 0);
  });

  it('highlights a plain editor of a file matching the article globs and follows edits', async () => {
    const editor = await openPlainEditor(SEED_003);
    const uri = editor.document.uri;
    const before = await completeDecorations(uri);
    assert.equal(before.view, 'source');
    const kabulBefore = before.kinds.place.find((s) => s.text === 'Kabul');
    assert.ok(kabulBefore);
    const inserted = 'Angela Merkel spoke in Berlin on Friday.\n\n';
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), inserted));
    try {
      const after = await waitFor('highlights of the edited text', async () => {
        const d = await decorationsOf(uri);
        return d?.complete && d.kinds.place.some((s) => s.text === 'Berlin') ? d : undefined;
      }, 30_000);
      assert.ok(after.kinds.place.some((s) => s.text === 'Kabul' && s.start === kabulBefore.start + inserted.length), 'Kabul moved by the inserted text');
      assert.ok(after.kinds.person.some((s) => s.text === 'Angela Merkel'), `people: ${texts(after, 'person').join(' | ')}`);
      const kabulNow = after.kinds.place.find((s) => s.text === 'Kabul');
      assert.equal(editor.document.getText(new vscode.Range(editor.document.positionAt(kabulNow!.start), editor.document.positionAt(kabulNow!.end))), 'Kabul');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
