import { FuzzySuggestModal, type App } from 'obsidian';
import type { ChecklistTemplate, Locale } from '@baton/core';
import { strings } from '../strings';

/** Fuzzy picker over built-in playbooks and the team's templates. */
export class ChecklistSuggest extends FuzzySuggestModal<ChecklistTemplate> {
  constructor(
    app: App,
    private readonly templates: ChecklistTemplate[],
    private readonly locale: Locale,
    private readonly onChoose: (t: ChecklistTemplate) => unknown,
  ) {
    super(app);
    this.setPlaceholder(strings(locale).chooseChecklist);
  }

  getItems(): ChecklistTemplate[] {
    return this.templates;
  }

  getItemText(t: ChecklistTemplate): string {
    const s = strings(this.locale);
    return `${t.title} (${t.source === 'team' ? s.team : s.builtin} · ${t.id})`;
  }

  onChooseItem(t: ChecklistTemplate): void {
    void this.onChoose(t);
  }
}
