import * as assert from 'node:assert/strict';
import type { ArticleInfo } from '../../../src/core/annotations/annotationModel';
import { conllTag, exportConll, sentenceRanges, tokenRanges, type ConllToken } from '../../../src/core/formats/conll';
import { annotate, sample, SEED_003, seedText } from './fixtures/sampleAnnotations';

/** Decodes BIO tags back to character spans (first token's start to last token's end) with their tag. */
function decode(sentences: readonly (readonly ConllToken[])[]): string[] {
  const spans: string[] = [];
  let open: { start: number; end: number; tag: string } | undefined;
  const close = () => {
    if (open) spans.push(`${open.start}-${open.end} ${open.tag}`);
    open = undefined;
  };
  for (const sentence of sentences) {
    for (const token of sentence) {
      const [bio, tag] = [token.tag.slice(0, 1), token.tag.slice(2)];
      if (bio === 'B' || (bio === 'I' && (!open || open.tag !== tag))) {
        close();
        open = { start: token.start, end: token.end, tag };
      } else if (bio === 'I' && open) open.end = token.end;
      else close();
    }
    close();
  }
  return spans;
}

describe('CoNLL-2003 BIO', () => {
  it('tags exactly the tokens of each kept annotation, dropping overlaps longest-first and skipping orphans', () => {
    const { annotations, articles } = sample();
    const result = exportConll(annotations, articles);
    // "Interior Ministry" inside "Afghan Interior Ministry", "Antony Blinken" inside the claim.
    assert.equal(result.dropped, 2);
    assert.equal(result.skipped, 1);
    const dropped = new Set(['Interior Ministry', 'Antony Blinken']);
    for (const document of result.documents) {
      const text = articles.find((a) => a.article === document.article)?.text ?? '';
      const expected = annotations
        .filter((a) => a.article === document.article && a.status !== 'orphaned' && !dropped.has(a.quote.exact))
        .map((a) => `${a.position.start}-${a.position.end} ${conllTag(a.label)}`)
        .sort();
      assert.deepEqual(decode(document.sentences).sort(), expected, document.article);
      for (const sentence of document.sentences) {
        for (const token of sentence) {
          assert.equal(token.text, text.slice(token.start, token.end));
          assert.doesNotMatch(token.text, /\s/);
        }
      }
    }
  });

  it('writes -DOCSTART- per article, token<TAB>tag lines and a blank line after each sentence', () => {
    const { annotations, articles } = sample();
    const { content, documents } = exportConll(annotations, articles);
    const lines = content.split('\n');
    assert.equal(lines.filter((l) => l === '-DOCSTART- -X- -X- O').length, 3);
    assert.equal(lines[0], '-DOCSTART- -X- -X- O');
    assert.equal(lines[1], '');
    for (const line of lines) {
      if (line === '' || line.startsWith('-DOCSTART-')) continue;
      assert.match(line, /^\S+\t(O|[BI]-\S+)$/);
    }
    const sentences = documents.reduce((n, d) => n + d.sentences.length, 0);
    assert.equal(lines.filter((l) => l === '').length, documents.length + sentences + 1);
    assert.ok(content.includes('Ashraf\tB-PER\nGhani\tI-PER\n'));
    assert.ok(content.includes('Associated\tB-ORG\nPress\tI-ORG\n'));
    assert.ok(content.includes('Mazar-i-Sharif\tB-LOC\n'));
    assert.ok(content.includes('Sunday\tB-DATE\n'));
    assert.ok(content.includes('Afghanistan’s\tB-PLACE_/_COUNTRY:_ÜNÏCODE\n'));
    assert.ok(content.includes('New\tB-LOC\nYork\tI-LOC\nCity\tI-LOC\nHall\tI-LOC\n'), 'a span over a line break stays one entity');
  });

  it('adds # article and # date comments on request, and maps labels through a custom table', () => {
    const text = seedText(SEED_003);
    const articles: ArticleInfo[] = [{ article: SEED_003, date: '2021-08-15', text }];
    const result = exportConll([annotate(SEED_003, text, 'Kabul', 'place'), annotate(SEED_003, text, 'Reuters', 'organization')], articles, {
      comments: true,
      tags: { place: 'GPE', organization: 'ORG' },
    });
    assert.ok(result.content.startsWith('-DOCSTART- -X- -X- O\n# article = seeds/003_cf56c5e4736b5965.txt\n# date = 2021-08-15\n\n'));
    assert.ok(result.content.includes('Kabul\tB-GPE\n'));
    assert.ok(result.content.includes('Reuters\tB-ORG\n'));
    assert.equal(conllTag('Person'), 'PER');
    assert.equal(conllTag('event'), 'EVENT');
    assert.equal(conllTag('named entity'), 'NAMED_ENTITY');
  });

  it('cuts tokens at span edges so tags never cover more than the annotation', () => {
    const text = 'Afghanistan’s capital';
    const a = annotate('x.txt', text, 'Afghanistan', 'place');
    const result = exportConll([a], [{ article: 'x.txt', date: null, text }]);
    assert.equal(result.content, '-DOCSTART- -X- -X- O\n\nAfghanistan\tB-LOC\n’s\tO\ncapital\tO\n\n');
  });

  it('splits sentences at line breaks and sentence ends, not after abbreviations or inside a span', () => {
    const text = 'Mr. Smith met Gen. Lee in the U.S. on Monday. He left!\nThen "Quiet." Next one. The end';
    const sentences = sentenceRanges(text).map(([s, e]) => text.slice(s, e).trim());
    assert.deepEqual(sentences, ['Mr. Smith met Gen. Lee in the U.S. on Monday.', 'He left!', 'Then "Quiet."', 'Next one.', 'The end']);
    const inside = text.indexOf('one. The');
    assert.equal(sentenceRanges(text, [{ start: inside, end: inside + 8 }]).length, 4);
    const tokens = tokenRanges(text, 0, text.length).map(([s, e]) => text.slice(s, e));
    assert.deepEqual(tokens.slice(0, 8), ['Mr', '.', 'Smith', 'met', 'Gen', '.', 'Lee', 'in']);
    assert.ok(tokens.includes('U.S.'));
    assert.deepEqual(
      tokenRanges('350,000 soldiers; 3.5% on 2021-08-15', 0, 36).map(([s, e]) => '350,000 soldiers; 3.5% on 2021-08-15'.slice(s, e)),
      ['350,000', 'soldiers', ';', '3.5', '%', 'on', '2021-08-15'],
    );
  });

  it('throws when an annotated article has no text', () => {
    const text = seedText(SEED_003);
    assert.throws(() => exportConll([annotate(SEED_003, text, 'Kabul', 'place')], []), /CoNLL export needs the text/);
  });
});
