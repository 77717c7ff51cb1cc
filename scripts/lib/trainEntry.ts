// What `npm run train` needs from core, bundled in one piece: the trainer, and the pipeline to measure a model on held-out documents.
export { loadEntityModel } from '../../src/core/nlp/entityModel';
export { serialiseEntityModel, trainEntityModel } from '../../src/core/nlp/entityTraining';
export { analyzeArticle } from '../../src/core/nlp/pipeline';
