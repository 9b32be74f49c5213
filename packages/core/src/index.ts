/**
 * @baton/core — the whole of Baton's domain, pure: text in, text or plain data out.
 * Hosts (Obsidian, VS Code, CLI) read files, pass `today`, and render what comes back.
 */
export type { IsoDate, DateUnit } from './dates.js';
export { isIsoDate, parseIsoDate, toIsoDate, shiftIsoDate, daysBetween, termEnd, monthKey, normalizeIsoDate } from './dates.js';
export type { Problem, Severity, Locale, Bilingual } from './problems.js';
export { sortProblems, hasErrors } from './problems.js';
export type { Frontmatter } from './frontmatter.js';
export { readFrontmatter, setFrontmatterValue, formatYamlScalar } from './frontmatter.js';
export { displayWidth } from './text.js';
export type { Heading, HeadingId, SectionId, EssentialId, HandoffExtraId } from './sections.js';
export { ESSENTIALS, HANDOFF_EXTRAS, HEADING_TITLES, identifyHeading, scanHeadings } from './sections.js';
export type { Task } from './tasks.js';
export { parseTaskLine, scanTasks } from './tasks.js';
export type { EditResult } from './edit.js';
export type { Account, AccountNote, ParseOptions } from './account.js';
export { AccountFrontmatter, STAGES, HEALTH, parseAccountNote, stageFromText } from './account.js';
export type { Stage, Health } from './account.js';
export * from './stakeholders.js';
export * from './i18n.js';
export * from './timeline.js';
export * from './lint.js';
export { Portfolio, type PortfolioOptions } from './portfolio.js';
export { SnapshotPortfolio, type PortfolioSnapshot, type SnapshotRecord } from './snapshot.js';
export * from './cached.js';
export { EventIndex } from './event-index.js';
export { StringPool } from './string-pool.js';
export * from './metrics.js';
export * from './export/index.js';
export * from './templates.js';
export * from './handoff.js';
export * from './relative-date.js';
export * from './checklist-templates.js';
export * from './checklists.js';
export * from './settings.js';
export * from './timeline-window.js';
