// The Getting Started walkthrough: contributed, opened with VS Code's own command, and its step buttons run the real
// commands: Open Sample Article opens the sample shipped in media/ (highlighted, beside the walkthrough), Show a Hover
// shows an entity's hover in it, Annotate Selection annotates, Export Annotations asks what to export.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { annotatorApi, closeAllEditors, waitFor } from './annotationTestKit';
import { completeDecorations } from './articleEditors';
import { evaluateInWorkbench, pressKeys, waitForQuickInputRows, waitForWorkbench, workbenchAvailable } from './harness/workbench';

const EXTENSION_ID = 'article-annotator.article-annotator';
const WALKTHROUGH = `${EXTENSION_ID}#gettingStarted`;

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents: string[];
}

const extension = (): vscode.Extension<unknown> => vscode.extensions.getExtension(EXTENSION_ID)!;
const steps = (): Step[] => (extension().packageJSON as { contributes: { walkthroughs: { id: string; steps: Step[] }[] } }).contributes.walkthroughs.find((w) => w.id === 'gettingStarted')!.steps;
const sampleUri = (): vscode.Uri => vscode.Uri.joinPath(extension().extensionUri, 'media', 'walkthrough', 'sample-article.txt');

/** The visible reading view of the sample article, if any. */
function sampleEditor(): vscode.TextEditor | undefined {
  return vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'article' && e.document.uri.query === sampleUri().toString());
}

/** Clicks the walkthrough's button labelled `label` (a step's command link), selecting its step first. */
async function clickStepButton(stepId: string, label: string): Promise<void> {
  const clicked = await waitForWorkbench<string>(
    `(() => {
      const page = document.querySelector('.gettingStartedContainer');
      if (!page) return '';
      const step = page.querySelector('[data-step-id$="#${stepId}"]');
      if (step && !step.classList.contains('expanded')) { step.click(); window.__stepClickedAt = Date.now(); return ''; }
      // the page focuses a step it expands after its animation: clicked before that, the button's command moved the
      // focus to the article and the page then took it back (the label picker closed, Escape left the walkthrough)
      if (step && window.__stepClickedAt && !step.contains(document.activeElement) && Date.now() - window.__stepClickedAt < 5000) return '';
      const button = [...page.querySelectorAll('.monaco-button, a')].find((b) => (b.textContent || '').trim() === ${JSON.stringify(label)} && b.offsetParent !== null);
      if (!button) return '';
      button.click();
      return 'clicked';
    })()`,
    { timeoutMs: 20_000 },
  );
  assert.equal(clicked, 'clicked');
}

/** Whether the walkthrough shows the step as done. */
function stepDone(stepId: string): Promise<boolean> {
  return evaluateInWorkbench<boolean>(`(() => { const s = document.querySelector('.gettingStartedContainer [data-done-step-id$="#${stepId}"]'); return !!s && s.getAttribute('aria-checked') === 'true'; })()`);
}

describe('getting started walkthrough', function () {
  this.timeout(180_000);

  after(async () => {
    const api = await annotatorApi();
    const key = sampleUri().toString();
    for (const a of api.annotations.all().filter((x) => x.article === key || x.article.endsWith('media/walkthrough/sample-article.txt'))) await api.annotations.remove(a.id);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAllEditors();
  });

  it('is contributed: four steps, each a button that runs a registered command, with its media in the extension', async () => {
    const all = steps();
    assert.deepEqual(all.map((s) => s.id), ['openSample', 'hover', 'annotate', 'export']);
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const step of all) {
      const link = /\]\(command:([\w.]+)\)/.exec(step.description);
      assert.ok(link, `${step.id} has a command button`);
      assert.ok(commands.has(link[1]!), `${link[1]} is registered`);
      assert.ok(step.completionEvents.includes(`onCommand:${link[1]}`), `${step.id} completes when its button runs`);
      assert.ok(existsSync(vscode.Uri.joinPath(extension().extensionUri, step.media.markdown ?? step.media.image ?? '-').fsPath), `${step.id} media`);
    }
    assert.ok(existsSync(sampleUri().fsPath), 'the sample article ships in media/');
  });

  it('opens with VS Code\'s own command, and its buttons open the sample, show a hover, annotate and export', async function () {
    await closeAllEditors();
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false);
    if (!workbenchAvailable()) {
      // no page to click in: the buttons' commands, as the buttons run them
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('articleAnnotator.openSampleArticle');
      assert.equal(editor, sampleEditor());
      this.skip();
    }
    const shown = await waitForWorkbench<string>(`(() => { const p = document.querySelector('.gettingStartedContainer'); return p && p.innerText.includes('Open the sample article') ? p.innerText : ''; })()`, { timeoutMs: 30_000 });
    assert.match(shown, /Get Started with Article Annotator/);
    for (const step of steps()) assert.ok(shown.includes(step.title), `${step.title} in ${shown}`);

    // Open Sample Article: the sample's reading view, beside the walkthrough, highlighted
    await clickStepButton('openSample', 'Open Sample Article');
    const reading = await waitFor('the sample open in the reading view', sampleEditor, 30_000);
    const highlights = await completeDecorations(reading.document.uri);
    assert.ok(highlights.kinds.person.some((s) => s.text === 'Maren Halvorsen'), JSON.stringify(highlights.kinds.person.map((s) => s.text)));
    assert.ok(highlights.kinds.organization.some((s) => s.text === 'Northern Isles Ferry Company'));
    assert.ok(highlights.kinds.date.length > 0);
    assert.match(reading.document.getText(), /^Ferry link to the northern isles reopens after storm repairs/, 'the header shows the headline');
    assert.equal(vscode.window.tabGroups.all.length, 2, 'beside the walkthrough, which stays open');
    await waitFor('the first step marked done', () => stepDone('openSample'), 20_000);

    // Show a Hover: the hover of the first person, in the article
    await clickStepButton('hover', 'Show a Hover');
    const hover = await waitForWorkbench<string>(`(() => { const h = [...document.querySelectorAll('.monaco-hover')].find((e) => e.offsetParent !== null && (e.innerText || '').includes('Person')); return h ? h.innerText : ''; })()`, { timeoutMs: 20_000 });
    assert.match(hover, /Maren Halvorsen/);
    assert.match(hover, /Also written: “Halvorsen”/);
    await waitFor('the hover step marked done', () => stepDone('hover'), 20_000);
    await pressKeys('Escape');

    // Annotate Selection: the label picker, then the annotation on the name at the cursor
    const api = await annotatorApi();
    await clickStepButton('annotate', 'Annotate Selection');
    // Enter once the picker holds the focus: pressed while the clicked button still has it, Enter clicks the button again
    const labels = await waitForQuickInputRows((rows) => rows.some((r) => r.startsWith('person')));
    assert.match(labels[0]!, /^person\b/, `the first label is active: ${labels.join(' | ')}`);
    await pressKeys('Enter');
    const annotation = await waitFor('an annotation on Maren Halvorsen', () => api.annotations.all().find((a) => a.quote.exact === 'Maren Halvorsen' && a.article.endsWith('sample-article.txt')), 20_000);
    assert.equal(annotation.label, 'person');
    await waitFor('the annotate step marked done', () => stepDone('annotate'), 20_000);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');

    // Export Annotations: asks what to export, for the sample as the current article
    await clickStepButton('export', 'Export Annotations');
    const asked = await waitForWorkbench<string>(`(() => { const w = document.querySelector('.quick-input-widget'); return w && w.style.display !== 'none' ? w.innerText : ''; })()`, { timeoutMs: 20_000 });
    assert.match(asked, /sample-article|W3C|article/i, asked);
    await waitFor('the export step marked done', () => stepDone('export'), 20_000);
    await pressKeys('Escape');
  });
});
