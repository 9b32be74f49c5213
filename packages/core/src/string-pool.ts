/**
 * Interns strings kept by long-lived indexes. Checklist titles, ids, owners and dates repeat across
 * thousands of notes; one shared copy each keeps a large index small, and the copy is flat, so it
 * never pins the note text it was sliced from.
 */
export class StringPool {
  private readonly map = new Map<string, string>();

  constructor(private readonly limit = 200_000) {}

  /**
   * The pooled copy of `s`.
   *
   * @example
   * const pool = new StringPool();
   * pool.intern(note.slice(10, 20)) === pool.intern('same text') // true when equal
   */
  intern(s: string): string;
  intern(s: string | undefined): string | undefined;
  intern(s: string | undefined): string | undefined {
    if (s === undefined) return undefined;
    const hit = this.map.get(s);
    if (hit !== undefined) return hit;
    // Edits keep adding new strings; a full pool is dropped rather than grown without bound.
    if (this.map.size >= this.limit) this.map.clear();
    const own = flatCopy(s);
    this.map.set(own, own);
    return own;
  }

  get size(): number {
    return this.map.size;
  }
}

/** A copy that shares no storage with `s` (a V8 sliced string would keep its parent alive). */
export function flatCopy(s: string): string {
  // Short strings are always copied by V8 when sliced; only longer ones need a copy. Joining two
  // non-empty parts builds one new flat string (a JSON round trip did the same at 4–7× the cost).
  return s.length < 13 ? s : [s.slice(0, 1), s.slice(1)].join('');
}
