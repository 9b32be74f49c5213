import { keyByKey, parseAccountNote, type AccountNote, type ParseOptions } from './account.js';
import { Shape } from './shape.js';

/** The template of the host's frontmatter copies. */
const CACHED = new Shape();

/** The parts of Obsidian's `CachedMetadata` Baton reads (structurally compatible, no `obsidian` import). */
export interface CachedNoteMetadata {
  frontmatter?: Record<string, unknown> | undefined;
  listItems?: readonly { task?: string | undefined; position: { start: { line: number } } }[] | undefined;
}

/**
 * Reads an account note using what the host has already parsed: the frontmatter object and the
 * list items' positions. Skips the YAML parse and the line scan for tasks; validation, lints and
 * timeline code are the same as `parseAccountNote`.
 *
 * @example
 * const cache = app.metadataCache.getFileCache(file);
 * const note = accountNoteFromCache(await app.vault.cachedRead(file), cache ?? {});
 * portfolio.upsertParsed(file.path, note);
 */
export function accountNoteFromCache(text: string, cache: CachedNoteMetadata, options: ParseOptions = {}): AccountNote {
  const fm = cache.frontmatter;
  // Without a cached mapping (no frontmatter, or YAML Obsidian could not read) fall back to a full parse.
  if (!fm || typeof fm !== 'object' || Array.isArray(fm)) return parseAccountNote(text, options);
  // Obsidian keeps its own `position` inside frontmatter in some versions; it is not the user's key.
  // A value handed over as a `Date` (a YAML timestamp, should the host's parser make one) is read
  // as the `YYYY-MM-DD` it was written as. The copy comes from a template of the key order (the
  // host's object is often a hash map, slow for everything that reads the account after); a
  // `__proto__` key stays a plain key, as the text path keeps it.
  const keys = Object.keys(fm).filter((k) => k !== 'position');
  const values = keys.map((k) => {
    const v = fm[k];
    return v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v;
  });
  const data = CACHED.make(keys, values) ?? keyByKey(keys, values);
  let taskLines: number[] | undefined;
  if (cache.listItems) {
    taskLines = [];
    for (const i of cache.listItems) if (i.task !== undefined) taskLines.push(i.position.start.line);
  }
  return parseAccountNote(text, options, { frontmatter: data, taskLines });
}
