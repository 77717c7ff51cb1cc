// Hovers: entity facts, dates resolved against the article date, Set Article Date for undated articles, inert article text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, completeDecorations, decorationsOf, openPlainEditor, waitFor, openReadingView, SEED_000, SEED_003, workspaceUri } from './articleEditors';
import { evaluateInWorkbench, waitForWorkbench, workbenchAvailable } from './harness/workbench';

async function hoverAt(editor: vscode.TextEditor, needle: string | number, offsetInNeedle = 0): Promise<{ markdown: string[]; trusted: unknown[] }> {
  const at = typeof needle === 'number' ? needle : editor.document.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is in the document`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(at + offsetInNeedle));
  const parts = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
  return { markdown: parts.map((p) => p.value), trusted: parts.map((p) => p.isTrusted) };
}

describe('hover', function () {
  this.timeout(60_000);
  before(activateExtension);
  after(async () => {
    await vscode.commands.executeCommand('articleAnnotator.setArticleDate', workspaceUri(SEED_000), '');
    await closeAllEditors();
  });

  it('resolves "on Thursday" in seed 003 to Thursday 2021-08-12, relative to the article date', async () => {
    const editor = await openReadingView(SEED_003);
    await completeDecorations(editor.document.uri);
    const text = (await hoverAt(editor, 'on Thursday', 4)).markdown.join('\n');
    assert.match(text, /Thursday, 12 August 2021 \\?\(2021\\?-08\\?-12\\?\)/, text);
    assert.match(text, /relative to the article date, Sunday, 15 August 2021/, text);
  });

  it('hovers the date on the first ask right after the reading view re-rendered (its plain editor edited, then reverted)', async function () {
    this.timeout(120_000);
    // The reading view follows its plain editor's unsaved text. VS Code puts a new rendering into the view's document a
    // while after the provider gave it; the hover mapped the document's older text with the newer rendering's offsets
    // and found no date, and the highlights said complete for a view about to change.
    let view = await openReadingView(SEED_003);
    await completeDecorations(view.document.uri);
    const plain = await openPlainEditor(SEED_003);
    const inserted = 'Angela Merkel spoke in Berlin on Friday.\n\n';
    await plain.edit((b) => b.insert(new vscode.Position(0, 0), inserted));
    try {
      await waitFor('the reading view to show the edit', () => view.document.getText().includes('Angela Merkel spoke in Berlin'));
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await closeAllEditors();
    view = await openReadingView(SEED_003);
    await completeDecorations(view.document.uri);
    const text = (await hoverAt(view, 'on Thursday', 4)).markdown.join('\n');
    assert.match(text, /Thursday, 12 August 2021/, text);
    assert.ok(!view.document.getText().includes('Angela Merkel spoke in Berlin'), 'complete highlights: the view shows the reverted text');
  });

  it('resolves "Late Saturday" to 2021-08-14 in the plain editor too', async () => {
    const editor = await openPlainEditor(SEED_003);
    await completeDecorations(editor.document.uri);
    const text = (await hoverAt(editor, 'Late Saturday', 6)).markdown.join('\n');
    assert.match(text, /Saturday, 14 August 2021/, text);
  });

  it('explains a person: kind, canonical name, mentions counted over aliases, first mention', async () => {
    const editor = await openReadingView(SEED_003);
    await completeDecorations(editor.document.uri);
    const text = (await hoverAt(editor, 'Ashraf Ghani', 2)).markdown.join('\n');
    assert.match(text, /\*\*Person\*\* · Ashraf Ghani/, text);
    assert.match(text, /Mentioned \*\*\d+\*\* times? in this article/, text);
    assert.match(text, /First mention: /, text);
  });

  it('says seed 000 has no dateline and offers Set Article Date; after setting one the date resolves', async () => {
    const editor = await openReadingView(SEED_000);
    const before = await completeDecorations(editor.document.uri);
    const weekday = before.kinds.date.find((d) => /^(?:on )?(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)$/i.test(d.text));
    assert.ok(weekday, `a weekday date in seed 000: ${before.kinds.date.map((d) => d.text).join(' | ')}`);
    let hover = await hoverAt(editor, weekday.text, 1);
    let text = hover.markdown.join('\n');
    assert.match(text, /no dateline/, text);
    assert.match(text, /\[Set Article Date\]\(command:articleAnnotator\.setArticleDate\?/, text);
    assert.ok(hover.trusted.some((t) => typeof t === 'object' && t !== null && JSON.stringify(t) === JSON.stringify({ enabledCommands: ['articleAnnotator.setArticleDate'] })), `only the listed command is trusted: ${JSON.stringify(hover.trusted)}`);
    assert.ok(!hover.trusted.includes(true), 'never isTrusted = true');

    assert.equal(await vscode.commands.executeCommand('articleAnnotator.setArticleDate', workspaceUri(SEED_000), '2021-08-15'), '2021-08-15');
    // The header now shows the date, which moves the body: take the span's new place from the decorator.
    await waitFor('the header to show the date', () => /15 August 2021/.test(editor.document.getText().slice(0, 400)));
    const again = await waitFor('the weekday decorated again', async () => {
      const d = await decorationsOf(editor.document.uri);
      return d?.complete ? d.kinds.date.find((s) => s.sourceStart === weekday.sourceStart && editor.document.getText().slice(s.start, s.end) === weekday.text) : undefined;
    });
    hover = await hoverAt(editor, again.start, 1);
    text = hover.markdown.join('\n');
    assert.match(text, /relative to the date you set for this article, Sunday, 15 August 2021/, text);
    assert.match(text, /\*\*(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday), \d+ August 2021/, text);
    assert.match(editor.document.getText().slice(0, 400), /2021-08-15|15 August 2021/, 'the header shows the date that was set');
  });

  it('shows malicious article text inert: no command links, no HTML, no Markdown', async () => {
    // Parentheses in the file name go into the links' arguments: encoded fully, they cannot end a link early.
    const file = 'seeds/zz_malicious (copy).txt';
    const body = 'President Joe Biden](command:workbench.action.quit) met reporters in Washington on Monday [x](command:workbench.action.quit) <img src="https://example.invalid/p.png"> **bold** and left.\n\nBiden said nothing more.\n';
    await vscode.workspace.fs.writeFile(workspaceUri(file), new TextEncoder().encode(body));
    try {
      const editor = await openPlainEditor(file);
      const d = await completeDecorations(editor.document.uri);
      const person = d.kinds.person.find((s) => /Biden/.test(s.text));
      assert.ok(person, `Biden is highlighted: ${JSON.stringify(d.kinds)}`);
      const hover = await hoverAt(editor, person.text, 1);
      const text = hover.markdown.join('\n');
      assert.match(text, /First mention: /);
      assert.doesNotMatch(text, /\]\(command:workbench/, 'the link is escaped');
      assert.doesNotMatch(text, /<img/, 'HTML is escaped');
      assert.doesNotMatch(text, /(^|[^\\])\*\*bold/, 'Markdown is escaped');
      assert.match(text, /\\\[x\\\]\\\(command/);
      // The name stops before the markup run into it, and the correction links carry the whole mention and file.
      assert.equal(person.text, 'Joe Biden', 'the span does not swallow "](command:…"');
      const accept = /\[Accept\]\(command:articleAnnotator\.acceptEntity\?([^ )]+) "/.exec(text);
      assert.ok(accept, `an Accept link whose target is one unbroken run: ${text}`);
      const args = JSON.parse(decodeURIComponent(accept[1]!)) as [{ uri: string; text: string }];
      assert.equal(args[0].text, 'Joe Biden');
      assert.equal(vscode.Uri.parse(args[0].uri).fsPath, workspaceUri(file).fsPath);
      if (workbenchAvailable()) {
        const at = editor.document.getText().indexOf(person.text) + 1;
        editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at));
        await vscode.commands.executeCommand('editor.action.showHover');
        const shown = await waitForWorkbench<string>(`(() => { const h = [...document.querySelectorAll('.monaco-hover-content')].map((e) => e.textContent).join(' '); return h.includes('First mention') ? h : ''; })()`);
        assert.match(shown, /\[x\]\(command:workbench\.action\.quit\)/, 'the link is shown as plain text');
        assert.match(shown, /<img src=/, 'the tag is shown as plain text');
        const active = await evaluateInWorkbench<{ links: string[]; images: number; strong: string[] }>(`(() => { const h = document.querySelector('.monaco-hover'); return { links: [...h.querySelectorAll('a')].map((a) => a.getAttribute('data-href') || a.getAttribute('href') || ''), images: h.querySelectorAll('img').length, strong: [...h.querySelectorAll('strong')].map((s) => s.textContent) }; })()`);
        assert.equal(active.images, 0, 'no image is rendered');
        assert.ok(!active.links.some((l) => l.includes('workbench.action.quit')), `no link to the quit command: ${active.links.join(' ')}`);
        const acceptLink = active.links.find((l) => l.includes('articleAnnotator.acceptEntity'));
        assert.ok(acceptLink, `the Accept link is rendered: ${active.links.join(' ')}`);
        assert.equal((JSON.parse(decodeURIComponent(acceptLink.slice(acceptLink.indexOf('?') + 1))) as [{ text: string }])[0].text, 'Joe Biden');
        assert.ok(!active.strong.includes('bold'), 'article Markdown is not rendered');
        await vscode.commands.executeCommand('editor.action.hideHover');
      }
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(workspaceUri(file));
    }
  });
});
