// The little of the `jsonld` package (which ships no types) that the W3C format test uses.
declare module 'jsonld' {
  interface RemoteDocument {
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
  }
  interface Options {
    documentLoader?: (url: string) => Promise<RemoteDocument>;
    /** Fail instead of silently dropping a property or value that does not map to an IRI. */
    safe?: boolean;
    base?: string | null;
  }
  export function expand(input: unknown, options?: Options): Promise<Record<string, unknown>[]>;
  export function toRDF(input: unknown, options?: Options & { format?: 'application/n-quads' }): Promise<string>;
}
