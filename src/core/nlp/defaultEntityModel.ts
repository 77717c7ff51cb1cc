// The entity model shipped with the extension (src/core/nlp/data/entityModel.json, written by `npm run train`),
// bundled as data like the gazetteer, so core loads it in any host without reading a file; parsed on first use.
import modelData from './data/entityModel.json';
import { loadEntityModel, type CombineMode, type EntityModelData, type EntityTagger } from './entityModel';

/** How the shipped model is combined with the rules: what measured best on the dev articles (see README). */
export const DEFAULT_COMBINE_MODE: CombineMode = 'rules';

let tagger: EntityTagger | undefined;

export function defaultEntityTagger(): EntityTagger {
  tagger ??= { model: loadEntityModel(modelData as EntityModelData), mode: DEFAULT_COMBINE_MODE };
  return tagger;
}
