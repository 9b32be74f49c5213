export type { IcsOptions } from './ics.js';
export { toIcs, escapeIcsText, foldIcsLine, icsUid } from './ics.js';
export type { MermaidGanttOptions } from './mermaid.js';
export { toMermaidGantt, escapeMermaidText } from './mermaid.js';
export type { HtmlOptions } from './html.js';
export { toHtml, escapeHtml } from './html.js';
