// The entity and date pipeline: paragraphs are analysed one by one (cacheable), then combined article-wide.
import nlp from 'compromise';
import type { Analysis, AnalyzeOptions, EntityMention, EntityType } from './analysisModel';

/** What one slice of an article yields on its own; plain data, offsets absolute into the article text. */
export interface SegmentAnalysis {
  readonly start: number;
  readonly end: number;
  readonly entities: readonly SegmentEntity[];
}

export interface SegmentEntity {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
}

interface CompromiseMatch {
  readonly offset?: { readonly start: number; readonly length: number };
}

const EDGE = /[\s\p{P}\p{S}]/u;

export function analyzeSegment(text: string, start: number, end: number): SegmentAnalysis {
  const slice = text.slice(start, end);
  const doc = nlp(slice);
  const entities: SegmentEntity[] = [];
  const take = (matches: CompromiseMatch[], type: EntityType): void => {
    for (const m of matches) {
      if (!m.offset) continue;
      let s = start + m.offset.start;
      let e = s + m.offset.length;
      while (s < e && EDGE.test(text[s] ?? '')) s++;
      while (s < e && EDGE.test(text[e - 1] ?? '')) e--;
      if (/['’]s$/.test(text.slice(s, e))) e -= 2;
      if (s < e) entities.push({ start: s, end: e, type });
    }
  };
  take(doc.people().json({ offset: true }) as CompromiseMatch[], 'person');
  take(doc.places().json({ offset: true }) as CompromiseMatch[], 'place');
  take(doc.organizations().json({ offset: true }) as CompromiseMatch[], 'organization');
  entities.sort((a, b) => a.start - b.start || b.end - a.end);
  return { start, end, entities };
}

export function combineSegments(text: string, segments: readonly SegmentAnalysis[], options: AnalyzeOptions = {}): Analysis {
  const articleDate = options.articleDate === undefined ? null : options.articleDate;
  const entities: EntityMention[] = [];
  let lastEnd = -1;
  for (const seg of segments) {
    for (const e of seg.entities) {
      if (e.start < lastEnd) continue;
      const surface = text.slice(e.start, e.end);
      entities.push({ start: e.start, end: e.end, text: surface, type: e.type, canonical: surface });
      lastEnd = e.end;
    }
  }
  const aliases: Record<string, string[]> = {};
  for (const e of entities) aliases[e.canonical] ??= [e.canonical];
  return { articleDate, entities, dates: [], aliases };
}

/** Paragraph spans of the text: runs of non-blank lines, whitespace trimmed. */
export function segmentSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const re = /\S(?:[^\n]|\n(?![ \t]*\n))*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let e = m.index + m[0].length;
    while (e > m.index && /\s/.test(text[e - 1] ?? '')) e--;
    spans.push({ start: m.index, end: e });
  }
  return spans;
}

export function analyzeArticle(text: string, options: AnalyzeOptions = {}): Analysis {
  const segments = segmentSpans(text).map((s) => analyzeSegment(text, s.start, s.end));
  return combineSegments(text, segments, options);
}
