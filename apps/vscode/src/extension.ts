import * as vscode from 'vscode';
import { BatonCodeActions } from './code-actions.js';
import { localToday, readSettings } from './config.js';
import type { BatonContext } from './context.js';
import { registerDiagnostics } from './diagnostics.js';
import { RenewalsTree } from './renewals-tree.js';
import { TimelinePanel } from './timeline-panel.js';
import { WorkspaceIndex } from './workspace-index.js';
import * as addStakeholder from './commands/add-stakeholder.js';
import * as checkHandoff from './commands/check-handoff.js';
import * as exportIcs from './commands/export-ics.js';
import * as insertChecklist from './commands/insert-checklist.js';
import * as insertSection from './commands/insert-section.js';
import * as insertStakeholderMatrix from './commands/insert-stakeholder-matrix.js';
import * as newAccount from './commands/new-account.js';
import * as openTimeline from './commands/open-timeline.js';
import * as reanchorChecklists from './commands/reanchor-checklists.js';
import * as rebuildIndex from './commands/rebuild-index.js';

const COMMANDS = [newAccount, insertStakeholderMatrix, addStakeholder, insertChecklist, reanchorChecklists, checkHandoff, openTimeline, exportIcs, insertSection, rebuildIndex];

/** What `activate` returns: used by the in-host integration tests (and nothing else). */
export interface BatonApi {
  context: BatonContext;
  activationMs: number;
}

/** The index of the running extension: `deactivate` waits for its cache to be written. */
let current: WorkspaceIndex | undefined;

/**
 * Registers commands, views and listeners only; the workspace scan starts after activation
 * returns, so opening VS Code never waits for Baton.
 */
export function activate(extension: vscode.ExtensionContext): BatonApi {
  const started = performance.now();
  const first = readSettings();
  const index = new WorkspaceIndex(
    {
      today: localToday(),
      locale: first.locale,
      outreachDays: first.outreachDays,
      firstContactBusinessDays: first.firstContactBusinessDays,
      dueSoonDays: first.dueSoonDays,
      keyPersonContactDays: first.keyPersonContactDays,
    },
    // Workspace storage, never the workspace folder; undefined when no folder is open.
    { dir: extension.storageUri, version: String(extension.extension.packageJSON.version), enabled: () => readSettings().indexCache },
  );
  current = index;
  const ctx: BatonContext = { extension, index, settings: readSettings, today: () => localToday() };
  const tree = new RenewalsTree(ctx);

  extension.subscriptions.push(
    index,
    ...COMMANDS.map((c) => vscode.commands.registerCommand(c.id, (...args: unknown[]) => (c.run as (ctx: BatonContext, ...a: unknown[]) => unknown)(ctx, ...args))),
    vscode.commands.registerCommand('baton.refreshRenewals', () => tree.refresh()),
    vscode.window.registerTreeDataProvider('batonRenewals', tree),
    index.onDidChange(() => tree.refresh()),
    registerDiagnostics(ctx),
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new BatonCodeActions(ctx), {
      providedCodeActionKinds: BatonCodeActions.kinds,
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('baton')) return;
      const s = readSettings();
      index.setOptions({
        today: localToday(),
        locale: s.locale,
        outreachDays: s.outreachDays,
        firstContactBusinessDays: s.firstContactBusinessDays,
        dueSoonDays: s.dueSoonDays,
        keyPersonContactDays: s.keyPersonContactDays,
      });
    }),
    { dispose: () => TimelinePanel.disposeCurrent() },
  );
  // The first scan shows as a spinner in the status bar: without a cache, a big workspace takes seconds.
  const title = first.locale === 'ja' ? 'Baton: ノートを読み込み中' : 'Baton: indexing notes';
  setTimeout(() => void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, () => index.start()), 0);
  const activationMs = performance.now() - started;
  return { context: ctx, activationMs };
}

export function deactivate(): Promise<void> | undefined {
  const index = current;
  current = undefined;
  return index?.flush();
}
