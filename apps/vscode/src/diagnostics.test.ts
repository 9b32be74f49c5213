import { createAccountNote } from '@baton/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as vscode from 'vscode';
import { _open, _reset, _state, CodeActionKind, TextDocument, Uri } from '../test/fake-vscode.js';
import { BatonCodeActions, fixesFor } from './code-actions.js';
import type { BatonContext } from './context.js';
import { lintDocument, registerDiagnostics, toDiagnostics } from './diagnostics.js';
import { WorkspaceIndex } from './workspace-index.js';

beforeEach(() => _reset());
afterEach(() => vi.useRealTimers());

const ctx = {
  settings: () => ({ locale: 'en', keyPersonContactDays: 45 }),
  today: () => '2026-06-01',
} as unknown as BatonContext;

const skeleton = ['---', 'baton: account', 'account: Hooli', 'stage: handoff', 'contract_start: 2026-04-01', 'term_months: 12', 'locale: en', '---', '', '# Hooli', ''].join('\n');

describe('diagnostics', () => {
  it('hands a closed Markdown file back to the index, which puts the file on disk in place of the buffer', () => {
    const closed: string[] = [];
    const withIndex = { ...ctx, index: { closed: async (u: vscode.Uri) => void closed.push(u.toString()) } } as unknown as BatonContext;
    const registration = registerDiagnostics(withIndex);
    _state.closes.fire(new TextDocument(Uri.file('/ws/Hooli.md'), skeleton));
    _state.closes.fire(new TextDocument(Uri.parse('git:///ws/Hooli.md'), skeleton));
    _state.closes.fire(new TextDocument(Uri.file('/ws/notes.txt'), 'x', 'plaintext'));
    expect(closed).toEqual(['file:///ws/Hooli.md']);
    registration.dispose();
  });

  it("after typing, the diagnostics are the typed note's full lint (stakeholder table and handoff included, which the index never works out) and the timeline follows the text", async () => {
    vi.useFakeTimers();
    const index = new WorkspaceIndex({ today: '2026-06-01', locale: 'en' });
    const typing = { ...ctx, index } as unknown as BatonContext;
    const doc = _open('/ws/Accounts/Hooli.md', skeleton);
    const registration = registerDiagnostics(typing);
    const codes = () => (_state.diagnostics.get(doc.uri.toString()) ?? []).map((d) => String(d.code));
    // Open documents are linted when the listener starts.
    expect(codes()).toContain('handoff.missing-section:decision_makers');
    expect(codes()).not.toContain('stakeholders.duplicate-name:name');

    // Typed: another name, and a stakeholder table listing one person twice.
    doc._setText(`${skeleton.replace('account: Hooli', 'account: Hooli Typed')}\n## Stakeholders\n\n| Name | Role |\n|---|---|\n| Ann Lee | User |\n| ann  lee | IT |\n`);
    _state.changes.fire({ document: doc });
    await vi.advanceTimersByTimeAsync(299);
    expect(codes()).not.toContain('stakeholders.duplicate-name:name'); // debounced
    await vi.advanceTimersByTimeAsync(1);
    expect(codes()).toContain('stakeholders.duplicate-name:name');
    expect(codes()).toContain('handoff.missing-section:decision_makers');
    expect(_state.diagnostics.get(doc.uri.toString())).toEqual(lintDocument(typing, doc as unknown as vscode.TextDocument));
    // The index took the typed text, for the timeline only: it keeps no problems to show.
    expect(index.portfolio.accounts().map((a) => [a.file, a.account.account])).toEqual([['Accounts/Hooli.md', 'Hooli Typed']]);
    const timeline = index.portfolio.timeline();
    expect(timeline.length).toBeGreaterThan(0);
    expect(timeline.every((e) => e.account === 'Hooli Typed' && e.file === 'Accounts/Hooli.md')).toBe(true);
    expect(() => index.portfolio.problems('Accounts/Hooli.md')).toThrow(/keeps no problems/);
    registration.dispose();
    index.dispose();
  });

  it('puts core problems on their lines with code:field', () => {
    const doc = _open('/ws/Hooli.md', skeleton) as unknown as vscode.TextDocument;
    const diags = lintDocument(ctx, doc);
    expect(diags.length).toBeGreaterThan(0);
    expect(diags.every((d) => d.source === 'Baton' && d.range.start.line < doc.lineCount)).toBe(true);
    expect(diags.map((d) => d.code)).toContain('handoff.missing-section:decision_makers');
  });

  it('gives non-account notes no diagnostics', () => {
    const doc = _open('/ws/Readme.md', '# Just notes\n') as unknown as vscode.TextDocument;
    expect(lintDocument(ctx, doc)).toEqual([]);
  });

  it('clamps lines past the end of the document', () => {
    const doc = _open('/ws/a.md', 'one line') as unknown as vscode.TextDocument;
    const [d] = toDiagnostics(doc, [{ code: 'x', severity: 'info', message: 'm', line: 99 }]);
    expect(d?.range.start.line).toBe(0);
    expect(d?.severity).toBe(vscode.DiagnosticSeverity.Information);
  });

  it('a complete new note has no missing-section diagnostics', () => {
    const doc = _open('/ws/Acme.md', createAccountNote({ account: 'Acme', contractStart: '2026-04-01', termMonths: 12, locale: 'en' }));
    const codes = lintDocument(ctx, doc as unknown as vscode.TextDocument).map((d) => String(d.code));
    expect(codes.some((c) => c.startsWith('handoff.missing-section'))).toBe(false);
  });
});

describe('quick fixes', () => {
  it('maps problem codes to fixes', () => {
    expect(fixesFor('handoff.missing-section:purchase_reason')).toEqual({ section: 'purchase_reason' });
    expect(fixesFor('stakeholders.missing')).toEqual({ matrix: true });
    expect(fixesFor('stakeholders.missing-name:name')).toEqual({});
    expect(fixesFor('handoff.missing-section:not_a_section')).toEqual({});
  });

  it('offers one insert-section action per missing section, bound to the document version', () => {
    const doc = _open('/ws/Hooli.md', skeleton) as unknown as vscode.TextDocument;
    const diagnostics = lintDocument(ctx, doc);
    const actions = new BatonCodeActions(ctx).provideCodeActions(doc, diagnostics[0]!.range, { diagnostics, triggerKind: 1, only: undefined } as vscode.CodeActionContext);
    const sections = actions.filter((a) => a.command?.command === 'baton.insertSection');
    expect(sections.length).toBe(5);
    expect(sections[0]?.kind).toBe(CodeActionKind.QuickFix);
    expect(sections[0]?.command?.arguments).toEqual([doc.uri, 'decision_makers', doc.version]);
    expect(actions.some((a) => a.command?.command === 'baton.insertStakeholderMatrix')).toBe(true);
  });
});
