// Repeats within an import: an annotation written twice in the files imported (the same article, span, quote, label and
// note: a tool writing an item twice, an export pasted into itself, the same file given twice) is added once.
import type { Annotation } from '../annotations/annotationModel';

export interface WithoutRepeats {
  /** The annotations in their order, each exact copy of an earlier one left out. */
  readonly kept: Annotation[];
  /** How many were left out. */
  readonly repeated: number;
}

/** What an annotation says, as a person reads it: two with the same key are one annotation written twice. */
function contentKey(annotation: Annotation): string {
  return JSON.stringify([annotation.article, annotation.position.start, annotation.position.end, annotation.quote.exact, annotation.label, annotation.note]);
}

/**
 * The imported annotations with each exact repeat of an earlier one left out, and how many. Ids, times and replies
 * are not compared (an importer makes ids for items that carry none); annotations that differ in their note are both kept.
 */
export function withoutRepeats(annotations: readonly Annotation[]): WithoutRepeats {
  const seen = new Set<string>();
  const kept: Annotation[] = [];
  for (const annotation of annotations) {
    const key = contentKey(annotation);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(annotation);
  }
  return { kept, repeated: annotations.length - kept.length };
}
