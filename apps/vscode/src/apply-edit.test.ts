import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import { _open, _reset, _state, type TextDocument } from '../test/fake-vscode.js';
import { applyCoreEdit, minimalChange } from './apply-edit.js';

beforeEach(() => _reset());

describe('minimalChange', () => {
  it('splices back to the target text for any pair of strings', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const { start, end, insert } = minimalChange(before, after);
        expect(before.slice(0, start) + insert + before.slice(end)).toBe(after);
      }),
    );
  });

  it('touches only the differing middle', () => {
    expect(minimalChange('a\nb\nc\n', 'a\nb\nX\nc\n')).toEqual({ start: 4, end: 4, insert: 'X\n' });
  });

  it('never starts between CR and LF', () => {
    const { start } = minimalChange('a\r\nb', 'a\r\r\nb');
    expect(start).toBeLessThanOrEqual(1);
  });
});

describe('applyCoreEdit', () => {
  const doc = (): TextDocument => _open('/ws/a.md', 'line 1\nline 2\n');

  it('applies an ok result as one edit and keeps other bytes', async () => {
    const d = doc();
    const out = await applyCoreEdit(d as unknown as vscode.TextDocument, (t) => ({ ok: true, text: t + 'line 3\n', changed: true }), 'en');
    expect(out).toBe('applied');
    expect(d.getText()).toBe('line 1\nline 2\nline 3\n');
  });

  it('refuses a failed result with an error message and leaves the text alone', async () => {
    const d = doc();
    const out = await applyCoreEdit(
      d as unknown as vscode.TextDocument,
      () => ({ ok: false, problems: [{ code: 'frontmatter.yaml', severity: 'error', message: 'Broken YAML', line: 2 }] }),
      'en',
    );
    expect(out).toBe('refused');
    expect(d.getText()).toBe('line 1\nline 2\n');
    expect(_state.messages).toEqual([{ level: 'error', text: 'Broken YAML' }]);
  });

  it('refuses when the document changed since the command started', async () => {
    const d = doc();
    const version = d.version;
    d._setText('typed meanwhile\n');
    const out = await applyCoreEdit(d as unknown as vscode.TextDocument, (t) => ({ ok: true, text: t + 'x', changed: true }), 'ja', version);
    expect(out).toBe('stale');
    expect(d.getText()).toBe('typed meanwhile\n');
    expect(_state.messages[0]?.level).toBe('warning');
  });

  it('reports unchanged without editing', async () => {
    const d = doc();
    const out = await applyCoreEdit(d as unknown as vscode.TextDocument, (t) => ({ ok: true, text: t, changed: false }), 'en');
    expect(out).toBe('unchanged');
    expect(d.version).toBe(1);
  });
});
