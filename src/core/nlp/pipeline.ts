// The entity and date pipeline. An article is analysed slice by slice (analyzeSegment: plain data, cacheable per
// paragraph, fit for a worker), then combined article-wide (combineSegments: aliases, acronyms, the user's lexicon,
// dates resolved against the article's date). analyzeArticle is exactly segments over paragraph groups plus combine.
import { detectArticleDate, effectiveArticleDate } from '../article/articleDate';
import { parseArticle } from '../article/parseArticle';
import { splitSentences } from '../article/sentences';
import type { Analysis, AnalyzeOptions } from './analysisModel';
import { findDates } from './dates';
import { defaultEntityTagger } from './defaultEntityModel';
export { defaultEntityTagger };
import type { EntityTagger } from './entityModel';
import { recogniseSegment, type AcronymDefinition } from './entities';
import type { Candidate } from './entityTokens';
import { linkEntities } from './linking';
import { aliasTable, withoutOverlaps } from './names';
import { cutAtMarkup, isMarkupFree } from './markupFreeSpans';
import { applyLexicon } from './userLexicon';

/** What one slice of an article yields on its own: serialisable plain data, offsets absolute into the article. */
export interface SegmentAnalysis {
  readonly start: number;
  readonly end: number;
  /** Entity candidates; type null (or strength 0) when only the whole article can tell. */
  readonly entities: readonly Candidate[];
  /** Acronyms the slice defines ("North Atlantic Treaty Organization (NATO)"); no offsets, so they move freely. */
  readonly definitions?: readonly AcronymDefinition[];
}

/** The same analysis for the same slice text found at another offset (a cached paragraph that moved). */
export function moveSegment(segment: SegmentAnalysis, start: number): SegmentAnalysis {
  const delta = start - segment.start;
  return {
    start,
    end: segment.end + delta,
    entities: segment.entities.map((e) => ({ ...e, start: e.start + delta, end: e.end + delta })),
    definitions: segment.definitions ?? [],
  };
}

/** Paragraphs longer than this are cut at sentence ends, so no slice blocks a worker for long. */
const MAX_SEGMENT_CHARS = 4000;
const MAX_GROUP_CHARS = 3000;

/** `tagger`: the statistical layer combined with the rules (the shipped model by default; null for the rules alone). */
export function analyzeSegment(text: string, start: number, end: number, tagger: EntityTagger | null = defaultEntityTagger()): SegmentAnalysis {
  const { candidates, definitions } = recogniseSegment(text, start, end, tagger);
  // A name run into markup ("Biden](command:…", "Macron</a") keeps only the name: no span carries markup characters.
  const entities: Candidate[] = [];
  for (const candidate of candidates) {
    const cut = cutAtMarkup(text, candidate.start, candidate.end);
    if (cut) entities.push(cut.start === candidate.start && cut.end === candidate.end ? candidate : { ...candidate, ...cut });
  }
  return { start, end, entities, definitions };
}

export function combineSegments(text: string, segments: readonly SegmentAnalysis[], options: AnalyzeOptions = {}): Analysis {
  const detected = options.articleDate === undefined ? detectArticleDate(text, { fileDate: options.fileDate }) : undefined;
  const articleDate = effectiveArticleDate(text, options.articleDate, { fileDate: options.fileDate });
  const source = options.articleDate !== undefined ? (options.articleDate === null ? undefined : 'given') : detected ? (detected.yearSource ?? 'stated') : undefined;
  const ordered = [...segments].sort((a, b) => a.start - b.start);
  const candidates = ordered.flatMap((s) => s.entities);
  const definitions = ordered.flatMap((s) => s.definitions ?? []);
  const linked = withoutOverlaps(linkEntities(text, candidates, definitions));
  // Whatever found them (aliases, the user's lexicon, date rules), spans with markup characters in them are left out.
  const entities = applyLexicon(text, linked, options.lexicon ?? []).filter((e) => isMarkupFree(text, e.start, e.end));
  const dates = findDates(text, articleDate).filter((d) => isMarkupFree(text, d.start, d.end));
  const analysis: Analysis = { articleDate, entities, dates, aliases: aliasTable(entities) };
  return source === undefined ? analysis : { ...analysis, articleDateSource: source };
}

/**
 * The slices analyzeArticle uses: the article's paragraphs as parseArticle finds them (so a run-in subheading of a
 * one-line article is its own slice, not glued to the next sentence), long ones cut after a sentence end. Every caller
 * (analyzeArticle, the editor's worker) slices with this; any cover of the text by whole lines gives the same names,
 * since compromise sees one line at a time (see recogniseSegment).
 */
export function segmentSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const paragraph of parseArticle(text).paragraphs) {
    if (paragraph.end - paragraph.start <= MAX_SEGMENT_CHARS) {
      spans.push({ start: paragraph.start, end: paragraph.end });
      continue;
    }
    // a long paragraph: whole sentences (abbreviations and initials never end one) up to the size, more when one is longer
    let from = paragraph.start;
    let last = -1;
    for (const sentence of splitSentences(text, paragraph.start, paragraph.end)) {
      if (sentence.end - from > MAX_SEGMENT_CHARS && last > from) {
        spans.push({ start: from, end: last });
        from = sentence.start;
      }
      last = sentence.end;
    }
    spans.push({ start: from, end: paragraph.end });
  }
  return spans;
}

/**
 * Consecutive paragraphs grouped up to MAX_GROUP_CHARS: the same names as paragraph by paragraph (compromise tags
 * sentence by sentence), with far fewer compromise calls, each of which has a fixed cost.
 */
export function paragraphGroups(text: string): { start: number; end: number }[] {
  const groups: { start: number; end: number }[] = [];
  for (const span of segmentSpans(text)) {
    const last = groups[groups.length - 1];
    // compromise only sees a sentence end at punctuation: a heading or title without it stays a group of its own
    const closed = last !== undefined && /[.!?]["'”’)\]]*$/u.test(text.slice(Math.max(last.start, last.end - 4), last.end));
    if (last && closed && span.end - last.start <= MAX_GROUP_CHARS) last.end = span.end;
    else groups.push({ ...span });
  }
  return groups;
}

export function analyzeArticle(text: string, options: AnalyzeOptions = {}, tagger: EntityTagger | null = defaultEntityTagger()): Analysis {
  const segments = paragraphGroups(text).map((s) => analyzeSegment(text, s.start, s.end, tagger));
  return combineSegments(text, segments, options);
}
