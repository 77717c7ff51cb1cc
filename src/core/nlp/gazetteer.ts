// Countries, regions and cities (generated from npm data packages into data/places.json), and nationality adjectives.
import places from './data/places.json';
import { PLACE_ABBREVIATIONS } from './lexicons';

/** Lookup key: lowercase, accents and dots' spacing normalised, so "São Paulo" and "Sao Paulo" meet. */
export function placeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

const PLACES: ReadonlySet<string> = new Set(
  [...places.countries, ...places.regions, ...places.cities, ...PLACE_ABBREVIATIONS].map(placeKey),
);
const DEMONYMS: ReadonlySet<string> = new Set(places.demonyms.map(placeKey));
/** The longest place name, in words, so lookups stop early. */
export const MAX_PLACE_WORDS = 5;

export function isPlaceName(name: string): boolean {
  return PLACES.has(placeKey(name));
}

/** "Afghan", "Americans": nationality words, never places on their own. */
export function isDemonym(word: string): boolean {
  return DEMONYMS.has(placeKey(word));
}
