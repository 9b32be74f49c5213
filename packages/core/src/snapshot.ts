import type { Locale } from './problems.js';
import { ACCOUNT_KEYS, KEYS, Portfolio, type PortfolioOptions } from './portfolio.js';

/**
 * A JSON-safe copy of a Portfolio's records, for hosts that persist their index between sessions.
 * Columnar and deduplicated so it stays small and parses fast: repeated strings (task titles, ids,
 * dates) live once in `strings`.
 */
export interface PortfolioSnapshot {
  version: 1;
  strings: string[];
  records: SnapshotRecord[];
}

/**
 * `[file, account, data, locale, lintKey, problems]`: the account's values in a fixed key order
 * (null when absent; the whole slot null when the note has no valid account), the record's packed
 * numbers (string fields index `strings`), and problems flattened as code, severity, message, line, field.
 */
export type SnapshotRecord = [string, (string | number | boolean | null)[] | null, number[], Locale, string, (string | number | null)[]];

/** True when a packed record has the right shape and every string index is in the table. */
function validPacking(d: Int32Array, strings: number): boolean {
  if (d.length < KEYS || (d.length - KEYS) % 4 !== 0) return false;
  for (let o = KEYS; o + 3 < d.length; o += 4) {
    if (d[o]! < 0 || d[o + 1]! < 0 || d[o + 1]! >= strings || d[o + 2]! >= strings || d[o + 3]! < 0 || d[o + 3]! >= strings) return false;
  }
  return true;
}

/**
 * A Portfolio that can be saved and restored: for hosts that persist their index between sessions
 * (a warm start reads only the notes whose mtime or size changed). Kept apart from `Portfolio` so
 * hosts that never persist (the Obsidian plugin reads metadataCache) do not ship this code.
 */
export class SnapshotPortfolio extends Portfolio {
  /**
   * Restores a Portfolio from `toSnapshot()` output without reading any note. Records whose
   * problems were computed for another day or language are listed by `staleFiles()`: re-upsert
   * those to refresh their problems (their timeline events are recomputed here anyway).
   *
   * @example
   * const p = Portfolio.fromSnapshot(JSON.parse(cached), { today });
   * for (const f of changedFiles) p.upsert(f, read(f));
   */
  static fromSnapshot(snapshot: PortfolioSnapshot, options: PortfolioOptions): SnapshotPortfolio {
    const p = new SnapshotPortfolio(options);
    if (snapshot?.version !== 1 || !Array.isArray(snapshot.records) || !Array.isArray(snapshot.strings)) return p;
    // Indexes in `data` point into this table as is, so it is copied without deduplication.
    for (const str of snapshot.strings) {
      const own = String(str);
      if (!p.stringIds.has(own)) p.stringIds.set(own, p.strings.length);
      p.strings.push(own);
    }
    const nStrings = p.strings.length;
    for (const rec of snapshot.records) {
      const [file, values, data, locale, lintKey, flatProblems] = rec;
      const packed = Int32Array.from(data);
      if (!validPacking(packed, nStrings)) {
        // A damaged cache entry: the host must re-read this note.
        p.unreadable.add(file);
        continue;
      }
      // Objects are built on first use: restoring an index does no per-field work.
      p.records.set(file, { account: undefined, values: values ?? undefined, flatProblems, data: packed, locale, problems: [], lintKey, events: undefined });
    }
    return p;
  }

  /**
   * One snapshot from several (e.g. from worker threads that each indexed a share of the files):
   * each has its own string table, so the tables are concatenated and the indexes shifted.
   */
  static merge(snapshots: readonly PortfolioSnapshot[]): PortfolioSnapshot {
    const strings: string[] = [];
    const records: SnapshotRecord[] = [];
    for (const snap of snapshots) {
      const offset = strings.length;
      strings.push(...snap.strings);
      for (const [file, values, packed, locale, lintKey, problems] of snap.records) {
        const data = packed.slice();
        for (let o = KEYS; o + 3 < data.length; o += 4) {
          data[o + 1]! += offset;
          if (data[o + 2]! >= 0) data[o + 2]! += offset;
          data[o + 3]! += offset;
        }
        records.push([file, values, data, locale, lintKey, problems]);
      }
    }
    return { version: 1, strings, records };
  }

  /** Compact, JSON-safe records of every indexed account (see `fromSnapshot`). */
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
      const flat: (string | number | null)[] = [];
      for (const pr of this.problemsOf(r)) flat.push(pr.code, pr.severity, pr.message, pr.line, pr.field ?? null);
      const data = Array.from(r.data);
      for (let o = KEYS; o + 3 < data.length; o += 4) {
        data[o + 1] = out(data[o + 1]!);
        if (data[o + 2]! >= 0) data[o + 2] = out(data[o + 2]!);
        data[o + 3] = out(data[o + 3]!);
      }
      const a = this.accountOf(r) as unknown as Record<string, unknown> | undefined;
      const values = a ? ACCOUNT_KEYS.map((k) => (a[k] ?? null) as string | number | boolean | null) : null;
      records.push([file, values, data, r.locale, r.lintKey, flat]);
    }
    return { version: 1, strings, records };
  }

  /** Files restored from a snapshot whose problems were computed with other lint settings. */
  staleFiles(): string[] {
    const key = this.lintKey();
    const out: string[] = [];
    for (const [file, r] of this.records) if (r.lintKey !== key) out.push(file);
    for (const file of this.unreadable) out.push(file);
    return out;
  }
}
