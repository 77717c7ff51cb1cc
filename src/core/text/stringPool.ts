// One copy of each short string that many objects hold. A structured clone (the analysis worker's results) and
// JSON.parse (the index's cache) make a new string for every occurrence: a thousand articles held 80,000 copies of
// names, types and labels they share ("person" ten thousand times), every one of them copied by the extension host's
// garbage collector until it was promoted. Kept strings point at the pool's copy and the duplicates die young.

/** Longer strings (sentences, texts) are rarely repeated and are left as they are. */
const MAX_POOLED_LENGTH = 64;

export class StringPool {
  private readonly pool = new Map<string, string>();

  /**
   * `limit`: the pool starts over when it holds this many strings (it never grows without bound); `maxLength`: longer
   * strings are not pooled.
   */
  constructor(
    private readonly limit = 50_000,
    private readonly maxLength = MAX_POOLED_LENGTH,
  ) {}

  /** The pool's copy of `value` (equal to it), `value` itself the first time it is seen or when it is long. */
  get(value: string): string {
    if (value.length > this.maxLength) return value;
    const pooled = this.pool.get(value);
    if (pooled !== undefined) return pooled;
    if (this.pool.size >= this.limit) this.pool.clear();
    this.pool.set(value, value);
    return value;
  }

  /** `value` pooled, or null as it is. */
  getOrNull(value: string | null): string | null {
    return value === null ? null : this.get(value);
  }

  get size(): number {
    return this.pool.size;
  }
}
