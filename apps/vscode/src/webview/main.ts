// Runs inside the timeline webview: filtering is local (no round trip), clicks go to the host.
import type { WebviewToHost } from '../protocol.js';

declare function acquireVsCodeApi(): { postMessage(m: WebviewToHost): void; setState(s: unknown): void; getState(): unknown };

const api = acquireVsCodeApi();
const selects = ['owner', 'stage', 'kind'].map((id) => document.getElementById(id) as HTMLSelectElement | null);

function applyFilters(): void {
  const [owner = '', stage = '', kind = ''] = selects.map((s) => s?.value ?? '');
  let shown = 0;
  for (const month of Array.from(document.querySelectorAll<HTMLElement>('section.month'))) {
    let inMonth = 0;
    for (const li of Array.from(month.querySelectorAll<HTMLElement>('li.event'))) {
      const d = li.dataset;
      const visible = (!owner || d.owner === owner) && (!stage || d.stage === stage) && (!kind || d.kind === kind);
      li.hidden = !visible;
      if (visible) inMonth++;
    }
    month.hidden = inMonth === 0 && !month.classList.contains('current');
    shown += inMonth;
  }
  const empty = document.getElementById('empty');
  if (empty) empty.hidden = shown > 0;
  api.postMessage({ type: 'filters', owner, stage, kind });
}

for (const s of selects) s?.addEventListener('change', applyFilters);

function open(target: EventTarget | null): void {
  const li = (target as HTMLElement | null)?.closest<HTMLElement>('li.event');
  if (!li?.dataset.file) return;
  api.postMessage({ type: 'open', file: li.dataset.file, line: Number(li.dataset.line) || 1 });
}
document.addEventListener('click', (e) => open(e.target));
document.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' || e.key === ' ') open(e.target);
});

applyFilters();
document.querySelector('.today-marker')?.scrollIntoView({ block: 'center' });
api.postMessage({ type: 'ready' });
