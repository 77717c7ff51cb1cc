// Distinct generated articles for tests of the workspace index at scale: sentences of the seed articles mixed, their
// capitalised words renamed to invented names per story, so no two articles are alike and nothing comes from a cache.

import { seededRandom } from '../../src/core/random/seededRandom';

/** Articles of one story share the invented names of its people, places and organisations. */
export const STORIES = 40;
const SYLLABLES = ['ka', 'lo', 'ven', 'dri', 'mor', 'sa', 'tel', 'qui', 'bra', 'nor', 'fen', 'ul', 'ost', 'ri', 'dan', 'mel', 'zo', 'gar', 'thi', 'pel'];

function inventedWord(seed: number): string {
  const next = seededRandom(seed);
  let word = '';
  for (let i = 0, n = 2 + Math.floor(next() * 2); i < n; i++) word += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
  return word[0]!.toUpperCase() + word.slice(1);
}

function hashOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** `count` articles, numbered from `first` (other numbers give other articles: suites that must not share cache entries use their own). */
export function scaleArticles(seedTexts: readonly string[], count: number, first = 0): string[] {
  const sentences = seedTexts
    .flatMap((t) => t.split(/(?<=[.!?]["”’]?)\s+(?=["“‘]?[A-Z])/))
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 40 && s.length < 400 && !/^date /i.test(s));
  const articles: string[] = [];
  for (let i = first; i < first + count; i++) {
    const next = seededRandom(i + 1);
    const story = i % STORIES;
    // capitalised words after the first of a sentence are names: each story renames them its own way
    const rename = (sentence: string): string => sentence.replace(/(?<=\S\s+)[A-Z][a-z]{2,}/g, (word) => inventedWord(hashOf(`${story}:${word}`)));
    const picked: string[] = [];
    for (let k = 0, n = 4 + Math.floor(next() * 4); k < n; k++) picked.push(rename(sentences[Math.floor(next() * sentences.length)]!));
    const month = 1 + (i % 12);
    const day = 1 + (i % 28);
    const lead = `${inventedWord(hashOf(`p${story}`))} ${inventedWord(hashOf(`q${story}`))} told reporters in ${inventedWord(hashOf(`c${story}`))} about report ${i + 1}.`;
    const title = `${inventedWord(hashOf(`t${i}`))} ${inventedWord(hashOf(`u${i}`))} update`;
    articles.push(`date 2022-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} ${title}\n\n${lead} ${picked.join(' ')}\n`);
  }
  return articles;
}
