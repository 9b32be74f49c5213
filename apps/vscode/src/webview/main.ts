// Runs inside the timeline webview. The host owns filters and paging: a select change or a
// "show more" button posts a message, the host re-renders and posts the new parts (escaped HTML
// built by the host, see timeline-panel.ts), and they are swapped in here without a reload.
import type { HostToWebview, WebviewToHost } from '../protocol.js';

interface State {
  scrollY?: number;
}
declare function acquireVsCodeApi(): { postMessage(m: WebviewToHost): void; setState(s: State): void; getState(): State | undefined };

const api = acquireVsCodeApi();
const main = document.getElementById('timeline') as HTMLElement;
const selects = ['owner', 'stage', 'kind'].map((id) => document.getElementById(id) as HTMLSelectElement | null);
/** The options HTML last applied to each select, so unchanged lists are left alone. */
const lastOptions = new Map<string, string>();

function busy(): void {
  main.setAttribute('aria-busy', 'true');
}

for (const s of selects) {
  s?.addEventListener('change', () => {
    const [owner = '', stage = '', kind = ''] = selects.map((x) => x?.value ?? '');
    toToday = true; // other events, the default window again: show today, as on opening
    busy();
    api.postMessage({ type: 'filters', owner, stage, kind });
  });
}

function open(target: EventTarget | null): boolean {
  const li = (target as HTMLElement | null)?.closest<HTMLElement>('li.event');
  if (!li?.dataset.file) return false;
  api.postMessage({ type: 'open', file: li.dataset.file, line: Number(li.dataset.line) || 1 });
  return true;
}

/** After a re-render, where keyboard focus goes (set by a "show more" click). */
let refocus: (() => HTMLElement | null | undefined) | undefined;
/** Set by "earlier": the top of the list stays where the button was, so the added months show below it. */
let pinTop: number | undefined;
/** Set by a filter change: the re-render scrolls to the today marker. */
let toToday = false;

/** "Show more" buttons are real buttons: Enter and Space click them. */
function page(target: EventTarget | null): void {
  const b = (target as HTMLElement | null)?.closest<HTMLButtonElement>('button[data-action]');
  const action = b?.dataset.action;
  if (!b || !action) return;
  const month = b.dataset.month ?? '';
  const events = (root: ParentNode | null | undefined) => Array.from(root?.querySelectorAll<HTMLElement>('li.event') ?? []);
  const shownBefore = events(b.closest('section')).length;
  const lastMonth = Array.from(main.querySelectorAll<HTMLElement>('section.month')).pop()?.dataset.month ?? '';
  // The same button while there is more to show, else the first event it revealed.
  refocus = () =>
    Array.from(main.querySelectorAll<HTMLElement>('button[data-action]')).find((x) => x.dataset.action === action && (x.dataset.month ?? '') === month) ??
    (action === 'more'
      ? events(main.querySelector(`section.month[data-month="${CSS.escape(month)}"]`))[shownBefore]
      : action === 'later'
        ? events(main).find((li) => (li.closest<HTMLElement>('section.month')?.dataset.month ?? '') > lastMonth)
        : events(main)[0]);
  if (action === 'earlier') pinTop = main.getBoundingClientRect().top;
  busy();
  if (action === 'earlier') api.postMessage({ type: 'showEarlier' });
  else if (action === 'later') api.postMessage({ type: 'showLater' });
  else if (action === 'more' && month) api.postMessage({ type: 'showMore', month });
}

document.addEventListener('click', (e) => {
  if (!open(e.target)) page(e.target);
});
document.addEventListener('keydown', (e) => {
  // Buttons handle their own keys; an event row opens on Enter or Space (without scrolling).
  if ((e.key === 'Enter' || e.key === ' ') && !(e.target as HTMLElement | null)?.closest('button') && open(e.target)) e.preventDefault();
});

/** The first event (or month) below the sticky header, and where it is on screen. */
function anchor(): { el: string; top: number } | undefined {
  const below = document.querySelector('header')?.getBoundingClientRect().bottom ?? 0;
  for (const el of Array.from(main.querySelectorAll<HTMLElement>('li.event, section.month'))) {
    const r = el.getBoundingClientRect();
    if (r.bottom <= below) continue;
    const sel = el.dataset.id ? `li.event[data-id="${CSS.escape(el.dataset.id)}"]` : `section.month[data-month="${CSS.escape(el.dataset.month ?? '')}"]`;
    return { el: sel, top: r.top };
  }
  return undefined;
}

function apply(m: HostToWebview): void {
  const before = anchor();
  const focusedId = main.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.id : undefined;
  main.innerHTML = m.main;
  selects.forEach((s, i) => {
    const html = [m.owner, m.stage, m.kind][i] ?? '';
    if (s && lastOptions.get(s.id) !== html) {
      s.innerHTML = html;
      lastOptions.set(s.id, html);
    }
  });
  const counts = document.querySelector('.counts');
  if (counts) counts.innerHTML = m.counts;
  const empty = document.getElementById('empty');
  if (empty) empty.hidden = !m.empty;
  document.title = m.title;
  // Keep what was on screen where it was (an index change, "show more"); after a filter change,
  // or when that event is gone, go to today.
  const same = before && main.querySelector<HTMLElement>(before.el);
  if (pinTop !== undefined) window.scrollBy(0, main.getBoundingClientRect().top - pinTop);
  else if (!toToday && before && same) window.scrollBy(0, same.getBoundingClientRect().top - before.top);
  else document.querySelector('.today-marker')?.scrollIntoView({ block: 'center' });
  pinTop = undefined;
  toToday = false;
  // Keyboard users keep their place: the event they were on, or where a "show more" click leads.
  const again = focusedId ? main.querySelector<HTMLElement>(`li.event[data-id="${CSS.escape(focusedId)}"]`) : undefined;
  if (again) again.focus({ preventScroll: true });
  else refocus?.()?.focus({ preventScroll: true });
  refocus = undefined;
  main.removeAttribute('aria-busy');
}

window.addEventListener('message', (e: MessageEvent<HostToWebview>) => {
  if (e.data?.type === 'render') apply(e.data);
});

let saving = false;
window.addEventListener('scroll', () => {
  if (saving) return;
  saving = true;
  requestAnimationFrame(() => {
    saving = false;
    api.setState({ scrollY: window.scrollY });
  });
});

// A reload (the panel was hidden, then shown) comes back where it was; a first open shows today.
const saved = api.getState()?.scrollY;
if (typeof saved === 'number') window.scrollTo(0, saved);
else document.querySelector('.today-marker')?.scrollIntoView({ block: 'center' });
api.postMessage({ type: 'ready' });
