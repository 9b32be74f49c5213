import { getLanguage } from 'obsidian';
import { toIsoDate, type IsoDate } from '@baton/core';

/**
 * Obsidian's display language. `getLanguage` exists from Obsidian 1.8; older builds keep the
 * choice in localStorage. Either may be missing (tests, mobile quirks), hence the guards.
 */
export function hostLanguage(): string | undefined {
  try {
    if (typeof getLanguage === 'function') return getLanguage();
  } catch {
    // fall through
  }
  try {
    return globalThis.localStorage?.getItem('language') ?? undefined;
  } catch {
    return undefined;
  }
}

/** Today in the user's own time zone: core never reads the clock, the host does. */
export function todayIso(now: Date = new Date()): IsoDate {
  return toIsoDate(now);
}
