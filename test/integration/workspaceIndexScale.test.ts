// 1,000 distinct articles indexed in the real extension host: the host keeps responding (longest blocking stretch
// printed, generous bound asserted) and every article ends up in the index with its cross-article entities. After the
// window reload they come back from the on-disk cache without analysis: how long until the Entities view can list them
// is printed. The articles mix sentences of the two seed articles with their capitalised words renamed to invented
// names, so no two are alike and nothing comes from a cache in phase 1.
import * as assert from 'node:assert/strict';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { annotatorApi } from './annotationTestKit';
import { SEED_000, SEED_003, waitFor, workspaceUri } from './articleEditors';
import { BlockingProbe } from './harness/blockingProbe';
import { CpuProfile } from './harness/cpuProfile';
import { HostAllocation } from './harness/hostAllocation';
import { reopenProbe } from './harness/reopenProbe';
import { testEnv } from './harness/testEnv';
import { testPhase } from './harness/workbench';
import { scaleArticles, STORIES } from './scaleArticles';

/** 1,000 by default; ARTICLE_ANNOTATOR_SCALE_ARTICLES sets another number (a machine shared by many runs is much slower). */
const ARTICLES = Number(process.env.ARTICLE_ANNOTATOR_SCALE_ARTICLES) > 0 ? Math.floor(Number(process.env.ARTICLE_ANNOTATOR_SCALE_ARTICLES)) : 1000;
const PREFIX = 'zz-scale-';

function scaleDir(): string {
  return path.dirname(workspaceUri(SEED_000).fsPath);
}

function scaleFiles(): string[] {
  return readdirSync(scaleDir())
    .filter((f) => f.startsWith(PREFIX))
    .map((f) => path.join(scaleDir(), f));
}

/** The corpus entities the scale articles mention (the summary lists at least these). */
function entitiesOfScale(index: { readonly corpus: { entities(): readonly { readonly id: string }[]; entity(id: string): { readonly byArticle: readonly { readonly article: string }[] } | undefined } }): number {
  return index.corpus.entities().filter((e) => index.corpus.entity(e.id)?.byArticle.some((a) => a.article.includes(PREFIX))).length;
}

/**
 * The reload phase's probe (started by the test runner as the phase began, see ./harness/reopenProbe) and profile, while
 * the index brings the articles back from the cache: the host's longest blocking stretch of the reopen. This file's
 * tests run first in that phase (see findTests in ./index.ts), so the stretch is the reopen's, not the other
 * @after-reload tests'. Its timer does not keep the host alive.
 */
const profileFile = testEnv('ARTICLE_ANNOTATOR_CPU_PROFILE')?.replace(/(\.cpuprofile)?$/, '.reopen.cpuprofile');
const reopen = testPhase() === 2 ? { ...reopenProbe(), profile: new CpuProfile(profileFile), allocation: new HostAllocation() } : undefined;
// starting the profiler holds the host (not the index's doing): when profiling, the probe counts from when it runs
if (profileFile) void reopen?.profile.whenStarted().then(() => reopen.probe.reset());

/**
 * The reload phase's tests as they started (performance.now()): each long stretch is told with the test that was running
 * then. This file runs first in the phase, so before its test a stretch is the host's startup or the reopen; the record
 * shows it if that order ever changes. A root-level hook: it sees every test of the phase.
 */
const startedTests: { readonly at: number; readonly title: string }[] = [];
if (reopen) {
  beforeEach(function () {
    startedTests.push({ at: performance.now(), title: this.currentTest?.fullTitle() ?? '?' });
  });
}

/** The probe's longest stretches, each with the test running when it ended (before the first: the host's startup). */
function stretchesByTest(stretches: readonly { readonly endMicros: number; readonly millis: number }[], indexStartedAt: number): string {
  // the probe's clock is the monotonic one in microseconds, performance.now()'s origin is the host's start
  const offset = Number(process.hrtime.bigint() / 1000n) / 1000 - performance.now();
  return stretches
    .slice(0, 5)
    .map(({ endMicros, millis }) => {
      const end = endMicros / 1000 - offset;
      const during = [...startedTests].reverse().find((t) => t.at <= end - millis);
      return `${millis.toFixed(0)} ms at ${(end - millis - indexStartedAt).toFixed(0)} ms after the index started, during ${during ? `'${during.title}'` : 'startup, before the first test'}`;
    })
    .join('; ');
}

describe('workspace index at scale', function () {
  this.timeout(900_000);

  after(async function () {
    reopen?.probe.stop();
    // phase 1 leaves its articles for the reload phase, which reopens them from the cache
    if (testPhase() === 1) return;
    this.timeout(600_000);
    for (const file of scaleFiles()) rmSync(file, { force: true });
    const index = (await annotatorApi()).workspaceIndex;
    await waitFor('the scale articles forgotten', () => !index.corpus.articleKeys.some((k) => k.includes(PREFIX)), 540_000, 500);
  });

  it(`indexes ${ARTICLES.toLocaleString('en')} distinct articles without blocking the extension host`, async () => {
    const api = await annotatorApi();
    const index = api.workspaceIndex;
    await index.whenIdle();
    const seeds = await Promise.all([SEED_000, SEED_003].map(async (s) => new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(s)))));
    const texts = scaleArticles(seeds, ARTICLES);
    assert.equal(new Set(texts).size, ARTICLES, 'every article is distinct');
    const analysedBefore = index.stats.analysed;

    const probe = new BlockingProbe();
    const profile = new CpuProfile();
    await profile.whenStarted();
    const allocation = new HostAllocation();
    await allocation.whenStarted();
    mkdirSync(scaleDir(), { recursive: true });
    // written outside VS Code, as a sync or a git checkout would: the file watcher reports them
    for (let i = 0; i < ARTICLES; i++) writeFileSync(path.join(scaleDir(), `${PREFIX}${String(i).padStart(4, '0')}.txt`), texts[i]!, 'utf8');
    const started = performance.now();
    probe.reset();
    index.resetLongestSlice();
    try {
      const count = (): number => index.corpus.articleKeys.filter((k) => k.includes(PREFIX)).length;
      await waitFor(`${ARTICLES} articles indexed`, () => count() === ARTICLES, 840_000, 250);
      await index.whenIdle();
      const millis = performance.now() - started;
      const analysed = index.stats.analysed - analysedBefore;
      console.log(`      ${ARTICLES} articles (${texts.reduce((n, t) => n + t.length, 0).toLocaleString('en')} characters) indexed in ${(millis / 1000).toFixed(1)} s: ${analysed} analysed in the worker`);
      const own = index.longestSlice;
      console.log(`      extension host while indexing: ${probe.describe()}; the index's own longest slice of work ${own.millis.toFixed(0)} ms (${own.what})`);
      console.log(`      extension host while indexing: ${HostAllocation.describe(await allocation.stop(), ARTICLES, 'article')}`);
      const entities = index.corpus.entities();
      console.log(`      corpus: ${index.corpus.articleKeys.length} articles, ${entities.length} entities`);
      assert.ok(analysed >= ARTICLES, `each article was analysed (${analysed})`);
      // a shared name of one story is found in every article of that story
      const shared = entities.filter((e) => e.articles >= ARTICLES / STORIES);
      assert.ok(shared.length > 0, 'names shared across the articles of a story are one corpus entity each');
      // generous: the target is under 50 ms; a loaded CI machine can stall any process for a while
      assert.ok(probe.longestStretch < 3000, `the extension host kept responding (${probe.describe()})`);
    } finally {
      probe.stop();
      const file = await profile.stop();
      // what the host ran in each of the probe's longest stretches: node scripts/blocking-stretches.mjs <file>
      if (file) writeFileSync(`${file}.stretches.json`, JSON.stringify(probe.stretches));
    }
  });

  it(`@after-reload reopens the ${ARTICLES.toLocaleString('en')} articles from the cache without analysing them, and the Entities view lists them`, async () => {
    const api = await annotatorApi();
    const index = api.workspaceIndex;
    assert.equal(scaleFiles().length, ARTICLES, 'phase 1 left its articles for this phase');
    api.entitiesTree.setMode('workspace');
    await index.whenIdle();
    // the reopen is over: its probe and profile stop here
    const probe = reopen!.probe;
    probe.stop();
    const profileFile = await reopen!.profile.stop();
    const allocated = await reopen!.allocation.stop();
    if (profileFile) writeFileSync(`${profileFile}.stretches.json`, JSON.stringify(probe.stretches));
    const probed = `extension host while reopening: ${probe.describe()}, measured from ${(reopen!.startedAt - (index.startedAt ?? 0)).toFixed(0)} ms after the index started until every file was checked`;
    const { listedMillis, listed, summaryReadMillis, summaryMillis, summaryWorkMillis, loadedMillis, loaded, readMillis, workMillis, readyMillis, ready } = index.opening;
    const own = index.longestSlice;
    // what the Entities view does on its first redraw: each kind's rows
    const started = performance.now();
    const roots = api.entitiesTree.getChildren();
    for (const root of roots) api.entitiesTree.getChildren(root).slice(0, 100).forEach((node) => api.entitiesTree.getTreeItem(node));
    const rowsMillis = performance.now() - started;
    const keys = index.corpus.articleKeys.filter((k) => k.includes(PREFIX));
    console.log(
      `      after reload: the Entities view listed ${listed} entities from the cache's summary ${listedMillis?.toFixed(0)} ms after the index started (target: usable within 1 s; its bytes came ${summaryReadMillis?.toFixed(0)} ms after they were asked for, listed ${summaryMillis?.toFixed(0)} ms after, host work ${summaryWorkMillis?.toFixed(0)} ms); ${loaded} articles from the cache's pack ${loadedMillis?.toFixed(0)} ms after the index started (read ${readMillis?.toFixed(0)} ms, host work ${workMillis?.toFixed(0)} ms; activation took ${api.activationMillis.toFixed(0)} ms), the Entities view's rows built in ${rowsMillis.toFixed(0)} ms (target: usable within 1 s); every file checked ${readyMillis?.toFixed(0)} ms after the start (${ready?.fromCache} from the cache, ${ready?.analysed} analysed); the index's longest slice of work since activation ${own.millis.toFixed(0)} ms (${own.what}); ${probed}`,
    );
    console.log(`      extension host while reopening: ${HostAllocation.describe(allocated, ARTICLES, 'article')}; the longest stretches: ${stretchesByTest(probe.stretches, index.startedAt ?? 0) || 'none of 20 ms or more'}`);
    assert.equal(keys.length, ARTICLES, 'every article is back in the index');
    assert.ok(loaded >= ARTICLES, `the articles came back from the pack in one read (${loaded})`);
    assert.ok(ready && ready.analysed < 10, `(almost) nothing analysed again when the index was first complete (${ready?.analysed})`);
    const people = roots.find((r) => r.kind === 'kind' && r.entityKind === 'person');
    assert.ok(people?.kind === 'kind' && people.entities.some((e) => (e.articles ?? 0) >= ARTICLES / STORIES), 'the Entities view lists the people shared by the articles of a story');
    // a hundred at a time: each redraw hands VS Code only the rows of the pages shown; a "… more" row expands to the next
    const page = api.entitiesTree.getChildren(people);
    if (people.entities.length > 100) {
      const more = page[page.length - 1]!;
      assert.equal(page.length, 101, 'a page of people, then a row for the rest');
      assert.equal(more.kind, 'more');
      assert.equal(api.entitiesTree.getTreeItem(more).label, `${people.entities.length - 100} more…`);
      const next = api.entitiesTree.getChildren(more);
      assert.deepEqual(next.slice(0, 3).map((n) => n.kind === 'entity' && n.name), people.entities.slice(100, 103).map((e) => e.name), 'the next page goes on where the first ended');
    }
    // the Timeline view likewise: a year lists at most 100 of the events dated only by that year, then a "… more" row
    for (const year of api.timelineTree.getChildren()) {
      if (year.kind !== 'period') continue;
      const own = year.events.filter((e) => e.sortKey.length <= 4).length;
      const children = api.timelineTree.getChildren(year);
      assert.equal(children.filter((n) => n.kind === 'event').length, Math.min(own, 100), `the events of ${year.period} shown at once`);
      assert.equal(children.some((n) => n.kind === 'more'), own > 100, `a "… more" row in ${year.period} only beyond a page`);
    }
    // generous: the target is under 50 ms; a loaded CI machine can stall any process for a while
    assert.ok(probe.longestStretch < 3000, `the extension host kept responding while reopening (${probed})`);
    // generous: a loaded machine is slow; the figure above is what counts
    assert.ok(loadedMillis !== undefined && loadedMillis < 60_000, `the pack was read (${loadedMillis?.toFixed(0)} ms)`);
    // the view listed the collection from the summary before the pack's articles were in
    assert.ok(listed !== undefined && listed >= 0.9 * entitiesOfScale(index), `the summary listed the collection's entities (${listed})`);
    assert.ok(listedMillis !== undefined && listedMillis <= loadedMillis && listedMillis < 20_000, `the summary was listed first (${listedMillis?.toFixed(0)} ms, the pack's articles ${loadedMillis.toFixed(0)} ms)`);
  });
});
