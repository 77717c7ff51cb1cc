// `article-annotator corpus` on a collection it was never tuned on: test/fixtures/news-collection, eight invented news
// articles (every name invented) with names spread over files and folders the way a newsroom's folder spreads them.
// What must hold whatever the pipeline finds: every mention quotes its file exactly; a bare surname found in one
// article joins the one full name of the collection it stands for; an organization's bare first word ("Brackenfeld
// said") is an organization because another article names it in full ("Brackenfeld Logistics Inc."), and the articles
// that typed it otherwise are listed as conflicts.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, runCli } from './runCli';

const root = ROOT;
const COLLECTION = path.join('test', 'fixtures', 'news-collection', 'articles');

interface Mention {
  start: number;
  end: number;
  text: string;
}
interface Entity {
  canonical: string;
  type: string;
  mentions: number;
  articles: { file: string; mentions: Mention[] }[];
  aliases: string[];
  conflicts: { type: string; articles: string[] }[];
  firstDate: string | null;
}
interface Output {
  articles: { file: string; date: string | null; dateSource: string | null }[];
  entities: Entity[];
}

const file = (name: string): string => path.join(COLLECTION, name);

describe('article-annotator corpus on an invented news collection', function () {
  this.timeout(600_000);
  let out: Output;

  before(() => {
    // `article-annotator corpus --jobs 2 DIR`: two worker threads
    const result = runCli(['corpus', '--jobs', '2', COLLECTION], { timeout: 300_000 });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    out = JSON.parse(result.stdout) as Output;
  });

  it('reads every article of the folders, with the date of its dateline', () => {
    assert.deepEqual(
      out.articles.map((a) => [a.file, a.date]),
      [
        [file('briefs/2024-04-15-ferry.txt'), '2024-04-15'],
        [file('briefs/2024-04-22-quayle-skarholm.txt'), '2024-04-22'],
        [file('briefs/selvaggio-profile.txt'), null],
        [file('council/2024-03-11-council-vote.txt'), '2024-03-11'],
        [file('council/2024-04-02-school.txt'), '2024-04-02'],
        [file('harbour/2024-02-12-port-expansion.txt'), '2024-02-12'],
        [file('harbour/2024-02-19-quayle-interview.md'), '2024-02-19'],
        [file('harbour/2024-03-04-dockworkers.txt'), '2024-03-04'],
      ],
    );
  });

  it('quotes every mention exactly as its file has it', () => {
    let checked = 0;
    for (const entity of out.entities) {
      assert.equal(entity.mentions, entity.articles.reduce((n, a) => n + a.mentions.length, 0), entity.canonical);
      for (const article of entity.articles) {
        const text = readFileSync(path.join(root, article.file), 'utf8');
        for (const m of article.mentions) {
          assert.equal(text.slice(m.start, m.end), m.text, `${entity.canonical} in ${article.file} at ${m.start}`);
          checked++;
        }
      }
    }
    assert.ok(checked >= 20, `${checked} mentions checked`);
  });

  it('joins a bare surname in one article to the full name another article gives', () => {
    const person = (name: string): Entity => {
      const found = out.entities.filter((e) => e.canonical === name);
      assert.equal(found.length, 1, `one entity for ${name}: ${JSON.stringify(out.entities.map((e) => [e.canonical, e.type]))}`);
      assert.equal(found[0]!.type, 'person');
      return found[0]!;
    };
    const bareIn = (entity: Entity, name: string, bare: string): boolean => entity.articles.some((a) => a.file === file(name) && a.mentions.some((m) => m.text === bare));
    // "Quayle said" in the interview only: the full name is in the first article
    const quayle = person('Teodor Quayle');
    assert.ok(bareIn(quayle, 'harbour/2024-02-19-quayle-interview.md', 'Quayle'), JSON.stringify(quayle.articles));
    assert.ok(quayle.aliases.includes('Quayle'));
    assert.equal(quayle.firstDate, '2024-02-12');
    // the mayor, named in full in February, by surname alone in March (another folder)
    const varnholt = person('Ilse Varnholt');
    assert.ok(bareIn(varnholt, 'council/2024-03-11-council-vote.txt', 'Varnholt'), JSON.stringify(varnholt.articles));
    assert.ok(bareIn(varnholt, 'harbour/2024-03-04-dockworkers.txt', 'Varnholt'), JSON.stringify(varnholt.articles));
    const ellerbeck = person('Maurits Ellerbeck');
    assert.ok(bareIn(ellerbeck, 'council/2024-04-02-school.txt', 'Ellerbeck'), JSON.stringify(ellerbeck.articles));
    // no bare surname stays an entity of its own when the collection has its one full name
    const fullNames = out.entities.filter((e) => e.type === 'person' && e.canonical.includes(' '));
    for (const bare of out.entities.filter((e) => e.type === 'person' && !e.canonical.includes(' '))) {
      const standsFor = fullNames.filter((f) => f.canonical.endsWith(` ${bare.canonical}`));
      assert.notEqual(standsFor.length, 1, `${bare.canonical} joins ${standsFor[0]?.canonical}`);
    }
  });

  it('carries an organization\'s type over to its bare name in other articles, and lists the articles that typed it otherwise', () => {
    const company = out.entities.filter((e) => e.aliases.includes('Brackenfeld'));
    assert.equal(company.length, 1, JSON.stringify(company));
    const brackenfeld = company[0]!;
    assert.equal(brackenfeld.canonical, 'Brackenfeld Logistics Inc.');
    assert.equal(brackenfeld.type, 'organization');
    const files = brackenfeld.articles.map((a) => a.file);
    assert.ok(files.includes(file('harbour/2024-02-12-port-expansion.txt')), 'the article that names it in full');
    assert.ok(files.includes(file('harbour/2024-02-19-quayle-interview.md')), '"Brackenfeld said" in the interview');
    // an article that typed the bare name otherwise is named in the entity's conflicts, never silently dropped
    for (const conflict of brackenfeld.conflicts) {
      assert.notEqual(conflict.type, 'organization');
      for (const article of conflict.articles) assert.ok(files.includes(article), `${article} mentions it`);
    }
  });
});
