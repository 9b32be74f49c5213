import { decode, encode, KEYS, Portfolio, TASKS, type PortfolioOptions } from './portfolio.js';

/**
 * A JSON-safe copy of a Portfolio's records, for hosts that persist their index between sessions.
 * Each record is stored as the Portfolio holds it (two strings), so restoring one builds nothing;
 * repeated strings (task titles, ids, dates, owners) live once in `strings`.
 */
export interface PortfolioSnapshot {
  version: 4;
  strings: string[];
  records: SnapshotRecord[];
}

/**
 * `[file, data, text]`: the record's packed numbers (base-32 ASCII digits; string fields index
 * `strings`) and its problems' messages one after the other. See `AccountRecord` for the layout.
 */
export type SnapshotRecord = [string, string, string];

/** Reused by `checked`: restoring checks every record without allocating per record. */
const scratch: number[] = [];

/**
 * How many numbers `data` holds (decoded into `scratch`) when it is base-32 digits ending on a final
 * digit, with a record's shape and every index below `strings`; -1 when it is not.
 */
function checked(data: unknown, text: unknown, strings: number): number {
  if (typeof data !== 'string' || typeof text !== 'string') return -1;
  let n = 0;
  let v = 0;
  let open = false;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c >= 93 && c <= 124) {
      v = v * 32 + (c - 93);
      open = true;
    } else if (c >= 48 && c <= 79) {
      scratch[n++] = v * 32 + (c - 48);
      v = 0;
      open = false;
    } else return -1;
  }
  return !open && mapRefs(scratch, n, text, (ref) => (ref < strings ? ref : -1)) ? n : -1;
}

/**
 * Rewrites every string-table index in a record's numbers with `f`, in place. False when the
 * numbers do not have a record's shape, `f` returns -1 (an index off the table) or the message
 * lengths do not add up to `text`.
 */
function mapRefs(d: number[], length: number, text: string, f: (ref: number) => number): boolean {
  const tasks = length > TASKS ? d[TASKS]! : -1;
  let o = TASKS + 1 + tasks * 4;
  if (tasks < 0 || d[1]! > 1 || o > length) return false;
  let ok = true;
  // d[i] is `base + scale * ref`.
  const map = (i: number, base = 0, scale = 1) => {
    const r = f((d[i]! - base) / scale);
    if (r < 0) ok = false;
    d[i] = base + scale * r;
  };
  map(0);
  // Account values: strings and other numbers point into the table (see `packValue`).
  for (let i = 2 + KEYS; i < TASKS; i++) {
    const type = (d[i]! - 4) % 4;
    if (d[i]! >= 4 && (type === 0 || type === 2)) map(i, 4 + type, 4);
  }
  // Due dates that are not calendar days (see `packDay`).
  for (let i = TASKS + 1; i < o; i += 4) {
    if (!(d[i + 1]! & 1)) map(i + 1, 0, 2);
    if (d[i + 2]) map(i + 2, 1);
    map(i + 3);
  }
  // The dated checks' people: line and name length, and for key persons their last contact.
  let chars = 0;
  for (const width of [2, 3]) {
    if (o >= length) return false;
    const n = d[o++]!;
    for (let i = 1; i < n; i++, o += width) {
      if (o + width > length) return false;
      chars += d[o + 1]!;
      if (width === 3 && d[o + 2]) map(o + 2, 1);
    }
  }
  if ((length - o) % 5 !== 0) return false;
  for (; o < length; o += 5) {
    map(o);
    if (d[o + 3]) map(o + 3, 1);
    if (d[o + 1]! > 2) ok = false;
    chars += d[o + 4]!;
  }
  return ok && chars === text.length;
}

/**
 * A Portfolio that can be saved and restored: for hosts that persist their index between sessions
 * (a warm start reads only the notes whose mtime or size changed). Kept apart from `Portfolio` so
 * hosts that never persist (the Obsidian plugin reads metadataCache) do not ship this code.
 */
export class SnapshotPortfolio extends Portfolio {
  /**
   * Restores a Portfolio from `toSnapshot()` output without reading any note. Records whose
   * problems were computed in another language are listed by `staleFiles()`: re-upsert
   * those to refresh their problems (their timeline events are recomputed here anyway).
   * A snapshot of another version restores as an empty Portfolio.
   *
   * @example
   * const p = Portfolio.fromSnapshot(JSON.parse(cached), { today });
   * for (const f of changedFiles) p.upsert(f, read(f));
   */
  static fromSnapshot(snapshot: PortfolioSnapshot, options: PortfolioOptions): SnapshotPortfolio {
    const p = new SnapshotPortfolio(options);
    if (snapshot?.version !== 4 || !Array.isArray(snapshot.records) || !Array.isArray(snapshot.strings)) return p;
    // Indexes in `data` point into this table as is, so it is copied without deduplication.
    for (const str of snapshot.strings) {
      const own = String(str);
      if (!p.stringIds.has(own)) p.stringIds.set(own, p.strings.length);
      p.strings.push(own);
    }
    const n = p.strings.length;
    for (const [file, data, text] of snapshot.records) {
      if (checked(data, text, n) < 0) {
        // A damaged cache entry: the host must re-read this note.
        p.unreadable.add(file);
        continue;
      }
      p.records.set(file, { data, text, events: undefined });
    }
    return p;
  }

  /**
   * Adds (or replaces) every record of another Portfolio's snapshot, as if its notes had been
   * upserted here: for a worker thread that indexed part of the files. Its strings join this
   * table; records that do not check out are listed by `staleFiles()`, as `fromSnapshot` does.
   * One pass, with no copy of the whole snapshot.
   */
  absorb(snapshot: PortfolioSnapshot): void {
    if (snapshot?.version !== 4 || !Array.isArray(snapshot.records) || !Array.isArray(snapshot.strings)) return;
    const strings = snapshot.strings;
    // Snapshot index -> this table's index, looked up once per string.
    const ids: number[] = [];
    const to = (ref: number): number => (ids[ref] ??= this.ref(String(strings[ref])));
    for (const [file, data, text] of snapshot.records) {
      this.unreadable.delete(file);
      const n = checked(data, text, strings.length);
      if (n < 0) {
        this.remove(file);
        this.unreadable.add(file);
        continue;
      }
      const d = scratch.slice(0, n);
      mapRefs(d, n, text, to);
      this.place(file, { data: encode(d), text, events: undefined });
    }
  }

  /** Compact, JSON-safe records of every indexed account (see `fromSnapshot`); only the strings they use. */
  toSnapshot(): PortfolioSnapshot {
    const strings: string[] = [];
    const remap = new Map<number, number>();
    const out = (ref: number): number => {
      let r = remap.get(ref);
      if (r === undefined) {
        r = strings.push(this.strings[ref] ?? '') - 1;
        remap.set(ref, r);
      }
      return r;
    };
    const records: SnapshotRecord[] = [];
    for (const [file, r] of this.records) {
      const d = decode(r.data);
      mapRefs(d, d.length, r.text, out);
      records.push([file, encode(d), r.text]);
    }
    return { version: 4, strings, records };
  }

  /**
   * A snapshot to hand straight to another Portfolio's `absorb` (another thread): the records as
   * they are and the whole string table, with no renumbering. Cheaper than `toSnapshot`, but it may
   * carry strings no record uses any more: persist `toSnapshot()` instead.
   */
  toTransfer(): PortfolioSnapshot {
    const records: SnapshotRecord[] = [];
    for (const [file, r] of this.records) records.push([file, r.data, r.text]);
    return { version: 4, strings: [...this.strings], records };
  }

  /** Files restored from a snapshot whose problems were computed in another language or not at all (problems that depend on today are worked out when asked), or damaged. */
  staleFiles(): string[] {
    const key = this.lintKey();
    const out: string[] = [];
    // A record starts with its lint key's index (a snapshot may hold the key more than once). An
    // index that keeps no problems needs nothing that depends on the key.
    if (this.keepsProblems()) for (const [file, r] of this.records) if (this.strings[decode(r.data.slice(0, r.data.search(/[0-O]/) + 1))[0]!] !== key) out.push(file);
    for (const file of this.unreadable) out.push(file);
    return out;
  }
}
