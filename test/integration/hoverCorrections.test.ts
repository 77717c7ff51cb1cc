// Entity hovers carry Accept / Reject / Change Type links through a command allow-list; the links, run with their own
// encoded arguments, correct the entity.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotations/annotationModel';
import type { LexiconEntry } from '../../src/core/nlp/analysisModel';
import { annotatorApi, restoreAfterCorrections, spanOf, waitFor, writeArticle } from './annotationTestKit';
import { decorationsOf, type EditorDecorations } from './articleEditors';

const TEXT = 'date 2023-05-04 Talks in Madrid\n\nPedro Sanchez met officials of the European Union in Madrid on Monday. The European Union office in Madrid stayed open, and Pedro Sanchez flew to Lisbon.\n';
const KEY = 'seeds/hover-corrections.txt';
const CORRECTION_COMMANDS = ['articleAnnotator.acceptEntity', 'articleAnnotator.rejectEntity', 'articleAnnotator.changeEntityType'];

interface HoverLink {
  label: string;
  command: string;
  args: unknown[];
}

/** The entity hover's markdown, its trust, and its command links decoded as VS Code would run them. */
async function entityHover(editor: vscode.TextEditor, offset: number): Promise<{ markdown: string; trusted: unknown; links: HoverLink[] }> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(offset));
  const parts = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
  const part = parts.find((p) => /^\*\*(Person|Place|Organization)\*\*/.test(p.value));
  assert.ok(part, `an entity hover at ${offset}: ${parts.map((p) => p.value).join('\n---\n')}`);
  const links = [...part.value.matchAll(/\[([^\]]+)\]\(command:([\w.]+)\?([^\s)]+)/g)].map((m) => ({ label: m[1]!, command: m[2]!, args: JSON.parse(decodeURIComponent(m[3]!)) as unknown[] }));
  return { markdown: part.value, trusted: part.isTrusted, links };
}

function kindOf(d: EditorDecorations | undefined, text: string): string | undefined {
  if (!d) return undefined;
  return (['person', 'place', 'organization'] as const).find((k) => d.kinds[k].some((s) => s.text === text));
}

describe('hover corrections', function () {
  this.timeout(90_000);
  let uri: vscode.Uri;
  let editor: vscode.TextEditor;
  restoreAfterCorrections();

  before(async () => {
    uri = writeArticle('hover-corrections.txt', TEXT);
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  });

  after(async () => {
    const api = await annotatorApi();
    for (const a of api.annotations.forArticle(KEY)) await api.annotations.remove(a.id);
  });

  it('shows Accept, Reject and one Change Type link per other type, allowed by name only', async () => {
    await waitFor('Madrid highlighted', async () => kindOf(await decorationsOf(uri), 'Madrid'), 60_000);
    const hover = await entityHover(editor, spanOf(TEXT, 'Madrid', 1).start + 1);
    assert.deepEqual(hover.trusted, { enabledCommands: [...CORRECTION_COMMANDS, 'articleAnnotator.showQuotesOf'] }, 'only the correction commands (and Show Quotes of This Person) are enabled');
    assert.notEqual(hover.trusted, true);
    const labels = hover.links.map((l) => l.label);
    assert.ok(labels.includes('Accept') && labels.includes('Reject'), hover.markdown);
    const retype = hover.links.filter((l) => l.command === 'articleAnnotator.changeEntityType');
    assert.equal(retype.length, 2, hover.markdown);
    for (const link of hover.links) {
      assert.ok(CORRECTION_COMMANDS.includes(link.command), link.command);
      const [arg] = link.args as [{ uri: string; start: number; end: number; text: string }];
      assert.equal(arg.uri, uri.toString());
      assert.equal(TEXT.slice(arg.start, arg.end), 'Madrid', 'the link names the hovered mention in source offsets');
    }
  });

  it('the Change Type link, run with its own arguments, retypes the entity everywhere', async () => {
    const at = spanOf(TEXT, 'Madrid', 1).start + 1;
    const kind = await waitFor('Madrid highlighted', async () => kindOf(await decorationsOf(uri), 'Madrid'), 60_000);
    const target = kind === 'person' ? 'organization' : 'person';
    const link = (await entityHover(editor, at)).links.find((l) => l.command === 'articleAnnotator.changeEntityType' && l.label === target);
    assert.ok(link, `a link to make it a ${target}`);
    const entry = await vscode.commands.executeCommand<LexiconEntry>(link.command, ...link.args);
    assert.deepEqual(entry, { text: 'Madrid', action: 'retype', type: target });
    await waitFor(`Madrid drawn as a ${target}`, async () => kindOf(await decorationsOf(uri), 'Madrid') === target, 60_000);
    const after = await entityHover(editor, at);
    assert.match(after.markdown, new RegExp(`^\\*\\*${target === 'person' ? 'Person' : 'Organization'}\\*\\* · Madrid`));
  });

  it('the Reject link removes the entity from the highlights and the hover', async () => {
    const span = spanOf(TEXT, 'Lisbon');
    await waitFor('Lisbon highlighted', async () => kindOf(await decorationsOf(uri), 'Lisbon'), 60_000);
    const link = (await entityHover(editor, span.start + 1)).links.find((l) => l.label === 'Reject');
    assert.ok(link);
    const entry = await vscode.commands.executeCommand<LexiconEntry>(link.command, ...link.args);
    assert.deepEqual(entry, { text: 'Lisbon', action: 'reject' });
    await waitFor('Lisbon no longer highlighted', async () => {
      const d = await decorationsOf(uri);
      return d?.complete && kindOf(d, 'Lisbon') === undefined && kindOf(d, 'Pedro Sanchez') !== undefined;
    }, 60_000);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, editor.document.positionAt(span.start + 1));
    const text = hovers.flatMap((h) => h.contents).map((c) => (c instanceof vscode.MarkdownString ? c.value : String(c))).join('\n');
    assert.doesNotMatch(text, /\*\*(Person|Place|Organization)\*\*/, text);
  });

  it('the Accept link turns the entity into an annotation labelled with its type', async () => {
    const api = await annotatorApi();
    const span = spanOf(TEXT, 'Pedro Sanchez');
    const kind = await waitFor('Pedro Sanchez highlighted', async () => kindOf(await decorationsOf(uri), 'Pedro Sanchez'), 60_000);
    const link = (await entityHover(editor, span.start + 2)).links.find((l) => l.label === 'Accept');
    assert.ok(link);
    const annotation = await vscode.commands.executeCommand<Annotation>(link.command, ...link.args);
    assert.ok(annotation);
    assert.deepEqual(annotation.position, span);
    assert.equal(annotation.label, kind);
    assert.ok(api.annotations.forArticle(KEY).some((a) => a.id === annotation.id));
  });
});
