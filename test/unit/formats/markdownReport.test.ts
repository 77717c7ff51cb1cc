import * as assert from 'node:assert/strict';
import { exportMarkdownReport } from '../../../src/core/formats/markdownReport';
import { escapeMarkdown, unescapeMarkdown } from '../../../src/core/markdown/escapeMarkdown';
import { sample } from './fixtures/sampleAnnotations';

interface Parsed {
  article: string;
  date: string | null;
  label: string;
  exact: string;
  note: string;
  /** The "In context:" line, as written. */
  context?: string;
}

/** Reads the report back: the test's proof that each item keeps its article, date, label, span, quote and note. */
function parseReport(markdown: string): Parsed[] {
  const items: Parsed[] = [];
  let article = '';
  let date: string | null = null;
  let label = '';
  let current: Parsed | undefined;
  let phase: 'quote' | 'span' | 'note' = 'note';
  for (const line of markdown.split('\n')) {
    const heading = /^## (`+) ?(.*?) ?\1 — (.*)$/.exec(line);
    if (heading) {
      article = heading[2] ?? '';
      date = heading[3] === 'no dateline' ? null : unescapeMarkdown(heading[3] ?? '');
      continue;
    }
    const labelHeading = /^### (.*) \(\d+\)$/.exec(line);
    if (labelHeading) {
      label = unescapeMarkdown(labelHeading[1] ?? '');
      continue;
    }
    if (line.startsWith('- >')) {
      current = { article, date, label, exact: unescapeMarkdown(line.slice(4)), note: '' };
      items.push(current);
      phase = 'quote';
      continue;
    }
    if (!current) continue;
    if (phase === 'quote' && line.startsWith('  >')) {
      current.exact += `\n${unescapeMarkdown(line.slice(4))}`;
    } else if (phase === 'quote' && line === '') {
      phase = 'span';
    } else if (phase === 'span' && line.startsWith('  In context: ')) {
      current.context = line.slice('  In context: '.length);
      phase = 'note';
    } else if (phase === 'note' && (line.startsWith('  ') || line === '')) {
      current.note += `${line.slice(2)}\n`;
    }
  }
  for (const item of items) item.note = item.note.replace(/^\n/, '').replace(/\n+$/, '');
  return items;
}

describe('Markdown report', () => {
  it('round-trips article, dateline, label, quoted text and note of every annotation, each with its context', () => {
    const { annotations, articles } = sample();
    const parsed = parseReport(exportMarkdownReport(annotations, articles));
    const expected = annotations.map((a) => ({
      article: a.article,
      date: articles.find((x) => x.article === a.article)?.date ?? null,
      label: a.label,
      exact: a.quote.exact,
      note: a.note,
    }));
    const key = (p: Omit<Parsed, 'context'>) => JSON.stringify([p.article, p.exact, p.label]);
    assert.deepEqual(parsed.map(key).sort(), expected.map(key).sort());
    for (const item of expected) {
      const { context, ...rest } = parsed.find((p) => key(p) === key(item)) ?? {};
      assert.deepEqual(rest, item);
      assert.ok(context !== undefined && context.includes('**'), `${key(item)} has its context with the span in bold: ${context}`);
    }
  });

  it('shows the sentence around each annotation with the span in bold, never character offsets', () => {
    const { annotations, articles } = sample();
    const report = exportMarkdownReport(annotations, articles);
    assert.doesNotMatch(report, /characters \d+/);
    // a seed article's sentence, taken from the text (not the 32-character quote context)
    assert.ok(report.includes('  In context: In recent days, Afghan President **Ashraf Ghani** has met with local leaders and foreign partners, including US Secretary of State Antony Blinken.'), report);
    // Markdown in the sentence is escaped, the span's line break flattened
    assert.ok(report.includes('  In context: Dr. **\\*Ana\\*** \\[Smith\\] 👩‍🔬 met =Acme Corp= in São Paulo.\n'), report);
    assert.ok(report.includes('  In context: **New York City Hall**\n'), report);
  });

  it('falls back to the stored quote context when the text is not at hand, and for orphans', () => {
    const { annotations, articles } = sample();
    const report = exportMarkdownReport(annotations, articles.map(({ article, date }) => ({ article, date })));
    assert.ok(report.includes('President **Ashraf Ghani** has met'), report);
    assert.ok(report.includes('In context: the city of **Lashkar Gah** fell · orphaned'), report);
  });

  it('lists the replies of a note under it, with their times', () => {
    const { annotations, articles } = sample();
    const noted = { ...annotations[1]!, replies: [{ body: 'Checked with **AP**.', created: '2024-01-03T09:15:00.000Z' }, { body: 'Two\nlines', created: '2024-01-04T10:00:00.000Z' }] };
    const report = exportMarkdownReport([noted], articles);
    assert.ok(report.includes('  Replies (2):\n\n  - *2024-01-03 09:15 UTC*: Checked with **AP**.\n\n  - *2024-01-04 10:00 UTC*: Two\n    lines\n'), report);
  });

  it('groups by article (with its file and dateline) then label, and escapes the quoted text', () => {
    const { annotations, articles } = sample();
    const report = exportMarkdownReport(annotations, articles, { title: 'Kabul, August 2021' });
    assert.ok(report.startsWith('# Kabul, August 2021\n\n22 annotations in 3 articles.\n\n## `seeds/003_cf56c5e4736b5965.txt` — 2021-08-15\n\n### claim (1)\n'));
    assert.ok(report.includes('## `seeds/000_96c9ee8166b27d0f.txt` — no dateline'));
    assert.ok(report.includes('- > \\*Ana\\*\n'));
    assert.ok(report.includes('- > \\=Acme Corp=\n'));
    assert.ok(report.includes('- > New York\n  > City Hall\n'));
    assert.ok(report.includes('orphaned (not found in the current text)'));
    assert.ok(report.indexOf('### organization (4)') < report.indexOf('### person (1)'));
  });

  it('escapes markup so quoted text shows literally', () => {
    const cases = ['*bold* _it_ `code` [link](x) <b>html</b> a|b ~~s~~ &amp; \\', '# heading', '> quote', '- item', '+ item', '1. item', '2) item', '==='];
    for (const text of cases) {
      const escaped = escapeMarkdown(text);
      assert.equal(unescapeMarkdown(escaped), text);
      assert.doesNotMatch(escaped, /(^|[^\\])[*_`[\]<>|~&]/);
      assert.doesNotMatch(escaped, /^([#>+=-]|\d+[.)])/);
    }
  });
});
