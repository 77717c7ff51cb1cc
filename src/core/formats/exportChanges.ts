// What an export changes or leaves out of annotations that are placed (orphans and stale spans are
// unplacedAnnotations' job, overlaps CoNLL's `dropped`): every such item is named, never lost in silence.
import type { Annotation, ArticleInfo } from '../annotations/annotationModel';
import { lineFragments } from './brat';
import { articleMap, isPlaced, shorten } from './formatModel';

/** Export formats whose changes are described here; the others carry every placed annotation as it is. */
export type ChangingFormat = 'brat' | 'conll' | 'spacy' | 'doccano';

/** Whether `offset` falls between the two halves of a surrogate pair (a code-point count cannot say it). */
export function insideSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** One line per placed annotation that `format` drops or changes, naming it and saying what happens. */
export function exportChanges(format: string, annotations: readonly Annotation[], articles: readonly ArticleInfo[]): string[] {
  if (format !== 'brat' && format !== 'conll' && format !== 'spacy' && format !== 'doccano') return [];
  const byKey = articleMap(articles);
  const changes: string[] = [];
  for (const annotation of annotations) {
    const text = byKey.get(annotation.article)?.text;
    if (text === undefined || !isPlaced(annotation, text)) continue;
    const { start, end } = annotation.position;
    const where = `${annotation.article} ${start}-${end} "${shorten(annotation.quote.exact)}" (${annotation.label})`;
    if (format === 'conll') {
      if (!/\S/.test(annotation.quote.exact)) changes.push(`${where}: only white space, not exported (CoNLL tags tokens)`);
      continue;
    }
    // brat, spaCy and doccano count code points: an edge inside a surrogate pair moves to the whole character.
    if (insideSurrogatePair(text, start)) changes.push(`${where}: starts inside a surrogate pair; exported from the character after it`);
    if (insideSurrogatePair(text, end)) changes.push(`${where}: ends inside a surrogate pair; exported up to the end of that character`);
    if (format !== 'brat') continue;
    const fragments = lineFragments(text, start, end);
    if (fragments.length === 0) {
      changes.push(`${where}: only line breaks, not exported (brat spans cannot hold them)`);
      continue;
    }
    const first = fragments[0]!;
    const last = fragments[fragments.length - 1]!;
    if (first[0] > start) changes.push(`${where}: the line break at its start is left out (brat spans cannot hold line breaks)`);
    if (last[1] < end) changes.push(`${where}: the line break at its end is left out (brat spans cannot hold line breaks)`);
    if (fragments.length > 1) changes.push(`${where}: split at line breaks into ${fragments.length} fragments`);
  }
  return changes;
}
