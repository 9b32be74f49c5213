// Single import point for core. Re-exports modules that core's index does not list yet; once it
// does, this file shrinks to the first line (see the report).
export * from '@baton/core';
export { checkHandoff, insertMissingSection } from '../../../packages/core/src/handoff.js';
export { applyChecklist, reanchorChecklists } from '../../../packages/core/src/checklists.js';
export { builtinChecklists, parseChecklistTemplate, type ChecklistTemplate } from '../../../packages/core/src/checklist-templates.js';
export { accountFileName, createAccountNote } from '../../../packages/core/src/templates.js';
