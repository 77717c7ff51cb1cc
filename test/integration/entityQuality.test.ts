// "Show Entity Quality" in the real extension host: the user's own entity annotations on an invented article against
// the automatic entities the workspace index found there, shown as a Markdown preview whose figures are asserted.
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import type { EntityQualityResult } from '../../src/extension/commands/showEntityQuality';
import { annotatorApi, closeAllEditors, waitFor, workspaceUri, writeArticle } from './annotationTestKit';

const KEY = 'seeds/quality-ferry.txt';
const TEXT =
  'date 2023-04-12 Ferry service resumes\n\nThe ferry operator Brannock Lines said on Tuesday that captain Ilse Vardemann would take the first boat from Kestrel Bay to Dunmore. Vardemann told reporters the harbour was ready.\n';

const percent = (x: number, n: number): string => (n === 0 ? '–' : `${((100 * x) / n).toFixed(1)}%`);

describe('entity quality', function () {
  this.timeout(120_000);
  const created: string[] = [];

  before(async () => {
    const api = await annotatorApi();
    // the annotations below disagree with the machine on purpose: learning from them would change what is measured
    await vscode.workspace.getConfiguration('articleAnnotator').update('learnFromCorrections', false, vscode.ConfigurationTarget.Workspace);
    writeArticle('quality-ferry.txt', TEXT);
    await waitFor('the article indexed', () => api.workspaceIndex.textOf(KEY) === TEXT && api.workspaceIndex.analysisOf(KEY) !== undefined, 90_000);
  });
  after(async () => {
    const api = await annotatorApi();
    for (const id of created) await api.annotations.remove(id);
    await vscode.workspace.getConfiguration('articleAnnotator').update('learnFromCorrections', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
    rmSync(workspaceUri(KEY).fsPath, { force: true });
  });

  it('scores the automatic entities against the user’s person/place/organization annotations, per type, in a Markdown preview', async () => {
    const api = await annotatorApi();
    const entities = api.workspaceIndex.analysisOf(KEY)!.entities;
    const person = entities.find((e) => e.type === 'person');
    const place = entities.find((e) => e.type === 'place');
    assert.ok(person && place, JSON.stringify(entities.map((e) => [e.text, e.type])));
    const harbour = TEXT.indexOf('harbour');
    const add = async (start: number, end: number, label: string) => {
      const a = await api.annotations.create({ article: KEY, text: TEXT, start, end, label, origin: 'user' });
      created.push(a.id);
    };
    await add(person.start, person.end, 'person'); // agrees with the automatic entity
    await add(place.start, place.end, 'organization'); // the user says it is an organization
    await add(harbour, harbour + 'harbour'.length, 'place'); // an entity the machine did not find
    await add(harbour, harbour + 'harbour'.length, 'note'); // not an entity label: not counted

    const result = await vscode.commands.executeCommand<EntityQualityResult>('articleAnnotator.showEntityQuality');
    assert.ok(result);

    // what the user sees: the preview of the report
    await waitFor('the Markdown preview open', () =>
      vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && /Entity Quality/.test(t.label))),
    );
    const shown = (await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'article-annotator-quality', path: '/Entity Quality.md' }))).getText();
    assert.equal(shown, result.markdown);

    const section = shown.slice(shown.indexOf(`## ${KEY}`));
    assert.ok(section.startsWith(`## ${KEY}`), shown);
    const count = (type: string) => entities.filter((e) => e.type === type).length;
    const rowOf = (type: string, yours: number, matched: number) => {
      const auto = count(type);
      return `| ${type} | ${yours} | ${auto} | ${matched} | ${percent(matched, auto)} | ${percent(matched, yours)} | ${percent(2 * matched, yours + auto)} |`;
    };
    assert.ok(section.includes(rowOf('person', 1, 1)), section);
    assert.ok(section.includes(rowOf('place', 1, 0)), section);
    assert.ok(section.includes(rowOf('organization', 1, 0)), section);
    const all = entities.length;
    assert.ok(section.includes(`| **all** | 3 | ${all} | 1 | ${percent(1, all)} | ${percent(1, 3)} | ${percent(2, 3 + all)} |`), section);
    const missed = section.slice(section.indexOf('Missed'), section.indexOf('Extra'));
    assert.match(missed, /^- “harbour” \(place, \d+–\d+\)$/m, section);
    assert.ok(missed.includes(`- “${place.text}” (organization, ${place.start}–${place.end})`), section);
    assert.ok(section.slice(section.indexOf('Extra')).includes(`- “${place.text}” (place, ${place.start}–${place.end})`), section);
    assert.match(shown, /## Collection \(\d+ articles?\)/);
  });

  it('follows the annotations: after deleting the disagreeing ones the article scores person only', async () => {
    const api = await annotatorApi();
    for (const id of created.splice(1)) await api.annotations.remove(id);
    const result = await vscode.commands.executeCommand<EntityQualityResult>('articleAnnotator.showEntityQuality');
    const article = result.report.articles.find((a) => a.article === KEY);
    assert.ok(article);
    assert.deepEqual(
      article.scores.labels.map((r) => [r.label, r.reference, r.matched]),
      [['person', 1, 1], ['place', 0, 0], ['organization', 0, 0]],
    );
    const shown = (await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'article-annotator-quality', path: '/Entity Quality.md' }))).getText();
    assert.ok(shown.slice(shown.indexOf(`## ${KEY}`)).includes('| person | 1 |'), shown);
  });
});
