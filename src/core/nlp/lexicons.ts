// Closed word classes the entity rules rely on: generic English news vocabulary, no names from any article.
/** A set of lowercase entries: separated by "|" when entries have spaces, else by whitespace. */
const set = (words: string): ReadonlySet<string> =>
  new Set(words.trim().split(words.includes('|') ? /\s*\|\s*/u : /\s+/u).map((w) => w.toLowerCase()));

/** Words that head an organization's name: "Ministry of Defence", "Dunmore Police Department", "Acme Inc.". */
export const ORG_HEADS = set(`
ministry council department agency party press news army navy airforce university college school academy institute
committee court bank association corporation corp inc incorporated ltd limited llc plc gmbh co company companies union
force forces police commission organization organisation foundation federation league society church times post journal
magazine herald tribune gazette network networks broadcasting airlines airways motors systems technologies industries
holdings group club fc office service services board authority bureau assembly parliament congress senate administration
fund trust museum guard guards brigade brigades battalion regiment corps movement alliance coalition conference secretariat
chamber cabinet tribunal commissariat directorate enterprises labs laboratories studios records pictures entertainment
media publishing publications television radio channel channels council councils front mission observatory consortium
cooperative partnership institution institutions team squad division exchange traders partners ventures investments securities
insurance petroleum pharmaceuticals electronics communications telecom logistics brands foods stores airline railways
railway motor automotive software semiconductor bancorp financial weekly daily monthly shipping shipyards mining steel
chemicals textiles brewery breweries construction engineering resources energy utilities cement shipbuilding`);

/**
 * Last words of a company's name (legal forms and trades): "Brantwell Corp", "Kessmoor Holdings Plc", "Tollvik Shipping".
 * A company is named by its first word alone later in the story ("Brantwell 's chairman"); a council, a police force or
 * a university is not ("Kessby" alone is the town).
 */
export const COMPANY_HEADS = set(`
corp corporation inc incorporated ltd limited llc plc co gmbh ag sa nv bv ab asa oy spa holdings group industries motors
airlines airways systems technologies enterprises foods mining shipping bank insurance petroleum pharmaceuticals electronics
communications telecom logistics brands stores steel chemicals textiles energy resources construction engineering
entertainment studios records publishing investments securities partners ventures capital breweries brewery dairies`);

/** What only a place has, after its name and "'s": "Dravby's mayor", "Kessmoor's residents", "the town's outskirts". */
export const PLACE_POSSESSIONS = set(`
mayor mayors residents inhabitants villagers townspeople citizens outskirts suburbs streets population harbour harbor
waterfront seafront downtown townships neighbourhoods neighborhoods`);

/** Heads that make an organization only with "of": "University of X", "Bank of X" (without: the facility or person). */
export const ORG_OF_HEADS = set(`
ministry department university college school academy institute bank church court council commission office board bureau
federation league society union association organization organisation party army navy chamber parliament congress
assembly fund foundation municipality daughters sons friends knights brotherhood order house`);

/** Lowercase nouns naming a kind of product, vehicle or craft: "the Zephyr X2 phone" names a product, not an organization. */
export const PRODUCT_NOUNS = set(`
phone phones smartphone smartphones handset tablet laptop computer console chip processor app browser software
car cars sedan truck suv vehicle vehicles aircraft airliner jet jets plane planes helicopter drone drones rocket rockets
probe spacecraft satellite rover lander capsule telescope ship ships vessel ferry submarine tank tanks missile missiles
engine locomotive train trains bike motorcycle camera watch headset vaccine drug pill device devices model`);

/** Heads that make a place: facilities, natural and administrative places. */
export const PLACE_HEADS = set(`
city county province state district region territory island islands valley river lake sea ocean gulf bay mountain
mountains mount mt peninsula desert coast street st avenue ave road boulevard square plaza bridge airport station stadium
arena hall palace castle cathedral mosque temple park garden gardens tower towers building centre center hotel hospital
port harbour harbor canal strait straits highway village town borough heights hills beach falls forest base camp
memorial monument prison border cemetery plateau archipelago expressway freeway motorway zoo`);

/** Capitalised titles before a name, never part of it: "President Ashraf Ghani" is the person "Ashraf Ghani". */
export const TITLES = set(`
mr mrs ms miss mx dr prof professor sir dame lord lady president vice-president prime minister secretary senator sen rep
representative congressman congresswoman gov governor mayor general gen lt lieutenant col colonel maj major capt captain
cpt sgt sergeant cmdr commander adm admiral marshal brig brigadier judge justice king queen prince princess emperor
empress pope saint bishop archbishop cardinal rev reverend father imam rabbi sheikh shaikh emir sultan ayatollah mullah
chairman chairwoman chairperson chair chancellor premier ambassador envoy chief director coach officer detective
inspector constable speaker spokesman spokeswoman spokesperson deputy acting interim former foreign defence defense
interior finance justice health education attorney treasurer commissioner superintendent sheriff president-elect ceo founder
co-founder leader head dean principal pastor brother sister uncle aunt grandmother grandfather count duke duchess baron
private corporal commissar warlord minister-president attorney-general solicitor-general secretary-general
councillor councilor alderman assemblyman assemblywoman assemblymember delegate mp mep magistrate chef-de-mission`);

/** Titles that are clearly a person's, so one name after them is a person ("Mr Ghani"). */
export const PERSONAL_TITLES = set(`
mr mrs ms miss mx dr prof sir dame lord lady gen lt col maj capt sgt cmdr adm rev sen rep gov president senator governor
mayor general colonel lieutenant captain judge king queen prince princess pope bishop archbishop cardinal reverend imam
rabbi sheikh emir sultan ayatollah mullah chancellor premier ambassador commander detective inspector sergeant admiral
minister secretary chairman spokesman spokeswoman coach professor congressman congresswoman councillor councilor
alderman assemblyman assemblywoman magistrate`);

/** Lowercase role nouns after which a capitalised name is a person: "spokesman Ned Price", "striker John Smith". */
export const ROLE_NOUNS = set(`
spokesman spokeswoman spokesperson minister president leader chairman chairwoman chief director secretary ambassador envoy
commander general governor mayor senator judge lawyer attorney professor coach player striker midfielder goalkeeper
defender forward winger captain manager actor actress singer rapper musician writer author novelist poet journalist
reporter correspondent editor columnist analyst expert researcher scientist student teacher official politician
candidate nominee founder co-founder ceo executive chairperson prosecutor officer economist historian artist activist
father mother son daughter wife husband brother sister uncle aunt cousin colleague friend illustrator photographer
blogger creator designer producer filmmaker host premier chancellor king queen prince princess pope bishop cardinal
rabbi imam cleric sheikh emir mullah warlord businessman businesswoman billionaire entrepreneur inventor engineer doctor
nurse detective inspector sergeant lieutenant colonel admiral marshal deputy lawmaker legislator diplomat negotiator
commissioner administrator president-elect referee umpire champion rider driver cyclist boxer wrestler swimmer runner
athlete golfer economist architect philosopher physicist chemist biologist astronomer chef comedian dancer
spokesperson militant commander-in-chief premier treasurer mp councillor councilor congressman congresswoman
secretary-general superstar star veteran teammate opponent rival victim suspect defendant plaintiff witness survivor
resident citizen worker volunteer organiser organizer protester demonstrator founder owner president-elect heir widow
widower grandson granddaughter nephew niece boyfriend girlfriend partner fiancé fiancée playwright screenwriter sculptor
painter composer conductor pianist guitarist drummer vocalist novelist cartoonist anchor presenter commentator pundit
strategist adviser advisor aide assistant consultant counsel`);

/** Verbs of saying: "Zabihullah Mujahid said", "said Zabihullah Mujahid". */
export const SPEECH_VERBS = set(`
said says say told tells added adds stated states explained explains noted notes wrote writes tweeted tweets announced
announces argued argues warned warns insisted insists claimed claims commented comments confirmed confirms admitted
admits asked asks replied replies continued continues recalled recalls declared declares acknowledged acknowledges
denied denies urged urges suggested suggests observed observes remarked remarks emphasised emphasized stressed stresses
predicted predicts estimated estimates conceded concedes countered counters responded responds reported reports
believes believed thinks thought hopes hoped quipped shouted whispered
testified testifies revealed reveals disclosed discloses joked jokes concluded concludes agreed agrees
pointed complained complains praised praises criticised criticized`);

/** Nouns that name a kind of organization: the name right after one is that organization ("the magazine X"). */
export const ORG_KIND_NOUNS = set(`
magazine newspaper paper journal daily weekly tabloid broadcaster network channel website outlet publisher studio label
company firm corporation conglomerate startup retailer carrier airline bank lender insurer automaker carmaker developer
team club side band group party charity organisation organization agency union coalition alliance movement militia
school university college academy institute foundation publication newsletter broadcaster chain manufacturer maker
operator provider supplier brewery distributor regulator watchdog
magazines newspapers papers journals tabloids broadcasters networks channels websites outlets publishers studios labels
companies firms corporations conglomerates startups retailers carriers airlines banks lenders insurers automakers
carmakers charities organisations organizations agencies unions schools universities colleges academies institutes
foundations publications chains manufacturers makers operators providers suppliers breweries distributors regulators
`);

/** Well-known organizations, mostly acronyms, recognised wherever they appear. A generic list, not from any article. */
export const KNOWN_ORGS = set(`
NATO | UN | U.N. | EU | E.U. | FBI | CIA | NSA | NASA | BBC | CNN | NBC | CBS | ABC | PBS | NPR | AP | AFP | Reuters |
Bloomberg | Xinhua | Interfax | TASS | Al Jazeera | IMF | WTO | WHO | UNESCO | UNICEF | UNHCR | OPEC | OECD | ASEAN |
FIFA | UEFA | IOC | NBA | NFL | NHL | MLB | NCAA | ICC | ICJ | ECB | Fed | Interpol | Europol | Pentagon | Kremlin |
Google | Facebook | Twitter | Microsoft | Apple | Amazon | YouTube | Instagram | WhatsApp | Telegram | TikTok | Netflix |
IBM | Intel | Samsung | Sony | Toyota | Volkswagen | Boeing | Airbus | Tesla | Uber | Wikipedia | Yahoo |
Reddit | LinkedIn | Disney | Nike | Adidas | Coca-Cola | PepsiCo | McDonald's | Walmart | Shell | BP | ExxonMobil |
Gazprom | Huawei | Alibaba | Tencent | Baidu | Nokia | Ericsson | Siemens | Nestle | Unilever | Pfizer | Moderna |
Goldman Sachs | Morgan Stanley | JPMorgan | JPMorgan Chase | Citigroup | Barclays | HSBC | Deutsche Bank | UBS | Credit Suisse |
BlackRock | Berkshire Hathaway | General Motors | Ford | Chrysler | General Electric | Exxon | Chevron | Walt Disney |
Procter & Gamble | Johnson & Johnson | AT&T | Verizon | Vodafone | Oracle | Cisco | Qualcomm | Nvidia | SpaceX |
Taliban | Hamas | Hezbollah | al-Qaeda | al Qaeda | Al-Qaeda | ISIS | ISIL | Daesh | Boko Haram | al-Shabaab | PKK |
Red Cross | Red Crescent | Greenpeace | Amnesty International | Human Rights Watch | Oxfam | WikiLeaks |
Congress | Senate | Parliament | Knesset | Duma | Bundestag | Politburo | Vatican | Scotland Yard | Mossad | KGB | FSB |
MI5 | MI6 | GCHQ | EPA | FDA | CDC | NHS | DEA | ATF | ICE | TSA | FAA | FCC | SEC | IRS | USDA | NOAA | DHS | DOJ |
Labour | Tories | Democrats | Republicans | GOP | ANC | BJP | CDU | SPD | UKIP | SNP | OSCE | G7 | G8 | G20 |
African Union | Arab League | European Commission | European Parliament | European Union | United Nations |
Security Council | Supreme Court`);

/**
 * Places the data packages do not name as such: abbreviations, former states, and well-known regions, ranges and rivers
 * whose names carry no place head ("Soviet Union" ends in an organization's head). General knowledge, not from any article.
 */
export const PLACE_ABBREVIATIONS = set(`US | U.S. | USA | U.S.A. | UK | U.K. | UAE | U.A.E. | DRC | PRC | USSR | L.A. | D.C. | White House | Downing Street | Middle East | Latin America | Wall Street | Silicon Valley | Gaza Strip | West Bank |
Soviet Union | Yugoslavia | Czechoslovakia | East Germany | West Germany | Ottoman Empire | Roman Empire | Byzantine Empire |
Holy Roman Empire | British Empire | Austria-Hungary | Prussia | Persia | Ceylon | Rhodesia | Korea |
Great Lakes | Great Plains | South Pacific | North Atlantic | South Atlantic | Asia Minor | Bay Area | Balkans | Caucasus |
Horn of Africa | Southeast Asia | South Asia | East Asia | Far East | Sub-Saharan Africa | West Africa | East Africa |
North Africa | Scandinavia | Siberia | Patagonia | Mesopotamia | Persian Gulf | Himalayas | Alps | Andes | Rockies |
Sahara | Kashmir | Tibet | Crimea | Donbas | Golan Heights | Midwest | New England | Nile | Danube | Rhine | Yangtze |
Thames | Ganges | Mekong | Euphrates | Tigris | Volga`);

/** Capitalised words that are never names on their own: common sentence openers, months, days, pronouns. */
export const NEVER_NAMES = set(`
i a an the this that these those there here it its he she they we you his her their our my your who what when where why
how which while after before during since until as at in on of for by with from to into onto about over under between
and or but nor so yet if then than also however meanwhile although though because unless whether both either neither
each every all some many most several few no not none one two three four five six seven eight nine ten first second
third last next old other another such more less much monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december today tomorrow yesterday
mon tue tues wed thu thur thurs fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec
image photo photograph video picture file source sources update updated reporting according edited via
god internet web online please thanks thank yes ok okay oh hello hi dear chapter part section page figure table
t-shirt t-shirts x-ray x-rays u-turn u-turns halftime half-time fulltime full-time attendance`);

/** Acronym-shaped words that are not organizations. */
export const NOT_ORG_ACRONYMS = set(`
TV CEO CFO CTO COO GDP GNP AM PM OK ID IQ DNA RNA HIV AIDS PhD MA BA BSc MSc MD DJ MC PR VIP VR AR AI IT PC USB GPS SMS
FAQ PDF HTML URL CD DVD BC AD CE BCE AKA FYI ASAP DIY RIP MVP UFO SUV CCTV LGBT LGBTQ COVID SARS MERS Q1 Q2 Q3 Q4 NB PS
IED RPG AK EST GMT UTC CET PST EDT MP MPs KM KG MPH CO2 US UK`);

/** Around a country name, these make it a sports team ("Norway defeated Chile 2 – 1"): an organization. */
export const SPORT_VERBS = set(`
defeated defeats beat beats faced faces drew draws lost loses won wins edged edges thrashed thrashes routed routs
trailed trails hammered hammers eliminated eliminates knocked equalised equalized equalises equalizes scored scores
conceded concedes`);
/** Sports that open a wire story's slug line: "Soccer - English league results", "RUGBY UNION - …". */
export const SPORT_TOPICS = set(`
soccer | football | rugby | rugby union | rugby league | cricket | tennis | golf | athletics | boxing | cycling | motor racing |
motorcycling | motocross | formula one | basketball | baseball | ice hockey | hockey | swimming | skiing | alpine skiing |
nordic skiing | sailing | yachting | rowing | horse racing | racing | badminton | volleyball | handball | squash | snooker |
chess | judo | wrestling | weightlifting | triathlon | gymnastics | equestrianism | show jumping | canoeing | speed skating |
figure skating | darts | table tennis | american football | nfl | nba | nhl | olympics | sport | sports`);
/** First words of place names: "Fort Lee", "Port Ellery", "Mount Kessel", "Lake Varna", "Cape Hollis". */
export const PLACE_PREFIXES = set(`fort port mount mt lake cape isle loch`);
/** What a body decides as one, after "the X": "The Storting voted", "the Folketing ratified the treaty". */
export const BODY_VERBS = set(`
voted votes vote approved approves passed passes ratified ratifies adopted adopts rejected rejects enacted enacts
amended amends debated debates convened convenes legislated overruled overrules overturned overturns endorsed endorses
vetoed vetoes dissolved elected elects appointed appoints confirmed confirms`);
/** Last words of sports clubs' names that are no place or organization head otherwise: "X Rovers", "X Athletic". */
export const CLUB_HEADS = set(`
rovers athletic wanderers united albion rangers harriers thistle hotspur dynamo olympic sporting`);
/** Kinds of settlement in an apposition after a name: "X, a village in …", "X, the port city of …". */
export const SETTLEMENT_NOUNS = set(`
village town city hamlet suburb township municipality commune parish borough settlement port city town resort
community neighbourhood neighborhood district county island`);
/** Nouns whose "of" names a place: "residents of X", "the outskirts of X", "north of X". */
export const PLACE_OF_NOUNS = set(`
residents inhabitants villagers townspeople citizens outskirts suburbs centre center heart edge mayor streets north south
east west northeast northwest southeast southwest siege
battle border borders native natives suburb city cities town towns village villages province provinces county counties
district districts region regions capital port coast shores island islands outskirts neighbourhood neighborhood
government governments`);
export const SPORT_ROLES = set(`
goalkeeper keeper coach captain striker manager midfielder defender forward winger player players squad team attempt
goal goals lineup line-up bench fans supporters defence defense attack`);

/** Last words of events and works, which are neither organizations nor places: "Davis Cup", "Science Fair". */
export const EVENT_HEADS = set(`
cup open championship championships olympics olympiad games tournament festival fair expo exhibition award awards prize
trophy series classic marathon rally derby prix summit week day war wars revolution act bill treaty accord accords
agreement convention protocol doctrine plan program programme project initiative campaign operation album song film
movie novel book show`);

/** Speech verbs that may come before their speaker: "…," said Ned Price. */
export const INVERSION_VERBS = set(`
said says added adds asked wrote writes continued explained noted replied recalled concluded tweeted insisted
warned argued according`);

/** "Hurricane Maria" names a storm, not a person. */
export const STORMS = set(`
hurricane typhoon cyclone storm tropical`);

/** "the Lindqvist government": a leader's name before these is a person. */
export const GOVERNMENT_NOUNS = set(`
government administration cabinet presidency premiership regime era`);

/** Words before a place name that stay part of it: "East Timor", "Greater London", "New Caledonia". */
export const COMPASS = set(`
north south east west northern southern eastern western central upper lower greater new`);

/** First words of organizations named in other languages: "Istituto X", "Partido X". */
export const FOREIGN_ORG_HEADS = set(`
instituto istituto institut universidad universidade università universitat universität université banco banca
partido partito parti movimento movimiento fondazione fundación fundação liceo colegio collegio escuela scuola
ministerio ministero ministère comité comitato consejo consiglio agence agencia agenzia groupe grupo gruppo
société sociedad società compagnie compañía deutsche real club atlético sporting`);

/**
 * What only a company has, after its name with a possessive ("X's shares fell", "X's chief executive"): a name never
 * introduced as a person that owns these is an organization.
 */
export const COMPANY_POSSESSIONS = set(`
shares stock stocks shareholders investors subsidiary subsidiaries headquarters employees workforce revenue revenues
profit profits earnings turnover ceo board`);

/** The verbs of a share price after "X shares" ("X shares fell 4 percent"). */
export const SHARE_MOVES = set(`
rose fell jumped dropped slipped climbed gained lost tumbled plunged soared surged slumped sank rallied edged closed
ended opened traded were have had`);

/** Participles whose "by" names an organization: "acquired by X", "published by X". */
export const ORG_BY_VERBS = set(`
acquired bought purchased owned published operated sponsored funded financed manufactured distributed licensed
commissioned backed insured underwritten`);

/** Words before "at X" that make X an employer or a school: "worked at X", "a job at X". */
export const WORK_AT_WORDS = set(`
work works worked working employed employee employees job jobs staff taught teaches teaching teach studied studies
studying intern internship executive executives analyst analysts engineer engineers researcher researchers`);

/** Nouns after a single name that make it an organization's: "a X spokesperson", "the X executives". */
export const ORG_STAFF_NOUNS = set(`
spokesperson spokesman spokeswoman spokespeople representative executive executives shareholders employees staffers
subsidiary`);

/**
 * Words before "to" or "from" that say a place follows: movement and travel ("moved to X", "flew from X", "a trip to
 * X", "refugees from X"), and who comes from somewhere ("a boy from X", "teams from X").
 */
export const MOTION_WORDS = set(`
go goes going went gone come comes coming came move moves moving moved travel travels traveling travelling traveled
travelled trip trips journey journeys flight flights fly flies flying flew return returns returning returned back way
head heads heading headed drive drove driving sail sailed sailing walk walked walking ride rode march marched marching
fled flee flees fleeing escape escaped escaping emigrate emigrated emigrating immigrate immigrated immigrants emigrants
migrated migrants refugees relocate relocated relocating transfer transferred transferring deport deported deported
deportation evacuate evacuated evacuation send sends sent ship shipped shipping export exports exported import imported
imports arrive arrived arriving arrival arrivals depart departed departing departure departures visit visits visiting
visited visitors visitor tourists tourist road roads route routes train trains bus buses ferry ferries flights border
crossing miles kilometres kilometers km mi away far native natives resident residents people man woman men women boy
girl boys girls family families team teams delegation delegations delegates troops soldiers students pilgrims
hails hailing originally`);

/** Words of a faith or a denomination, adjectives and nouns of its people, never a name alone: "the Jesuit college", "a lifelong Roman Catholic". */
export const FAITH_WORDS = set(`
catholic catholics protestant protestants christian christians muslim muslims jewish jew jews buddhist buddhists hindu
hindus sikh sikhs jesuit jesuits methodist methodists baptist baptists anglican anglicans lutheran lutherans presbyterian
presbyterians orthodox evangelical evangelicals islamic mormon mormons quaker quakers calvinist calvinists sunni sunnis
shia shiite shiites pentecostal episcopalian episcopalians franciscan franciscans dominican benedictine benedictines`);
