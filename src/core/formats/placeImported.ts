// Placing an imported annotation in the article as it is now: at its position when that still selects its quote, else
// where its quote (with its context) is found, else kept as an orphan with its quote, to re-attach by hand.
import { createAnnotation } from '../annotations/annotationFactory';
import type { Annotation } from '../annotations/annotationModel';
import { annotationFromImport, findQuote, shorten, type ImportedAnnotation } from './formatModel';

/**
 * The annotation as it will be stored, checked against `text` (the article's current text); a sentence naming the item
 * when its article is not at hand or it cannot be made. `id` and `now` are used for an item that carries none.
 */
export function placeImported(item: ImportedAnnotation, text: string | undefined, id: string, now: string): Annotation | string {
  const name = `${item.article} ${item.start}-${item.end} “${shorten(item.exact, 30)}” (${item.label})`;
  if (text === undefined) return `${name}: the article is not in this workspace`;
  const base = { article: item.article, text, label: item.label, note: item.note, origin: item.origin, id: item.id ?? id };
  try {
    if (item.start < item.end && text.slice(item.start, item.end) === item.exact) {
      return withStamps(createAnnotation({ ...base, start: item.start, end: item.end }), item);
    }
    const at = findQuote(text, item.exact, item.prefix ?? '', item.suffix ?? '', item.start);
    if (at >= 0) return withStamps(createAnnotation({ ...base, start: at, end: at + item.exact.length }), item);
  } catch (error) {
    return `${name}: ${error instanceof Error ? error.message : String(error)}`;
  }
  // Its text is not in the article: kept as an orphan with its quote, to re-attach by hand, rather than dropped.
  return { ...annotationFromImport(item, id, now), status: 'orphaned' };
}

function withStamps(annotation: Annotation, item: ImportedAnnotation): Annotation {
  const replies = item.replies ?? [];
  return { ...annotation, created: item.created ?? annotation.created, modified: item.modified ?? item.created ?? annotation.modified, ...(replies.length > 0 ? { replies } : {}) };
}
