import * as vscode from 'vscode';
import { ESSENTIALS, HANDOFF_EXTRAS, HEADING_TITLES, type HeadingId } from '@baton/core';
import { DIAGNOSTIC_SOURCE } from './diagnostics.js';
import type { BatonContext } from './context.js';

const SECTION_IDS = new Set<string>([...ESSENTIALS, ...HANDOFF_EXTRAS]);

/** Which quick fixes a diagnostic offers, read from core's problem code and field. */
export function fixesFor(code: string): { section?: HeadingId; matrix?: boolean } {
  const [kind = '', field] = code.split(':');
  if (kind.startsWith('handoff.') && field && SECTION_IDS.has(field)) return { section: field as HeadingId };
  if (kind.startsWith('stakeholders.') && kind === 'stakeholders.missing') return { matrix: true };
  return {};
}

/** Quick fixes for Baton diagnostics: add a missing handoff section, add the stakeholder table. */
export class BatonCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly ctx: BatonContext) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const locale = this.ctx.settings().locale;
    const actions: vscode.CodeAction[] = [];
    const seen = new Set<string>();
    for (const d of context.diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== 'string') continue;
      const fix = fixesFor(d.code);
      if (fix.section && !seen.has(fix.section)) {
        seen.add(fix.section);
        const title = HEADING_TITLES[fix.section][locale];
        const a = new vscode.CodeAction(locale === 'ja' ? `「${title}」の見出しを追加` : `Insert section "${title}"`, vscode.CodeActionKind.QuickFix);
        a.diagnostics = [d];
        a.isPreferred = true;
        a.command = { command: 'baton.insertSection', title: a.title, arguments: [document.uri, fix.section, document.version] };
        actions.push(a);
      }
      if (fix.matrix && !seen.has('matrix')) {
        seen.add('matrix');
        const a = new vscode.CodeAction(locale === 'ja' ? '関係者マトリクスを挿入' : 'Insert stakeholder matrix', vscode.CodeActionKind.QuickFix);
        a.diagnostics = [d];
        a.command = { command: 'baton.insertStakeholderMatrix', title: a.title, arguments: [document.uri, document.version] };
        actions.push(a);
      }
    }
    return actions;
  }
}
