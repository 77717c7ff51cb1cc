// Closed word classes for reported speech: general English news vocabulary, no names from any article.
const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/u).map((w) => w.toLowerCase()));

/** Verbs that report speech or writing, in the forms news uses ("said", "says", "saying", "told"). */
export const REPORTING_VERBS = set(`
said says say saying told tells telling added adds adding stated states stating wrote writes writing explained explains
explaining noted notes noting commented comments commenting tweeted tweets tweeting posted posts announced announces
announcing warned warns warning argued argues arguing insisted insists insisting claimed claims claiming confirmed
confirms confirming admitted admits admitting asked asks asking replied replies replying responded responds responding
continued continues recalled recalls recalling declared declares declaring acknowledged acknowledges denied denies
urged urges urging suggested suggests suggesting observed observes remarked remarks emphasised emphasized emphasises
emphasizes stressed stresses stressing conceded concedes countered counters reported reports reporting revealed reveals
joked jokes concluded concludes complained complains complaining reasoned reasons asserted asserts asserting described
describes describing characterized characterised characterizes characterises called calls quipped quips shouted
shouts cautioned cautions predicted predicts promised promises pledged pledges vowed vows boasted boasts lamented
laments mused muses wondered wonders answered answers repeated repeats reiterated reiterates proclaimed proclaims
testified testifies affirmed affirms maintained maintains contended contends alleged alleges charged demanded demands
echoed echoes agreed agrees disagreed objected objects cried exclaimed screamed yelled whispered muttered sighed
recounted recounts summed summarised summarized blogged texted emailed messaged wrote` );

/** Verbs before a quote that name or title something rather than report speech ("a robot named "…""). */
export const NAMING_BEFORE = /\b(?:named|called|titled|entitled|dubbed|labell?ed|nicknamed|branded|known\s+as|renamed|the\s+(?:words?|terms?|phrases?|slogans?|hashtags?|mottos?|names?|labels?|titles?|headlines?|caption|banner|sign|signs|song|film|movie|book|album|show|series|programme|program|website|site|blog|page|section|column|article|report|paper|study|campaign|operation|brand|award|prize|motto))\s*,?\s*$/iu;

/** Prepositions after which a short Title Case quote is a title of a work or a name ("on "Meet the Press""). */
export const TITLE_PREPOSITIONS = /\b(?:on|in|at|of|for|from|to|by|into|with|as|about|the|a|an|its|his|her|their|our)\s*$/iu;

/** Words that never start a speaker: conjunctions and adverbs a clause may begin with. */
export const SKIPPABLE_BEFORE_VERB = set(`
also later then has have had was were is once further previously earlier again would will did does just only
simply quickly subsequently recently reportedly allegedly apparently reportedly repeatedly frequently often
never always additionally openly publicly privately angrily flatly`);

/** Pronouns that may stand for a speaker. */
export const SPEAKER_PRONOUNS = set('he she they it i we');

/** Determiners that make a speaker unnamed: "a source", "one official", "several witnesses". */
export const INDEFINITE = set(`
a an one two three four five six seven eight nine ten some several many few numerous other another unnamed anonymous
unidentified senior multiple various certain`);

/** Nouns for speakers the article leaves unnamed when they come without a name. */
export const SOURCE_NOUNS = set(`
source sources official officials witness witnesses resident residents person people observer observers analyst
analysts expert experts insider insiders aide aides diplomat diplomats spokesman spokeswoman spokesperson
representative representatives member members employee employees worker workers user users poster posters commenter
commenters blogger bloggers author authors reader readers viewer viewers critic critics supporter supporters fan fans
protester protesters protestor protestors student students teacher teachers doctor doctors police officer officers
soldier soldiers man woman men women boy girl child children family relative relatives friend friends neighbour
neighbor neighbours neighbors colleague colleagues partner voter voters customer customers lawmaker lawmakers
authorities activist activists statement report message letter post note tweet email spokespeople`);

/** Nouns naming the kind of an organization: "the ministry said" refers back to a ministry named before. */
export const ORGANIZATION_NOUNS = set(`
ministry department agency government company firm group organisation organization council committee court
commission office police army military party union church city municipality state administration board bureau
authority club team band network newspaper paper magazine broadcaster website site channel charity foundation
institute university school hospital bank embassy consulate parliament congress senate campaign movement alliance
coalition federation association league service services force forces regime cabinet presidency kremlin
airline carrier manufacturer maker retailer studio publisher label`);

/** Words that make a description unnamed however definite it looks ("the post by an unknown author"). */
export const UNKNOWN_WORDS = set('unknown unidentified anonymous unnamed');
