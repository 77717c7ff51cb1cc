import { CorpusIndex } from '../../../src/core/corpus/corpusIndex';
import * as assert from 'node:assert/strict';
import { cacheOptionsKey, INDEX_CACHE_FORMAT, packedArticleChunks, packHeader, packIdOf, parseIndexCacheEntry, parsePackedArticle, parseSummaryEntity, parseSummaryHeader, relevantLexicon, serializeIndexCacheEntry, serializePackedArticle, serializeSummaryEntity, summaryHeader } from '../../../src/core/corpus/indexCache';
import { packAnalysis, unpackAnalysis } from '../../../src/core/corpus/packedAnalysis';
import type { Analysis } from '../../../src/core/nlp/analysisModel';

const TEXT = 'Nadia Ferreol met the Orvane Council in Lisk on 3 May 2019. Ferreol said little.';
const at = (s: string): number => TEXT.indexOf(s);
const ANALYSIS: Analysis = {
  articleDate: '2019-05-04',
  entities: [
    { start: 0, end: 13, text: 'Nadia Ferreol', type: 'person', canonical: 'Nadia Ferreol' },
    { start: at('Orvane Council'), end: at('Orvane Council') + 14, text: 'Orvane Council', type: 'organization', canonical: 'Orvane Council' },
    { start: at('Ferreol said'), end: at('Ferreol said') + 7, text: 'Ferreol', type: 'person', canonical: 'Nadia Ferreol' },
  ],
  dates: [{ start: at('3 May 2019'), end: at('3 May 2019') + 10, text: '3 May 2019', value: '2019-05-03', resolvedAgainst: 'self', reference: null }],
  aliases: { 'Nadia Ferreol': ['Nadia Ferreol', 'Ferreol'] },
};
const EXPECTED = { contentHash: 'h1', pipeline: 'p1', optionsKey: cacheOptionsKey(TEXT, {}) };

function stored(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...JSON.parse(serializeIndexCacheEntry({ pipeline: 'p1', contentHash: 'h1', optionsKey: EXPECTED.optionsKey, analysis: ANALYSIS })), ...overrides });
}

describe('workspace index cache entries', () => {
  it('round-trip an analysis made for exactly this text, pipeline and options', () => {
    const parsed = parseIndexCacheEntry(stored(), TEXT, EXPECTED);
    assert.ok('analysis' in parsed, JSON.stringify(parsed));
    assert.deepEqual(parsed.analysis, ANALYSIS);
    assert.equal((JSON.parse(stored()) as { format: number }).format, INDEX_CACHE_FORMAT);
  });

  it('refuse entries of another format, pipeline, text or options', () => {
    assert.match(probe(stored({ format: 99 })), /format/);
    assert.match(probe(parseIndexCacheEntry(stored(), TEXT, { ...EXPECTED, pipeline: 'p2' })), /pipeline/);
    assert.match(probe(parseIndexCacheEntry(stored(), TEXT, { ...EXPECTED, contentHash: 'h2' })), /other text/);
    assert.match(probe(parseIndexCacheEntry(stored(), TEXT, { ...EXPECTED, optionsKey: cacheOptionsKey(TEXT, { articleDate: '2020-01-01' }) })), /options/);
  });

  it('refuse what is not JSON, or not shaped like an analysis, with the reason', () => {
    assert.match(probe('{"format": 1, "pipel'), /not JSON/);
    assert.match(probe('[1,2]'), /not an object/);
    assert.match(probe(stored({ analysis: { articleDate: null, entities: 'x', dates: [], aliases: {} } })), /lacks/);
    assert.match(probe(stored({ analysis: { ...ANALYSIS, articleDate: 'yesterday' } })), /article date/);
    assert.match(probe(stored({ analysis: { ...ANALYSIS, entities: [{ ...ANALYSIS.entities[0], type: 'planet' }] } })), /type/);
    assert.match(probe(stored({ analysis: { ...ANALYSIS, dates: [{ ...ANALYSIS.dates[0], value: { from: '2019' } }] } })), /bad value/);
    assert.match(probe(stored({ analysis: { ...ANALYSIS, dates: [{ ...ANALYSIS.dates[0], value: { notAfter: 'soon' } }] } })), /bad value/);
    assert.match(probe(stored({ analysis: { ...ANALYSIS, dates: [{ ...ANALYSIS.dates[0], value: { notBefore: '2019', notAfter: '2020' } }] } })), /bad value/);
    // a vague stretch known by one bound is a value
    const bound = { ...ANALYSIS, dates: [{ ...ANALYSIS.dates[0]!, value: { notAfter: '2019-05-04' } }] };
    assert.ok('analysis' in parseIndexCacheEntry(stored({ analysis: bound }), TEXT, EXPECTED));
    assert.match(probe(stored({ analysis: { ...ANALYSIS, aliases: { x: [1] } } })), /aliases/);
  });

  it('refuse spans that do not quote the text (out of range, reversed, or other words)', () => {
    const entity = ANALYSIS.entities[0]!;
    for (const bad of [{ ...entity, end: TEXT.length + 5 }, { ...entity, start: 5, end: 2 }, { ...entity, start: 1.5 }, { ...entity, text: 'Someone Else' }]) {
      assert.match(probe(stored({ analysis: { ...ANALYSIS, entities: [bad] } })), /span/, JSON.stringify(bad));
    }
    assert.match(probe(stored({ analysis: { ...ANALYSIS, dates: [{ ...ANALYSIS.dates[0], start: -1 }] } })), /span/);
  });

  it('key options by the lexicon entries whose form is in the text, in any order', () => {
    const touching = { text: 'ferreol', action: 'reject' as const };
    const other = { text: 'Quarrow', action: 'retype' as const, type: 'place' as const };
    assert.deepEqual(relevantLexicon(TEXT, [touching, other, { text: '  ', action: 'reject' }]), [touching]);
    assert.equal(cacheOptionsKey(TEXT, { lexicon: [other] }), cacheOptionsKey(TEXT, {}), 'a correction of a word not in the text keeps the key');
    assert.notEqual(cacheOptionsKey(TEXT, { lexicon: [touching] }), cacheOptionsKey(TEXT, {}));
    const accept = { text: 'Lisk', action: 'accept' as const, type: 'place' as const };
    assert.equal(cacheOptionsKey(TEXT, { lexicon: [touching, accept] }), cacheOptionsKey(TEXT, { lexicon: [accept, touching, other] }));
    assert.notEqual(cacheOptionsKey(TEXT, { articleDate: null }), cacheOptionsKey(TEXT, {}), 'no date and a detected date differ');
    assert.notEqual(cacheOptionsKey(TEXT, { fileDate: '2020-01-01' }), cacheOptionsKey(TEXT, {}), "a file date in the options is part of the key");
  });

  it('count a lexicon form only where it stands as whole words, as the lexicon applies it', () => {
    const text = 'The Rigarmor brigade met Anna  Lisk\nBerg in Riga.';
    const riga = { text: 'Riga', action: 'reject' as const };
    assert.deepEqual(relevantLexicon('The Rigarmor brigade left.', [riga]), [], 'inside a longer word');
    assert.deepEqual(relevantLexicon(text, [riga]), [riga]);
    const name = { text: 'anna lisk berg', action: 'accept' as const, type: 'person' as const };
    assert.deepEqual(relevantLexicon(text, [name]), [name], 'any white space between its words, any case');
    assert.deepEqual(relevantLexicon(text, [{ text: 'Lisk B', action: 'reject' }]), []);
    const dotted = { text: 'U.S.', action: 'retype' as const, type: 'place' as const };
    assert.deepEqual(relevantLexicon('Said the U.S. envoy.', [dotted]), [dotted]);
    assert.deepEqual(relevantLexicon('Said the USS envoy.', [dotted]), [], 'a dot is a dot, not any character');
  });

  it('keep where the article date came from, and refuse an unknown source', () => {
    const parsed = parseIndexCacheEntry(stored({ analysis: { ...ANALYSIS, articleDateSource: 'weekday' } }), TEXT, EXPECTED);
    assert.ok('analysis' in parsed, JSON.stringify(parsed));
    assert.equal(parsed.analysis.articleDateSource, 'weekday');
    assert.match(probe(stored({ analysis: { ...ANALYSIS, articleDateSource: 'guess' } })), /date source/);
  });
});

function probe(input: string | ReturnType<typeof parseIndexCacheEntry>): string {
  const parsed = typeof input === 'string' ? parseIndexCacheEntry(input, TEXT, EXPECTED) : input;
  return 'problem' in parsed ? parsed.problem : 'accepted';
}

describe('workspace index pack', () => {
  const article = { key: 'seeds/ferreol.txt', uri: 'file:///w/seeds/ferreol.txt', text: TEXT, cacheName: 'c0ffee', analysis: packAnalysis(ANALYSIS) };

  it('holds every article on one line each, read back exactly, after a header naming layout and pipeline', () => {
    const multiline = { ...article, text: `${TEXT}\n\nA second paragraph.\r\n` };
    const line = serializePackedArticle(multiline);
    assert.ok(!line.includes('\n') && !line.includes('\r'), 'one line per article, whatever its text');
    assert.deepEqual(parsePackedArticle(line), { article: multiline });
    assert.equal(packIdOf(packHeader('p1', 'id-1'), 'p1'), 'id-1', 'the header names the pack');
    assert.equal(packIdOf(packHeader('p1', 'id-1'), 'p2'), undefined, 'another pipeline');
    assert.equal(packIdOf('{"pack":99,"pipeline":"p1","id":"x"}', 'p1'), undefined, 'another layout');
    assert.equal(packIdOf('{"pack":1,"pipeline":"p1"}', 'p1'), undefined, 'the layout before pack ids');
    assert.equal(packIdOf('{"pack":3,"pipeline":"p1","id":"id-1"}', 'p1'), undefined, 'the layout of whole analyses: stale, rewritten');
    assert.equal(packIdOf('{"pack":2,', 'p1'), undefined, 'cut short');
  });

  it('keeps the quotations and timeline sentences found for an article; ones that do not fit its text are dropped, the article kept', () => {
    const quote = { start: 0, end: 7, text: TEXT.slice(0, 7), speaker: 'Someone', speakerType: 'person' as const, cue: 'said', cueSpan: { start: 8, end: 12 } };
    const dated = ANALYSIS.dates.filter((d) => d.value !== null);
    assert.ok(dated.length > 0);
    const sentences = dated.map((d) => ({ start: Math.max(0, d.start - 3), end: d.end }));
    const prepared = { quotes: [quote], sentences };
    const line = serializePackedArticle({ ...article, prepared });
    assert.ok(!line.includes(JSON.stringify(quote.text)), 'a quote is stored by its offsets, not its words');
    assert.deepEqual(parsePackedArticle(line), { article: { ...article, prepared } });
    assert.equal([...packedArticleChunks({ ...article, prepared })].join(''), `${line}\n`, 'written a chunk at a time, the same line');
    const kept = (p: unknown): boolean => {
      const parsed = parsePackedArticle(JSON.stringify({ ...JSON.parse(line), prepared: p }));
      assert.ok('article' in parsed, 'the article itself is kept');
      return parsed.article.prepared !== undefined;
    };
    assert.ok(kept(JSON.parse(line).prepared));
    assert.ok(!kept({ quotes: [{ ...quote, end: TEXT.length + 5, text: undefined, cueSpan: null }], sentences: sentences.map((s) => [s.start, s.end]) }), 'a quote beyond the text');
    assert.ok(dated.length > 0 && !kept({ quotes: [], sentences: [] }), 'a sentence missing for a resolved date');
    assert.ok(!kept({ quotes: [{ ...quote, speakerType: 'place', text: undefined }], sentences: sentences.map((s) => [s.start, s.end]) }), 'a bad speaker type');
    assert.ok(!kept('broken'), 'not an object');
  });

  it('refuses an article cut short, lacking a field, or whose spans do not quote its text', () => {
    const line = serializePackedArticle(article);
    const problem = (raw: string): string => {
      const parsed = parsePackedArticle(raw);
      return 'problem' in parsed ? parsed.problem : 'accepted';
    };
    assert.match(problem(line.slice(0, line.length / 2)), /not JSON/);
    assert.match(problem(serializePackedArticle({ ...article, key: '' })), /lacks/);
    assert.match(problem(JSON.stringify({ ...article, text: undefined })), /lacks/);
    assert.match(problem('[1,2]'), /lacks|not an object/);
    // the text was edited after the analysis: the offsets no longer quote it
    assert.match(problem(serializePackedArticle({ ...article, text: `Update. ${TEXT}` })), /does not quote|quote/);
  });

  it('refuses an article whose packed analysis is corrupt, with the reason, and never throws', () => {
    const stored = JSON.parse(serializePackedArticle(article)) as { ints: number[]; names: unknown[]; mentions: number } & Record<string, unknown>;
    assert.deepEqual(Object.keys(stored).at(-1), 'ints', 'the ints come last');
    const problem = (change: (line: typeof stored) => void): string => {
      const line = structuredClone(stored);
      change(line);
      const parsed = parsePackedArticle(JSON.stringify(line));
      return 'problem' in parsed ? parsed.problem : 'accepted';
    };
    assert.equal(problem(() => undefined), 'accepted');
    // mention 0: start, end, name, form, type; the date after the three mentions: start, end, text, kind, value, value, resolution, reference
    assert.match(problem((l) => (l.ints[2] = l.names.length)), /canonical name/, 'a name beyond the table');
    assert.match(problem((l) => (l.ints[3] = l.names.length)), /does not quote/, 'a form beyond the table');
    assert.match(problem((l) => (l.ints[3] = l.ints[5 + 3]!)), /does not quote/, "another mention's form");
    assert.match(problem((l) => (l.ints[4] = 7)), /bad type/);
    assert.match(problem((l) => (l.ints[1] = TEXT.length + 1)), /does not quote/, 'beyond the text');
    assert.match(problem((l) => l.ints.splice(0, 10, ...l.ints.slice(5, 10), ...l.ints.slice(0, 5))), /text order/);
    assert.match(problem((l) => (l.ints[15 + 3] = 9)), /bad value/, 'a kind of date value that does not exist');
    assert.match(problem((l) => (l.ints[15 + 4] = l.ints[15 + 2]!)), /bad value/, 'a date value that is not a date');
    assert.match(problem((l) => (l.ints[15 + 6] = 3)), /resolution/);
    assert.match(problem((l) => (l.ints[15 + 7] = 0)), /reference/);
    assert.match(problem((l) => (l.ints[0] = 1.5)), /not numbers/);
    assert.match(problem((l) => ((l.ints as unknown[])[0] = '0')), /not numbers/);
    assert.match(problem((l) => l.ints.pop()), /count of mentions/, 'cut short');
    assert.match(problem((l) => (l.mentions = 4)), /count of mentions/);
    assert.match(problem((l) => (l.mentions = -1)), /count of mentions/);
    assert.match(problem((l) => (l.names[0] = 7)), /names/);
    assert.match(problem((l) => delete (l as Partial<typeof l>).ints), /lacks/);
    assert.match(problem((l) => (l.articleDate = 'soon')), /article date/);
    // any one int changed: refused, or still an analysis whose every span quotes the text
    for (let i = 0; i < stored.ints.length; i++) {
      for (const value of [-1, 0, 1, 2, 5, 13, 1000, 2 ** 31 - 1]) {
        const line = structuredClone(stored);
        line.ints[i] = value;
        const parsed = parsePackedArticle(JSON.stringify(line));
        if ('problem' in parsed) continue;
        const analysis = unpackAnalysis(parsed.article.analysis);
        for (const span of [...analysis.entities, ...analysis.dates]) assert.equal(TEXT.slice(span.start, span.end), span.text);
      }
    }
  });
});

describe('workspace index summary', () => {
  const corpus = new CorpusIndex();
  corpus.setArticle('a.txt', { articleDate: '2024-03-01', entities: [{ start: 0, end: 13, text: 'Maren Halvard', type: 'person', canonical: 'Maren Halvard' }, { start: 20, end: 27, text: 'Halvard', type: 'person', canonical: 'Maren Halvard' }], dates: [], aliases: {} }, 'Maren Halvard met Halvard.');
  corpus.setArticle('b.txt', { articleDate: null, entities: [{ start: 0, end: 7, text: 'Halvard', type: 'place', canonical: 'Halvard' }], dates: [], aliases: {} }, 'Halvard is a town.');
  corpus.setArticle('c.txt', { articleDate: '2023-01-05', entities: [{ start: 0, end: 7, text: 'Halvard', type: 'person', canonical: 'Halvard' }], dates: [], aliases: {} }, 'Halvard spoke.');

  it('lists every corpus entity, read back exactly, after a header naming layout, pipeline, pack and article count', () => {
    const entities = corpus.entities();
    assert.ok(entities.some((e) => e.conflicts.length > 0) && entities.some((e) => e.firstDate !== null) && entities.some((e) => e.aliases.length > 1), 'the corpus has conflicts, dates and aliases to carry');
    for (const entity of entities) {
      const line = serializeSummaryEntity(entity);
      assert.ok(!line.includes('\n'), 'one line per entity');
      assert.deepEqual(parseSummaryEntity(line), { entity });
    }
    const header = summaryHeader({ pipeline: 'p1', pack: 'id-1', articles: 3 });
    assert.deepEqual(parseSummaryHeader(header, 'p1'), { pipeline: 'p1', pack: 'id-1', articles: 3 });
    assert.equal(parseSummaryHeader(header, 'p2'), undefined, 'another pipeline');
    assert.equal(parseSummaryHeader('{"summary":99,"pipeline":"p1","pack":"id-1","articles":3}', 'p1'), undefined, 'another layout');
    assert.equal(parseSummaryHeader('{"summary":1,"pipeline":"p1","pack":"","articles":3}', 'p1'), undefined, 'no pack named');
    assert.equal(parseSummaryHeader(header.slice(0, 20), 'p1'), undefined, 'cut short');
  });

  it('refuses an entity cut short or whose fields do not hold together', () => {
    const entity = corpus.entities()[0]!;
    const problem = (value: unknown): string => {
      const parsed = parseSummaryEntity(typeof value === 'string' ? value : JSON.stringify(value));
      return 'problem' in parsed ? parsed.problem : 'accepted';
    };
    assert.equal(problem(entity), 'accepted');
    assert.match(problem(serializeSummaryEntity(entity).slice(0, 30)), /not JSON/);
    assert.match(problem([entity]), /not an object/);
    assert.match(problem({ ...entity, type: 'thing' }), /type/);
    assert.match(problem({ ...entity, id: `place\u0000${entity.canonical}`, type: 'person' }), /id/);
    assert.match(problem({ ...entity, canonical: '' }), /name/);
    assert.match(problem({ ...entity, mentions: 0 }), /counts/);
    assert.match(problem({ ...entity, mentions: 1, articles: 2 }), /counts/);
    assert.match(problem({ ...entity, aliases: ['Someone else'] }), /aliases/);
    assert.match(problem({ ...entity, firstDate: 'yesterday' }), /date/);
    assert.match(problem({ ...entity, conflicts: [{ type: entity.type, articles: ['a.txt'] }] }), /conflicts/);
    assert.match(problem({ ...entity, conflicts: [{ type: 'organization', articles: [] }] }), /conflicts/);
  });
});
