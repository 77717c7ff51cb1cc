// A large article of DISTINCT text for performance tests: sentences of the seeds mixed in a seeded random order, with
// their capitalised names replaced by invented ones, so no paragraph repeats and no cache can hide the real cost.
import * as vscode from 'vscode';
import { SEED_000, SEED_003, workspaceUri } from './articleEditors';
import { seededRandom } from '../../src/core/random/seededRandom';

const ONSETS = ['b', 'br', 'd', 'dr', 'f', 'g', 'gl', 'h', 'k', 'kl', 'l', 'm', 'n', 'p', 'pr', 'r', 's', 'st', 't', 'tr', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ou', 'ia'];
const CODAS = ['', 'n', 'r', 'l', 'sk', 'nd', 'rt', 'm', 'th', 'x'];

/** An invented, pronounceable capitalised name. */
function inventedName(random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const syllables = 2 + Math.floor(random() * 2);
  let name = '';
  for (let i = 0; i < syllables; i++) name += pick(ONSETS) + pick(VOWELS);
  name += pick(CODAS);
  return name[0]!.toUpperCase() + name.slice(1);
}

/** About `size` characters of distinct paragraphs made from the seeds' sentences, with invented names. */
export async function distinctArticle(size: number, seed = 7): Promise<string> {
  const seeds = await Promise.all([SEED_000, SEED_003].map(async (s) => new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(s)))));
  const sentences = seeds
    .flatMap((s) => s.split(/(?<=[.!?]["”’]?)\s+(?=[A-Z“"])/))
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 30 && s.length < 600);
  const random = seededRandom(seed);
  // Each original capitalised word maps to a different invented name in each "story", so names recur within a
  // paragraph (as in news) but the text of no two paragraphs is alike.
  const paragraphs: string[] = [];
  let total = 0;
  for (let story = 0; total < size; story++) {
    const names = new Map<string, string>();
    const rename = (word: string): string => {
      let name = names.get(word);
      if (!name) names.set(word, (name = inventedName(random)));
      return name;
    };
    const count = 2 + Math.floor(random() * 4);
    const parts: string[] = [];
    for (let i = 0; i < count; i++) {
      const sentence = sentences[Math.floor(random() * sentences.length)]!;
      // Names (capitalised words not starting the sentence) become invented ones.
      parts.push(sentence.replace(/(?<=\s)[A-Z][a-z]{2,}/g, (w) => rename(w)));
    }
    const paragraph = parts.join(' ');
    paragraphs.push(paragraph);
    total += paragraph.length + 2;
  }
  return `${paragraphs.join('\n\n')}\n`;
}
