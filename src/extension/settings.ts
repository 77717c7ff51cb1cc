// The extension's settings read as one typed snapshot; one change handler tells listeners which parts changed.
import * as vscode from 'vscode';

export const SETTINGS_SECTION = 'articleAnnotator';

/** The kinds that get a highlight: the pipeline's entity types plus dates. */
export type HighlightKind = 'person' | 'place' | 'organization' | 'date';

export const HIGHLIGHT_KINDS: readonly HighlightKind[] = ['person', 'place', 'organization', 'date'];

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

export interface ArticleAnnotatorSettings {
  /** Glob patterns (workspace-relative) of files that are articles in the plain text editor. */
  readonly articleGlobs: readonly string[];
  /** Which kinds are highlighted. */
  readonly highlight: Readonly<Record<HighlightKind, boolean>>;
  /** Show a short type label ("PER") after each highlighted span, so highlights are not colour-only. */
  readonly showTypeLabels: boolean;
  /** Count an entity's mentions across the other open articles in its hover. */
  readonly hoverWorkspaceCounts: boolean;
  /** Milliseconds to wait after the last edit before re-analysing a plain-editor article. */
  readonly reanalyzeDelay: number;
  /** The annotation label schema: names in order, each with its colour. */
  readonly labels: readonly AnnotationLabel[];
}

export function readSettings(): ArticleAnnotatorSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const globs = config.get<unknown>('articleGlobs');
  const delay = config.get<unknown>('reanalyzeDelay');
  return {
    articleGlobs: Array.isArray(globs) ? globs.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : ['**/seeds/*.txt'],
    highlight: {
      person: config.get<boolean>('highlight.person', true) !== false,
      place: config.get<boolean>('highlight.place', true) !== false,
      organization: config.get<boolean>('highlight.organization', true) !== false,
      date: config.get<boolean>('highlight.date', true) !== false,
    },
    showTypeLabels: config.get<boolean>('showTypeLabels', false) === true,
    hoverWorkspaceCounts: config.get<boolean>('hover.workspaceCounts', true) !== false,
    reanalyzeDelay: typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 ? Math.min(delay, 10_000) : 300,
    labels: readLabels(config.get<unknown>('labels')),
  };
}

/** Valid entries of the label setting (unique names, hex colours); the defaults when none is valid. */
export function readLabels(raw: unknown): readonly AnnotationLabel[] {
  if (!Array.isArray(raw)) return DEFAULT_ANNOTATION_LABELS;
  const labels: AnnotationLabel[] = [];
  for (const item of raw) {
    const entry = typeof item === 'string' ? { name: item } : item;
    if (typeof entry !== 'object' || entry === null) continue;
    const { name, color, description } = entry as { name?: unknown; color?: unknown; description?: unknown };
    if (typeof name !== 'string' || name.trim() === '' || labels.some((l) => l.name === name.trim())) continue;
    const fallback = DEFAULT_ANNOTATION_LABELS.find((l) => l.name === name.trim())?.color ?? '#64748b';
    labels.push({
      name: name.trim(),
      color: typeof color === 'string' && /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(color.trim()) ? color.trim() : fallback,
      description: typeof description === 'string' ? description : '',
    });
  }
  return labels.length > 0 ? labels : DEFAULT_ANNOTATION_LABELS;
}

/** Which groups of settings changed, so each listener rebuilds only what it depends on. */
export interface SettingsChange {
  readonly settings: ArticleAnnotatorSettings;
  readonly articleGlobs: boolean;
  /** Anything that changes how highlights look (which kinds, type labels). */
  readonly highlights: boolean;
  readonly hover: boolean;
  readonly labels: boolean;
  readonly event: vscode.ConfigurationChangeEvent;
}

/** Holds the current snapshot and re-reads it once per configuration change. */
export class SettingsWatcher implements vscode.Disposable {
  private current = readSettings();
  private readonly emitter = new vscode.EventEmitter<SettingsChange>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChange = this.emitter.event;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SETTINGS_SECTION)) return;
      this.current = readSettings();
      this.emitter.fire({
        settings: this.current,
        articleGlobs: event.affectsConfiguration(`${SETTINGS_SECTION}.articleGlobs`),
        highlights: event.affectsConfiguration(`${SETTINGS_SECTION}.highlight`) || event.affectsConfiguration(`${SETTINGS_SECTION}.showTypeLabels`),
        hover: event.affectsConfiguration(`${SETTINGS_SECTION}.hover`),
        labels: event.affectsConfiguration(`${SETTINGS_SECTION}.labels`),
        event,
      });
    });
  }

  get settings(): ArticleAnnotatorSettings {
    return this.current;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
