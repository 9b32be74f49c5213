import { checkHandoff, parseAccountNote, uiText, type Locale } from '@baton/core';

/**
 * `Handoff 4/5` for an account note's text, '' for any other note (the item then hides). From the
 * text, parsed in full: the index's notes are read for the timeline only and have no headings.
 */
export function handoffStatusText(text: string, locale: Locale): string {
  const note = parseAccountNote(text, { locale });
  if (note.kind !== 'account') return '';
  const r = checkHandoff(note, { locale });
  return uiText(locale).handoff(r.score, r.total);
}

export interface StatusBarDeps {
  read(path: string): Promise<string | undefined>;
  locale(): Locale;
}

/** Keeps one status bar element in step with the active note. */
export class HandoffStatusBar {
  private path: string | undefined;
  private seq = 0;

  constructor(
    readonly el: HTMLElement,
    private readonly deps: StatusBarDeps,
  ) {
    el.addClass('baton-status');
    el.toggleClass('is-hidden', true);
  }

  get activePath(): string | undefined {
    return this.path;
  }

  /** Shows the handoff score of `path` (the active note), or hides the item. Pass the text when it is at hand. */
  async show(path: string | undefined, text?: string): Promise<void> {
    const seq = ++this.seq;
    this.path = path;
    const body = path === undefined ? undefined : (text ?? (await this.deps.read(path)));
    if (seq !== this.seq) return; // a newer note became active meanwhile
    const label = body === undefined || !path?.endsWith('.md') ? '' : handoffStatusText(body, this.deps.locale());
    this.el.setText(label);
    this.el.toggleClass('is-hidden', label === '');
  }
}
