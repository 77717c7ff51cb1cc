// Countries, regions and cities (generated from npm data packages into data/places.json), and nationality adjectives.
import commonWords from './data/commonWords.json';
import places from './data/places.json';
import { PLACE_ABBREVIATIONS } from './lexicons';

/** Lookup key: lowercase, accents and dots' spacing normalised, so "São Paulo" and "Sao Paulo" meet. */
export function placeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .toLowerCase()
    // "St Petersburg", "St. Petersburg" and "Saint Petersburg" are one place
    .replace(/(^|\s)st\.?(?=\s)/g, '$1saint');
}

/** Towns below the cities' population cut-off: places only beside a place cue (see isTownName). */
const TOWNS: ReadonlySet<string> = new Set(places.towns.map(placeKey));
const COUNTRIES: ReadonlySet<string> = new Set(places.countries.map(placeKey));
const REGIONS: ReadonlySet<string> = new Set([...places.countries, ...places.regions].map(placeKey));
const PLACES: ReadonlySet<string> = new Set(
  [...places.countries, ...places.regions, ...places.cities, ...PLACE_ABBREVIATIONS].map(placeKey),
);
/** Words of nationality, region or faith that are adjectives, not places, besides the countries' demonyms. */
const MORE_DEMONYMS = 'European Europeans African Africans Asian Asians Arab Arabs Arabic Latin Latino Latinos Hispanic Western Eastern Northern Southern Muslim Muslims Christian Christians Jewish Jew Jews Islamic Islamist Islamists Catholic Catholics Protestant Sunni Shia Shiite Kurdish Kurds Pashtun Baltic Nordic Scandinavian Caribbean Soviet Persian Balkan Slavic Celtic Anglo English Scottish Welsh Irish Cornish Basque Catalan Flemish Bavarian Texan Californian';
const DEMONYMS: ReadonlySet<string> = new Set([...places.demonyms, ...MORE_DEMONYMS.split(' ')].map(placeKey));
const COMMON_WORDS: ReadonlySet<string> = new Set(commonWords.words.split(' '));
/** The longest place name, in words, so lookups stop early. */
export const MAX_PLACE_WORDS = 5;

export function isPlaceName(name: string): boolean {
  return PLACES.has(placeKey(name));
}

/**
 * A town too small for the gazetteer's cities (about 10,000 to 100,000 people) or a city whose name is also a given
 * name: a place only where the words around it say so ("in X", "from X", "X, Region"), since many are surnames or words.
 */
export function isTownName(name: string): boolean {
  return TOWNS.has(placeKey(name));
}

export function isCountryName(name: string): boolean {
  return COUNTRIES.has(placeKey(name));
}

/** A country, state or province: what follows the comma in "Dunmore, Texas". */
export function isRegionName(name: string): boolean {
  return REGIONS.has(placeKey(name));
}

/** "Afghan", "Americans": nationality words, never places on their own. */
export function isDemonym(word: string): boolean {
  return DEMONYMS.has(placeKey(word));
}

/** One of the most frequent lowercase English words ("global", "challenge"): unlikely to be a name by itself. */
export function isCommonWord(lowercase: string): boolean {
  return COMMON_WORDS.has(lowercase);
}
