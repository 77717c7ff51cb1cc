import * as assert from 'node:assert/strict';
import { bratBasePath, bratType, exportBrat, importBrat, labelFromBratType } from '../../../src/core/formats/brat';
import { unplacedAnnotations } from '../../../src/core/formats/formatModel';
import { essentials, sample, SEED_003, SYNTHETIC, SYNTHETIC_TEXT } from './fixtures/sampleAnnotations';

describe('brat standoff', () => {
  it('round-trips spans, labels and notes through .txt/.ann pairs (orphans left out)', () => {
    const { annotations, articles, placed } = sample();
    const files = exportBrat(annotations, articles);
    assert.deepEqual(
      files.map((f) => f.path),
      [
        'seeds/003_cf56c5e4736b5965.txt',
        'seeds/003_cf56c5e4736b5965.ann',
        'seeds/000_96c9ee8166b27d0f.txt',
        'seeds/000_96c9ee8166b27d0f.ann',
        'notes/edge cases [draft].md.txt',
        'notes/edge cases [draft].md.ann',
        'annotation.conf',
        'visual.conf',
      ],
    );
    const conf = files.find((f) => f.path === 'annotation.conf')?.content ?? '';
    assert.ok(conf.startsWith('[entities]\nclaim\ndate\nemoji\nnamed_entity\nnote\norganization\nperson\nplace\nplace_-2f-_country-3a-_-fc-n-ef-code\nquote\n\n[relations]\n'), conf);
    assert.ok(files.find((f) => f.path === 'visual.conf')?.content.includes('\nnamed_entity | named entity\n'));
    const back = [];
    for (const { article } of articles) {
      const base = bratBasePath(article);
      const txt = files.find((f) => f.path === `${base}.txt`)?.content ?? '';
      const ann = files.find((f) => f.path === `${base}.ann`)?.content ?? '';
      assert.equal(txt, articles.find((a) => a.article === article)?.text);
      const result = importBrat(ann, txt, article);
      assert.deepEqual(result.problems, [], article);
      back.push(...result.annotations);
    }
    assert.deepEqual(essentials(back), essentials(placed));
    assert.equal(unplacedAnnotations(annotations, articles).length, 1);
  });

  it('writes T lines with code-point offsets and covered text, and # AnnotatorNotes lines', () => {
    const { annotations, articles } = sample();
    const files = exportBrat(annotations, articles);
    const ann = files.find((f) => f.path === 'notes/edge cases [draft].md.ann')?.content ?? '';
    const lines = ann.trimEnd().split('\n');
    // 👩‍🔬 is 5 UTF-16 units but 3 code points; São Paulo comes after it.
    const sao = SYNTHETIC_TEXT.indexOf('São Paulo');
    const astralBefore = 2; // the two astral code points of 👩‍🔬 (woman, microscope) each take 2 units
    assert.ok(lines.includes(`T4\tplace ${sao - astralBefore} ${sao - astralBefore + 9}\tSão Paulo`), ann);
    assert.ok(lines.some((l) => /^#\d+\tAnnotatorNotes T3\t=1\+1$/.test(l)), ann);
    // The span over a line break is written as two fragments, as brat does.
    const ny = SYNTHETIC_TEXT.indexOf('New York');
    const nyCp = ny - 2 - 2; // the emoji (5 units, 3 code points) and the flag (2 regional indicators: 4 units, 2 code points)
    assert.ok(lines.includes(`T6\tplace ${nyCp} ${nyCp + 8};${nyCp + 9} ${nyCp + 18}\tNew York City Hall`), ann);
    assert.ok(lines.some((l) => l.endsWith('\tAnnotatorNotes T7\t\\ttab first')), ann);
    const seed = files.find((f) => f.path === 'seeds/003_cf56c5e4736b5965.ann')?.content ?? '';
    assert.match(seed, /\tnamed_entity \d+ \d+\tAntony Blinken\n/);
    assert.match(seed, /\tAnnotatorNotes T\d+\t\*\*The capital\.\*\*\\n\\n- a list item, with "quotes"\\n- and a \\\\ backslash\\tand a tab\n/);
  });

  it('maps labels to space-free brat types and back', () => {
    for (const label of ['person', 'named entity', 'place / country: ünïcode', 'a_b', 'x.y', 'Geo-Political', '👩‍🔬 lab', '  be ', '-de-', '_5f_']) {
      const type = bratType(label);
      assert.match(type, /^[A-Za-z0-9_-]+$/);
      assert.equal(labelFromBratType(type), label);
    }
    assert.equal(bratType('named entity'), 'named_entity');
    assert.equal(labelFromBratType('Geo-Political_Entity'), 'Geo-Political Entity');
  });

  it('makes safe relative paths for any article key', () => {
    assert.equal(bratBasePath('seeds/a.txt'), 'seeds/a');
    assert.equal(bratBasePath('../../etc/passwd'), 'etc/passwd');
    assert.equal(bratBasePath('file:///home/me/My%20News/a.TXT'), 'home/me/My News/a');
    assert.equal(bratBasePath('untitled:Untitled-1'), 'Untitled-1');
    assert.equal(bratBasePath('C:\\news\\a.txt'), 'news/a');
  });

  it('imports discontinuous spans as the covering span, with a warning when text lies between', () => {
    const text = 'New York and the City Hall.';
    const ann = ['T1\tplace 0 8;17 26\tNew York City Hall', 'T2\tplace 0 3\tNew', '#1\tAnnotatorNotes T2\tfirst', '#2\tAnnotatorNotes T2\tsecond', ''].join('\n');
    const result = importBrat(ann, text, 'a.txt');
    assert.equal(result.annotations.length, 2);
    assert.deepEqual([result.annotations[0]?.start, result.annotations[0]?.end], [0, 26]);
    assert.equal(result.annotations[1]?.note, 'first\n\nsecond');
    assert.match(result.problems[0] ?? '', /T1 is discontinuous \(0 8;17 26\); imported as the covering span 0-26/);
  });

  it('reports bad lines, ignores relations and attributes, and re-finds moved text', () => {
    const text = 'Kabul fell. Then Kabul was quiet.';
    const ann = [
      'T1\tplace 0 5\tKabul',
      'T2\tplace 12 17\tKabul', // moved: Kabul is at 17-22
      'T3\tplace 0 99\tKabul',
      'T4\tplace 5 5\t',
      'T5 place 0 5 Kabul',
      'T6\tplace 0 4\tMosc',
      'R1\tLocated Arg1:T1 Arg2:T2',
      'A1\tNegated T1',
      '#1\tAnnotatorNotes T9\torphan note',
      '#2\tAnnotatorNotes T1\tok',
      'T1\tplace 0 5\tKabul',
    ].join('\r\n');
    const result = importBrat(ann, text, 'a.txt');
    assert.deepEqual(
      result.annotations.map((a) => [a.start, a.end, a.label, a.note]),
      [
        [0, 5, 'place', 'ok'],
        [17, 22, 'place', ''],
      ],
    );
    const problems = result.problems.join('\n');
    assert.match(problems, /line 2: T2 "Kabul" is not at 12 17; found at 17-22/);
    assert.match(problems, /line 3: T3 has offsets 0-99 past the end/);
    assert.match(problems, /line 4: T4 has an empty or reversed span/);
    assert.match(problems, /line 5: T5 must be followed by a tab/);
    assert.match(problems, /line 6: T6 says its text is "Mosc" but the \.txt has "Kabu" there; skipped/);
    assert.match(problems, /line 11: T1 is defined twice/);
    assert.match(problems, /1 relation line \(R\) ignored/);
    assert.match(problems, /1 attribute line \(A\) ignored/);
    assert.match(problems, /a note refers to T9/);
  });

  it('throws when an annotated article has no text, and skips text-less articles without annotations', () => {
    const { annotations } = sample();
    assert.throws(() => exportBrat(annotations, [{ article: SEED_003, date: null }]), /brat export needs the text of seeds\/003/);
    assert.deepEqual(exportBrat([], [{ article: SYNTHETIC, date: null }]), []);
  });
});
