// What `npm run eval:learning` needs from core, bundled in one piece: the pipeline and the workspace learner.
export { analyzeArticle, defaultEntityTagger } from '../../src/core/nlp/pipeline';
export { LearnedEntityModel } from '../../src/core/nlp/learnedEntityModel';
export { learnFromCorrections } from '../../src/core/nlp/entityLearning';
