// The one place that wires the extension: services first, then providers and commands, all disposed with the extension.
import * as vscode from 'vscode';
import { AnalysisService, type ArticleSource } from './analysisService';
import { LearnedCorrections } from './learnedCorrections';
import { type ExtensionPlatform, setExtensionPlatform } from './platform/extensionPlatform';
import type { AnalyzeOptions } from '../core/nlp/analysisModel';
import { ArticleDocuments } from './articleDocuments';
import { ARTICLE_SCHEME, articleUriOfKey } from './articleKeys';
import { ArticleProvider, coreReadingView } from './articleProvider';
import { openAsArticle } from './commands/openAsArticle';
import { setArticleDate } from './commands/setArticleDate';
import { ArticleDating } from './articleDating';
import { toggleHighlights } from './commands/toggleHighlights';
import { EntityDecorator } from './entityDecorator';
import { EntityHoverProvider } from './entityHoverProvider';
import { SettingsWatcher } from './settings';
import { AnnotationDecorator } from './annotationDecorator';
import { AnnotationHoverProvider } from './annotationHoverProvider';
import { AnnotationService } from './annotationService';
import { AnnotationTracker } from './annotationTracker';
import { annotateSelection } from './commands/annotateSelection';
import { deleteAnnotation } from './commands/deleteAnnotation';
import { editAnnotation } from './commands/editAnnotation';
import { labelAllOccurrences } from './commands/labelAllOccurrences';
import { reattachOrphan } from './commands/reattachOrphan';
import { revealAnnotation } from './commands/revealAnnotation';
import { showAnnotations } from './commands/showAnnotations';
import { undoAnnotationChange } from './commands/undoAnnotationChange';
import { acceptEntity } from './commands/acceptEntity';
import { changeEntityType } from './commands/changeEntityType';
import { adjustEntitySpan } from './commands/adjustEntitySpan';
import { openSampleArticle, walkthroughAnnotate, walkthroughExport, walkthroughHover } from './commands/walkthrough';
import { exportAnnotations } from './commands/exportAnnotations';
import { exportLexicon } from './commands/exportLexicon';
import { importAnnotations } from './commands/importAnnotations';
import { importLexicon } from './commands/importLexicon';
import { resetLearnedCorrections } from './commands/resetLearnedCorrections';
import { rejectEntity } from './commands/rejectEntity';
import { revealEntity } from './commands/revealEntity';
import { ANNOTATIONS_VIEW, AnnotationsTreeProvider } from './annotationsTree';
import { ENTITIES_VIEW, EntitiesTreeProvider } from './entitiesTree';
import { EntityCodeActionProvider } from './entityCodeActions';
import { ReadingViewStyler } from './readingViewStyler';
import { ReadingViewHeader } from './readingViewHeader';
import { ReadingViewTabs } from './readingViewTabs';
import { CursorContext } from './cursorContext';
import { ArticleNavigation, ArticleSymbolProvider, EntityHighlightProvider } from './articleNavigation';
import { CorpusNavigation } from './corpusNavigation';
import { stepEntity } from './commands/stepEntity';
import { watchWorkspaceFiles } from './workspaceFiles';
import { WorkspaceIndex } from './workspaceIndex';
import { QUOTATIONS_VIEW, QuotationsTreeProvider } from './quotationsTree';
import { QuoteDecorator } from './quoteDecorator';
import { QuoteHoverProvider } from './quoteHoverProvider';
import { TIMELINE_CHART_VIEW_TYPE, TimelineChartPanel } from './timelineChart';
import { TIMELINE_VIEW, TimelineTreeProvider } from './timelineTree';
import { NoteComments } from './noteComments';
import { readingViewQuickFix } from './commands/readingViewQuickFix';
import { ENTITY_QUALITY_SCHEME, EntityQualityDocument, showEntityQuality } from './commands/showEntityQuality';
import { ACCEPT_ENTITY_COMMAND, ADJUST_ENTITY_SPAN_COMMAND, ANNOTATE_SELECTION_COMMAND, CANCEL_INDEXING_COMMAND, CHANGE_ENTITY_TYPE_COMMAND, CLEAR_ENTITIES_FILTER_COMMAND, CLEAR_TIMELINE_FILTER_COMMAND, DELETE_ANNOTATION_COMMAND, EDIT_ANNOTATION_COMMAND, EXPORT_ANNOTATIONS_COMMAND, EXPORT_LEXICON_COMMAND, FILTER_ENTITIES_COMMAND, FILTER_TIMELINE_COMMAND, IMPORT_ANNOTATIONS_COMMAND, IMPORT_LEXICON_COMMAND, INTERNAL_ANALYSIS_STATS_COMMAND, INTERNAL_DECORATIONS_COMMAND, LABEL_ALL_OCCURRENCES_COMMAND, NEXT_ENTITY_COMMAND, NEXT_ENTITY_OF_KIND_COMMAND, OPEN_AS_ARTICLE_COMMAND, OPEN_SAMPLE_ARTICLE_COMMAND, PREVIOUS_ENTITY_COMMAND, PREVIOUS_ENTITY_OF_KIND_COMMAND, READING_VIEW_QUICK_FIX_COMMAND, REATTACH_ORPHAN_COMMAND, REBUILD_INDEX_COMMAND, REFRESH_ENTITIES_COMMAND, REJECT_ENTITY_COMMAND, RESET_LEARNED_CORRECTIONS_COMMAND, RESUME_INDEXING_COMMAND, REVEAL_ANNOTATION_COMMAND, REVEAL_ENTITY_COMMAND, SET_ARTICLE_DATE_COMMAND, SHOW_ALL_QUOTATIONS_COMMAND, SHOW_ANNOTATIONS_COMMAND, SHOW_ARTICLE_ENTITIES_COMMAND, SHOW_ENTITY_QUALITY_COMMAND, SHOW_QUOTES_OF_COMMAND, SHOW_TIMELINE_CHART_COMMAND, SHOW_TIMELINE_OF_COMMAND, SHOW_WORKSPACE_ENTITIES_COMMAND, SORT_ENTITIES_COMMAND, TOGGLE_HIGHLIGHTS_COMMAND, UNDO_ANNOTATION_CHANGE_COMMAND, WALKTHROUGH_ANNOTATE_COMMAND, WALKTHROUGH_EXPORT_COMMAND, WALKTHROUGH_HOVER_COMMAND } from './commandIds';


/** What activate() returns: the real services, so integration tests can look at them (no mocks). */
export interface ArticleAnnotatorApi {
  readonly analysis: AnalysisService;
  readonly settings: SettingsWatcher;
  /** How long activate() took, in milliseconds (logged too; tests report it). */
  readonly activationMillis: number;
  /** The extension host this activation runs in: Node (desktop, remote) or the browser's web worker. */
  readonly hostKind: 'node' | 'web';
  readonly annotations: AnnotationService;
  readonly annotationDecorator: AnnotationDecorator;
  readonly annotationTracker: AnnotationTracker;
  readonly annotationsTree: AnnotationsTreeProvider;
  readonly entitiesTree: EntitiesTreeProvider;
  readonly readingViewStyler: ReadingViewStyler;
  /** The reading views' content (the `article:` scheme). */
  readonly articleProvider: ArticleProvider;
  readonly cursorContext: CursorContext;
  readonly entitiesView: vscode.TreeView<unknown>;
  /** Every article of the workspace, analysed in the background and cached on disk. */
  readonly workspaceIndex: WorkspaceIndex;
  /** Who said what: the Quotations view and the optional quote highlight. */
  readonly quotationsTree: QuotationsTreeProvider;
  readonly quoteDecorator: QuoteDecorator;
  /** When: every dated event of the workspace, year → month → day. */
  readonly timelineTree: TimelineTreeProvider;
  /** The same timeline on a time axis, in a webview. */
  readonly timelineChart: TimelineChartPanel;
  /** Notes as comment threads (the Comments API), drawn from the annotation store. */
  readonly noteComments: NoteComments;
  /** What the workspace learned from the user's entity corrections. */
  readonly learnedCorrections: LearnedCorrections;
}

/** Activates the extension on a host: `platform` is what differs between the Node host (node.ts) and the browser's (web.ts). */
export async function activate(context: vscode.ExtensionContext, platform: ExtensionPlatform): Promise<ArticleAnnotatorApi> {
  setExtensionPlatform(platform);
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Article Annotator', { log: true });
  const settings = new SettingsWatcher(log);
  const annotations = new AnnotationService(context, log);
  const annotationLoad = await annotations.load();
  if (annotationLoad.corrupt) log.error(`Stored annotations could not be read: ${annotationLoad.corrupt}`);
  // An article's date is reached one way (ArticleDating): the date the user set (kept in the store beside the
  // annotations) and the file's day; the reading view, analyses, the index, hovers, navigation and exports all ask it.
  const articleDating = new ArticleDating(annotations);
  // one file watcher for every part that follows the disk (see workspaceFiles.ts)
  const files = watchWorkspaceFiles();
  context.subscriptions.push(files);
  const articleProvider = new ArticleProvider(coreReadingView, articleDating, files);
  const articleDocuments = new ArticleDocuments(articleProvider, settings);
  // a wire dateline whose year nothing tells pre-fills Set Article Date with its month and day
  const suggestedArticleDate = (key: string): string | undefined => {
    const article = articleDocuments.all().find((a) => a.key === key);
    return article?.sourceText === undefined ? undefined : articleDating.suggestedDate(article.sourceUri, article.sourceText);
  };
  // One home for an article's analysis options: the editor's analyses and the workspace index (and its cache key) agree.
  const analysisOptions = (article: ArticleSource): AnalyzeOptions => articleDating.analysisOptions(article.key, article.sourceUri, article.sourceText, annotations.lexicon, learned.keyFor(article.sourceText));
  const analysis = new AnalysisService(platform.analysis, log, analysisOptions);
  // What the workspace learned from the user's corrections: sent with the analyses of the articles it can change, its key in their options above.
  const learned = new LearnedCorrections(context, analysis, annotations, log, () => settings.settings.learnFromCorrections);
  await learned.load();
  // The workspace index: every article of the workspace in the background, for hovers, views and navigation.
  const workspaceIndex = new WorkspaceIndex({
    analysis,
    files,
    articles: articleDocuments,
    settings,
    log,
    optionsFor: analysisOptions,
    noteFileDate: (uri, mtime) => articleDating.noteFileTime(uri, mtime),
    sourceUriOfKey: (key) => articleUriOfKey(key),
    storageUri: context.storageUri ?? context.globalStorageUri,
    pipelineVersion: await pipelineVersion(context, platform),
  });
  const entityDecorator = new EntityDecorator(articleDocuments, analysis, settings, context.workspaceState);
  const entityHovers = new EntityHoverProvider(articleDocuments, analysis, articleDating, settings, workspaceIndex);
  const articleSelector: vscode.DocumentSelector = [{ scheme: ARTICLE_SCHEME }, { scheme: 'file' }, { scheme: 'vscode-remote' }];
  // A new article date (command, import, undo) re-renders the header and re-resolves every date of that article.
  const onArticleDatesChanged = (keys: readonly string[]): void => {
    for (const article of articleDocuments.all()) if (keys.includes(article.key)) articleProvider.refreshSource(article.sourceUri);
    for (const key of keys) analysis.invalidate(key);
  };

  context.subscriptions.push(log);
  context.subscriptions.push(settings);
  context.subscriptions.push(articleProvider);
  context.subscriptions.push(articleDocuments);
  context.subscriptions.push(analysis);
  context.subscriptions.push(entityDecorator);
  // A long session opens many articles: what was analysed for one is dropped when its last document closes.
  context.subscriptions.push(articleDocuments.onDidCloseArticle((key) => analysis.forget(key)));
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(ARTICLE_SCHEME, articleProvider));
  const readingViewStyler = new ReadingViewStyler(articleProvider);
  context.subscriptions.push(readingViewStyler);
  const readingViewHeader = new ReadingViewHeader(articleProvider);
  context.subscriptions.push(readingViewHeader);
  context.subscriptions.push(vscode.languages.registerCodeLensProvider({ scheme: ARTICLE_SCHEME }, readingViewHeader));
  context.subscriptions.push(vscode.languages.registerDocumentLinkProvider({ scheme: ARTICLE_SCHEME }, readingViewHeader));
  const readingViewTabs = new ReadingViewTabs(context.workspaceState);
  context.subscriptions.push(readingViewTabs);
  context.subscriptions.push(vscode.languages.registerHoverProvider(articleSelector, entityHovers));
  context.subscriptions.push(vscode.commands.registerCommand(OPEN_AS_ARTICLE_COMMAND, openAsArticle));
  context.subscriptions.push(vscode.commands.registerCommand(TOGGLE_HIGHLIGHTS_COMMAND, (arg?: unknown) => toggleHighlights(entityDecorator, settings, arg)));
  context.subscriptions.push(vscode.commands.registerCommand(SET_ARTICLE_DATE_COMMAND, (target?: unknown, date?: unknown) => setArticleDate(articleDating, target, date, suggestedArticleDate)));
  context.subscriptions.push(annotations.onDidChange((change) => (change.kind === 'articleDates' ? onArticleDatesChanged(change.articles) : undefined)));
  context.subscriptions.push(vscode.commands.registerCommand(INTERNAL_DECORATIONS_COMMAND, (uri?: unknown) => entityDecorator.decorationsFor(commandUri(uri))));
  context.subscriptions.push(vscode.commands.registerCommand(INTERNAL_ANALYSIS_STATS_COMMAND, (key?: unknown) => (typeof key === 'string' ? analysis.lastRun(key) : undefined)));

  // Annotations: stored against source offsets, drawn and hovered in both views, kept on their text.
  const annotationDecorator = new AnnotationDecorator(annotations, articleDocuments, settings);
  const annotationTracker = new AnnotationTracker(annotations, articleDocuments, log, files);
  context.subscriptions.push(annotations);
  context.subscriptions.push(annotationDecorator);
  context.subscriptions.push(annotationTracker);
  saveBeforeExit = () => annotationTracker.saveFollowedEdits();
  // A lexicon change re-analyses every open article, so a correction shows everywhere at once.
  context.subscriptions.push(annotations.onDidChange((change) => (change.kind === 'lexicon' ? analysis.invalidate() : undefined)));
  context.subscriptions.push(vscode.languages.registerHoverProvider(articleSelector, new AnnotationHoverProvider(annotations, articleDocuments)));
  // Notes are comment threads on their spans (multi-line Markdown, edit in place, replies, the Comments panel).
  const noteComments = new NoteComments(annotations, articleDocuments, settings);
  context.subscriptions.push(noteComments);
  context.subscriptions.push(vscode.commands.registerCommand(ANNOTATE_SELECTION_COMMAND, annotateSelection(annotations, articleDocuments, settings, noteComments, analysis)));
  context.subscriptions.push(vscode.commands.registerCommand(EDIT_ANNOTATION_COMMAND, editAnnotation(annotations, articleDocuments, settings, noteComments)));
  context.subscriptions.push(vscode.commands.registerCommand(DELETE_ANNOTATION_COMMAND, deleteAnnotation(annotations, articleDocuments)));
  context.subscriptions.push(vscode.commands.registerCommand(SHOW_ANNOTATIONS_COMMAND, showAnnotations(annotations, articleDocuments)));
  context.subscriptions.push(vscode.commands.registerCommand(REVEAL_ANNOTATION_COMMAND, revealAnnotation(annotations, articleDocuments)));
  context.subscriptions.push(vscode.commands.registerCommand(UNDO_ANNOTATION_CHANGE_COMMAND, undoAnnotationChange(annotations)));
  context.subscriptions.push(vscode.commands.registerCommand(REATTACH_ORPHAN_COMMAND, reattachOrphan(annotations, articleDocuments)));
  context.subscriptions.push(vscode.commands.registerCommand(LABEL_ALL_OCCURRENCES_COMMAND, labelAllOccurrences(annotations, articleDocuments, settings)));

  context.subscriptions.push(vscode.commands.registerCommand(ACCEPT_ENTITY_COMMAND, acceptEntity(annotations, articleDocuments, analysis)));
  context.subscriptions.push(vscode.commands.registerCommand(REJECT_ENTITY_COMMAND, rejectEntity(annotations, articleDocuments, analysis)));
  context.subscriptions.push(vscode.commands.registerCommand(CHANGE_ENTITY_TYPE_COMMAND, changeEntityType(annotations, articleDocuments, analysis, workspaceIndex)));
  context.subscriptions.push(vscode.commands.registerCommand(ADJUST_ENTITY_SPAN_COMMAND, adjustEntitySpan(annotations, articleDocuments, analysis)));
  context.subscriptions.push(vscode.languages.registerCodeActionsProvider(articleSelector, new EntityCodeActionProvider(analysis, articleDocuments), EntityCodeActionProvider.metadata));
  // VS Code's Quick Fix needs a writable editor: Ctrl+. in the read-only reading view lists the same code actions
  context.subscriptions.push(vscode.commands.registerCommand(READING_VIEW_QUICK_FIX_COMMAND, readingViewQuickFix()));
  // the Getting Started walkthrough's buttons: the sample article ships in media/, so it opens in an empty window too
  context.subscriptions.push(vscode.commands.registerCommand(OPEN_SAMPLE_ARTICLE_COMMAND, openSampleArticle(context.extensionUri)));
  context.subscriptions.push(vscode.commands.registerCommand(WALKTHROUGH_HOVER_COMMAND, walkthroughHover(articleDocuments, analysis, context.extensionUri)));
  context.subscriptions.push(vscode.commands.registerCommand(WALKTHROUGH_ANNOTATE_COMMAND, walkthroughAnnotate(articleDocuments, context.extensionUri)));
  context.subscriptions.push(vscode.commands.registerCommand(WALKTHROUGH_EXPORT_COMMAND, walkthroughExport(articleDocuments, context.extensionUri)));
  context.subscriptions.push(vscode.commands.registerCommand(EXPORT_LEXICON_COMMAND, exportLexicon(annotations, articleDocuments)));
  context.subscriptions.push(vscode.commands.registerCommand(IMPORT_LEXICON_COMMAND, importLexicon(annotations)));
  context.subscriptions.push(learned, vscode.commands.registerCommand(RESET_LEARNED_CORRECTIONS_COMMAND, resetLearnedCorrections(learned)));
  context.subscriptions.push(vscode.commands.registerCommand(EXPORT_ANNOTATIONS_COMMAND, exportAnnotations(annotations, articleDocuments, articleDating, workspaceIndex)));
  context.subscriptions.push(vscode.commands.registerCommand(IMPORT_ANNOTATIONS_COMMAND, importAnnotations(annotations, articleDocuments, articleDating, settings)));
  const entityQualityDocument = new EntityQualityDocument();
  context.subscriptions.push(entityQualityDocument, vscode.workspace.registerTextDocumentContentProvider(ENTITY_QUALITY_SCHEME, entityQualityDocument));
  context.subscriptions.push(vscode.commands.registerCommand(SHOW_ENTITY_QUALITY_COMMAND, showEntityQuality(annotations, workspaceIndex, entityQualityDocument)));

  // Side-bar views: annotations by article and label (orphans apart), entities of the current article.
  const annotationsTree = new AnnotationsTreeProvider(annotations);
  const entitiesTree = new EntitiesTreeProvider(analysis, articleDocuments, workspaceIndex, context.workspaceState);
  context.subscriptions.push(annotationsTree);
  context.subscriptions.push(entitiesTree);
  context.subscriptions.push(vscode.window.createTreeView(ANNOTATIONS_VIEW, { treeDataProvider: annotationsTree, showCollapseAll: true }));
  const entitiesView = vscode.window.createTreeView(ENTITIES_VIEW, { treeDataProvider: entitiesTree, showCollapseAll: true });
  context.subscriptions.push(entitiesView);
  // the view follows the active editor, so it names the article it shows
  context.subscriptions.push(entitiesTree.onDidChangeTreeData(() => (entitiesView.description = entitiesTree.describe())));
  context.subscriptions.push(vscode.commands.registerCommand(SHOW_WORKSPACE_ENTITIES_COMMAND, () => entitiesTree.setMode('workspace')));
  context.subscriptions.push(vscode.commands.registerCommand(SHOW_ARTICLE_ENTITIES_COMMAND, () => entitiesTree.setMode('article')));
  context.subscriptions.push(vscode.commands.registerCommand(SORT_ENTITIES_COMMAND, (arg?: unknown) => entitiesTree.pickSort(arg)));
  context.subscriptions.push(vscode.commands.registerCommand(FILTER_ENTITIES_COMMAND, (arg?: unknown) => entitiesTree.pickFilter(arg)));
  context.subscriptions.push(vscode.commands.registerCommand(CLEAR_ENTITIES_FILTER_COMMAND, () => entitiesTree.pickFilter('')));
  // Edit/Delete Annotation and the entity corrections appear in the editor context menu only where they apply.
  const cursorContext = new CursorContext(articleDocuments, annotations, analysis);
  context.subscriptions.push(cursorContext);
  context.subscriptions.push(vscode.commands.registerCommand(REVEAL_ENTITY_COMMAND, revealEntity(articleDocuments)));
  context.subscriptions.push(vscode.commands.registerCommand(REFRESH_ENTITIES_COMMAND, () => entitiesTree.track()));

  // Navigation with the editor's own gestures: Outline, breadcrumbs, Go to Symbol, highlights; next/previous entity.
  context.subscriptions.push(new ArticleNavigation({ symbols: new ArticleSymbolProvider(articleDocuments, analysis), highlights: new EntityHighlightProvider(articleDocuments, analysis) }, settings));
  context.subscriptions.push(vscode.commands.registerCommand(NEXT_ENTITY_COMMAND, stepEntity(articleDocuments, analysis, 1, false)));
  context.subscriptions.push(vscode.commands.registerCommand(PREVIOUS_ENTITY_COMMAND, stepEntity(articleDocuments, analysis, -1, false)));
  context.subscriptions.push(vscode.commands.registerCommand(NEXT_ENTITY_OF_KIND_COMMAND, stepEntity(articleDocuments, analysis, 1, true)));
  context.subscriptions.push(vscode.commands.registerCommand(PREVIOUS_ENTITY_OF_KIND_COMMAND, stepEntity(articleDocuments, analysis, -1, true)));
  context.subscriptions.push(workspaceIndex);
  // A correction learned (or a reset) re-analyses open articles and the index's articles: similar names change too.
  context.subscriptions.push(learned.onDidChange(() => (analysis.invalidate(), workspaceIndex.refreshOptions())));
  context.subscriptions.push(settings.onDidChange((change) => (change.event.affectsConfiguration('articleAnnotator.learnFromCorrections') ? learned.enabledChanged() : undefined)));
  context.subscriptions.push(annotations.onDidChange((change) => (change.kind === 'lexicon' ? workspaceIndex.refreshOptions() : change.kind === 'articleDates' ? workspaceIndex.refreshOptions(change.articles) : undefined)));
  context.subscriptions.push(vscode.commands.registerCommand(CANCEL_INDEXING_COMMAND, () => workspaceIndex.cancel()));
  context.subscriptions.push(vscode.commands.registerCommand(REBUILD_INDEX_COMMAND, () => workspaceIndex.rebuild()));
  context.subscriptions.push(vscode.commands.registerCommand(RESUME_INDEXING_COMMAND, () => workspaceIndex.resume()));
  workspaceIndex.start();
  // Across the collection, on the index: Go to Symbol in Workspace, Find All References, Go to Definition.
  const corpusNavigation = new CorpusNavigation(workspaceIndex, articleDocuments, analysis, articleProvider, articleDating);
  context.subscriptions.push(vscode.languages.registerWorkspaceSymbolProvider(corpusNavigation));
  context.subscriptions.push(new ArticleNavigation({ references: corpusNavigation, definitions: corpusNavigation }, settings));

  // after everything is registered: the reopened views are rendered, highlighted and hovered like any other
  void readingViewTabs.restore();
  // Who said what across the collection: the Quotations view, quote hovers, the optional quote highlight.
  const quotationsTree = new QuotationsTreeProvider(workspaceIndex, articleDocuments);
  const quotationsView = vscode.window.createTreeView(QUOTATIONS_VIEW, { treeDataProvider: quotationsTree, showCollapseAll: true });
  quotationsTree.setView(quotationsView);
  const quoteDecorator = new QuoteDecorator(articleDocuments, analysis, entityDecorator);
  context.subscriptions.push(quotationsTree, quotationsView, quoteDecorator);
  context.subscriptions.push(quotationsTree.onDidChangeTreeData(() => (quotationsView.description = quotationsTree.describe())));
  context.subscriptions.push(vscode.languages.registerHoverProvider(articleSelector, new QuoteHoverProvider(articleDocuments, analysis, workspaceIndex)));
  context.subscriptions.push(vscode.commands.registerCommand(SHOW_QUOTES_OF_COMMAND, (arg?: unknown) => quotationsTree.showQuotesOf(arg)));
  context.subscriptions.push(vscode.commands.registerCommand(SHOW_ALL_QUOTATIONS_COMMAND, () => quotationsTree.setFilter(undefined)));

  // When: the Timeline view of every resolved date of the collection.
  const timelineTree = new TimelineTreeProvider(workspaceIndex, articleDocuments);
  const timelineView = vscode.window.createTreeView(TIMELINE_VIEW, { treeDataProvider: timelineTree, showCollapseAll: true });
  timelineTree.setView(timelineView);
  context.subscriptions.push(timelineTree, timelineView);
  context.subscriptions.push(timelineTree.onDidChangeTreeData(() => (timelineView.description = timelineTree.describe())));
  context.subscriptions.push(vscode.commands.registerCommand(FILTER_TIMELINE_COMMAND, (arg?: unknown) => timelineTree.pickFilter(arg)));
  context.subscriptions.push(vscode.commands.registerCommand(CLEAR_TIMELINE_FILTER_COMMAND, () => timelineTree.pickFilter('')));
  context.subscriptions.push(vscode.commands.registerCommand(SHOW_TIMELINE_OF_COMMAND, (arg?: unknown) => timelineTree.showTimelineOf(arg)));
  // ...and the same timeline drawn on a time axis, for people who would rather look than read.
  const timelineChart = new TimelineChartPanel(context.extensionUri, workspaceIndex, timelineTree, articleDocuments);
  context.subscriptions.push(timelineChart);
  context.subscriptions.push(vscode.commands.registerCommand(SHOW_TIMELINE_CHART_COMMAND, (arg?: unknown) => timelineChart.show(arg)));
  context.subscriptions.push(vscode.window.registerWebviewPanelSerializer(TIMELINE_CHART_VIEW_TYPE, { deserializeWebviewPanel: async (panel) => timelineChart.restore(panel) }));

  const activationMillis = performance.now() - started;
  log.info(`Activated in ${activationMillis.toFixed(0)} ms (${platform.kind} extension host)`);
  return { analysis, settings, activationMillis, hostKind: platform.kind, annotations, annotationDecorator, annotationTracker, annotationsTree, entitiesTree, readingViewStyler, articleProvider, cursorContext, entitiesView, workspaceIndex, quotationsTree, quoteDecorator, timelineTree, timelineChart, noteComments, learnedCorrections: learned };
}

/** Writes annotations moved by edits whose debounced write has not run yet; set by activate(). */
let saveBeforeExit: (() => Promise<void>) | undefined;

export async function deactivate(): Promise<void> {
  // Everything else is disposed through context.subscriptions; a write pending after typing must not be lost.
  await saveBeforeExit?.();
}

/** The build of the analysis pipeline: the extension's version and its worker bundle's size and time (a rebuild changes it). */
async function pipelineVersion(context: vscode.ExtensionContext, platform: ExtensionPlatform): Promise<string> {
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '0');
  try {
    const stat = await vscode.workspace.fs.stat(platform.analysisBundle);
    return `${version}+${stat.size}-${stat.mtime}`;
  } catch {
    return version;
  }
}

function commandUri(uri: unknown): vscode.Uri {
  if (uri instanceof vscode.Uri) return uri;
  if (typeof uri === 'string') return vscode.Uri.parse(uri, true);
  return vscode.window.activeTextEditor?.document.uri ?? vscode.Uri.parse('untitled:none');
}
