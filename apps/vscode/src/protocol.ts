/**
 * Messages between the extension host and the timeline webview. Free of host imports so the
 * webview bundle can share it; the host validates every incoming message (webview input is
 * untrusted).
 */
export type WebviewToHost =
  | { type: 'ready' }
  | { type: 'open'; file: string; line: number }
  | { type: 'filters'; owner: string; stage: string; kind: string };

export type HostToWebview = { type: 'today'; today: string };

/** Narrows an unknown `postMessage` payload to a valid message, or undefined. */
export function parseWebviewMessage(data: unknown): WebviewToHost | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as Record<string, unknown>;
  if (m.type === 'ready') return { type: 'ready' };
  if (m.type === 'open' && typeof m.file === 'string' && typeof m.line === 'number' && Number.isInteger(m.line) && m.line >= 1) {
    return { type: 'open', file: m.file, line: m.line };
  }
  if (m.type === 'filters' && typeof m.owner === 'string' && typeof m.stage === 'string' && typeof m.kind === 'string') {
    return { type: 'filters', owner: m.owner, stage: m.stage, kind: m.kind };
  }
  return undefined;
}
