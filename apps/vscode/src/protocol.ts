/**
 * Messages between the extension host and the timeline webview. Free of host imports so the
 * webview bundle can share it; the host validates every incoming message (webview input is
 * untrusted).
 */
import { EVENT_KINDS, STAGES } from '@baton/core';

export type WebviewToHost =
  | { type: 'ready' }
  | { type: 'open'; file: string; line: number }
  /** '' means "all"; the host filters and re-renders. */
  | { type: 'filters'; owner: string; stage: string; kind: string }
  /** Paging: a page of earlier or later months, or more events of one month (`YYYY-MM`). */
  | { type: 'showEarlier' }
  | { type: 'showLater' }
  | { type: 'showMore'; month: string };

/** A re-render: the host's escaped HTML for the parts of the page that change (see timeline-html.ts). */
export interface RenderMessage {
  type: 'render';
  title: string;
  /** Inner HTML of `.counts`, of the three selects, and of `<main id="timeline">`. */
  counts: string;
  owner: string;
  stage: string;
  kind: string;
  main: string;
  /** True when no event matches the filters (shows the empty-state message). */
  empty: boolean;
}

export type HostToWebview = RenderMessage;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const oneOf = (list: readonly string[], v: unknown): v is string => typeof v === 'string' && (v === '' || list.includes(v));

/** Narrows an unknown `postMessage` payload to a valid message, or undefined. */
export function parseWebviewMessage(data: unknown): WebviewToHost | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as Record<string, unknown>;
  if (m.type === 'ready') return { type: 'ready' };
  if (m.type === 'open' && typeof m.file === 'string' && typeof m.line === 'number' && Number.isInteger(m.line) && m.line >= 1) {
    return { type: 'open', file: m.file, line: m.line };
  }
  if (m.type === 'filters' && typeof m.owner === 'string' && oneOf(STAGES, m.stage) && oneOf(EVENT_KINDS, m.kind)) {
    return { type: 'filters', owner: m.owner, stage: m.stage, kind: m.kind };
  }
  if (m.type === 'showEarlier' || m.type === 'showLater') return { type: m.type };
  if (m.type === 'showMore' && typeof m.month === 'string' && MONTH.test(m.month)) return { type: 'showMore', month: m.month };
  return undefined;
}
