// The annotation label schema (`articleAnnotator.labels`): each label's name, colour and description, read from
// whatever the user wrote, with a sentence for every entry that cannot be used.

/** One label of the annotation label schema (`articleAnnotator.labels`). */
export interface AnnotationLabel {
  readonly name: string;
  /** A CSS hex colour (#rgb, #rrggbb or #rrggbbaa). */
  readonly color: string;
  readonly description: string;
}

export const DEFAULT_ANNOTATION_LABELS: readonly AnnotationLabel[] = [
  { name: 'person', color: '#2563eb', description: 'A person' },
  { name: 'place', color: '#16a34a', description: 'A place' },
  { name: 'organization', color: '#d97706', description: 'An organization' },
  { name: 'date', color: '#9333ea', description: 'A date or time' },
  { name: 'event', color: '#dc2626', description: 'Something that happened' },
  { name: 'claim', color: '#0891b2', description: 'A claim to check' },
  { name: 'quote', color: '#db2777', description: 'Words someone said' },
  { name: 'note', color: '#64748b', description: 'A free note' },
];

/** Valid entries of the label setting (unique names, hex colours); the defaults when none is valid. */
export function readLabels(raw: unknown, problems: string[] = []): readonly AnnotationLabel[] {
  if (raw === undefined) return DEFAULT_ANNOTATION_LABELS;
  if (!Array.isArray(raw)) {
    problems.push('labels must be a list of { "name", "color" } entries; the default labels are used');
    return DEFAULT_ANNOTATION_LABELS;
  }
  const labels: AnnotationLabel[] = [];
  for (const item of raw) {
    const entry = typeof item === 'string' ? { name: item } : item;
    const { name, color, description } = (typeof entry === 'object' && entry !== null ? entry : {}) as { name?: unknown; color?: unknown; description?: unknown };
    if (typeof name !== 'string' || name.trim() === '') {
      problems.push(`labels entry ${JSON.stringify(item)} has no name and is ignored`);
      continue;
    }
    if (labels.some((l) => l.name === name.trim())) {
      problems.push(`label "${name.trim()}" is listed twice; the first one is used`);
      continue;
    }
    const fallback = DEFAULT_ANNOTATION_LABELS.find((l) => l.name === name.trim())?.color ?? '#64748b';
    const colorOk = typeof color === 'string' && /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(color.trim());
    if (color !== undefined && !colorOk) problems.push(`label "${name.trim()}" has colour ${JSON.stringify(color)}, not a hex colour like #2563eb; ${fallback} is used`);
    labels.push({ name: name.trim(), color: colorOk ? color.trim() : fallback, description: typeof description === 'string' ? description : '' });
  }
  if (labels.length === 0 && raw.length > 0) problems.push('no label in the labels setting is usable; the default labels are used');
  return labels.length > 0 ? labels : DEFAULT_ANNOTATION_LABELS;
}
