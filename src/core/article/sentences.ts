// Sentence boundaries in news prose, in one linear pass: terminal punctuation, then whitespace, then a sentence
// opener; abbreviations ("Mr.", "Gen.", "Aug. 15"), initials ("J. Smith") and dotted acronyms ("U.S. embassy")
// do not end a sentence. A blank line always does.
import type { TextSpan } from './articleModel';
import { matchesWithin } from './boundedSearch';

/** Titles and name parts after which a period never ends a sentence. */
const TITLE_ABBREVIATIONS = new Set([
  'Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'Prof', 'Gen', 'Lt', 'Col', 'Maj', 'Capt', 'Cpt', 'Cmdr', 'Sgt', 'Cpl', 'Pvt',
  'Adm', 'Brig', 'Gov', 'Sen', 'Rep', 'Rev', 'Hon', 'Pres', 'Supt', 'Insp', 'Amb', 'Atty', 'Fr', 'Sr', 'Jr',
  'St', 'Mt', 'Ft', 'Messrs', 'Mme', 'Mlle', 'vs', 'v', 'approx', 'cf', 'ca',
]);

/** Abbreviations that do not end a sentence when a number follows ("Aug. 15", "No. 3"). */
const NUMBER_ABBREVIATIONS = new Set([
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'No', 'Nos', 'Vol', 'Art', 'p', 'pp', 'Fig', 'Ch', 'Sec', 'Ref',
]);

/** Words that begin sentences but are rarely capitalised inside one: after "U.S." or "Inc." they mark a new sentence. */
export const SENTENCE_STARTERS = new Set([
  'The', 'A', 'An', 'In', 'On', 'At', 'After', 'Before', 'As', 'But', 'And', 'Or', 'So', 'Yet', 'He', 'She', 'It',
  'They', 'We', 'I', 'You', 'This', 'That', 'These', 'Those', 'There', 'Here', 'His', 'Her', 'Its', 'Their', 'Our',
  'My', 'Some', 'Many', 'Most', 'Several', 'Meanwhile', 'However', 'Earlier', 'Later', 'Now', 'Then', 'When',
  'While', 'If', 'Although', 'Though', 'Since', 'According', 'Also', 'Still', 'For', 'With', 'During', 'From',
  'Under', 'Over', 'Last', 'Next', 'Today', 'Yesterday', 'Despite', 'Following', 'Officials', 'Both', 'Each',
  'Such', 'Other', 'Another', 'No', 'Not', 'What', 'Why', 'How', 'Who', 'Where', 'Regardless', 'Already',
]);

/** Terminal punctuation, or a blank line (LF, CRLF or lone CR line endings). */
const CANDIDATE = /[.!?…]+[”’"'»)\]]*(?=\s|$)|(?:\r\n|\r(?!\n)|\n)[ \t\f\v]*(?:\r\n|\r(?!\n)|\n)/g;
const OPENER = /[\p{Lu}\p{Lt}\p{N}“‘"'(\[«¿¡]/u;
const SPACE = /\s/;

/** Sentence spans inside text[start, end), trimmed of whitespace, in order. */
export function splitSentences(text: string, start = 0, end = text.length): TextSpan[] {
  const spans: TextSpan[] = [];
  let sentenceStart = start;
  const push = (s: number, e: number): void => {
    while (s < e && SPACE.test(text[s]!)) s++;
    while (e > s && SPACE.test(text[e - 1]!)) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  // Candidates inside the span only: scanning on from `start` to the next one would read the rest of the text.
  for (const m of matchesWithin(CANDIDATE, text, start, end)) {
    const matchEnd = m.index + m.text.length;
    if (m.text.startsWith('\n') || m.text.startsWith('\r')) {
      push(sentenceStart, m.index);
      sentenceStart = matchEnd;
      continue;
    }
    let next = matchEnd;
    while (next < end && SPACE.test(text[next]!)) next++;
    if (next >= end) break;
    if (!OPENER.test(text[next]!)) continue;
    if (m.text === '.' && !periodEndsSentence(text, m.index, next)) continue;
    push(sentenceStart, matchEnd);
    sentenceStart = next;
  }
  push(sentenceStart, end);
  return spans;
}

/** Whether the period at `dot` ends a sentence, given the next word starts at `next`. */
function periodEndsSentence(text: string, dot: number, next: number): boolean {
  let tokenStart = dot;
  while (tokenStart > 0 && !SPACE.test(text[tokenStart - 1]!)) tokenStart--;
  const token = text.slice(tokenStart, dot).replace(/^[“‘"'(\[«]+/, '');
  if (token === '') return true;
  if (/^\p{L}$/u.test(token)) return false;
  if (TITLE_ABBREVIATIONS.has(token)) return false;
  if (NUMBER_ABBREVIATIONS.has(token) && /\d/.test(text[next]!)) return false;
  // Dotted acronyms (U.S, a.m, e.g) and company suffixes end a sentence only before a typical sentence opener.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(token) || /^(?:Inc|Ltd|Corp|Co|Bros|Plc|LLC)$/.test(token)) {
    return SENTENCE_STARTERS.has(nextWord(text, next));
  }
  return true;
}

function nextWord(text: string, at: number): string {
  const m = /^[“‘"'(]*([\p{L}]+)/u.exec(text.slice(at, at + 40));
  return m ? m[1]! : '';
}
