import * as assert from 'node:assert/strict';
import { exportDoccanoJsonl, exportSpacyJsonl, importJsonl } from '../../../src/core/formats/jsonl';
import { essentials, sample, SEED_003, SYNTHETIC, SYNTHETIC_TEXT, seedText } from './fixtures/sampleAnnotations';

describe('JSONL (spaCy/Prodigy and doccano)', () => {
  for (const [style, exporter] of [
    ['spaCy', exportSpacyJsonl],
    ['doccano', exportDoccanoJsonl],
  ] as const) {
    it(`round-trips spans, labels and notes in the ${style} style, matching lines to articles by text`, () => {
      const { annotations, articles, placed } = sample();
      const content = exporter(annotations, articles);
      assert.equal(content.split('\n').length, articles.length + 1);
      const result = importJsonl(content, articles);
      assert.deepEqual(result.problems, []);
      assert.deepEqual(essentials(result.annotations), essentials(placed));
      assert.deepEqual(result.articles, articles.map(({ article, date }) => ({ article, date })));
    });

    it(`falls back on meta.file when no article has the line's text (${style})`, () => {
      const { annotations, articles, placed } = sample();
      const result = importJsonl(exporter(annotations, articles), []);
      assert.deepEqual(result.problems, []);
      assert.deepEqual(essentials(result.annotations), essentials(placed));
    });
  }

  it('writes code-point offsets, the file and date in meta, and notes in meta.notes', () => {
    const { annotations, articles } = sample();
    const lines = exportSpacyJsonl(annotations, articles).trimEnd().split('\n').map((l) => JSON.parse(l));
    const synthetic = lines.find((l) => l.meta.file === SYNTHETIC);
    assert.equal(synthetic.text, SYNTHETIC_TEXT);
    assert.equal(synthetic.meta.date, '2024-02-29');
    const sao = [...SYNTHETIC_TEXT.slice(0, SYNTHETIC_TEXT.indexOf('São Paulo'))].length;
    assert.deepEqual(
      synthetic.spans.find((s: { label: string; start: number }) => s.start === sao),
      { start: sao, end: sao + 9, label: 'place' },
    );
    assert.deepEqual(synthetic.meta.notes[0], { start: 4, end: 9, label: 'person', note: 'Markdown *stars* in the quote' });
    const doccano = JSON.parse(exportDoccanoJsonl(annotations, articles).split('\n')[0] ?? '');
    assert.deepEqual(Object.keys(doccano), ['text', 'label', 'meta']);
    assert.deepEqual(doccano.label[0], [17, 24, 'organization']);
  });

  it('uses --article for lines without a match or meta.file, and reports lines it cannot place', () => {
    const text = 'Kabul is the capital.';
    const lines = [
      JSON.stringify({ text, spans: [{ start: 0, end: 5, label: 'place' }] }),
      '{not json',
      JSON.stringify({ words: [] }),
      JSON.stringify({ text, label: [[0, 5, 'place'], [3, 99, 'x'], [2, 2, 'y'], 'POSITIVE'] }),
      JSON.stringify({ text, entities: [[0, 5, 'GPE']], spans: [{ start: 0, end: 'x', label: 'place' }] }),
      JSON.stringify({ text }),
    ].join('\n');
    const unplaced = importJsonl(lines, []);
    assert.equal(unplaced.annotations.length, 0);
    assert.match(unplaced.problems[0] ?? '', /^line 1: its text matches no article, and it has no meta.file/);
    const result = importJsonl(lines, [], { article: 'kabul.txt' });
    assert.deepEqual(
      result.annotations.map((a) => [a.article, a.start, a.end, a.label]),
      [
        ['kabul.txt', 0, 5, 'place'],
        ['kabul.txt', 0, 5, 'place'],
        ['kabul.txt', 0, 5, 'GPE'],
      ],
    );
    const problems = result.problems.join('\n');
    assert.match(problems, /line 2: not valid JSON/);
    assert.match(problems, /line 3: needs a JSON object with a "text" string/);
    assert.match(problems, /line 4: span 3-99 \(x\) is not inside the text/);
    assert.match(problems, /line 4: span 2-2 \(y\) is not inside the text/);
    assert.match(problems, /line 4: "POSITIVE" is a document label/);
    assert.match(problems, /line 5: a span needs integer "start" and "end"/);
    assert.match(problems, /line 6: no "spans", "label", "labels" or "entities" list/);
  });

  it('re-finds spans in the article when the line names it by meta.file but its text differs', () => {
    const text = seedText(SEED_003);
    const line = JSON.stringify({ text: 'Intro. The Taliban entered Kabul.', spans: [{ start: 27, end: 32, label: 'place' }, { start: 0, end: 5, label: 'x' }], meta: { file: SEED_003 } });
    const result = importJsonl(line, [{ article: SEED_003, date: null, text }]);
    assert.deepEqual(result.annotations.map((a) => [a.start, a.end, a.exact]), [[text.indexOf('Kabul'), text.indexOf('Kabul') + 5, 'Kabul']]);
    assert.match(result.problems[0] ?? '', /its text differs from seeds\/003/);
    assert.match(result.problems[1] ?? '', /"Intro" \(x\) is not in seeds\/003.*; skipped/);
  });

  it('prefers the article the line names when several files hold its text (an exported copy)', () => {
    const text = 'Kabul is the capital.';
    const line = JSON.stringify({ text, spans: [{ start: 0, end: 5, label: 'place' }], meta: { file: 'news/kabul.txt' } });
    const articles = [
      { article: 'export/brat/news/kabul.txt', date: null, text },
      { article: 'news/kabul.txt', date: null, text },
    ];
    const named = importJsonl(line, articles);
    assert.deepEqual(named.problems, []);
    assert.equal(named.annotations[0]?.article, 'news/kabul.txt');
    const unnamed = importJsonl(JSON.stringify({ text, spans: [{ start: 0, end: 5, label: 'place' }] }), articles);
    assert.equal(unnamed.annotations[0]?.article, 'export/brat/news/kabul.txt');
    assert.match(unnamed.problems[0] ?? '', /its text is in 2 articles/);
  });
});
