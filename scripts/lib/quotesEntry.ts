// What eval:quotes runs: the analysis and the quotations exactly as `analyze` computes them.
import { analyzeArticle } from '../../src/core/nlp/pipeline';
import { findQuotations } from '../../src/core/quotes/quotations';

export function quotationsOf(text: string, articleDate?: string) {
  const analysis = analyzeArticle(text, articleDate === undefined ? {} : { articleDate });
  return findQuotations(text, analysis.entities);
}
