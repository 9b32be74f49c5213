import { describe, expect, it } from 'vitest';
import { parseWebviewMessage } from './protocol.js';

describe('parseWebviewMessage', () => {
  it('accepts the known messages', () => {
    expect(parseWebviewMessage({ type: 'open', file: 'A.md', line: 3 })).toEqual({ type: 'open', file: 'A.md', line: 3 });
    expect(parseWebviewMessage({ type: 'ready' })).toEqual({ type: 'ready' });
    expect(parseWebviewMessage({ type: 'filters', owner: 'Tanaka', stage: 'renewal', kind: 'outreach' })).toEqual({ type: 'filters', owner: 'Tanaka', stage: 'renewal', kind: 'outreach' });
    expect(parseWebviewMessage({ type: 'filters', owner: '', stage: '', kind: '' })).toEqual({ type: 'filters', owner: '', stage: '', kind: '' });
    expect(parseWebviewMessage({ type: 'showEarlier' })).toEqual({ type: 'showEarlier' });
    expect(parseWebviewMessage({ type: 'showLater', extra: 1 })).toEqual({ type: 'showLater' });
    expect(parseWebviewMessage({ type: 'showMore', month: '2026-12' })).toEqual({ type: 'showMore', month: '2026-12' });
  });

  it('rejects anything malformed', () => {
    const bad = [
      null,
      'open',
      { type: 'open', file: 1, line: 1 },
      { type: 'open', file: 'a', line: 0 },
      { type: 'open', file: 'a', line: 1.5 },
      { type: 'exec' },
      { type: 'filters', owner: 'x', stage: 'renewal' },
      { type: 'filters', owner: 1, stage: '', kind: '' },
      { type: 'filters', owner: '', stage: 'Renewal', kind: '' },
      { type: 'filters', owner: '', stage: '', kind: 'alert(1)' },
      { type: 'showMore' },
      { type: 'showMore', month: 202612 },
      { type: 'showMore', month: '2026-13' },
      { type: 'showMore', month: '2026-1' },
      { type: 'showMore', month: '2026-12"><img src=x onerror=alert(1)>' },
      { type: 'showmore', month: '2026-12' },
      { type: ['showEarlier'] },
    ];
    for (const b of bad) expect(parseWebviewMessage(b), JSON.stringify(b)).toBeUndefined();
  });
});
