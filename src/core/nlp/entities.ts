// Finds entity candidates in one slice of an article: capitalised chunks from compromise's tokens, typed by form
// (organization and place heads, titles), by data (gazetteer, well-known organizations) and by context (speech verbs,
// role nouns, honorifics). What only the whole article can settle (aliases, acronyms) is left to the combine step.
import nlp from 'compromise';
import { indexOfWithin } from '../article/boundedSearch';
import type { EntityType } from './analysisModel';
import type { Candidate, Strength, Token } from './entityTokens';
import { combineWithModel, staticFeatures, type EntityTagger } from './entityModel';
import { applyLearnedModel } from './learnedEntityModel';
import { bareAcronym } from './names';
import { isCommonWord, isCountryName, isDemonym, isPlaceName, isRegionName, isTownName, MAX_PLACE_WORDS } from './gazetteer';
import {
  BODY_VERBS,
  CLUB_HEADS,
  COMPANY_HEADS,
  COMPANY_POSSESSIONS,
  COMPASS,
  EVENT_HEADS,
  FOREIGN_ORG_HEADS,
  GOVERNMENT_NOUNS,
  INVERSION_VERBS,
  KNOWN_ORGS,
  MOTION_WORDS,
  NEVER_NAMES,
  NOT_ORG_ACRONYMS,
  ORG_BY_VERBS,
  ORG_HEADS,
  ORG_KIND_NOUNS,
  ORG_OF_HEADS,
  ORG_STAFF_NOUNS,
  PERSONAL_TITLES,
  PLACE_HEADS,
  PLACE_ABBREVIATIONS,
  PLACE_OF_NOUNS,
  PLACE_POSSESSIONS,
  PLACE_PREFIXES,
  PRODUCT_NOUNS,
  ROLE_NOUNS,
  SETTLEMENT_NOUNS,
  SHARE_MOVES,
  SPEECH_VERBS,
  SPORT_ROLES,
  SPORT_TOPICS,
  SPORT_VERBS,
  STORMS,
  TITLES,
  WORK_AT_WORDS,
  FAITH_WORDS,
} from './lexicons';

/** "North Atlantic Treaty Organization (NATO)": the text defines an acronym. Offsets absolute. */
export interface AcronymDefinition {
  readonly short: string;
  readonly long: string;
  /** Defined by lowercase words ("sea surface salinity (SSS)"): a term, no name, wherever the article uses it. */
  readonly term?: boolean;
}

interface CompromiseTerm {
  readonly text: string;
  readonly pre: string;
  readonly post: string;
  readonly tags: Set<string>;
  readonly offset?: { readonly start: number; readonly length: number };
}

/** Months that are also surnames ("Theresa May"): kept inside a name compromise tags as a person. */
const NAME_MONTHS = new Set(['may', 'june', 'april', 'august']);
const CONNECTORS = new Set(['of', 'for', 'on', 'and', '&', 'the', 'de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'den', 'al', 'el', 'bin', 'ibn', 'bint', 'y', 'st']);
const NAME_PARTICLES = new Set(['de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'den', 'al', 'el', 'bin', 'ibn', 'bint', 'y']);
const ORG_CONNECTORS = new Set(['of', 'for', 'on', 'and', '&', 'the']);
const ABBREVIATION_WORDS = new Set(['inc', 'corp', 'co', 'ltd', 'jr', 'sr', 'st', 'bros', 'mt', 'ft']);
const PERSON_TAG = /^(Person|FirstName|LastName|MaleName|FemaleName)$/;
const OPENING_QUOTE = /[“"‘'(\[«—–-]\s*$/u;
const SENTENCE_BREAK = /[.!?:;]\s*["”’]?\s*$/u;

/** "Mazar-i-Sharif", "Jae-in", "Rock-A-Bye" are one word; "Oslo-based" is a name and an adjective. */
function joinsHyphen(first: CompromiseTerm, next: CompromiseTerm): boolean {
  if (!/^\p{Lu}/u.test(first.text)) return true;
  // a lower-case English word or participle after the hyphen makes an adjective ("Oslo-based", "Paris-born",
  // "Brussels-headquartered"); any other continues the name ("Tam Wai-kwan")
  return !/^\p{Ll}{4,}$/u.test(next.text) || (!isCommonWord(next.text) && !/^\p{Ll}{3,}(?:ed|ing)$/u.test(next.text)) || next.post === '-';
}

/**
 * "Chi-ming", "Soo-yeon", "Wai-kwan", "Joo-Ho": a given name of two syllables joined by a hyphen, as East Asian names are written
 * in English; not "War-era" or "Self-made", whose two parts are both ordinary English words.
 */
function isHyphenatedGivenName(t: Token | undefined): boolean {
  if (!t || !/^\p{Lu}\p{Ll}{1,4}-(?:\p{Ll}{2,5}|\p{Lu}\p{Ll}{1,4})$/u.test(t.text)) return false;
  const [first, second] = t.norm.split('-') as [string, string];
  return !(isCommonWord(first) && isCommonWord(second));
}

/** A short capitalised word that can be a surname before a hyphenated given name: "Ho", "Park", "Cheung". */
function isShortSurname(t: Token): boolean {
  return /^\p{Lu}\p{Ll}{0,6}$/u.test(t.text) && !t.possessive && !neverName(t) && !TITLES.has(t.norm);
}

/** Tokens of one compromise sentence, hyphenated words joined ("Mazar-i-Sharif"), offsets absolute. */
function tokensOf(text: string, base: number, sentence: readonly CompromiseTerm[]): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < sentence.length; i++) {
    const first = sentence[i]!;
    // compromise leaves empty terms after a number range it keeps whole ("1 – 0"): no word, so no token
    if (!first.offset || (first.offset.length === 0 && first.text === '')) continue;
    // punctuation standing apart, as wire archives space it ("Dunmore , Texas", "( Havrell 23 )"): what follows the word
    // before, as if written against it
    if (!/[\p{L}\p{N}]/u.test(first.text) && tokens.length > 0 && first.pre === '') {
      const prev = tokens[tokens.length - 1] as { post: string };
      prev.post = `${prev.post}${first.text}${first.post}`;
      continue;
    }
    // a possessive set apart as wire archives space it ("Dravby 's mayor"): the word before is the possessive
    const prevToken = tokens[tokens.length - 1];
    if (/^s$/iu.test(first.text) && /^['’]$/u.test(first.pre) && prevToken && !prevToken.possessive && /^\s+$/u.test(prevToken.post)) {
      const owner = prevToken as { possessive: boolean; post: string };
      owner.possessive = true;
      owner.post = first.post;
      continue;
    }
    let last = first;
    let j = i;
    while (last.post === '-' && j + 1 < sentence.length && sentence[j + 1]!.pre === '' && sentence[j + 1]!.offset && joinsHyphen(first, sentence[j + 1]!)) {
      j++;
      last = sentence[j]!;
    }
    const start = base + first.offset.start;
    let end = base + last.offset!.start + last.offset!.length;
    let surface = text.slice(start, end);
    let possessive = false;
    if (/['’][sS]$/.test(surface) && surface.length > 2) {
      end -= 2;
      surface = surface.slice(0, -2);
      possessive = true;
    } else if (/['’]$/.test(surface) && surface.length > 1) {
      end -= 1;
      surface = surface.slice(0, -1);
      possessive = true;
    }
    const dotted = /^(\p{L}\.)+\p{L}$/u.test(surface) || ABBREVIATION_WORDS.has(surface.toLowerCase()) || /^\p{L}$/u.test(surface);
    if (dotted && last.post.startsWith('.') && text[end] === '.') {
      end += 1;
      surface += '.';
    }
    const tags = new Set<string>(first.tags);
    if (j > i) for (let k = i + 1; k <= j; k++) for (const t of sentence[k]!.tags) if (PERSON_TAG.test(t) === false) tags.add(t);
    const letters = surface.replace(/[^\p{L}]/gu, '');
    const prev = tokens[tokens.length - 1];
    tokens.push({
      start,
      end,
      text: surface,
      norm: surface.toLowerCase().replace(/\.$/, ''),
      pre: first.pre,
      post: last.post,
      tags,
      cap: /^\p{Lu}/u.test(surface) || /^\d+\p{L}/u.test(surface),
      allCaps: letters.length >= 2 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters),
      initial: tokens.length === 0 || OPENING_QUOTE.test(first.pre) || (prev !== undefined && SENTENCE_BREAK.test(prev.post)),
      possessive,
      breakAfter: false,
    });
    i = j;
  }
  for (let k = 0; k < tokens.length; k++) tokens[k]!.breakAfter = breaksBetween(tokens[k]!, tokens[k + 1]);
  return tokens;
}

function breaksBetween(a: Token, b: Token | undefined): boolean {
  if (a.possessive || (b !== undefined && /\S/.test(b.pre))) return true;
  if (/^\.\s+$/.test(a.post) && a.cap && (TITLES.has(a.norm) || ABBREVIATION_WORDS.has(a.norm))) return false;
  const post = a.post.replace(/^\./, a.text.endsWith('.') ? '' : '.');
  return /[^\s]/u.test(post);
}

function isNameWord(t: Token): boolean {
  if (!t.cap) return false;
  if (t.tags.has('Date') || t.tags.has('Month') || t.tags.has('WeekDay')) return false;
  if (t.tags.has('Value') && !/\p{L}/u.test(t.text)) return false;
  return true;
}

/**
 * A word that never starts or continues a name: "the", "Monday", "Jan." … but "Jan" as compromise's given name before
 * a surname ("Jan Varga"), not the month ("Jan 5", "Jan. 5").
 */
function neverName(t: Token): boolean {
  return NEVER_NAMES.has(t.norm) && !(t.text === 'Jan' && t.tags.has('Person') && !t.tags.has('Date') && !t.breakAfter && t.post === ' ');
}

/**
 * "A. Varnsby", "M. Tollander" opening a line of a scorecard: a given name's initial before a surname, not the article
 * "a" nor an unknown one-letter word, wherever it stands.
 */
function initialBeforeName(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k]!;
  const next = tokens[k + 1];
  return DOTTED_INITIALS.test(t.text) && !t.breakAfter && next !== undefined && isNameWord(next) && !neverName(next) && !DOTTED_INITIALS.test(next.text) && !next.allCaps;
}

/** "dairies" -> "dairy", "brewers" -> "brewer": the singular of a frequent English noun's plural the word list lacks. */
function pluralStem(norm: string): string | undefined {
  if (norm.length < 5 || !norm.endsWith('s') || norm.endsWith('ss') || isCommonWord(norm)) return undefined;
  const stem = norm.endsWith('ies') ? `${norm.slice(0, -3)}y` : /(?:ch|sh|x|z)es$/u.test(norm) ? norm.slice(0, -2) : norm.slice(0, -1);
  return stem.length >= 3 && isCommonWord(stem) ? stem : undefined;
}

/** A capitalised sentence-initial word is a name only on evidence: compromise knows it as one, or it is unknown. */
function startsName(t: Token): boolean {
  if (!isNameWord(t)) return false;
  if (neverName(t)) return false;
  if (!t.initial) return true;
  if (t.tags.has('ProperNoun') || t.tags.has('Person') || t.tags.has('Place') || t.tags.has('Organization') || t.allCaps) return true;
  // a storm's kind opens its name, so "Hurricane Dolores" is dropped whole rather than leaving "Dolores"
  if (KNOWN_ORGS.has(t.norm) || isPlaceName(t.text) || STORMS.has(t.norm)) return true;
  return !isCommonWord(t.norm) && !/^(Pronoun|Determiner|Preposition|Conjunction)$/.test(primaryTag(t));
}

/** "Group F", "Pool B": a tournament's group named by one letter, a name even where "Group" opens the line. */
function isLetterGroup(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  const letter = tokens[i + 1];
  return (t.text === 'Group' || t.text === 'Pool') && !t.breakAfter && letter !== undefined && /^[A-P]$/.test(letter.text) && !/^\s*\./.test(letter.post);
}

function primaryTag(t: Token): string {
  for (const tag of ['Verb', 'Adverb', 'Pronoun', 'Determiner', 'Preposition', 'Conjunction', 'Adjective']) if (t.tags.has(tag)) return tag;
  return 'Noun';
}

function isHeadlineCase(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => /\p{L}{2,}/u.test(t.text));
  return words.length >= 3 && words.filter((t) => t.allCaps).length / words.length > 0.7;
}

/**
 * "Arsenal 2 Chelsea 1": names each followed by a score; "Arsenal 3 2 1 0 6 2 7": a row of a standings table. What a
 * line gives in brackets (the scorers: "Brantmoor 2 ( Havrell 23 , Salvik 56 pen ) Castlegate 1") is left out.
 */
function isResultsLine(tokens: readonly Token[], bracketed: readonly boolean[]): boolean {
  const shape = tokens.map((t, k) => (bracketed[k] ? '' : /^\d{1,3}$/.test(t.text) ? 'n' : t.cap || CONNECTORS.has(t.norm) ? 'w' : 'x')).join('');
  return /^(w+n){2,}$/.test(shape) || /^w+n{3,}$/.test(shape);
}

/** Which tokens stand inside round brackets. */
function inBrackets(tokens: readonly Token[]): boolean[] {
  let depth = 0;
  const move = (marks: string): void => {
    for (const c of marks) if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
  };
  // compromise keeps a bracket with the word it touches, or with the word before when spaces stand around it
  return tokens.map((t) => {
    move(t.pre);
    const inside = depth > 0;
    move(t.text); // a number keeps its closing bracket: "23)"
    move(t.post);
    return inside;
  });
}

/** "2 – 1": a score, the first number followed by a dash and the second (compromise may keep it as one token). */
function isScore(a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && /^\d{1,2}$/.test(a.text) && /^\s*[–—-]\s*$/.test(a.post) && /^\d{1,2}$/.test(b.text);
}

const SCORE_TOKEN = /^\d{1,2}\s*[–—-]\s*\d{1,2}$/u;

/** A score starts at token k. */
function scoreAt(tokens: readonly Token[], k: number): boolean {
  return SCORE_TOKEN.test(tokens[k]?.text ?? '') || isScore(tokens[k], tokens[k + 1]);
}

/** A score ends at token k. */
function scoreBefore(tokens: readonly Token[], k: number): boolean {
  return SCORE_TOKEN.test(tokens[k]?.text ?? '') || isScore(tokens[k - 1], tokens[k]);
}

/** A bowler's figures in a cricket scorecard: overs, maidens, runs, wickets ("20-5-45-2", "9.3-1-30-3"). */
const BOWLING_FIGURES = /^\d{1,2}(?:\.\d)?-\d{1,2}-\d{1,3}-\d{1,2}$/u;

/** A tennis set's score, a side of 6 or 7 games: "6-4", "7 – 5". */
const SET_SCORE = /(?:^|\D)[67]\s*[–—-]\s*\d(?!\d)|(?:^|\D)\d\s*[–—-]\s*[67](?!\d)/u;

/** Initials of given names: "J.", "T.J.", "J.R.R.". */
const DOTTED_INITIALS = /^(?:\p{Lu}\.){1,3}$/u;

/** Who an award names after its sponsor: "the Kestrova Man of the Match award", "the Halvard Player of the Year". */
const AWARD_HOLDERS = new Set(['man', 'woman', 'player', 'goal', 'manager', 'coach', 'rookie']);

/** A police force after the name of the place it serves: "the Kessfold police", "the Dravmoor sheriff's office". */
const POLICE_WORDS = new Set(['police', 'sheriff', 'constabulary']);

/** Who founded or runs an organization, named next to it: "Velmora co-founder Ada Brisk", "the founder of Skelvar". */
const FOUNDER_NOUNS = new Set(['founder', 'founders', 'co-founder', 'co-founders', 'cofounder', 'creator', 'creators', 'ceo', 'owner', 'owners', 'boss']);
/** Words before "on X" or "to X" that make X a platform something is posted on: "posted to X", "messages on X". */
const POSTED_WORDS = new Set(['posted', 'post', 'posts', 'posting', 'tweeted', 'tweets', 'message', 'messages', 'hashtag', 'uploaded', 'upload', 'shared', 'streamed', 'livestreamed', 'account', 'accounts', 'followers', 'subscribers']);

/** Place heads of land and water and of settled areas, not of buildings: what an organization can be "of". */
const LAND_HEADS = new Set([
  'city', 'county', 'province', 'state', 'district', 'region', 'territory', 'island', 'islands', 'valley', 'river', 'lake', 'sea', 'ocean', 'gulf',
  'bay', 'mountain', 'mountains', 'mount', 'mt', 'peninsula', 'desert', 'coast', 'village', 'town', 'borough', 'heights', 'hills', 'beach', 'falls', 'forest',
  'plateau', 'archipelago', 'strait', 'straits', 'harbour', 'harbor',
]);

/** A stock ticker in angle brackets, as wire copy puts it after a company's name: " <BRW.N>", " < KSM.L >", " <7203.T>". */
const TICKER_AFTER = /^\s*<\s*[A-Z0-9][A-Z0-9-]{0,7}(?:\.[A-Z]{1,3})?\s*>/u;

/** What a side plays or gets against another, before "against": "the victory against X", "a match against X". */
const MATCH_NOUNS = new Set(['victory', 'victories', 'win', 'wins', 'defeat', 'defeats', 'draw', 'draws', 'loss', 'losses', 'match', 'matches', 'game', 'games', 'clash', 'fixture', 'tie', 'play', 'plays', 'played', 'playing', 'final', 'semi-final', 'semifinal', 'quarter-final', 'derby']);

/** Words of organizations' names that head no organization by themselves: "Open Harbour Watch", "Save the Children". */
const BODY_WORDS = new Set([
  'watch', 'international', 'rights', 'society', 'state', 'states', 'national', 'united', 'democratic', 'liberation', 'freedom',
  'justice', 'action', 'people', 'peoples', 'citizens', 'children', 'friends', 'global', 'world', 'federal', 'royal', 'republic',
  'republican', 'first', 'matter', 'lives', 'workers', 'women', 'veterans', 'growers', 'farmers', 'families', 'parents', 'voters',
  'reform', 'solidarity', 'liberty', 'independence', 'unity', 'labour', 'labor', 'green', 'greens', 'peace', 'relief', 'aid', 'rescue',
  'defence', 'defense', 'security', 'intelligence', 'investigation', 'health', 'education', 'research', 'development', 'trade',
]);

/** Endings of English adjectives and abstract nouns, which names seldom have: "fluorescent", "respiratory", "ballistic". */
const ENGLISH_DERIVATIVE = /\p{Ll}{3}(?:ent|ant|al|ic|ive|ous|ary|ory|ing|ed|tion|sion|ment|ness|ity|ance|ence|ology|ics)$/u;

/** Bodies that run a place's affairs, lowercase before "of": "the town council of X", "the harbour board of X". */
const LOCAL_BODIES = new Set(['council', 'councils', 'board', 'boards', 'authority', 'authorities']);
/** What a company's board is, before "board": "the supervisory board of X" is X's, a company's. */
const COMPANY_BOARDS = new Set(['supervisory', 'executive', 'management', 'advisory', 'editorial', 'governing', 'company', 'corporate', 'bank', 'club']);

/** Small words inside a term an acronym need not spell: "soil moisture and ocean salinity (SMOS)". */
const TERM_JOINERS = new Set(['and', 'of', 'the', 'for', 'in', 'on', 'to', 'a', 'an', 'with', 'by', '&']);

/** Who plays for or runs a side, after its name and before the person's: "Castlegate coach Jan Varga". */
const TEAM_ROLES = new Set(['coach', 'manager', 'captain', 'skipper', 'striker', 'goalkeeper', 'keeper', 'midfielder', 'defender', 'winger', 'forward']);

/** Who leads a company, right after its name and before the person's: "Velmora chairman Piet Morlen". */
const COMPANY_LEADERS = new Set(['chairman', 'chairwoman', 'chairperson']);
/** What follows "chief" in a company officer's title: "Brantwell chief executive Ada Brisk". */
const CHIEF_OF = new Set(['executive', 'financial', 'operating', 'economist', 'technology']);

/** Words between a speech verb and what it reports: "said on Friday it …", "said in a statement that it …". */
const REPORT_FILLERS = new Set(['on', 'in', 'a', 'statement', 'that', 'late', 'earlier', 'last', 'this', 'week', 'month', 'today', 'yesterday', 'also', 'previously']);

/**
 * Nouns of nationality before a name, which are no part of it (the adjectives are demonyms): "Briton Ada Brisk",
 * "Dutchman Jan Varga", "Swede Tomas Havrell".
 */
const NATIONALITY_NOUNS = new Set(['briton', 'britons', 'swede', 'swedes', 'dane', 'danes', 'finns', 'pole', 'poles', 'turk', 'turks', 'spaniard', 'spaniards', 'scots', 'kiwi', 'aussie', 'filipino', 'filipina', 'argentine', 'luxembourger', 'icelander']);
function isNationalityNoun(t: Token): boolean {
  if (NATIONALITY_NOUNS.has(t.norm)) return true;
  const stem = /^(\p{L}+?)(?:wo)?m[ae]n$/u.exec(t.norm)?.[1];
  return stem !== undefined && (['dutch', 'french', 'english', 'irish', 'scots', 'welsh', 'chinese'].includes(stem) || isDemonym(stem));
}

/** Kinds of territory after a name, lowercase: "the Dornova region", "the Varsel and Omby districts". */
const TERRITORY_NOUNS = new Set([
  'region', 'regions', 'province', 'provinces', 'district', 'districts', 'county', 'counties', 'prefecture', 'prefectures', 'municipality',
  'governorate', 'oblast', 'canton', 'cantons', 'area', 'valley', 'peninsula', 'islands', 'river', 'mountains', 'lakes', 'coast',
]);

/** Kinds of local government before "council" or "hall": "the Varnholt town council", "Kessby city hall". */
const LOCAL_KINDS = new Set(['town', 'city', 'county', 'village', 'parish', 'borough', 'district', 'municipal', 'regional', 'provincial']);

/** Participles after "X-" that make X a place: "Whitby-based", "Marion-born". */
const TOWN_ADJECTIVES = new Set(['based', 'born', 'bred', 'raised', 'headquartered']);

/** Place heads that end clubs' names too: "X Town", "X City" beaten 2-1 are clubs. */
const CLUB_PLACE_HEADS = new Set(['town', 'city', 'county']);

const WIRE_MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?';
/**
 * A newswire dateline opening a line: a place in capitals, maybe its region or country, then the date or the agency
 * ("LONDON 1996-08-30", "HARWICK , Ostland 1996-08-28", "WASHINGTON, March 3 (Reuters) -", "STORTHAVEN, Norway (AP) -").
 */
const DATELINE_PLACE = new RegExp(
  `^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})(?:\\s*,\\s*([A-Z][A-Za-z.'’-]+(?: [A-Z][A-Za-z.'’-]+){0,3}))?\\s*,?\\s+` +
    `(?=\\d{4}-\\d{2}-\\d{2}(?!\\d)|${WIRE_MONTH}\\s+\\d{1,2}(?!\\d)|\\d{1,2}\\s+${WIRE_MONTH}(?![a-z])|\\(\\s*[A-Z][A-Za-z .&-]{0,30}\\)\\s*[-–—])`,
);

/** A cricket result's margin, a score of its own: "beat Kent by five wickets", "won by 23 runs", "by an innings". */
const CRICKET_MARGIN = /\bby (?:an innings|\d+|one|two|three|four|five|six|seven|eight|nine|ten)(?: and \d+)? (?:wickets?|runs?)\b/u;

/** What stands between two names of one list: "X, Y", "X and Y", "X, and Y", "X or Y". */
const LIST_JOIN = /^\s*(?:,|,?\s+(?:and|or|&))\s*$/u;

class SegmentRecogniser {
  readonly candidates: Candidate[] = [];
  readonly definitions: AcronymDefinition[] = [];

  constructor(private readonly text: string) {}

  /** The sentence is a line of sports results: "Arsenal 2 Chelsea 1": its names are teams. */
  private resultsLine = false;
  /** Which of the sentence's tokens stand in brackets. */
  private bracketed: boolean[] = [];
  /** The sentence has a score ("1 – 0"): a sports verb in it is a match, not a metaphor. */
  private hasScore = false;
  /** The sentence has a tennis set score ("6-4", "7-5"): players are beaten in it, not teams. */
  private setScore = false;

  sentence(tokens: readonly Token[]): void {
    const headline = isHeadlineCase(tokens);
    this.bracketed = inBrackets(tokens);
    this.resultsLine = isResultsLine(tokens, this.bracketed);
    this.hasScore = tokens.some((_, k) => scoreAt(tokens, k)) || CRICKET_MARGIN.test(this.text.slice(tokens[0]?.start ?? 0, tokens[tokens.length - 1]?.end ?? 0));
    this.setScore = this.hasScore && tokens.some((t, k) => scoreAt(tokens, k) && SET_SCORE.test(`${t.text}${t.post}${tokens[k + 1]?.text ?? ''}`));
    const from = this.candidates.length;
    for (let i = this.dateline(tokens); i < tokens.length; ) {
      const t = tokens[i]!;
      // a common-looking first word starts a name before a hyphenated given name: "Ho Chi-ming opened …"
      const surname = !this.resultsLine && !headline && t.initial && isShortSurname(t) && !t.breakAfter && isHyphenatedGivenName(tokens[i + 1]);
      // "Team Ostmark had to …": a team named as such opens a sentence
      const team = t.text === 'Team' && !t.breakAfter && tokens[i + 1]?.cap === true && !isCommonWord(tokens[i + 1]!.norm);
      if (!surname && !team && !isLetterGroup(tokens, i) && !(initialBeforeName(tokens, i) && !headline) && (this.resultsLine ? !t.cap : headline ? !this.headlineWord(t) : !startsName(t))) {
        i++;
        continue;
      }
      let j = i + 1;
      // extend over name words and connectors that lead to another name word
      while (j < tokens.length && !tokens[j - 1]!.breakAfter) {
        const u = tokens[j]!;
        if (u.cap && neverName(u) && !(u.tags.has('Person') && NAME_MONTHS.has(u.norm)) && !initialBeforeName(tokens, j)) break;
        if (isNameWord(u) && (!headline || this.headlineWord(u))) {
          j++;
          continue;
        }
        let k = j;
        while (k < tokens.length && CONNECTORS.has(u.norm) && CONNECTORS.has(tokens[k]!.norm) && !tokens[k]!.cap && !tokens[k]!.breakAfter) k++;
        if (k > j && k < tokens.length && isNameWord(tokens[k]!) && k - j <= 2) {
          j = k + 1;
          continue;
        }
        break;
      }
      this.chunk(tokens, i, j);
      i = j;
    }
    this.listsShareType(from);
  }

  /**
   * "teams from Nert, Feim, Brolk and Pan", "the villages of Arbeck and Sollum": names listed together are of one kind,
   * so an untyped member takes the type its typed members agree on (weakly: the article's own evidence still decides).
   */
  private listsShareType(from: number): void {
    const found = this.candidates;
    for (let a = from; a < found.length; ) {
      let b = a + 1;
      while (b < found.length && LIST_JOIN.test(this.text.slice(found[b - 1]!.end, found[b]!.start))) b++;
      // two names with only a comma between them may be a name and its apposition ("X, Panama coach"): no list
      const joined = b - a >= 3 || (b - a === 2 && /(?:^|\s)(?:and|or|&)\s*$/u.test(this.text.slice(found[a]!.end, found[a + 1]!.start)));
      if (joined) {
        const types = new Set(found.slice(a, b).filter((c) => c.type !== null && c.strength >= 1 && !c.team).map((c) => c.type));
        const [type] = types;
        if (types.size === 1 && type) {
          for (let k = a; k < b; k++) if (found[k]!.type === null || found[k]!.strength === 0) found[k] = { ...found[k]!, type, strength: 1 };
        }
        const sure = new Set(found.slice(a, b).filter((c) => c.type !== null && c.strength === 2 && !c.team).map((c) => c.type));
        const [sureType] = sure;
        if (sure.size === 1 && sureType) {
          for (let k = a; k < b; k++) if (found[k]!.strength === 1 && !found[k]!.team && found[k]!.type !== sureType) found[k] = { ...found[k]!, type: sureType };
        }
      }
      a = b;
    }
  }

  /**
   * A dateline's place and region are places, whatever else the words could be ("KELVIN" is no acronym there): emits
   * them and returns the first token after them; past a slug line's sport; 0 when the line opens with neither.
   */
  private dateline(tokens: readonly Token[]): number {
    const first = tokens[0];
    if (!first || !/^\s*$/.test(this.text.slice(this.text.lastIndexOf('\n', first.start - 1) + 1, first.start))) return 0;
    if (!first.allCaps) return this.slug(tokens);
    const m = DATELINE_PLACE.exec(this.text.slice(first.start, first.start + 120));
    if (!m) return this.slug(tokens);
    let k = 0;
    const placeAt = (from: number, to: number): void => {
      while (k < tokens.length && tokens[k]!.start < from) k++;
      const i = k;
      while (k < tokens.length && tokens[k]!.end <= to) k++;
      this.emit(tokens, i, k, 'place', 2);
    };
    placeAt(first.start, first.start + m[1]!.length);
    if (m[2] !== undefined) {
      const region = first.start + m[0].indexOf(m[2], m[1]!.length);
      placeAt(region, region + m[2].length);
    }
    return k;
  }

  /** "Rugby union - Ostland name squad", "Soccer - English league results": the sport of the slug line names nothing. */
  private slug(tokens: readonly Token[]): number {
    for (let k = 0; k < Math.min(3, tokens.length); k++) {
      if (!/^\s+[-–—]\s+$/u.test(tokens[k]!.post)) continue;
      return SPORT_TOPICS.has(tokens.slice(0, k + 1).map((t) => t.norm).join(' ')) ? k + 1 : 0;
    }
    return 0;
  }

  private headlineWord(t: Token): boolean {
    if (!t.cap) return false;
    if (t.tags.has('Person') || t.tags.has('Place') || t.tags.has('Organization')) return true;
    return isCountryName(t.text) || KNOWN_ORGS.has(t.norm);
  }

  private emit(tokens: readonly Token[], i: number, j: number, type: EntityType | null, strength: Strength, team = false): void {
    if (j <= i) return;
    const candidate: Candidate = { start: tokens[i]!.start, end: tokens[j - 1]!.end, type, strength };
    this.candidates.push(team ? { ...candidate, team: this.resultsLine || this.hasScore ? 'score' : 'play' } : candidate);
  }

  private span(tokens: readonly Token[], i: number, j: number): string {
    return this.text.slice(tokens[i]!.start, tokens[j - 1]!.end);
  }

  /** Splits a chunk at connectors that do not belong to one name, then types each part. */
  private chunk(tokens: readonly Token[], i: number, j: number): void {
    // "the Kestrova Man of the Match award": the sponsor names the award, the rest is its title
    for (let k = i + 1; k + 3 < j; k++) {
      if (!AWARD_HOLDERS.has(tokens[k]!.norm) || tokens[k + 1]!.norm !== 'of' || tokens[k + 2]!.norm !== 'the' || !tokens[k + 3]!.cap) continue;
      const sponsor = this.span(tokens, i, k);
      if (isPlaceName(sponsor) || KNOWN_ORGS.has(sponsor.toLowerCase())) this.part(tokens, i, k);
      else this.emit(tokens, i, k, 'organization', 1);
      return;
    }
    for (let k = i + 1; k < j; k++) {
      const c = tokens[k]!;
      if (c.cap) continue;
      if (NAME_PARTICLES.has(c.norm) && !ORG_CONNECTORS.has(c.norm)) continue;
      if (this.keepsConnector(tokens, i, k, j)) {
        while (k + 1 < j && !tokens[k + 1]!.cap) k++;
        continue;
      }
      this.part(tokens, i, k);
      let next = k;
      while (next < j && !tokens[next]!.cap) next++;
      this.chunk(tokens, next, j);
      return;
    }
    this.part(tokens, i, j);
  }

  /** "Ministry of Defence", "Department of Health and Human Services", "Secretary of State": the connector stays. */
  private keepsConnector(tokens: readonly Token[], i: number, k: number, j: number): boolean {
    const c = tokens[k]!.norm;
    const before = tokens.slice(i, k);
    const after = tokens.slice(k + 1, j).filter((t) => t.cap);
    const lastBefore = before[before.length - 1]!;
    const isHead = (t: Token): boolean => ORG_HEADS.has(t.norm) || ORG_OF_HEADS.has(t.norm) || PLACE_HEADS.has(t.norm);
    if (c === 'of' || c === 'for' || c === 'on') {
      if (ORG_HEADS.has(lastBefore.norm) || ORG_OF_HEADS.has(lastBefore.norm)) return true;
      return c === 'of' && (PLACE_HEADS.has(lastBefore.norm) || TITLES.has(lastBefore.norm));
    }
    if (c === 'and' || c === '&') {
      // "Department of Health and Human Services", "Union of X and Y": not "the X Department and the Y Police"
      if (isHead(lastBefore) || tokens[k + 1]?.norm === 'the') return false;
      const ofHead = before.findIndex((t, n) => isHead(t) && ['of', 'for', 'on'].includes(before[n + 1]?.norm ?? ''));
      const upTo = tokens.slice(k + 1, j);
      const nextConnector = upTo.findIndex((t) => !t.cap);
      const rest = nextConnector < 0 ? upTo : upTo.slice(0, nextConnector);
      if (ofHead >= 0) return rest.length <= 3 && !rest.some(isHead);
      return rest.some((t) => ORG_HEADS.has(t.norm)) || (c === '&' && before.length === 1 && after.length === 1);
    }
    return c === 'the' && k > i && ['of', 'for', 'on'].includes(tokens[k - 1]!.norm);
  }

  /** Types one name-shaped part of a sentence, tokens [i, j). */
  private part(tokens: readonly Token[], i: number, j: number): void {
    while (i < j && !tokens[i]!.cap) i++;
    while (j > i && !tokens[j - 1]!.cap) j--;
    // "Team Ostmark", "riders of Team Kessvale": a team named as such ("Team Leader" and "Team captain Ada Brisk" name none)
    if (j - i >= 2 && j - i <= 3 && tokens[i]!.text === 'Team' && !tokens[i]!.breakAfter) {
      const name = tokens.slice(i + 1, j);
      if (name.every((t) => t.cap && !isCommonWord(t.norm) && !TITLES.has(t.norm) && !ROLE_NOUNS.has(t.norm) && !this.firstNameAt(t))) return this.emit(tokens, i, j, 'organization', 2);
    }
    while (i < j && ((neverName(tokens[i]!) && !initialBeforeName(tokens, i)) || !tokens[i]!.cap || /^\d/.test(tokens[i]!.text))) i++;
    if (i >= j) return;
    const words = tokens.slice(i, j);
    const norms = words.map((t) => t.norm);
    const whole = this.span(tokens, i, j);

    // "Full Name (ACR)": remember the definition
    const after = tokens[j];
    // "a Compact Fluorescent Lamp (CFL)", "the Consumer Price Index (CPI)": a term in capitals, neither it nor its acronym a name
    if (after?.allCaps && /^\s*\(\s*$/u.test(this.text.slice(tokens[j - 1]!.end, after.start)) && /^\s*\)/u.test(after.post) && this.capitalisedTerm(words, after.text)) {
      this.definitions.push({ short: bareAcronym(after.text), long: whole, term: true });
      return;
    }
    if (after && after.allCaps && /^\s*\(\s*$/u.test(this.text.slice(tokens[j - 1]!.end, after.start)) && j - i >= 2) {
      this.definitions.push({ short: after.text, long: whole });
    }

    // "Brantwell Holdings <BRW.N>", "Kessmoor < KSM.L >": a company before its stock ticker in angle brackets
    if (TICKER_AFTER.test(this.text.slice(tokens[j - 1]!.end, tokens[j - 1]!.end + 16)) && !tokens[j - 1]!.possessive) return this.emit(tokens, i, j, 'organization', 2);

    // the scorers a results line gives in brackets, each before the minute: "( Havrell 23 , Salvik 56 pen )"
    if (this.resultsLine && this.bracketed[i] && /^\d{1,3}\)?$/.test(tokens[j]?.text ?? '') && j - i <= 3 && !isPlaceName(whole)) return this.emit(tokens, i, j, 'person', 2);
    if (this.resultsLine && !isCountryName(whole)) return this.emit(tokens, i, j, 'organization', 2, true);
    if (j - i <= 3 && this.cricketPlayer(tokens, i, j) && !isPlaceName(whole)) return this.emit(tokens, i, j, 'person', 2);
    if (KNOWN_ORGS.has(whole.toLowerCase())) return this.emit(tokens, i, j, 'organization', 2);
    // "the Jesuit college", "a lifelong Roman Catholic": a faith's word describes, it names nothing ("Roman" only before one)
    if (words.every((t, k) => FAITH_WORDS.has(t.norm) || (t.norm === 'roman' && k < words.length - 1)) && !tokens[j - 1]!.possessive) return;
    // a team compromise knows by its whole name ("Toronto Blue Jays"): not a city followed by a person
    if (j - i >= 2 && words.every((t) => t.tags.has('SportsTeam'))) return this.emit(tokens, i, j, 'organization', 2, true);
    // "the magazine X", "published in journal X", "the company X": named by the kind of organization before it
    const kind = tokens[i - 1];
    if (kind && !kind.cap && !kind.breakAfter && ORG_KIND_NOUNS.has(kind.norm) && !tokens[j - 1]!.possessive && !isPlaceName(whole)) {
      return this.emit(tokens, i, j, 'organization', 2);
    }
    if (isPlaceName(whole)) {
      // "Alaska said": a place speaking stays a place (its government); a person only when the name is also a known
      // given name or surname ("Jordan said"). Decided here, so it never waits on evidence from elsewhere in the article
      if (j - i === 1 && this.personContext(tokens, i, j) === 2 && this.nameTagged(tokens[i]!) && !tokens[i]!.tags.has('Place')) {
        return this.emit(tokens, i, j, 'person', 1);
      }
      if (this.sportsTeamContext(tokens, i, j)) return this.emit(tokens, i, j, 'organization', 2, true);
      return this.emit(tokens, i, j, 'place', 2);
    }
    if (isTownName(whole) && this.townCue(tokens, i, j)) return this.emit(tokens, i, j, 'place', 2);
    // "Quarrendt (1964)", "(Quarrendt, 2016; …)", "Brannel et al.": an author cited in academic text
    if (this.cited(tokens, i, j) && this.looksLikePersonName(tokens, i, j) && !words.some((t) => isCommonWord(t.norm) && !this.nameTagged(t))) return this.emit(tokens, i, j, 'person', 2);
    // "Group F": a group of a tournament
    if (j - i === 2 && isLetterGroup(tokens, i)) return this.emit(tokens, i, j, 'organization', 2);
    // "the Dravmoor Sheriff's office", "the Kessfold police said": the place a police force serves
    const policeAfter = tokens[j] !== undefined && !tokens[j - 1]!.breakAfter && !tokens[j]!.cap && POLICE_WORDS.has(tokens[j]!.norm);
    const sheriffs = j - i >= 2 && words[j - i - 1]!.norm === 'sheriff' && words[j - i - 1]!.possessive;
    if ((policeAfter || sheriffs) && !words.some((t) => ORG_HEADS.has(t.norm) || ORG_OF_HEADS.has(t.norm) || isDemonym(t.text))) {
      return this.emit(tokens, i, sheriffs ? j - 1 : j, 'place', 2);
    }
    // "Ada Brisk ( Castlegate )", "Piet Morlen (Ostby Wanderers)": an unknown name alone in brackets after a person's is
    // the side the person plays or stands for (a country or town there is a place, above)
    const before = this.candidates[this.candidates.length - 1];
    if (tokens[i - 1] && before?.type === 'person' && before.end === tokens[i - 1]!.end && /^\s*\(\s*$/u.test(tokens[i - 1]!.post) && /^\s*\)/u.test(tokens[j - 1]!.post) && !words.some((t) => t.allCaps && t.text.length <= 3)) {
      return this.emit(tokens, i, j, 'organization', 1);
    }

    // "Park Mi-rae", "Ho Chi-ming": a short surname and a hyphenated given name, even when the surname is also a word
    if (j - i === 2 && isShortSurname(words[0]!) && isHyphenatedGivenName(words[1])) return this.emit(tokens, i, j, 'person', 2);

    // "Chairman of the High Council …", "Governor of Texas", "Secretary of State Antony Blinken"
    const titleOf = norms.findIndex((n, k) => TITLES.has(n) && norms[k + 1] === 'of');
    if (titleOf >= 0 && !norms.slice(0, titleOf).some((n) => ORG_HEADS.has(n) || ORG_OF_HEADS.has(n))) {
      this.part(tokens, i, i + titleOf);
      let d = i + titleOf + 2;
      while (d < j && !tokens[d]!.cap) d++;
      // a title inside the rest: "Minister of National Defense Gen. Bismillah Mohammadi"
      for (let k = j - 2; k >= d; k--) {
        if (!TITLES.has(tokens[k]!.norm) || !PERSONAL_TITLES.has(tokens[k]!.norm)) continue;
        let s = k;
        while (s > d && TITLES.has(tokens[s - 1]!.norm)) s--;
        this.domain(tokens, d, s);
        return this.emit(tokens, k + 1, j, 'person', 2);
      }
      const head = this.rightmostHead(tokens.slice(d, j).map((t) => t.norm));
      const name = head?.type === 'organization' ? d : this.nameStart(tokens, d, j);
      if (name > d && name < j) {
        this.domain(tokens, d, name);
        return this.emit(tokens, name, j, 'person', 2);
      }
      return this.domain(tokens, d, j);
    }

    if (STORMS.has(norms[0]!)) return;
    // "the Zephyr X2 phone", "the Skylark-7 probe": a name right before a kind of product names the product
    const kindAfter = tokens[j];
    // "the new Corvane Estrella sedan": up to two describing words between the determiner and the name
    let d = i - 1;
    while (d >= i - 2 && d >= 0 && !tokens[d]!.cap && !tokens[d]!.breakAfter && tokens[d]!.tags.has('Adjective')) d--;
    const determiner = d >= 0 && !tokens[d]!.breakAfter ? tokens[d] : undefined;
    if (kindAfter && !tokens[j - 1]!.breakAfter && !kindAfter.cap && PRODUCT_NOUNS.has(kindAfter.norm) && determiner && ['the', 'a', 'an', 'its', 'their'].includes(determiner.norm) && !words.some((t) => t.tags.has('Organization'))) return;
    const event = norms.findIndex((n) => EVENT_HEADS.has(n));
    if (event > 0 && words.slice(event + 1).every((t) => isPlaceName(t.text) || /^\d+$/.test(t.text))) return;

    // a club playing: "X Rovers beat Y Athletic 2-1", "beat Y Town 3-0" (with a score); a club word alone says
    // organization more weakly
    const lastNorm = norms[norms.length - 1]!;
    if (j - i >= 2 && (CLUB_HEADS.has(lastNorm) || (this.hasScore && CLUB_PLACE_HEADS.has(lastNorm)))) {
      const playing = this.sportsTeamContext(tokens, i, j);
      if (CLUB_HEADS.has(lastNorm) || playing) return this.emit(tokens, i, j, 'organization', playing ? 2 : 1, true);
    }
    const runOn = this.personAfterOrganization(tokens, i, j);
    if (runOn > 0) {
      this.emit(tokens, i, runOn, 'organization', 2);
      return this.emit(tokens, runOn, j, 'person', 2);
    }
    const head = this.rightmostHead(norms);
    if (head && (head.index === norms.length - 1 || ['of', 'for', 'on'].includes(norms[head.index + 1] ?? ''))) {
      if (j - i === 1) return this.emit(tokens, i, j, head.type, this.institutionAlone(tokens, i, head.type) ? 1 : 0);
      return this.emit(tokens, i, j, head.type, 2);
    }

    // "Fort Lee", "Port Ellery", "Lake Varna": a place's kind before its name (not "Lake" after a given name)
    if (j - i >= 2 && PLACE_PREFIXES.has(norms[0]!) && !words[0]!.allCaps && words.slice(1).every((t) => !t.allCaps && !TITLES.has(t.norm))) return this.emit(tokens, i, j, 'place', 2);
    // a run of titles followed by a name: "US President Ada Lindqvist", "Gen. Oskar Vilhelmsen"
    for (let k = j - 2; k >= i; k--) {
      if (!TITLES.has(norms[k - i]!)) continue;
      let s = k;
      while (s > i && TITLES.has(norms[s - 1 - i]!)) s--;
      const personal = words.slice(s - i, k + 1 - i).some((t) => PERSONAL_TITLES.has(t.norm));
      // "Major League Baseball", "General Motors Holdings": a title-like word opening a name that an organization's
      // head ends is no title, and what follows no person
      if (k + 1 < j && norms.slice(k + 1 - i).some((n) => ORG_HEADS.has(n))) return this.emit(tokens, i, j, 'organization', 1);
      if (k + 1 < j && (personal || j - k - 1 >= 2)) {
        this.part(tokens, i, s);
        return this.emit(tokens, k + 1, j, 'person', 2);
      }
      break;
    }
    if (TITLES.has(norms[norms.length - 1]!) && j - i > 1) return this.part(tokens, i, j - 1);
    // "Striker Tomas Havrell scored", "Defender Ada Brisk": a role noun capitalised only because it opens the sentence
    if (words[0]!.initial && j - i >= 3 && ROLE_NOUNS.has(norms[0]!) && this.looksLikePersonName(tokens, i + 1, j)) return this.emit(tokens, i + 1, j, 'person', 2);
    if (words.every((t) => TITLES.has(t.norm))) return;

    // "T.J. Morrow", "R.K. Varnley": initials and a surname are a person even after "the" (not "U.S. Steel": a place)
    if (j - i >= 2 && j - i <= 4 && DOTTED_INITIALS.test(words[0]!.text) && !isPlaceName(words[0]!.text) && !KNOWN_ORGS.has(norms[0]!)) {
      const surname = words[words.length - 1]!;
      if (!isCommonWord(surname.norm) && !isPlaceName(surname.text) && !surname.allCaps && this.looksLikePersonName(tokens, i, j)) return this.emit(tokens, i, j, 'person', 2);
    }
    // "West Indian all-rounder", "South African officials": a nationality with its compass word describes, names nothing
    if (j - i >= 2 && isDemonym(words[j - i - 1]!.text) && words.slice(0, -1).every((t) => COMPASS.has(t.norm))) return;
    // a place followed by a name: "United States Ada Lindqvist"; a place followed by something else: an organization
    if (COMPASS.has(norms[0]!) && j - i >= 2 && isPlaceName(this.span(tokens, i + 1, j))) return this.emit(tokens, i, j, 'place', 2);
    const placeEnd = this.placePrefix(tokens, i, j);
    if (placeEnd > i && placeEnd < j) {
      const rest = j - placeEnd;
      // "Sydney Fairbank said", "…, said Dallas Whitcombe": a city's name that is also a given name, then a surname, and a
      // person cue (a speech verb, "X, who …"); not "Dallas Water said" (an English word) nor "X Astros said" (a plural)
      const surname = tokens[j - 1]!;
      if (rest === 1 && !isCommonWord(surname.norm) && !isPlaceName(surname.text) && (this.nameTagged(surname) || !/s$/u.test(surname.norm)) && this.looksLikePersonName(tokens, i, j)) {
        const next = tokens[j];
        const who = next !== undefined && next.norm === 'who' && /^\s*,\s*$/.test(surname.post);
        if (who || this.personContext(tokens, i, j) === 2) return this.emit(tokens, i, j, 'person', 2);
      }
      if (rest >= 2 && this.looksLikePersonName(tokens, placeEnd, j)) {
        this.emit(tokens, i, placeEnd, 'place', 2);
        return this.emit(tokens, placeEnd, j, 'person', 1);
      }
      return this.emit(tokens, i, j, 'organization', 1);
    }

    // "Briton Ada Brisk", "Dutchman Jan Varga": a noun of nationality before a name
    if (j - i >= 2 && isNationalityNoun(words[0]!) && this.looksLikePersonName(tokens, i + 1, j) && !isPlaceName(this.span(tokens, i + 1, j))) return this.emit(tokens, i + 1, j, 'person', 2);
    if (isDemonym(words[0]!.text)) {
      if (j - i === 1) return;
      // "Chilean Marta Ibáñez": a nationality before a person's name, known by context or by a given name
      if (this.looksLikePersonName(tokens, i + 1, j) && (this.personContext(tokens, i, j) > 0 || (j - i >= 3 && this.firstNameAt(words[1]!)))) {
        return this.emit(tokens, i + 1, j, 'person', 2);
      }
      return this.emit(tokens, i, j, 'organization', 1);
    }

    // acronyms: a bare all-caps word is most often an organization
    if (j - i === 1 && words[0]!.allCaps) {
      const bare = words[0]!.text.replace(/\./g, '');
      if (!/^[\p{Lu}\d&-]+$/u.test(bare)) return;
      // "125 DKK per hour", "11 RBI": capitals right after a number are its unit (not after a year: "the 2018 OFC Cup")
      const before = tokens[i - 1];
      if (before && !before.breakAfter && /^\d[\d.,]*$/u.test(before.text) && !/^(?:1[5-9]|20)\d\d$/u.test(before.text)) return;
      if (this.definedByWords(tokens, i, bare)) return;
      if (NOT_ORG_ACRONYMS.has(bare.toLowerCase()) || bare.length < 2 || bare.length > 6 || /^[IVXLC]+$/.test(bare)) return;
      // "( home team in CAPS )", "RESULTS": an English word written in capitals, no acronym
      if (bare.length >= 4 && isCommonWord(bare.toLowerCase())) return;
      return this.emit(tokens, i, j, 'organization', 1);
    }

    if (FOREIGN_ORG_HEADS.has(norms[0]!) && j - i >= 2) return this.emit(tokens, i, j, 'organization', 2);
    const firstName = words.findIndex((t) => this.firstNameAt(t));
    const descriptor = (t: Token): boolean =>
      !this.firstNameAt(t) && !t.tags.has('LastName') && (isCommonWord(t.norm) || isDemonym(t.text) || /(?:ist|ists|ite|ites|ian|ians)$/.test(t.norm));
    // "Varnist Kex Tollander": a follower's word before a full name nobody knows
    if (j - i === 3 && /(?:ist|ite|ian)s?$/u.test(norms[0]!) && !this.nameTagged(words[0]!) && !words[0]!.initial && this.looksLikePersonName(tokens, i + 1, j)) {
      if (words.slice(1).every((t) => !isCommonWord(t.norm) && !isPlaceName(t.text))) return this.emit(tokens, i + 1, j, 'person', 2);
    }
    if (firstName > 0 && j - i - firstName >= 2 && words.slice(0, firstName).every(descriptor) && this.looksLikePersonName(tokens, i + firstName, j)) {
      this.domain(tokens, i, i + firstName);
      return this.emit(tokens, i + firstName, j, 'person', 2);
    }
    if (this.beforePlace(tokens, j) && j - i <= 3) return this.emit(tokens, i, j, 'place', 2);
    const placeCue = this.placeContext(tokens, i, j);
    if (placeCue > 0 && j - i <= 3) return this.emit(tokens, i, j, 'place', placeCue);
    // what only a company has decides before a speech verb ("said Dolmer's shareholders"); a known given name keeps a
    // person. One word is typed weakly: the article's own stronger evidence for it ("Brackenfeld said", whose full name
    // another article gives) still decides, so the bare word joins that name in the corpus
    if (!words.some((t) => this.nameTagged(t) || t.tags.has('Person')) && this.companyContext(tokens, i, j) === 2) return this.emit(tokens, i, j, 'organization', j - i === 1 ? 1 : 2);
    const context = this.personContext(tokens, i, j);
    if (context === 2) return this.emit(tokens, i, j, 'person', 2);
    const prev = tokens[i - 1];
    const determined = prev !== undefined && (prev.norm === 'the' || prev.norm === 'a' || prev.norm === 'an') && !prev.breakAfter;
    if (j - i >= 2) {
      if (this.firstNameAt(words[0]!) && this.looksLikePersonName(tokens, i, j)) return this.emit(tokens, i, j, 'person', 2);
      if (prev && (prev.norm === 'in' || prev.norm === 'near')) return this.emit(tokens, i, j, 'place', 1);
      // "Godrost defeated South Varnia 1 – 0": a name of several words playing with a score is a team
      if (this.playsWithScore(tokens, i, j) || this.playsAgainst(tokens, i, j)) return this.emit(tokens, i, j, 'organization', 1, true);
      // "Ada Brisk ( U.S. ) 10.95", "Jorun Ekdal (Norway) beat …": an athlete's country in brackets after the name
      if (!determined && j - i <= 4 && this.countryInBrackets(tokens, j) && words.every((t) => !t.allCaps && !isCommonWord(t.norm) || this.nameTagged(t))) return this.emit(tokens, i, j, 'person', 2);
      if (determined || words.some((t) => t.tags.has('Organization'))) return this.emit(tokens, i, j, 'organization', 1);
      // "Kessmoor Dairies", "Tollvik Brewers": a plural English noun after unknown words ends an organization's name, no
      // person's (not a work's title of English words, "Childish Recollections", nor a place's, "the Verde Rivers")
      const last = words[words.length - 1]!;
      const stem = pluralStem(last.norm);
      const unknownBefore = words.slice(0, -1).every((t) => !isCommonWord(t.norm) && !isDemonym(t.text));
      if (stem !== undefined && !PLACE_HEADS.has(stem) && unknownBefore && !this.nameTagged(last)) return this.emit(tokens, i, j, 'organization', 1);
      if (this.looksLikePersonName(tokens, i, j) && words.every((t) => this.nameTagged(t) || !isCommonWord(t.norm))) return this.emit(tokens, i, j, 'person', 1);
      return this.emit(tokens, i, j, null, 0);
    }
    // a single word
    const w = words[0]!;
    // "Varnholt council approves", "the Varnholt town council": the council's town, named before its lowercase council
    if (!w.allCaps && !w.possessive && !w.breakAfter && this.localCouncilAfter(tokens, j)) return this.emit(tokens, i, j, 'place', 2);
    // "the Brantov government": a leader's name before the government (compromise tags both words an organization then);
    // not a party's word ("the Conservative government", "the Socialist government", "the Labour government")
    if (GOVERNMENT_NOUNS.has(tokens[j]?.norm ?? '') && !w.allCaps && !w.breakAfter && !w.possessive && !ORG_HEADS.has(w.norm) && !isCommonWord(w.norm) && !isDemonym(w.text) && !w.tags.has('Adjective') && !/(?:ist|ive|ic)$/u.test(w.norm)) return this.emit(tokens, i, j, 'person', 1);
    if (w.tags.has('Organization')) return this.emit(tokens, i, j, 'organization', 1);
    // "The Storting voted", "the Folketing approved the budget": a body that decides, named by one foreign word
    const verb = tokens[j];
    if (determined && !w.tags.has('Place') && verb && !w.breakAfter && !w.possessive && BODY_VERBS.has(verb.norm)) return this.emit(tokens, i, j, 'organization', 2);
    // "the Skarvian central bank": a nationality adjective nobody listed describes the noun after it
    const noun = tokens[j];
    if (determined && /(?:ian|ese|ish)$/u.test(w.norm) && noun && !noun.cap && !w.breakAfter && !w.possessive && !noun.tags.has('Verb') && !w.tags.has('Place')) return;
    // "the Ostmark coach said": the side whose coach or captain speaks
    if (determined && !w.tags.has('Place') && !w.breakAfter && !w.possessive && noun && !noun.cap && TEAM_ROLES.has(noun.norm)) return this.emit(tokens, i, j, 'organization', 1, true);
    if (determined) return this.emit(tokens, i, j, w.tags.has('Place') ? 'place' : 'organization', 0);
    if (this.playsWithScore(tokens, i, j) || this.playsAgainst(tokens, i, j)) return this.emit(tokens, i, j, 'organization', 1, true);
    if (context === 1 || w.tags.has('Person')) return this.emit(tokens, i, j, 'person', 1);
    if (w.tags.has('Place')) return this.emit(tokens, i, j, 'place', 1);
    if (prev && (prev.norm === 'in' || prev.norm === 'near') && !w.initial) return this.emit(tokens, i, j, 'place', 1);
    if (this.motionCue(tokens, i, j)) return this.emit(tokens, i, j, 'place', 1);
    return this.emit(tokens, i, j, null, 0);
  }

  /**
   * An unknown name where something goes or comes from: "flew to X", "a trip to X", "refugees from X", "teams from X,
   * Y and Z" (the first; the list gives the others). Not a known given name or surname, nor a name that speaks or owns.
   */
  private motionCue(tokens: readonly Token[], i: number, j: number): boolean {
    const prev = tokens[i - 1];
    const before = tokens[i - 2];
    const last = tokens[j - 1]!;
    const next = tokens[j];
    if (!prev || !before || prev.breakAfter || before.breakAfter || prev.cap || last.possessive) return false;
    if (!['to', 'from', 'into', 'towards', 'toward'].includes(prev.norm) || !MOTION_WORDS.has(before.norm)) return false;
    if (next && !last.breakAfter && SPEECH_VERBS.has(next.norm)) return false;
    return !tokens.slice(i, j).some((t) => this.nameTagged(t) || t.tags.has('Organization'));
  }

  /**
   * A company by the words around its name: 2 for "shares of X", "a stake in X", "X shares fell", "X's shareholders",
   * "X, the … company" (an appositive ending in a kind of organization within a few words); 0 for nothing.
   */
  private companyContext(tokens: readonly Token[], i: number, j: number): 0 | 2 {
    const prev = tokens[i - 1];
    const before = tokens[i - 2];
    const last = tokens[j - 1]!;
    const next = tokens[j];
    if (prev && before && !before.breakAfter && !prev.breakAfter && ((before.norm === 'shares' && (prev.norm === 'of' || prev.norm === 'in')) || (before.norm === 'stake' && prev.norm === 'in'))) return 2;
    // "Brantwell said on Friday it expected …": who speaks of itself as "it" is no person
    if (next && !last.breakAfter && !last.possessive && SPEECH_VERBS.has(next.norm) && this.reportsAsIt(tokens, j + 1)) return 2;
    // "the founder of Skelvar", "Co-founder of Skelvar, Ada Brisk"
    if (prev && before && !before.breakAfter && !prev.breakAfter && prev.norm === 'of' && FOUNDER_NOUNS.has(before.norm) && !last.possessive) return 2;
    if (j - i === 1 && this.singleCompanyCue(tokens, i)) return 2;
    if (!next) return 0;
    if (last.possessive) return COMPANY_POSSESSIONS.has(next.norm) || (next.norm === 'chief' && tokens[j + 1]?.norm === 'executive') ? 2 : 0;
    if (/^\s+$/.test(last.post) && (next.norm === 'shares' || next.norm === 'stock') && SHARE_MOVES.has(tokens[j + 1]?.norm ?? '')) return 2;
    // "X cut its forecast", "X quietly raised its prices": what the name does, it does to its own (not "X said its …",
    // where "its" can be another's)
    if (!last.breakAfter && !last.possessive) {
      // compromise's first pass may call the verb a noun ("cut"): any lowercase word but a function word, after an adverb
      let k = j;
      if (tokens[k]!.tags.has('Adverb') && /ly$/u.test(tokens[k]!.norm) && !tokens[k]!.breakAfter) k++;
      const verb = tokens[k];
      const its = tokens[k + 1];
      if (verb && its && !verb.cap && !verb.breakAfter && its.norm === 'its' && !SPEECH_VERBS.has(verb.norm) && !/^(Pronoun|Determiner|Preposition|Conjunction)$/.test(primaryTag(verb))) return 2;
    }
    if (/^\s*,\s*$/.test(last.post) && ['the', 'a', 'an'].includes(next.norm)) {
      // "X, the ride-hailing firm", "X, a Berlin-based startup": a kind of organization within four words, nothing capitalised
      for (let k = j + 1; k < Math.min(tokens.length, j + 6); k++) {
        const t = tokens[k]!;
        if (ORG_KIND_NOUNS.has(t.norm) && !['team', 'side', 'band', 'club', 'party'].includes(t.norm)) return 2;
        if (t.breakAfter || (t.cap && !/-/.test(t.text))) return 0;
      }
    }
    return 0;
  }

  /**
   * "the sea surface salinity (SSS)": an acronym in brackets spelled by the initials of the lowercase words before it is
   * a term; remembered for the whole article.
   */
  private definedByWords(tokens: readonly Token[], i: number, bare: string): boolean {
    if (i === 0 || !/^\s*\(\s*$/u.test(this.text.slice(tokens[i - 1]!.end, tokens[i]!.start)) || !/^\)/u.test(tokens[i]!.post)) return false;
    const letters = bare.replace(/s$/u, '').toLowerCase();
    if (letters.length < 2) return false;
    // matched from the last letter back, word by word; "and", "of", "the" … are skipped where the acronym has no letter
    // for them ("soil moisture and ocean salinity (SMOS)")
    const parts: string[] = [];
    let at = letters.length - 1;
    for (let k = i - 1; k >= 0 && at >= 0; k--) {
      const t = tokens[k]!;
      if (t.cap || !/^\p{Ll}/u.test(t.text) || (k < i - 1 && t.breakAfter)) return false;
      // the nearest parts only, one at a time: a token can hold any number of hyphens
      const words = t.norm.split('-').filter(Boolean);
      for (let w = words.length - 1; w >= 0 && at >= 0; w--) {
        const word = words[w]!;
        if (word[0] === letters[at]) at--;
        else if (!TERM_JOINERS.has(word) || parts.length === 0) return false;
        parts.unshift(word);
      }
    }
    if (at >= 0) return false;
    this.definitions.push({ short: bare, long: parts.join(' '), term: true });
    return true;
  }

  /**
   * Capitalised words defining an acronym name a term, no body: each an English word, no name nor place, and none of
   * them a word of an organization's name ("Party", "Agency", "Network", "Watch", "International", "Rights" …), the
   * acronym spelled by their initials ("Compact Fluorescent Lamp (CFL)", "Most Valuable Player (MVP)").
   */
  private capitalisedTerm(words: readonly Token[], acronym: string): boolean {
    const letters = acronym.replace(/[.&-]/gu, '').replace(/s$/u, '').toLowerCase();
    if (letters.length !== words.length || letters.length < 2) return false;
    // one word the common words miss may be an English derivative ("Fluorescent", "Respiratory"), no name
    if (words.filter((t) => !isCommonWord(t.norm)).length > (words.every((t) => isCommonWord(t.norm) || ENGLISH_DERIVATIVE.test(t.norm)) ? 1 : 0)) return false;
    return words.every(
      (t, k) =>
        t.cap && !t.allCaps && t.norm[0] === letters[k] && !this.nameTagged(t) && !isPlaceName(t.text) && !isDemonym(t.text) &&
        !ORG_HEADS.has(t.norm) && !ORG_OF_HEADS.has(t.norm) && !COMPANY_HEADS.has(t.norm) && !ORG_KIND_NOUNS.has(t.norm) && !PLACE_HEADS.has(t.norm) &&
        !TITLES.has(t.norm) && !EVENT_HEADS.has(t.norm) && !BODY_WORDS.has(t.norm),
    );
  }

  /** Tokens [i, j) are an author's name as a citation gives it: before "et al.", "(1964)", or ", 2016" in brackets. */
  private cited(tokens: readonly Token[], i: number, j: number): boolean {
    const next = tokens[j];
    if (!next || tokens[j - 1]!.possessive) return false;
    if (next.norm === 'et' && /^al\.?$/u.test(tokens[j + 1]?.text ?? '')) return true;
    const after = this.text.slice(tokens[j - 1]!.end, Math.min(this.text.length, tokens[j - 1]!.end + 12));
    if (/^\s*\(\s*(?:1[5-9]|20)\d\d[a-z]?\s*[),;:]/u.test(after)) return true;
    return this.bracketed[i] === true && /^\s*,\s*(?:1[5-9]|20)\d\d[a-z]?\s*[);,]/u.test(after);
  }

  /** The clause reported from token k on has "it" for its subject: "[said] on Friday it …", "[said] that it …". */
  private reportsAsIt(tokens: readonly Token[], k: number): boolean {
    if (tokens[k - 1]!.breakAfter && !/^\s*,?\s*$/u.test(tokens[k - 1]!.post)) return false;
    for (let n = 0; n < 5 && k < tokens.length; n++, k++) {
      const t = tokens[k]!;
      if (t.norm === 'it') return !t.breakAfter || /^\s*$/u.test(t.post);
      if (t.breakAfter || !(REPORT_FILLERS.has(t.norm) || t.tags.has('Date') || t.tags.has('WeekDay'))) return false;
    }
    return false;
  }

  /**
   * What is said of organizations around one unknown word (two words after these are most often a person's name):
   * "acquired by X", "published by X", "worked at X", "told X" at the end of a clause (a news agency or broadcaster;
   * a person introduced by full name is linked back to it by the article-wide step), "a X spokesperson".
   */
  private singleCompanyCue(tokens: readonly Token[], i: number): boolean {
    const prev = tokens[i - 1];
    const before = tokens[i - 2];
    const word = tokens[i]!;
    const next = tokens[i + 1];
    if (word.possessive) return false;
    if (next && !word.breakAfter && ORG_STAFF_NOUNS.has(next.norm) && prev && ['a', 'an', 'the'].includes(prev.norm) && !prev.breakAfter) return true;
    // "Velmora co-founder Ada Brisk", "Quillet creator Tomas Havrell": the organization before its founder's name
    if (next && !word.breakAfter && !next.cap && FOUNDER_NOUNS.has(next.norm) && !next.breakAfter && tokens[i + 2]?.cap === true) return true;
    // "Velmora chairman Piet Morlen", "Brantwell chief executive Ada Brisk"
    if (next && !word.breakAfter && !next.cap && !next.breakAfter) {
      const officer = COMPANY_LEADERS.has(next.norm) ? i + 2 : next.norm === 'chief' && CHIEF_OF.has(tokens[i + 2]?.norm ?? '') && !tokens[i + 2]!.breakAfter ? i + 3 : -1;
      if (officer > 0 && tokens[officer]?.cap === true && this.looksLikePersonName(tokens, officer, Math.min(tokens.length, officer + 2))) return true;
    }
    // "Castlegate coach Jan Varga", "Brantmoor captain Ada Brisk": the side a player or coach belongs to, before the role
    if (next && !word.breakAfter && !next.cap && !next.breakAfter && TEAM_ROLES.has(next.norm) && tokens[i + 2]?.cap === true) {
      // the person's name runs to the first lowercase word ("coach Varga said")
      let end = i + 2;
      while (end < Math.min(tokens.length, i + 5) && tokens[end]!.cap && !(end > i + 2 && tokens[end - 1]!.breakAfter)) end++;
      if (this.looksLikePersonName(tokens, i + 2, end)) return true;
    }
    if (!prev || prev.breakAfter || !before || before.breakAfter) return false;
    if (prev.norm === 'by' && ORG_BY_VERBS.has(before.norm)) return true;
    // "posted to Quillet", "messages on Quillet": a platform
    if ((prev.norm === 'on' || prev.norm === 'to') && !this.nameTagged(word)) {
      // "posted the picture to Quillet": the posting word up to three words before
      for (let k = i - 2; k >= Math.max(0, i - 4); k--) {
        const t = tokens[k]!;
        if (t.cap || t.breakAfter) break;
        if (POSTED_WORDS.has(t.norm)) return true;
      }
    }
    if (prev.norm === 'at' && WORK_AT_WORDS.has(before.norm)) return true;
    const clauseEnds = !next || /[.,;:!?]/u.test(word.post) || ['in', 'on', 'that', 'last', 'this', 'late', 'earlier'].includes(next.norm);
    return (prev.norm === 'told' || prev.norm === 'tells' || prev.norm === 'tell') && clauseEnds && !this.nameTagged(word);
  }

  /**
   * A single unknown name playing in a match with a football-like score: "X beat Y 2-1", "lost 3-0 to Y". Not with a
   * tennis set score (6-4, 7-5): players are beaten in those.
   */
  private playsWithScore(tokens: readonly Token[], i: number, j: number): boolean {
    if ((!this.hasScore && !this.resultsLine) || this.setScore) return false;
    return this.sportsTeamContext(tokens, i, j);
  }

  /**
   * A side playing another with no score written: "X won against Y", "drew against Y", "the victory against Y",
   * "a match against Y" (not "marched against Y", "the case against Y").
   */
  private playsAgainst(tokens: readonly Token[], i: number, j: number): boolean {
    const last = tokens[j - 1]!;
    const next = tokens[j];
    const prev = tokens[i - 1];
    const before = tokens[i - 2];
    if (next && !last.breakAfter && !last.possessive && SPORT_VERBS.has(next.norm) && !next.breakAfter && tokens[j + 1]?.norm === 'against') return true;
    return prev?.norm === 'against' && !prev.breakAfter && before !== undefined && !before.cap && !before.breakAfter && (SPORT_VERBS.has(before.norm) || MATCH_NOUNS.has(before.norm));
  }

  /**
   * Cricket scorecard notation around a player's name: caught by ("c Havrell") and bowled by ("b Morlen", "lbw b Morlen",
   * "st Havrell"), a bowler's figures after it ("Velmora 20-5-45-2"). Lowercase "c", "b" and "st" before a name occur
   * nowhere else.
   */
  private cricketPlayer(tokens: readonly Token[], i: number, j: number): boolean {
    const prev = tokens[i - 1];
    if (prev && !prev.breakAfter && /^(?:c|b|st)$/u.test(prev.text) && (prev.text !== 'st' || !/^\./u.test(prev.post))) return true;
    const next = tokens[j];
    return next !== undefined && !tokens[j - 1]!.breakAfter && BOWLING_FIGURES.test(next.text);
  }

  /** A country playing: "Norway defeated …", "… beat Norway", "Norway 1 – 0", "Norway's goalkeeper". */
  private sportsTeamContext(tokens: readonly Token[], i: number, j: number): boolean {
    const last = tokens[j - 1]!;
    const next = tokens[j];
    const prev = tokens[i - 1];
    // "beat Norway's Arne Dahl": a country before a player's name says where the player is from
    if (last.possessive && next?.cap) return false;
    // "Ada Velmora of Mozambique won the 800 metres": who plays is the person the country is said of
    const said = prev !== undefined && !prev.breakAfter && (prev.norm === 'of' || prev.norm === 'from') && tokens[i - 2]?.cap === true;
    if (next && !last.breakAfter && !said && (SPORT_VERBS.has(next.norm) || scoreAt(tokens, j))) return true;
    if (next && last.possessive && SPORT_ROLES.has(next.norm)) return true;
    if (prev && !prev.breakAfter && (SPORT_VERBS.has(prev.norm) || ['against', 'versus', 'vs'].includes(prev.norm))) return true;
    if (prev && scoreBefore(tokens, i - 1)) return true;
    return prev?.norm === 'to' && scoreBefore(tokens, i - 2);
  }

  /**
   * A place by the words around it, for towns too small for the gazetteer: 2 for "X, a village in …", "residents of X",
   * "the outskirts of X"; 1 for "in X said" (the name after "in" is not who speaks); 0 for nothing.
   */
  private placeContext(tokens: readonly Token[], i: number, j: number): 0 | 1 | 2 {
    const prev = tokens[i - 1];
    const last = tokens[j - 1]!;
    const next = tokens[j];
    // "Dravby's mayor", "Kessmoor's residents"
    if (last.possessive) return next !== undefined && !next.cap && PLACE_POSSESSIONS.has(next.norm) && j - i <= 2 && !this.firstNameAt(tokens[i]!) ? 2 : 0;
    if (next && /^\s*,\s*$/.test(last.post) && (next.norm === 'a' || next.norm === 'an' || next.norm === 'the')) {
      // "X, a small fishing village in …", "X, the port town of …": at most two describing words before the kind
      for (let k = j + 1; k <= j + 3 && k < tokens.length; k++) {
        const t = tokens[k]!;
        if (t.cap && !isDemonym(t.text)) break;
        if (SETTLEMENT_NOUNS.has(t.norm)) return ['in', 'near', 'on', 'of', 'outside', 'north', 'south', 'east', 'west', 'about', 'some'].includes(tokens[k + 1]?.norm ?? '') || /^\s*[,.;]/.test(t.post) ? 2 : 0;
        if (t.breakAfter) break;
      }
    }
    // "the Dornova region", "the Varsel and Omby districts": a kind of territory after the name (or after the list it opens)
    const territory = (k: number): boolean => tokens[k] !== undefined && !tokens[k]!.cap && TERRITORY_NOUNS.has(tokens[k]!.norm);
    if (next && !last.breakAfter && (territory(j) || (['and', 'or'].includes(next.norm) && !next.breakAfter && tokens[j + 1]?.cap === true && !tokens[j + 1]!.breakAfter && territory(j + 2)))) return 2;
    const unnamed = !tokens.slice(i, j).some((t) => this.nameTagged(t) || t.tags.has('Organization'));
    // "a base in Kessby, Tarnland until …": a region after a place and a comma, where the name neither acts nor speaks
    const placeBefore = this.candidates[this.candidates.length - 1];
    if (prev?.cap && /^\s*,\s*$/u.test(prev.post) && placeBefore?.type === 'place' && placeBefore.end === prev.end && unnamed && j - i <= 2) {
      if (!next || /[,.;:)]/u.test(last.post) || (!next.cap && /^(Preposition|Conjunction)$/.test(primaryTag(next)))) return 1;
    }
    if (!prev || prev.breakAfter) return 0;
    const before = tokens[i - 2];
    if (prev.norm === 'of' && before && (!before.cap || i === 2) && !before.breakAfter && PLACE_OF_NOUNS.has(before.norm)) return 2;
    if (prev.norm === 'of' && this.localBodyOf(tokens, i - 2)) return 2;
    // "next to Tollmere"
    if (prev.norm === 'to' && before?.norm === 'next' && !before.breakAfter && unnamed) return 1;

    if ((prev.norm === 'in' || prev.norm === 'near') && next && !last.breakAfter && SPEECH_VERBS.has(next.norm) && !this.looksLikeFullName(tokens, i, j)) return 1;
    return 0;
  }

  /**
   * A cue that a town of the smaller places' list is the place here: "in X", "near X", "outside X"; "from X", "to X",
   * "via X" unless a word of it is a known given name or surname ("a letter from Marion"); "X-based", "X-born".
   */
  private townCue(tokens: readonly Token[], i: number, j: number): boolean {
    const prev = tokens[i - 1];
    const last = tokens[j - 1]!;
    const next = tokens[j];
    if (!last.possessive && /^-$/u.test(last.post) && next && TOWN_ADJECTIVES.has(next.norm)) return true;
    // "Exeter, Devon", "Kessby, Wexhamshire": a place, a comma, and the region it lies in
    if (prev && prev.cap && /^\s*,\s*$/.test(prev.post) && !last.possessive && (isPlaceName(prev.text) || prev.tags.has('Place')) && (!next || /^\s*[,.;]/.test(last.post))) return true;
    // "in Shaw's play": a possessive owns something; "in Marion said": who speaks
    if (!prev || prev.breakAfter || prev.cap || last.possessive) return false;
    if (next && !last.breakAfter && SPEECH_VERBS.has(next.norm)) return false;
    if (['in', 'near', 'outside', 'around'].includes(prev.norm)) return true;
    return ['from', 'to', 'via', 'towards', 'toward', 'through'].includes(prev.norm) && !tokens.slice(i, j).some((t) => this.nameTagged(t));
  }

  /**
   * Token k and the words before it name, lowercase, the body of a place an "of" follows: "the town council of",
   * "the harbour board of", "the port authority of" (a board or an authority after a noun saying what it runs; a board
   * alone, "the board of X", or a company's, "the supervisory board of X", is the company's).
   */
  private localBodyOf(tokens: readonly Token[], k: number): boolean {
    const body = tokens[k];
    if (!body || body.cap || body.breakAfter || !LOCAL_BODIES.has(body.norm)) return false;
    if (body.norm === 'council' || body.norm === 'councils') return true;
    const what = tokens[k - 1];
    return what !== undefined && !what.cap && !what.breakAfter && what.tags.has('Noun') && !what.tags.has('Adjective') && !COMPANY_BOARDS.has(what.norm);
  }

  /** Two or more words with a known first name: a person's full name wherever it stands. */
  private looksLikeFullName(tokens: readonly Token[], i: number, j: number): boolean {
    return j - i >= 2 && this.firstNameAt(tokens[i]!) && this.looksLikePersonName(tokens, i, j);
  }

  /** "council", "town council", "city hall" right after token j - 1, all lowercase. */
  private localCouncilAfter(tokens: readonly Token[], j: number): boolean {
    const a = tokens[j];
    const b = tokens[j + 1];
    if (!a || a.cap) return false;
    if (a.norm === 'council' || a.norm === 'councillors' || a.norm === 'councilors') return true;
    return LOCAL_KINDS.has(a.norm) && !a.breakAfter && b !== undefined && !b.cap && (b.norm === 'council' || b.norm === 'hall');
  }

  /** A country (or its abbreviation) alone in brackets right after token j - 1: "( Norway )", "(U.S.)". */
  private countryInBrackets(tokens: readonly Token[], j: number): boolean {
    if (!/\(\s*$/.test(tokens[j - 1]!.post)) return false;
    for (let e = j + 1; e <= Math.min(tokens.length, j + 3); e++) {
      if (!/^\s*\)/.test(tokens[e - 1]!.post)) continue;
      return isCountryName(this.span(tokens, j, e)) || PLACE_ABBREVIATIONS.has(this.span(tokens, j, e).toLowerCase());
    }
    return false;
  }

  /** "Dunmore, Texas": a name followed by a comma and a region or country is a place. */
  private beforePlace(tokens: readonly Token[], j: number): boolean {
    const last = tokens[j - 1]!;
    if (!/^\s*,\s*$/.test(last.post) || last.possessive) return false;
    for (let e = Math.min(tokens.length, j + MAX_PLACE_WORDS); e > j; e--) {
      if (tokens.slice(j, e).some((t) => !t.cap)) continue;
      if (!tokens[e - 1]!.breakAfter && ROLE_NOUNS.has(tokens[e]?.norm ?? '')) continue;
      const name = this.span(tokens, j, e);
      if (isRegionName(name)) return true;
    }
    return false;
  }

  /** The part after "Minister of", "Governor of": a place or an organization, never a person. */
  private domain(tokens: readonly Token[], i: number, j: number): void {
    while (i < j && !tokens[i]!.cap) i++;
    if (i >= j) return;
    const whole = this.span(tokens, i, j);
    // after "Governor of", a town or a state named like a person ("Virginia") is the place
    if (isPlaceName(whole) || isTownName(whole)) return this.emit(tokens, i, j, 'place', 2);
    if (KNOWN_ORGS.has(whole.toLowerCase())) return this.emit(tokens, i, j, 'organization', 2);
    const head = this.rightmostHead(tokens.slice(i, j).map((t) => t.norm));
    if (head?.type === 'organization' && j - i > 1) return this.emit(tokens, i, j, 'organization', 2);
  }

  /**
   * "University of Tarnland Ada Brisk said …", "Bank of Kessby Varn Tollis Ader heard …": a person's name run on after an
   * organization "of" a place, with no comma between. Where the person starts: at a known given name after the place's
   * first word, or, before a verb, the last two of four words or more after "of"; -1 when the name is not run on.
   */
  private personAfterOrganization(tokens: readonly Token[], i: number, j: number): number {
    let of = -1;
    for (let k = i + 1; k < j - 1; k++) {
      if (tokens[k]!.norm === 'of' && (ORG_HEADS.has(tokens[k - 1]!.norm) || ORG_OF_HEADS.has(tokens[k - 1]!.norm))) {
        of = k;
        break;
      }
    }
    if (of < 0) return -1;
    let from = of + 1;
    while (from < j && !tokens[from]!.cap) from++;
    if (j - from < 3 || tokens.slice(from, j).some((t) => !t.cap || ORG_HEADS.has(t.norm) || PLACE_HEADS.has(t.norm) || t.allCaps)) return -1;
    let start = -1;
    for (let k = from + 1; k < j - 1; k++) if (this.firstNameAt(tokens[k]!) && !isPlaceName(tokens[k]!.text)) { start = k; break; }
    const next = tokens[j];
    const verbAfter = next !== undefined && !tokens[j - 1]!.breakAfter && !next.cap && (SPEECH_VERBS.has(next.norm) || next.tags.has('Verb'));
    if (start < 0 && j - from >= 4 && verbAfter) start = j - 2;
    if (start < 0 || j - start > 3 || isPlaceName(this.span(tokens, start, j)) || isPlaceName(this.span(tokens, from, j))) return -1;
    return this.looksLikePersonName(tokens, start, j) ? start : -1;
  }

  /** Where a person's name starts within [i, j): at the first first-name, else the last two words. */
  private nameStart(tokens: readonly Token[], i: number, j: number): number {
    for (let k = i; k < j; k++) if (this.firstNameAt(tokens[k]!)) return k;
    const tail = tokens.slice(j - 2, j);
    return j - i >= 3 && this.looksLikePersonName(tokens, j - 2, j) && tail.every((t) => !isCommonWord(t.norm) && !isPlaceName(t.text)) ? j - 2 : i;
  }

  private nameTagged(t: Token): boolean {
    return t.tags.has('Person') || t.tags.has('LastName') || this.firstNameAt(t);
  }

  private firstNameAt(t: Token): boolean {
    return t.tags.has('FirstName') || t.tags.has('MaleName') || t.tags.has('FemaleName');
  }

  /**
   * "argued that the Court erred", "this Academy has ruled": an organization's head word alone, capitalised inside a
   * sentence after "the" or "this", is the body the text is about (a common noun would be lowercase there). Not in a
   * line of capitalised words (a headline) nor where a capitalised word follows (part of a longer name).
   */
  private institutionAlone(tokens: readonly Token[], i: number, type: EntityType): boolean {
    const word = tokens[i]!;
    const det = tokens[i - 1];
    const before = tokens[i - 2];
    const next = tokens[i + 1];
    if (type !== 'organization' || word.allCaps || !det || det.breakAfter || (det.norm !== 'the' && det.norm !== 'this') || det.cap) return false;
    if (!before || before.cap || /[.!?:]/u.test(before.post)) return false;
    return !next || word.breakAfter || !next.cap;
  }

  private rightmostHead(norms: readonly string[]): { index: number; type: EntityType } | undefined {
    for (let k = norms.length - 1; k >= 0; k--) {
      const n = norms[k]!;
      if (ORG_HEADS.has(n)) return { index: k, type: 'organization' };
      if (PLACE_HEADS.has(n)) {
        // "University of Brannock Bay", "Friends of Kessby Island": an organization of a place is the organization (not a
        // building named for one, "the Daughters of Kessby Memorial Hall")
        if (LAND_HEADS.has(n)) for (let h = 0; h < k; h++) if (norms[h + 1] === 'of' && (ORG_HEADS.has(norms[h]!) || ORG_OF_HEADS.has(norms[h]!))) return { index: h, type: 'organization' };
        return { index: k, type: 'place' };
      }
      if (ORG_OF_HEADS.has(n) && norms[k + 1] === 'of') return { index: k, type: 'organization' };
    }
    return undefined;
  }

  /** End of the longest place name that starts the part, or i when none does. */
  private placePrefix(tokens: readonly Token[], i: number, j: number): number {
    for (let e = Math.min(j - 1, i + MAX_PLACE_WORDS); e > i; e--) if (isPlaceName(this.span(tokens, i, e))) return e;
    return i;
  }

  private looksLikePersonName(tokens: readonly Token[], i: number, j: number): boolean {
    if (j - i > 4) return false;
    for (let k = i; k < j; k++) {
      const t = tokens[k]!;
      if (!t.cap) {
        if (NAME_PARTICLES.has(t.norm)) continue;
        return false;
      }
      // a middle initial ("Eugene A. Varnsby") is no determiner
      if (DOTTED_INITIALS.test(t.text) && k < j - 1) continue;
      if (t.allCaps && t.text.replace(/\./g, '').length > 1 && !DOTTED_INITIALS.test(t.text)) return false;
      if (ORG_HEADS.has(t.norm) || PLACE_HEADS.has(t.norm) || isDemonym(t.text)) return false;
      if (k === i && t.tags.has('Country') && !this.nameTagged(t)) return false;
      if (/\d/.test(t.text)) return false;
      if (!t.tags.has('ProperNoun') && !t.tags.has('Person') && /^(Verb|Adverb|Adjective|Pronoun|Determiner|Preposition|Conjunction)$/.test(primaryTag(t)) && !t.initial) return false;
    }
    return true;
  }

  /** 2: a speech verb, role noun or age says person; 1: a weaker hint (appositive "X, a …"); 0: nothing. */
  private personContext(tokens: readonly Token[], i: number, j: number): 0 | 1 | 2 {
    const prev = tokens[i - 1];
    const next = tokens[j];
    const last = tokens[j - 1]!;
    if (prev && !prev.breakAfter && ROLE_NOUNS.has(prev.norm) && !prev.cap) return 2;
    if (prev && PERSONAL_TITLES.has(prev.norm) && prev.cap && !prev.breakAfter) return 2;
    if (next && !last.possessive && SPEECH_VERBS.has(next.norm) && !/[.!?;:]/.test(last.post)) {
      const beforePrev = tokens[i - 1];
      if (!beforePrev || (beforePrev.norm !== 'the' && beforePrev.norm !== 'a')) return 2;
    }
    if (next && /^\s*,\s*$/.test(last.post) && /^\d{1,3}$/.test(next.text) && /^\s*,/.test(next.post)) return 2;
    if (prev && INVERSION_VERBS.has(prev.norm) && /^\s*$/.test(prev.post) && (!next || /[.,;!?]/.test(last.post) || !next.tags.has('Verb'))) return 2;
    if (next && /^\s*,\s*$/.test(last.post) && (next.norm === 'a' || next.norm === 'an') && ROLE_NOUNS.has(tokens[j + 1]?.norm ?? '')) return 2;
    if (next && /^\s*,\s*$/.test(last.post) && (next.norm === 'who' || next.norm === 'a' || next.norm === 'an')) return 1;
    return 0;
  }
}

/**
 * The pieces compromise sees: the lines of the slice. compromise decides sentence ends with the context around them,
 * and may join a line without final punctuation (a heading, a byline) to the next; one call per line makes a slice's
 * candidates the same whatever lines it was cut with, so the article's names never depend on how it was sliced.
 */
function lines(text: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let s = start;
  while (s < end) {
    let e = indexOfWithin(text, '\n', s, end); // not past the slice: its last line may run on for a megabyte
    if (e < 0) e = end;
    if (/\S/.test(text.slice(s, e))) out.push({ start: s, end: e });
    s = e + 1;
  }
  return out;
}

/**
 * What compromise computes for us: its tokenizer, its lexicon and its first tagging pass (word lists, suffixes, case),
 * not the pattern-matching second pass that a full `nlp(text)` runs, which costs most of its time. The rules here only
 * need what a word is known as (a first name, a place, a verb); measured on the dev articles and the open training
 * texts, names come out as well as with the full tagger (dev F1 0.813 vs 0.814, training texts 0.658 vs 0.649).
 */
const COMPUTE = ['alias', 'machine', 'index', 'id', 'lexicon', 'preTagger', 'offset'];

/** The sentences of text[start, end) as the rules see them: compromise's tokens and the rules' candidates in them. */
export function segmentSentences(text: string, start: number, end: number): { tokens: Token[]; candidates: Candidate[] }[] {
  const recogniser = new SegmentRecogniser(text);
  const out: { tokens: Token[]; candidates: Candidate[] }[] = [];
  for (const line of lines(text, start, end)) {
    const doc = nlp.tokenize(text.slice(line.start, line.end));
    doc.compute(COMPUTE);
    for (const sentence of doc.docs as CompromiseTerm[][]) {
      const tokens = tokensOf(text, line.start, sentence);
      const from = recogniser.candidates.length;
      recogniser.sentence(tokens);
      out.push({ tokens, candidates: recogniser.candidates.slice(from) });
    }
  }
  return out;
}

/** Finds the entity candidates of text[start, end): the rules', combined with the statistical tagger's when given. */
export function recogniseSegment(
  text: string,
  start: number,
  end: number,
  tagger: EntityTagger | null = null,
): { candidates: Candidate[]; definitions: AcronymDefinition[] } {
  const recogniser = new SegmentRecogniser(text);
  const candidates: Candidate[] = [];
  for (const line of lines(text, start, end)) {
    const doc = nlp.tokenize(text.slice(line.start, line.end));
    doc.compute(COMPUTE);
    for (const sentence of doc.docs as CompromiseTerm[][]) {
      const tokens = tokensOf(text, line.start, sentence);
      const from = recogniser.candidates.length;
      recogniser.sentence(tokens);
      const found = recogniser.candidates.slice(from);
      const combined = tagger ? combineWithModel(tagger, tokens, found) : found;
      const learned = tagger?.learned;
      for (const c of learned && !learned.isEmpty ? applyLearnedModel(learned, tokens, staticFeatures(tokens, found), combined, found) : combined) candidates.push(c);
    }
  }
  return { candidates, definitions: recogniser.definitions };
}
