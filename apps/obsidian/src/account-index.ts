import { Portfolio, type CachedNoteMetadata, type PortfolioOptions } from '@baton/core';

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
 * (the timeline view) when something changed. No Obsidian imports, so it is tested
 * directly. It keeps no problems (`problems: false`): the plugin checks only the note in front
 * of the user (commands, status bar), from its text, so each note is read for the timeline only.
 */
export class AccountIndex {
  readonly portfolio: Portfolio;
  ready = false;
  private listeners = new Set<Listener>();

  constructor(
    options: Omit<PortfolioOptions, 'problems'>,
    private readonly source: NoteSource,
  ) {
    this.portfolio = new Portfolio({ ...options, problems: false });
  }

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
   * Re-reads one note, for the timeline only (no headings, no stakeholder table: a host that
   * needs the handoff parses the text itself, as the status bar does).
   * With Obsidian's cached metadata the frontmatter and task lines are taken from it: no YAML
   * parse and no line scan for tasks. Without it (not cached yet) the note is parsed.
   */
  upsert(path: string, text: string, meta?: CachedNoteMetadata | null): void {
    this.touched?.add(path);
    const had = this.portfolio.has(path);
    this.portfolio.upsert(path, text, meta);
    if (had || this.portfolio.has(path)) this.changed();
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

  /** Reads no note: the records hold no problems, so nothing in them depends on the language. */
  setOptions(partial: Partial<Omit<PortfolioOptions, 'problems'>>): void {
    this.portfolio.setOptions(partial);
    this.changed();
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  private changed(): void {
    // A copy: a listener may unsubscribe while we notify.
    for (const fn of Array.from(this.listeners)) fn();
  }
}
