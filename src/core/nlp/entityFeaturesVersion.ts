// The version of the entity tagger's feature set, apart from the tagger so that code handling only stored models and
// learned tables (the editor's side of them) does not load the tagger and its word lists.

/** A model file or learned table made with another version is refused rather than misread. */
export const ENTITY_FEATURES_VERSION = 1;
