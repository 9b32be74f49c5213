import { describe, expect, it } from 'vitest';
import { HandoffStatusBar, handoffStatusText } from './status-bar';
import { FIXTURE_VAULT, readVault } from '../test/harness';

const files = readVault(FIXTURE_VAULT);

describe('handoffStatusText', () => {
  it('counts the filled essentials of an account note', () => {
    // Acme fills three of the five essentials; future vision and outlook are empty.
    expect(handoffStatusText(files.get('Accounts/Acme Logistics.md') ?? '', 'en')).toBe('Handoff 3/5');
    expect(handoffStatusText(files.get('Accounts/株式会社サンプル.md') ?? '', 'ja')).toBe('引き継ぎ 5/5');
  });
  it('is empty for other notes', () => {
    expect(handoffStatusText(files.get('Meeting notes.md') ?? '', 'en')).toBe('');
  });
});

describe('HandoffStatusBar', () => {
  it('shows and hides with the active note', async () => {
    const el = document.createElement('div');
    const bar = new HandoffStatusBar(el, { read: async (p) => files.get(p), locale: () => 'en' });
    expect(el.classList.contains('is-hidden')).toBe(true);
    await bar.show('Accounts/Acme Logistics.md');
    expect(el.textContent).toBe('Handoff 3/5');
    expect(el.classList.contains('is-hidden')).toBe(false);
    await bar.show('Meeting notes.md');
    expect(el.textContent).toBe('');
    expect(el.classList.contains('is-hidden')).toBe(true);
    await bar.show(undefined);
    expect(bar.activePath).toBeUndefined();
  });
  it('a slow read of an older note never overwrites the newer one', async () => {
    const el = document.createElement('div');
    let release: (() => void) | undefined;
    const bar = new HandoffStatusBar(el, {
      read: (p) =>
        p === 'slow.md'
          ? new Promise((r) => (release = () => r(files.get('Accounts/Acme Logistics.md'))))
          : Promise.resolve(files.get(p)),
      locale: () => 'ja',
    });
    const first = bar.show('slow.md');
    await bar.show('Accounts/株式会社サンプル.md');
    release?.();
    await first;
    expect(el.textContent).toBe('引き継ぎ 5/5');
  });
});
