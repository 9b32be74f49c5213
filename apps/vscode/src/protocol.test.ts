import { describe, expect, it } from 'vitest';
import { parseWebviewMessage } from './protocol.js';

describe('parseWebviewMessage', () => {
  it('accepts the known messages', () => {
    expect(parseWebviewMessage({ type: 'open', file: 'A.md', line: 3 })).toEqual({ type: 'open', file: 'A.md', line: 3 });
    expect(parseWebviewMessage({ type: 'ready' })).toEqual({ type: 'ready' });
  });
  it('rejects anything malformed', () => {
    for (const bad of [null, 'open', { type: 'open', file: 1, line: 1 }, { type: 'open', file: 'a', line: 0 }, { type: 'open', file: 'a', line: 1.5 }, { type: 'exec' }]) {
      expect(parseWebviewMessage(bad)).toBeUndefined();
    }
  });
});
