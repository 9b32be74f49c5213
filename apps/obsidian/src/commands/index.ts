import type { BatonCommand } from '../context';
import { addStakeholderCommand } from './add-stakeholder';
import { checkHandoffCommand } from './check-handoff';
import { exportCalendarCommand } from './export-calendar';
import { insertChecklistCommand } from './insert-checklist';
import { insertStakeholderMatrixCommand } from './insert-stakeholder-matrix';
import { newAccountCommand } from './new-account';
import { openTimelineCommand } from './open-timeline';
import { reanchorChecklistsCommand } from './reanchor-checklists';

export const COMMANDS: readonly BatonCommand[] = [
  newAccountCommand,
  insertStakeholderMatrixCommand,
  addStakeholderCommand,
  insertChecklistCommand,
  reanchorChecklistsCommand,
  checkHandoffCommand,
  openTimelineCommand,
  exportCalendarCommand,
];
