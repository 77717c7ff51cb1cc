import * as assert from 'node:assert/strict';
import * as jsonld from 'jsonld';
import { annotationIdFromIri, annotationIri, ANNO_CONTEXT_URL, exportW3C, importW3C, w3cCollection } from '../../../src/core/formats/w3c';
import annoContext from './fixtures/anno.jsonld.json';
import { essentials, sample, SEED_003, seedText } from './fixtures/sampleAnnotations';

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
    const result = importW3C(exportW3C(annotations, articles));
    assert.deepEqual(result.problems, []);
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

  it('writes an AnnotationCollection whose items carry both selectors, both bodies and the dateline', () => {
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
