import * as vscode from 'vscode';
import { Portfolio, type Problem, type TimelineOptions } from '@baton/core';

const MD_GLOB = '**/*.md';
const EXCLUDE = '{**/node_modules/**,**/.git/**,**/.obsidian/**}';

/**
 * Keeps one core Portfolio in step with the workspace's Markdown files: one full scan, then
 * one re-parse per created/changed/renamed file. Keys are workspace-relative paths so event
 * ids (and ICS UIDs) stay the same on every machine.
 */
export class WorkspaceIndex implements vscode.Disposable {
  readonly portfolio: Portfolio;
  private readonly uris = new Map<string, vscode.Uri>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private ready: Promise<void> | undefined;
  readonly onDidChange = this.changed.event;

  constructor(options: TimelineOptions & { keyPersonContactDays?: number }) {
    this.portfolio = new Portfolio(options);
  }

  /** Scans once (idempotent); callers await it before reading the timeline. */
  start(): Promise<void> {
    this.ready ??= this.scan();
    return this.ready;
  }

  private async scan(): Promise<void> {
    const watcher = vscode.workspace.createFileSystemWatcher(MD_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.refresh(uri)),
      watcher.onDidChange((uri) => void this.refresh(uri)),
      watcher.onDidDelete((uri) => this.forget(uri)),
      vscode.workspace.onDidRenameFiles((e) => {
        for (const { oldUri, newUri } of e.files) this.rename(oldUri, newUri);
      }),
    );
    const files = await vscode.workspace.findFiles(MD_GLOB, EXCLUDE);
    // Bounded parallelism: unbounded reads thrash on big vaults.
    for (let i = 0; i < files.length; i += 32) {
      await Promise.all(files.slice(i, i + 32).map((uri) => this.read(uri)));
    }
    this.changed.fire();
  }

  keyOf(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri, false);
  }

  uriOf(file: string): vscode.Uri | undefined {
    return this.uris.get(file);
  }

  private async read(uri: vscode.Uri): Promise<boolean> {
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      this.upsertText(uri, new TextDecoder('utf-8').decode(bytes));
      return true;
    } catch {
      return false; // deleted between listing and reading
    }
  }

  /** Re-reads one file from disk and notifies listeners. */
  async refresh(uri: vscode.Uri): Promise<void> {
    if (!uri.path.endsWith('.md')) return;
    if (await this.read(uri)) this.changed.fire();
  }

  /** Indexes text that may not be on disk yet (an unsaved editor). */
  upsertText(uri: vscode.Uri, text: string): void {
    const key = this.keyOf(uri);
    this.uris.set(key, uri);
    this.portfolio.upsert(key, text);
  }

  update(uri: vscode.Uri, text: string): void {
    this.upsertText(uri, text);
    this.changed.fire();
  }

  /** The problems core found when this file was last indexed (none for a non-account note). */
  problems(uri: vscode.Uri): Problem[] {
    return this.portfolio.problems(this.keyOf(uri));
  }

  forget(uri: vscode.Uri): void {
    const key = this.keyOf(uri);
    this.uris.delete(key);
    this.portfolio.remove(key);
    this.changed.fire();
  }

  rename(from: vscode.Uri, to: vscode.Uri): void {
    if (!to.path.endsWith('.md')) {
      if (from.path.endsWith('.md')) this.forget(from);
      return;
    }
    const oldKey = this.keyOf(from);
    if (!this.uris.has(oldKey)) {
      void this.refresh(to);
      return;
    }
    const newKey = this.keyOf(to);
    this.uris.delete(oldKey);
    this.uris.set(newKey, to);
    this.portfolio.rename(oldKey, newKey);
    this.changed.fire();
  }

  setOptions(options: Partial<TimelineOptions> & { keyPersonContactDays?: number }): void {
    this.portfolio.setOptions(options);
    this.changed.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
