import { Portfolio, type AccountNote, type CachedNoteMetadata, type PortfolioOptions } from '@baton/core';

/** What the index needs from the vault; Obsidian supplies it in main.ts, tests supply a map. */
export interface NoteSource {
  /** Markdown paths that may be account notes (cheap pre-filter from the metadata cache). */
  candidates(): string[];
  read(path: string): Promise<string>;
  /** What Obsidian's metadataCache already parsed for this note, when it has it. */
  meta?(path: string): CachedNoteMetadata | null | undefined;
}

type Listener = () => void;

/**
 * The plugin's one live index: wraps core's incremental `Portfolio` and tells subscribers
 * (timeline view, status bar) when something changed. No Obsidian imports, so it is tested
 * directly.
 */
export class AccountIndex {
  readonly portfolio: Portfolio;
  ready = false;
  /** Bumped on every change so views can skip work when nothing moved. */
  version = 0;
  private listeners = new Set<Listener>();

  constructor(
    options: PortfolioOptions,
    private readonly source: NoteSource,
  ) {
    this.portfolio = new Portfolio(options);
    this.locale = options.locale;
  }

  private locale: PortfolioOptions['locale'];

  /**
   * Paths an edit, a rename or a delete touched while `build` runs: a batch read before that event
   * must not put its older text back (a deleted note would come back as a ghost).
   */
  private touched: Set<string> | undefined;

  /** Reads every candidate once, in small batches so the UI keeps breathing. */
  async build(batchSize = 200): Promise<void> {
    const paths = this.source.candidates();
    const touched = (this.touched = new Set());
    for (let i = 0; i < paths.length; i += batchSize) {
      const batch = paths.slice(i, i + batchSize);
      const texts = await Promise.all(batch.map((p) => this.source.read(p).catch(() => undefined)));
      batch.forEach((p, j) => {
        const t = texts[j];
        if (t !== undefined && !touched.has(p)) this.portfolio.upsert(p, t, this.source.meta?.(p));
      });
      if (i + batchSize < paths.length) await new Promise((r) => setTimeout(r, 0));
    }
    if (this.touched === touched) this.touched = undefined;
    this.ready = true;
    this.changed();
  }

  /**
   * Re-reads one note; returns it parsed so callers (the status bar) need not parse it again.
   * With Obsidian's cached metadata the frontmatter and task lines are taken from it: no YAML
   * parse and no line scan for tasks. Without it (not cached yet) the note is parsed in full.
   */
  upsert(path: string, text: string, meta?: CachedNoteMetadata | null): AccountNote {
    this.touched?.add(path);
    const had = this.portfolio.has(path);
    const note = this.portfolio.upsert(path, text, meta);
    if (had || this.portfolio.has(path)) this.changed();
    return note;
  }

  remove(path: string): void {
    this.touched?.add(path);
    if (this.portfolio.remove(path)) this.changed();
  }

  rename(from: string, to: string): void {
    this.touched?.add(from).add(to);
    if (!this.portfolio.has(from)) return;
    this.portfolio.rename(from, to);
    this.changed();
  }

  /** Resolves once any notes that had to be read again are (only after a language change). */
  setOptions(partial: Partial<PortfolioOptions>): Promise<void> {
    // Problems are kept with their messages in one language: another one means reading the notes
    // again (a new day or another contact threshold does not: those problems are worked out when asked).
    const relint = this.ready && 'locale' in partial && partial.locale !== this.locale;
    if ('locale' in partial) this.locale = partial.locale;
    this.portfolio.setOptions(partial);
    this.changed();
    return relint ? this.build() : Promise.resolve();
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  private changed(): void {
    this.version++;
    // A copy: a listener may unsubscribe while we notify.
    for (const fn of Array.from(this.listeners)) fn();
  }
}
