// "a person", "an organization": the indefinite article of an English word or phrase, by its first sound as spelled.
// Enough for the words messages put after it (entity types, labels), not a pronunciation dictionary.

/** Words starting with a vowel letter but a consonant sound, and with a silent h (a vowel sound). */
const CONSONANT_SOUND = /^(?:uni(?!n)|use|usu|uti|eu|ewe|one\b|once\b|u[bcfhjkqrstn][aeiou])/i;
const SILENT_H = /^(?:hour|honest|honou?r|heir)/i;

/** "a" or "an" for `word`. */
export function indefiniteArticle(word: string): 'a' | 'an' {
  const w = word.trim().replace(/^[“"'‘(]+/, '');
  if (SILENT_H.test(w)) return 'an';
  if (CONSONANT_SOUND.test(w)) return 'a';
  return /^[aeiou]/i.test(w) ? 'an' : 'a';
}

/** `word` with its indefinite article: "an organization", "a place". */
export function withIndefiniteArticle(word: string): string {
  return `${indefiniteArticle(word)} ${word}`;
}
