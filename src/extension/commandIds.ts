// Every command id the extension registers, in one place: commands, views, hovers and code actions refer to them by
// these names, and a unit test checks them against package.json's contributions.

// registered in entitiesTree.ts
export const REVEAL_ENTITY_COMMAND = 'articleAnnotator.revealEntity';
export const REFRESH_ENTITIES_COMMAND = 'articleAnnotator.refreshEntities';
export const SHOW_WORKSPACE_ENTITIES_COMMAND = 'articleAnnotator.showWorkspaceEntities';
export const SHOW_ARTICLE_ENTITIES_COMMAND = 'articleAnnotator.showArticleEntities';
export const SORT_ENTITIES_COMMAND = 'articleAnnotator.sortEntities';
export const FILTER_ENTITIES_COMMAND = 'articleAnnotator.filterEntities';
export const CLEAR_ENTITIES_FILTER_COMMAND = 'articleAnnotator.clearEntitiesFilter';

// registered in workspaceIndex.ts
export const CANCEL_INDEXING_COMMAND = 'articleAnnotator.cancelIndexing';
export const REBUILD_INDEX_COMMAND = 'articleAnnotator.rebuildIndex';
export const RESUME_INDEXING_COMMAND = 'articleAnnotator.resumeIndexing';

// registered in timelineChart.ts
export const SHOW_TIMELINE_CHART_COMMAND = 'articleAnnotator.showTimelineChart';

// registered in timelineTree.ts
export const FILTER_TIMELINE_COMMAND = 'articleAnnotator.filterTimeline';
export const CLEAR_TIMELINE_FILTER_COMMAND = 'articleAnnotator.clearTimelineFilter';
export const SHOW_TIMELINE_OF_COMMAND = 'articleAnnotator.showTimelineOf';

// registered in noteComments.ts
/** The reply box's button on a thread without comments: the text becomes the annotation's note. */
export const SAVE_NOTE_COMMAND = 'articleAnnotator.notes.save';
/** The reply box's button on a thread with a note: the text becomes a reply. */
export const REPLY_NOTE_COMMAND = 'articleAnnotator.notes.reply';
export const EDIT_NOTE_COMMAND = 'articleAnnotator.notes.edit';
export const SAVE_NOTE_EDIT_COMMAND = 'articleAnnotator.notes.saveEdit';
export const CANCEL_NOTE_EDIT_COMMAND = 'articleAnnotator.notes.cancelEdit';
export const DELETE_NOTE_COMMAND = 'articleAnnotator.notes.delete';
/** Palette and context menu: opens the note thread of the annotation at the cursor, ready to type. */
export const ADD_NOTE_COMMAND = 'articleAnnotator.addNote';

// registered in extension.ts
/** Hidden from the palette: what the entity decorator has drawn in an editor (integration tests read it). */
export const INTERNAL_DECORATIONS_COMMAND = 'articleAnnotator.internal.decorations';
/** Hidden from the palette: timing of the last analysis of an article. */
export const INTERNAL_ANALYSIS_STATS_COMMAND = 'articleAnnotator.internal.analysisStats';

// registered in quotationsTree.ts
export const SHOW_QUOTES_OF_COMMAND = 'articleAnnotator.showQuotesOf';
export const SHOW_ALL_QUOTATIONS_COMMAND = 'articleAnnotator.showAllQuotations';

// registered in commands/readingViewQuickFix.ts
export const READING_VIEW_QUICK_FIX_COMMAND = 'articleAnnotator.quickFix';

// registered in commands/annotateSelection.ts
export const ANNOTATE_SELECTION_COMMAND = 'articleAnnotator.annotateSelection';

// registered in commands/revealAnnotation.ts
export const REVEAL_ANNOTATION_COMMAND = 'articleAnnotator.revealAnnotation';

// registered in commands/toggleHighlights.ts
export const TOGGLE_HIGHLIGHTS_COMMAND = 'articleAnnotator.toggleHighlights';

// registered in commands/exportLexicon.ts
export const EXPORT_LEXICON_COMMAND = 'articleAnnotator.exportLexicon';

// registered in commands/acceptEntity.ts
export const ACCEPT_ENTITY_COMMAND = 'articleAnnotator.acceptEntity';

// registered in commands/deleteAnnotation.ts
export const DELETE_ANNOTATION_COMMAND = 'articleAnnotator.deleteAnnotation';

// registered in commands/openAsArticle.ts
export const OPEN_AS_ARTICLE_COMMAND = 'articleAnnotator.openAsArticle';

// registered in commands/importAnnotations.ts
export const IMPORT_ANNOTATIONS_COMMAND = 'articleAnnotator.importAnnotations';

// registered in commands/undoAnnotationChange.ts
export const UNDO_ANNOTATION_CHANGE_COMMAND = 'articleAnnotator.undoAnnotationChange';

// registered in commands/stepEntity.ts
export const NEXT_ENTITY_COMMAND = 'articleAnnotator.nextEntity';
export const PREVIOUS_ENTITY_COMMAND = 'articleAnnotator.previousEntity';
export const NEXT_ENTITY_OF_KIND_COMMAND = 'articleAnnotator.nextEntityOfSameKind';
export const PREVIOUS_ENTITY_OF_KIND_COMMAND = 'articleAnnotator.previousEntityOfSameKind';

// registered in commands/rejectEntity.ts
export const REJECT_ENTITY_COMMAND = 'articleAnnotator.rejectEntity';

// registered in commands/resetLearnedCorrections.ts
export const RESET_LEARNED_CORRECTIONS_COMMAND = 'articleAnnotator.resetLearnedCorrections';

// registered in commands/adjustEntitySpan.ts
export const ADJUST_ENTITY_SPAN_COMMAND = 'articleAnnotator.adjustEntitySpan';

// registered in commands/exportAnnotations.ts
export const EXPORT_ANNOTATIONS_COMMAND = 'articleAnnotator.exportAnnotations';

// registered in commands/setArticleDate.ts
export const SET_ARTICLE_DATE_COMMAND = 'articleAnnotator.setArticleDate';

// registered in commands/labelAllOccurrences.ts
export const LABEL_ALL_OCCURRENCES_COMMAND = 'articleAnnotator.labelAllOccurrences';

// registered in commands/showEntityQuality.ts
export const SHOW_ENTITY_QUALITY_COMMAND = 'articleAnnotator.showEntityQuality';

// registered in commands/importLexicon.ts
export const IMPORT_LEXICON_COMMAND = 'articleAnnotator.importLexicon';

// registered in commands/reattachOrphan.ts
export const REATTACH_ORPHAN_COMMAND = 'articleAnnotator.reattachOrphan';

// registered in commands/showAnnotations.ts
export const SHOW_ANNOTATIONS_COMMAND = 'articleAnnotator.showAnnotations';

// registered in commands/editAnnotation.ts
export const EDIT_ANNOTATION_COMMAND = 'articleAnnotator.editAnnotation';

// registered in commands/walkthrough.ts
export const OPEN_SAMPLE_ARTICLE_COMMAND = 'articleAnnotator.openSampleArticle';
export const WALKTHROUGH_HOVER_COMMAND = 'articleAnnotator.walkthrough.showHover';
export const WALKTHROUGH_ANNOTATE_COMMAND = 'articleAnnotator.walkthrough.annotate';
export const WALKTHROUGH_EXPORT_COMMAND = 'articleAnnotator.walkthrough.export';

// registered in commands/changeEntityType.ts
export const CHANGE_ENTITY_TYPE_COMMAND = 'articleAnnotator.changeEntityType';
