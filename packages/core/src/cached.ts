import { parseAccountNote, type AccountNote, type ParseOptions } from './account.js';

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
  const data: Record<string, unknown> = {};
  // Obsidian keeps its own `position` inside frontmatter in some versions; it is not the user's key.
  // A value handed over as a `Date` (a YAML timestamp, should the host's parser make one) is read
  // as the `YYYY-MM-DD` it was written as.
  for (const k of Object.keys(fm)) {
    if (k === 'position') continue;
    const v = fm[k];
    const value = v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v;
    // A `__proto__` key stays a plain key, as the text path keeps it (an assignment would set the prototype).
    if (k === '__proto__') Object.defineProperty(data, k, { value, writable: true, enumerable: true, configurable: true });
    else data[k] = value;
  }
  let taskLines: number[] | undefined;
  if (cache.listItems) {
    taskLines = [];
    for (const i of cache.listItems) if (i.task !== undefined) taskLines.push(i.position.start.line);
  }
  return parseAccountNote(text, options, { frontmatter: data, taskLines });
}
