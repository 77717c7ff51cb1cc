// Typing into a large article stays fluid: a 1 MB article of distinct text in a plain editor with its reading view open
// beside it, typed into through the real keyboard, while a probe measures the extension host's longest blocking stretch.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { annotatorApi } from './annotationTestKit';
import { activateExtension, closeAllEditors, decorationsOf, openReadingView, waitFor, workspaceUri } from './articleEditors';
import { BlockingProbe } from './harness/blockingProbe';
import { CpuProfile } from './harness/cpuProfile';
import { HostAllocation, type Allocation } from './harness/hostAllocation';
import { evaluateInWorkbench, typeText, workbenchAvailable } from './harness/workbench';
import { distinctArticle } from './largeArticle';

const FILE = 'seeds/zz_typing_1mb.txt';
/** Typed in three bursts, with a pause after each as a person makes: the debounced work (re-render, re-analysis) runs then. */
const BURSTS = [' Talks resumed on Tuesday', ' in Brenmouth, said', ' Halvor Dersk of the port.'];
const KEY_DELAY_MS = 60;
const PAUSE_MS = 700;
/** The longest stall of the extension host allowed while typing (see the assertion). */
const STALL_BOUND_MS = 2000;
/** The longest stall allowed once typing paused, while the reading view and highlights follow the edit. */
const CATCH_UP_BOUND_MS = 10_000;

describe('typing into a large article', function () {
  this.timeout(600_000);
  before(activateExtension);
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert').then(undefined, () => undefined);
    await closeAllEditors();
    const api = await annotatorApi();
    await api.annotations.replaceArticle(FILE, [], { undoable: false });
    await vscode.workspace.fs.delete(workspaceUri(FILE)).then(undefined, () => undefined);
  });

  it('stays fluid in a plain editor of a 1 MB article of distinct text with its reading view open', async function () {
    if (!workbenchAvailable()) this.skip();
    const api = await annotatorApi();
    const text = await distinctArticle(1_000_000, 11);
    await vscode.workspace.fs.writeFile(workspaceUri(FILE), new TextEncoder().encode(text));
    // Annotations throughout, as a worked article has: they follow every keystroke.
    const inputs = [];
    for (let at = text.indexOf('. ', 5000); at > 0 && inputs.length < 200; at = text.indexOf('. ', at + 5000)) inputs.push({ article: FILE, text, start: at - 8, end: at, label: 'claim' });
    await api.annotations.replaceArticle(FILE, [], { undoable: false });
    await api.annotations.createMany(inputs);

    await closeAllEditors();
    // The scenario is the plain editor and its reading view: the side bar shows the Explorer, whatever earlier tests
    // left open (the corpus views, Quotations above all, have costs of their own on an article being typed into).
    await vscode.commands.executeCommand('workbench.view.explorer');
    const openProfile = await CpuProfile.start('open-1mb');
    const openProbe = new BlockingProbe();
    const document = await vscode.workspace.openTextDocument(workspaceUri(FILE));
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
    const reading = await openReadingView(FILE);
    const readingUri = reading.document.uri;
    await vscode.window.showTextDocument(reading.document, { viewColumn: vscode.ViewColumn.Two, preview: false });
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === readingUri.toString()), 'the reading view is open beside the plain editor');
    const opened = performance.now();
    await waitFor('highlights in both editors', async () => (await decorationsOf(document.uri))?.kinds.person.length && (await decorationsOf(readingUri))?.kinds.person.length, 300_000, 100);
    const visibleAfter = performance.now() - opened;
    await waitFor('the complete analysis', async () => (await decorationsOf(document.uri))?.complete, 150_000, 200).catch(() => undefined);
    openProbe.stop();
    const openFile = await openProfile.stop();
    if (openFile) console.log(`      CPU profile: ${openFile}`);
    console.log(`      1 MB article of distinct text (${text.length.toLocaleString('en')} characters, ${inputs.length} annotations): visible highlights after ${(visibleAfter / 1000).toFixed(1)} s, complete after ${((performance.now() - opened) / 1000).toFixed(1)} s; ${openProbe.describe()}`);

    // The cursor at the end of the third paragraph, in view; the plain editor has the keyboard focus.
    const line = 4;
    const end = document.lineAt(line).range.end;
    editor.selection = new vscode.Selection(end, end);
    editor.revealRange(new vscode.Range(end, end));
    await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
    const typed = BURSTS.join('');
    const expectedLine = document.lineAt(line).text + typed;

    // The keys are typed by the launcher at the request of this host: its first HTTP request loads the system's
    // certificates and compiles the HTTP client (hundreds of ms of this host, from the profile), which is the harness's
    // cost, not the extension's. One request beforehand, so the stalls measured are the extension's (and VS Code's).
    await evaluateInWorkbench<number>('1');
    const probe = new BlockingProbe();
    const profile = await CpuProfile.start('typing-1mb');
    // bytes the host allocates while typing and catching up: how often a young-generation collection pauses it
    const allocation = new HostAllocation();
    await allocation.whenStarted();
    let allocated: Allocation | undefined;
    const perBurst: { ms: number; at: number }[] = [];
    let started = 0;
    let arrived = 0;
    let followed = 0;
    /** Longest stall from the first key until every typed character is in the extension host, then while the views catch up. */
    let typingStall = 0;
    let catchUpStall = 0;
    try {
      started = performance.now();
      for (const burst of BURSTS) {
        probe.reset();
        await typeText(burst, KEY_DELAY_MS);
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
        perBurst.push({ ms: probe.longestStretch, at: probe.longestStartedAt });
      }
      probe.reset();
      await waitFor('every typed character in the extension host', () => document.lineAt(line).text === expectedLine, 180_000, 10);
      arrived = performance.now() - started;
      perBurst.push({ ms: probe.longestStretch, at: probe.longestStartedAt });
      typingStall = Math.max(...perBurst.map((b) => b.ms));
      console.log(`      every typed character in the extension host after ${arrived.toFixed(0)} ms; ${probe.describe()}`);
      // typing has paused: from here the reading view, the analysis and the highlights catch up
      probe.reset();
      // getText() of a megabyte is itself work in the host being measured: once per version of the view
      let checkedVersion = -1;
      await waitFor('the reading view following the typed text', () => {
        if (reading.document.version === checkedVersion) return false;
        checkedVersion = reading.document.version;
        return reading.document.getText().includes(typed.trim());
      }, 180_000, 100);
      followed = performance.now() - started;
      const length = document.getText().length;
      await waitFor('the typed text analysed and highlighted', async () => {
        const stats = await vscode.commands.executeCommand<{ characters: number } | undefined>('articleAnnotator.internal.analysisStats', FILE);
        return stats?.characters === length && (await decorationsOf(document.uri))?.complete;
      }, 180_000, 50);
      catchUpStall = probe.longestStretch;
      perBurst.push({ ms: catchUpStall, at: probe.longestStartedAt });
    } finally {
      allocated = await allocation.stop(profile.heapFile());
      probe.stop();
      const file = await profile.stop();
      if (file) console.log(`      CPU profile: ${file}`);
    }
    const total = performance.now() - started;
    const typingMillis = BURSTS.length * PAUSE_MS + typed.length * KEY_DELAY_MS;
    console.log(`      typed ${typed.length} characters through the keyboard (${KEY_DELAY_MS} ms between keys, ${BURSTS.length} pauses of ${PAUSE_MS} ms; ${typingMillis} ms at least): all in the extension host after ${arrived.toFixed(0)} ms, the reading view followed after ${followed.toFixed(0)} ms, highlights after ${total.toFixed(0)} ms`);
    // per pause: the debounced work (re-render, re-analysis, highlights) runs once for each burst
    console.log(`      extension host while typing and catching up: ${HostAllocation.describe(allocated, BURSTS.length, 'pause')}`);
    const [catchingUp] = perBurst.splice(-1);
    const [last] = perBurst.splice(-1);
    // with a profile, each stall says whose code ran in it (VS Code's own port finder and merge-conflict scan run in this host)
    const where = (b: { ms: number; at: number }): string => `${profile.where(b.at)}${profile.whose(b.at, b.ms)}`;
    console.log(`      extension host: longest stall while typing ${typingStall.toFixed(0)} ms (in each burst and its pause ${perBurst.map((b) => `${b.ms.toFixed(0)} ms${where(b)}`).join(', ')}; until the last key arrived ${last!.ms.toFixed(0)} ms${where(last!)}), while the views caught up ${catchUpStall.toFixed(0)} ms${where(catchingUp!)} (${probe.describe()})`);
    assert.ok(document.isDirty, 'typed, not saved');
    const moved = api.annotations.forArticle(FILE);
    assert.equal(moved.length, inputs.length, 'every annotation kept');
    const typedAt = document.offsetAt(end);
    const after = document.getText();
    for (const a of moved) assert.equal(after.slice(a.position.start, a.position.end), a.quote.exact, `annotation ${a.id} followed the typing (${a.position.start} vs typed at ${typedAt})`);
    // Fluid is no stall over 50 ms (the issue's target). The bound leaves room for a 2-core machine shared by several
    // test runs (load 16) and still fails on the code before this work (6.4 s) and on re-rendering the reading view at
    // every 200 ms gap between keys (1-4 s each on a loaded machine).
    assert.ok(typingStall < STALL_BOUND_MS, `the longest stall while typing was ${typingStall.toFixed(0)} ms (bound ${STALL_BOUND_MS} ms)`);
    // Once typing pauses the reading view, the Outline and the workspace index follow the text: bounded loosely here.
    assert.ok(catchUpStall < CATCH_UP_BOUND_MS, `the longest stall while the views caught up was ${catchUpStall.toFixed(0)} ms (bound ${CATCH_UP_BOUND_MS} ms)`);
  });
});
