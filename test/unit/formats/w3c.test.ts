import * as assert from 'node:assert/strict';
import * as jsonld from 'jsonld';
import { annotationIdFromIri, annotationIri, ANNO_CONTEXT_URL, exportW3C, importW3C, w3cCollection } from '../../../src/core/formats/w3c';
import annoContext from './fixtures/anno.jsonld.json';
import { annotate, essentials, sample, SEED_003, seedText } from './fixtures/sampleAnnotations';

const OA = 'http://www.w3.org/ns/oa#';

/** Offline: only the W3C annotation context, bundled; any other URL fails the test. */
async function documentLoader(url: string) {
  if (url === ANNO_CONTEXT_URL || url === 'https://www.w3.org/ns/anno.jsonld') {
    return { contextUrl: null, documentUrl: url, document: annoContext };
  }
  throw new Error(`no network in tests: ${url}`);
}

describe('W3C Web Annotation JSON-LD', () => {
  it('round-trips spans, labels, notes, ids, times, status, origin and article dates', () => {
    const { annotations, articles } = sample();
    // the texts at hand, as the extension and the command line have them: positions in code points are read back
    const result = importW3C(exportW3C(annotations, articles), articles);
    // only the orphan, whose quote is not in the text
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0] ?? '', /"Lashkar Gah" is not found in seeds\/003_cf56c5e4736b5965\.txt; imported as an orphan$/);
    assert.deepEqual(essentials(result.annotations), essentials(annotations));
    const byId = new Map(result.annotations.map((a) => [a.id, a]));
    for (const a of annotations) {
      const back = byId.get(a.id);
      assert.ok(back, a.id);
      assert.equal(back.exact, a.quote.exact);
      assert.equal(back.prefix, a.quote.prefix);
      assert.equal(back.suffix, a.quote.suffix);
      assert.equal(back.created, a.created);
      assert.equal(back.modified, a.modified);
      assert.equal(back.status, a.status);
      assert.equal(back.origin, a.origin);
    }
    assert.deepEqual(
      result.articles.sort((a, b) => a.article.localeCompare(b.article)),
      articles.map(({ article, date }) => ({ article, date })).sort((a, b) => a.article.localeCompare(b.article)),
    );
  });

  it('writes an AnnotationCollection whose items carry both selectors, the label and note bodies and the dateline', () => {
    const { annotations, articles } = sample();
    const collection = JSON.parse(exportW3C(annotations, articles));
    assert.equal(collection.type, 'AnnotationCollection');
    assert.equal(collection['@context'][0], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(collection.total, annotations.length);
    assert.equal(collection.first.type, 'AnnotationPage');
    const kabul = collection.first.items.find((i: { target: { selector: { exact?: string }[] } }) => i.target.selector[1]?.exact === 'Kabul');
    assert.match(kabul.id, /^urn:uuid:[0-9a-f-]{36}$/);
    assert.equal(kabul.type, 'Annotation');
    assert.equal(kabul.target.source, SEED_003);
    assert.equal(kabul.target.date, '2021-08-15');
    const start = seedText(SEED_003).indexOf('Kabul');
    assert.deepEqual(kabul.target.selector[0], { type: 'TextPositionSelector', start, end: start + 5 });
    assert.equal(kabul.target.selector[1].type, 'TextQuoteSelector');
    assert.deepEqual(kabul.body[0], { type: 'TextualBody', purpose: 'tagging', value: 'place' });
    assert.equal(kabul.body[1].purpose, 'commenting');
    assert.equal(kabul.body[1].format, 'text/markdown');
    assert.match(kabul.body[1].value, /^\*\*The capital/);
    assert.ok(typeof kabul.created === 'string' && typeof kabul.modified === 'string');
  });

  it('names each target by the article file\'s full URI when known, and reads the URI and the older relative form back', () => {
    const { annotations, articles } = sample();
    const uri = (key: string) => `file:///home/reader/news/${key.split('/').map(encodeURIComponent).join('/')}`;
    const withUris = articles.map((a) => ({ ...a, uri: uri(a.article) }));
    const collection = JSON.parse(exportW3C(annotations, withUris));
    const sources = new Set(collection.first.items.map((i: { target: { source: string } }) => i.target.source));
    assert.deepEqual(sources, new Set(articles.map((a) => uri(a.article))));
    // the URI maps back to the article's key through the articles given, or through articleKeyOf
    const back = importW3C(JSON.stringify(collection), withUris);
    assert.deepEqual(essentials(back.annotations), essentials(annotations));
    const mapped = importW3C(JSON.stringify(collection), [], { articleKeyOf: (source) => decodeURIComponent(source.replace('file:///home/reader/news/', '')) });
    assert.deepEqual(new Set(mapped.annotations.map((a) => a.article)), new Set(articles.map((a) => a.article)));
    // a file written before sources were URIs (relative paths) still imports onto the same articles
    const old = importW3C(exportW3C(annotations, articles), withUris);
    assert.deepEqual(essentials(old.annotations), essentials(annotations));
  });

  it('gives an annotation without a note (an accepted entity) no empty commenting body', () => {
    const { annotations, articles } = sample();
    const collection = JSON.parse(exportW3C(annotations, articles));
    type Item = { body: { purpose: string; value: string }[]; origin: string };
    const items: Item[] = collection.first.items;
    const bare = items.filter((i) => i.body.length === 1);
    assert.ok(bare.length > 0 && bare.some((i) => i.origin === 'entity'));
    for (const item of items) for (const body of item.body) assert.notEqual(body.value, '', 'no body is empty');
    assert.equal(items.filter((i) => i.body.some((b) => b.purpose === 'commenting')).length, annotations.filter((a) => a.note !== '').length);
  });

  it('carries a note\'s replies as replying bodies with their times, and reads them back', () => {
    const { annotations, articles } = sample();
    const replies = [
      { body: 'Checked with **AP**.', created: '2024-01-03T09:15:00.000Z' },
      { body: 'Agreed.', created: '2024-01-04T10:00:00.000Z' },
    ];
    const kabul = { ...annotations[1]!, replies };
    const item = JSON.parse(exportW3C([kabul], articles)).first.items[0];
    assert.deepEqual(item.body.slice(2), replies.map((r) => ({ type: 'TextualBody', purpose: 'replying', value: r.body, format: 'text/markdown', created: r.created })));
    const back = importW3C(exportW3C([kabul], articles), articles).annotations[0];
    assert.equal(back?.note, kabul.note);
    assert.deepEqual(back?.replies, replies);
  });

  describe('TextPositionSelector counts Unicode code points (Web Annotation Data Model 4.2.5)', () => {
    const article = 'notes/emoji.txt';
    const text = 'Fans 🎉🎉 cheered as 👩‍🔬 Dr. Lee landed in Oslo.\n';
    const at = (exact: string) => ({ start: text.indexOf(exact), end: text.indexOf(exact) + exact.length });
    const lee = annotate(article, text, 'Dr. Lee', 'person');
    const oslo = annotate(article, text, 'Oslo', 'place');
    const articles = [{ article, date: null, text }];
    const codePoints = (exact: string) => ({ start: [...text.slice(0, at(exact).start)].length, end: [...text.slice(0, at(exact).end)].length });

    it('exports code points after astral characters (emoji) before the span', () => {
      const items = JSON.parse(exportW3C([lee, oslo], articles)).first.items;
      const position = (i: number) => ({ start: items[i].target.selector[0].start, end: items[i].target.selector[0].end });
      assert.deepEqual(position(0), codePoints('Dr. Lee'));
      assert.deepEqual(position(1), codePoints('Oslo'));
      // 🎉🎉 and the two astral code points of 👩‍🔬 each count one, not two
      assert.equal(at('Oslo').start - position(1).start, 4);
    });

    it('imports code points (what it exports) back to the same span', () => {
      const back = importW3C(exportW3C([lee, oslo], articles), articles);
      assert.deepEqual(back.problems, []);
      assert.deepEqual(back.annotations.map((a) => [a.start, a.end, a.exact]), [[at('Dr. Lee').start, at('Dr. Lee').end, 'Dr. Lee'], [at('Oslo').start, at('Oslo').end, 'Oslo']]);
    });

    it('imports UTF-16 code units (older files, other tools) when only they select the quote', () => {
      const utf16 = { type: 'Annotation', body: { type: 'TextualBody', purpose: 'tagging', value: 'place' }, target: { source: article, selector: [{ type: 'TextPositionSelector', ...at('Oslo') }, { type: 'TextQuoteSelector', exact: 'Oslo' }] } };
      const back = importW3C(JSON.stringify(utf16), articles);
      assert.deepEqual(back.problems, []);
      assert.deepEqual([back.annotations[0]?.start, back.annotations[0]?.end], [at('Oslo').start, at('Oslo').end]);
      // a position alone is read as code points, the standard
      const alone = { ...utf16, target: { source: article, selector: { type: 'TextPositionSelector', ...codePoints('Oslo') } } };
      assert.equal(importW3C(JSON.stringify(alone), articles).annotations[0]?.exact, 'Oslo');
    });

    it('keeps positions as stored when the text is not at hand (nothing to count in)', () => {
      const items = JSON.parse(exportW3C([oslo], [{ article, date: null }])).first.items;
      assert.deepEqual({ start: items[0].target.selector[0].start, end: items[0].target.selector[0].end }, at('Oslo'));
    });
  });

  it('expands without error (safe mode: nothing dropped) with the W3C context bundled locally', async () => {
    const { annotations, articles } = sample();
    const expanded = await jsonld.expand(JSON.parse(exportW3C(annotations, articles)), { documentLoader, safe: true });
    assert.equal(expanded.length, 1);
    const text = JSON.stringify(expanded);
    for (const iri of ['hasTarget', 'hasSource', 'hasSelector', 'TextPositionSelector', 'TextQuoteSelector', 'hasPurpose', 'tagging', 'commenting', 'exact']) {
      assert.ok(text.includes(`${OA}${iri}`), `expanded JSON-LD has oa:${iri}`);
    }
    assert.ok(text.includes('"@type":"http://www.w3.org/2001/XMLSchema#date","@value":"2021-08-15"'), 'the dateline is a typed dcterms:date');
    assert.ok(text.includes('http://purl.org/dc/terms/date'));
    assert.ok(text.includes('urn:article-annotator:status'));
    // And to RDF, as a JSON-LD processor would store it.
    const nquads = await jsonld.toRDF(JSON.parse(exportW3C(annotations.slice(0, 2), articles)), { documentLoader, format: 'application/n-quads', base: 'file:///workspace/' });
    assert.match(nquads, /<file:\/\/\/workspace\/seeds\/003_cf56c5e4736b5965\.txt>/);
    assert.match(nquads, /<http:\/\/www\.w3\.org\/ns\/oa#hasPurpose> <http:\/\/www\.w3\.org\/ns\/oa#tagging>/);
  });

  it('exports an empty collection that still expands', async () => {
    const collection = w3cCollection([], []);
    assert.equal(collection.total, 0);
    await jsonld.expand(collection, { documentLoader, safe: true });
  });

  it('keeps ids that are not UUIDs', () => {
    for (const id of ['abc 1', 'http://example.org/anno/1', 'urn:uuid:0a', '12']) {
      assert.equal(annotationIdFromIri(annotationIri(id)), id.startsWith('urn:uuid:') ? '0a' : id);
    }
  });

  describe('import of variants', () => {
    const text = seedText(SEED_003);
    const start = text.indexOf('Kabul');
    const articles = [{ article: SEED_003, date: null, text }];
    const single = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'http://example.org/anno1',
      type: 'Annotation',
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: 'place' },
        { type: 'TextualBody', value: 'a plain comment' },
      ],
      target: { source: SEED_003, selector: { type: 'TextQuoteSelector', exact: 'Kabul', prefix: 'pouring into ', suffix: ' from all' } },
    };

    it('reads a single Annotation with a quote-only selector object, placing it in the text', () => {
      const result = importW3C(JSON.stringify(single), articles);
      assert.deepEqual(result.problems, []);
      assert.equal(result.annotations.length, 1);
      assert.deepEqual(
        { ...result.annotations[0], prefix: undefined, suffix: undefined },
        { article: SEED_003, start, end: start + 5, exact: 'Kabul', label: 'place', note: 'a plain comment', id: 'http://example.org/anno1', prefix: undefined, suffix: undefined },
      );
    });

    it('uses the prefix and suffix to choose among repeated quotes', () => {
      const second = text.indexOf('Kabul', start + 1);
      const item = { ...single, target: { source: SEED_003, selector: { type: 'TextQuoteSelector', exact: 'Kabul', prefix: 'outskirts of ', suffix: ', Afghan' } } };
      assert.equal(importW3C(JSON.stringify(item), articles).annotations[0]?.start, second);
    });

    it('reads arrays, top-level items, first.items and @graph', () => {
      for (const wrap of [[single, single], { items: [single, single] }, { type: 'AnnotationCollection', first: { items: [single], next: { items: [single] } } }, { '@graph': [single, single] }]) {
        const result = importW3C(JSON.stringify(wrap), articles);
        assert.equal(result.annotations.length, 2, JSON.stringify(wrap).slice(0, 60));
      }
    });

    it('ignores a RangeSelector with a warning, and re-finds a quote that moved', () => {
      const item = {
        ...single,
        target: {
          source: SEED_003,
          selector: [
            { type: 'RangeSelector', startSelector: { type: 'XPathSelector', value: '/p[1]' }, endSelector: { type: 'XPathSelector', value: '/p[2]' } },
            { type: 'TextPositionSelector', start: start + 3, end: start + 8 },
            { type: 'TextQuoteSelector', exact: 'Kabul' },
          ],
        },
      };
      const result = importW3C(JSON.stringify(item), articles);
      assert.equal(result.annotations[0]?.start, start);
      assert.equal(result.problems.length, 2);
      assert.match(result.problems[0] ?? '', /RangeSelector is not supported; ignored/);
      assert.match(result.problems[1] ?? '', /no longer at .*; found at/);
    });

    it('reports every bad item and keeps the good ones', () => {
      const items = [
        single,
        'not an object',
        { type: 'Annotation', body: { value: 'x', purpose: 'tagging' } },
        { type: 'Annotation', target: 'http://example.org/page' },
        { type: 'Annotation', target: { source: SEED_003, selector: { type: 'TextPositionSelector', start: 9, end: 3 } } },
        { type: 'Annotation', target: { source: 'elsewhere.txt', selector: { type: 'TextQuoteSelector', exact: 'x' } } },
        { type: 'Person', name: 'not an annotation' },
        { type: 'Annotation', target: { source: SEED_003, selector: [{ type: 'TextPositionSelector', start: 0, end: 5 }, { type: 'TextQuoteSelector', exact: 'Nowhere at all' }] }, body: { type: 'TextualBody', purpose: 'tagging', value: 'place' }, created: 'yesterday' },
      ];
      const result = importW3C(JSON.stringify({ type: 'AnnotationCollection', total: items.length, first: { type: 'AnnotationPage', items } }), articles);
      assert.equal(result.annotations.length, 2);
      assert.equal(result.annotations[1]?.status, 'orphaned');
      const problems = result.problems.join('\n');
      assert.match(problems, /item 2: not a JSON object; skipped/);
      assert.match(problems, /item 3: no target; skipped/);
      assert.match(problems, /item 4: its target is a bare IRI/);
      assert.match(problems, /item 5: TextPositionSelector needs integer start < end/);
      assert.match(problems, /item 6: no TextPositionSelector, and the text of elsewhere.txt is not available/);
      assert.match(problems, /item 7: its type is Person, not Annotation; skipped/);
      assert.match(problems, /item 8: "Nowhere at all" is not found in .*; imported as an orphan/);
      assert.match(problems, /item 8: "created" "yesterday" is not an ISO 8601 date-time; ignored/);
    });

    it('never throws on input that is not JSON or not annotations', () => {
      assert.match(importW3C('{ nope').problems[0] ?? '', /^not valid JSON/);
      assert.match(importW3C('42').problems[0] ?? '', /expected a JSON object or array/);
      assert.match(importW3C('{"hello": 1}').problems[0] ?? '', /no annotations found/);
      assert.match(importW3C('{"type": "AnnotationCollection", "first": "http://example.org/page1"}').problems[0] ?? '', /not included in the file/);
    });

    it('labels an annotation without a tag "note", with a warning', () => {
      const item = { type: 'Annotation', bodyValue: 'just a comment', target: { source: SEED_003, selector: { type: 'TextQuoteSelector', exact: 'Kabul' } } };
      const result = importW3C(JSON.stringify(item), articles);
      assert.equal(result.annotations[0]?.label, 'note');
      assert.equal(result.annotations[0]?.note, 'just a comment');
      assert.match(result.problems[0] ?? '', /no tagging body/);
    });
  });
});
