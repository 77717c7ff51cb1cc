// A cross-article index over analysis results: entities with counts, every mention of one, and a timeline of dates.
// Pure and in memory; the caller decides which articles are in it (keys are opaque, e.g. workspace-relative paths).
import type { QuotedSpan, TextSpan } from '../article/articleModel';
import { splitSentences } from '../article/sentences';
import type { Analysis, DateValue, EntityType } from '../nlp/analysisModel';

export interface CorpusEntity {
  readonly canonical: string;
  readonly type: EntityType;
  /** Mentions in all articles together. */
  readonly mentions: number;
  /** How many articles mention it. */
  readonly articles: number;
}

export interface CorpusMention extends QuotedSpan {
  readonly article: string;
}

export interface TimelineEntry extends CorpusMention {
  readonly value: Exclude<DateValue, null>;
  /** The date it sorts by: the value, or the start of a range. */
  readonly sortKey: string;
  /** The sentence the date is in, offsets into the article text. */
  readonly sentence: QuotedSpan;
}

interface ArticleEntry {
  readonly entities: ReadonlyMap<string, readonly CorpusMention[]>;
  readonly timeline: readonly TimelineEntry[];
}

export class CorpusIndex {
  private readonly articles = new Map<string, ArticleEntry>();

  /** Adds or replaces an article; `text` is the text the analysis offsets point into. */
  setArticle(key: string, analysis: Analysis, text: string): void {
    const entities = new Map<string, CorpusMention[]>();
    for (const e of analysis.entities) {
      const id = entityId(e.canonical, e.type);
      let list = entities.get(id);
      if (!list) entities.set(id, (list = []));
      list.push({ article: key, start: e.start, end: e.end, text: e.text });
    }
    const dated = analysis.dates.filter((d): d is typeof d & { value: Exclude<DateValue, null> } => d.value !== null);
    const sentences = dated.length > 0 ? sentencesOf(text) : [];
    const timeline = dated.map((d): TimelineEntry => {
      const sentence = sentenceAround(sentences, d) ?? { start: d.start, end: d.end };
      return {
        article: key,
        start: d.start,
        end: d.end,
        text: d.text,
        value: d.value,
        sortKey: typeof d.value === 'string' ? d.value : d.value.from,
        sentence: { ...sentence, text: text.slice(sentence.start, sentence.end) },
      };
    });
    this.articles.set(key, { entities, timeline });
  }

  removeArticle(key: string): boolean {
    return this.articles.delete(key);
  }

  has(key: string): boolean {
    return this.articles.has(key);
  }

  get articleKeys(): readonly string[] {
    return [...this.articles.keys()];
  }

  /** Every entity (of one type, if given), most mentioned first, then by name. */
  entities(type?: EntityType): CorpusEntity[] {
    const totals = new Map<string, { mentions: number; articles: number }>();
    for (const article of this.articles.values()) {
      for (const [id, mentions] of article.entities) {
        const total = totals.get(id) ?? { mentions: 0, articles: 0 };
        total.mentions += mentions.length;
        total.articles += 1;
        totals.set(id, total);
      }
    }
    const result: CorpusEntity[] = [];
    for (const [id, total] of totals) {
      const { canonical, type: entityType } = parseEntityId(id);
      if (type === undefined || entityType === type) result.push({ canonical, type: entityType, ...total });
    }
    return result.sort((a, b) => b.mentions - a.mentions || b.articles - a.articles || a.canonical.localeCompare(b.canonical) || a.type.localeCompare(b.type));
  }

  /** Every mention of an entity across articles, by article key then position. */
  mentionsOf(canonical: string, type: EntityType): CorpusMention[] {
    const id = entityId(canonical, type);
    const keys = [...this.articles.keys()].sort();
    return keys.flatMap((key) => [...(this.articles.get(key)!.entities.get(id) ?? [])].sort((a, b) => a.start - b.start));
  }

  /** Dates with a resolved value, in calendar order (a year before its months and days), then by article and position. */
  timeline(): TimelineEntry[] {
    const all = [...this.articles.values()].flatMap((a) => a.timeline);
    return all.sort((a, b) => compare(a.sortKey, b.sortKey) || compare(a.article, b.article) || a.start - b.start);
  }
}

function entityId(canonical: string, type: EntityType): string {
  return `${type}\u0000${canonical}`;
}

function parseEntityId(id: string): { canonical: string; type: EntityType } {
  const cut = id.indexOf('\u0000');
  return { type: id.slice(0, cut) as EntityType, canonical: id.slice(cut + 1) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sentences line by line, so a heading line is not glued to the sentence after it. */
function sentencesOf(text: string): TextSpan[] {
  const sentences: TextSpan[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    sentences.push(...splitSentences(text, lineStart, lineEnd));
    lineStart = lineEnd + 1;
  }
  return sentences;
}

function sentenceAround(sentences: readonly TextSpan[], span: TextSpan): TextSpan | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (span.start < s.start) hi = mid - 1;
    else if (span.start >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
