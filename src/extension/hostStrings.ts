// The extension host's pool of shared short strings (see core/text/stringPool.ts): analyses, quotations and cache
// entries received by this host point their names and labels at it, so a collection's repeated names are held once.
import { StringPool } from '../core/text/stringPool';

export const hostStrings = new StringPool();
