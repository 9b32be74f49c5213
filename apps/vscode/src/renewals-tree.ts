import * as vscode from 'vscode';
import { filterTimeline, type TimelineEvent } from '@baton/core';
import type { BatonContext } from './context.js';

const ICON: Record<string, string> = { overdue: 'error', 'due-soon': 'warning', upcoming: 'calendar' };

/** "Renewals" view: overdue, due-soon and upcoming events, soonest first; a click opens the line. */
export class RenewalsTree implements vscode.TreeDataProvider<TimelineEvent> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly ctx: BatonContext) {}

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(element?: TimelineEvent): Promise<TimelineEvent[]> {
    if (element) return [];
    await this.ctx.index.start();
    const today = this.ctx.today();
    this.ctx.index.portfolio.setOptions({ today, locale: this.ctx.settings().locale });
    return filterTimeline(this.ctx.index.portfolio.timeline(), { status: ['overdue', 'due-soon', 'upcoming'] }).slice(0, 200);
  }

  getTreeItem(e: TimelineEvent): vscode.TreeItem {
    const item = new vscode.TreeItem(`${e.date}  ${e.account}`, vscode.TreeItemCollapsibleState.None);
    item.description = e.title;
    item.tooltip = [e.title, e.detail, e.owner].filter(Boolean).join('\n');
    item.iconPath = new vscode.ThemeIcon(ICON[e.status] ?? 'calendar');
    // A checklist line copied with its Baton comment gives two events one id; a tree refuses two
    // items with one id, so the line (one task per line) makes it unique.
    item.id = `${e.id}@${e.line}`;
    const uri = this.ctx.index.uriOf(e.file);
    if (uri) {
      const pos = new vscode.Position(Math.max(0, e.line - 1), 0);
      item.resourceUri = uri;
      item.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: new vscode.Range(pos, pos) }] };
    }
    return item;
  }
}
