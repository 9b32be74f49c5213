// Drives code-server with Debian's Chromium: the UI suite (command palette, webview, Problems
// panel) and then the mocha suite inside the extension host. Fails on any request that leaves
// the machine.
import { chromium } from 'playwright-core';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO = resolve(HERE, '../..');
const RUN = process.env.BATON_E2E_RUN;
const PORT = process.env.BATON_E2E_PORT;
if (!RUN || !PORT) throw new Error('run through scripts/e2e.sh');
const BASE = `http://127.0.0.1:${PORT}`;

const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
function monthsAgo(n) {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - n);
  return iso(d);
}
/** The 15th of the month `n` months from now (negative: back). */
const midMonth = (n) => `${monthsAgo(-n).slice(0, 8)}15`;
/** The timeline pages: 60 tasks in one month (the panel shows 50 a month at first). */
const PAGING_MONTH = midMonth(6).slice(0, 7);

/** A workspace: the example vault when there is one, plus a note whose renewal is close. */
function makeWorkspace(name) {
  const ws = join(RUN, name);
  mkdirSync(ws, { recursive: true });
  const vault = join(REPO, 'examples/vault');
  if (existsSync(vault)) cpSync(vault, ws, { recursive: true });
  mkdirSync(join(ws, 'E2E'), { recursive: true });
  writeFileSync(
    join(ws, 'E2E', 'Globex E2E.md'),
    [
      '---',
      'baton: account',
      'account: Globex E2E',
      'stage: onboarding',
      `contract_start: ${monthsAgo(11)}`,
      'term_months: 12',
      'notice_days: 60',
      'sales_owner: Sato',
      'csm_owner: Tanaka',
      'renewal_owner: Suzuki',
      'locale: en',
      '---',
      '',
      '# Globex E2E',
      '',
      '## Handoff',
      '',
      '### Why they bought',
      '',
      'Manual reporting took two days a month.',
      '',
    ].join('\n'),
  );
  // Hostile note text: must render as text in the webview, and no script may run. Dated years
  // ahead so it stays out of the README screenshot, which shows the months around today.
  writeFileSync(
    join(ws, 'E2E', 'Hostile.md'),
    ['---', 'baton: account', `account: '${HOSTILE}'`, 'contract_start: 2031-04-01', 'term_months: 12', 'csm_owner: Mallory', '---', '', '# x', ''].join('\n'),
  );
  return ws;
}

/**
 * Paging fixture, independent of the example vault and of today's date: one task a month for
 * 13–30 months back (done) and 13–30 months ahead, so there are always more than a page of
 * months with events either way; and 60 tasks in one month, more than a month shows at first.
 * Written while the panel is open (after the screenshot, which it would otherwise crowd).
 */
function writePagingNote(ws) {
  writeFileSync(
    join(ws, 'E2E', 'Paging E2E.md'),
    [
      '---',
      'baton: account',
      'account: Paging E2E',
      'stage: running',
      `contract_start: ${monthsAgo(40)}`,
      'term_months: 12',
      'csm_owner: Pager',
      'locale: en',
      '---',
      '',
      '# Paging E2E',
      '',
      '## Checklist',
      '',
      ...Array.from({ length: 18 }, (_, i) => `- [x] Paging earlier ${i + 1} 📅 ${midMonth(-13 - i)} ✅ ${midMonth(-13 - i)}`),
      ...Array.from({ length: 18 }, (_, i) => `- [ ] Paging later ${i + 1} 📅 ${midMonth(13 + i)}`),
      ...Array.from({ length: 60 }, (_, i) => `- [ ] Paging step ${i + 1} 📅 ${PAGING_MONTH}-${String((i % 28) + 1).padStart(2, '0')}`),
      '',
    ].join('\n'),
  );
}

const HOSTILE = '<img src=x onerror=alert(1)></script><script>alert(2)</script>';
const dialogs = [];

const failures = [];
const offMachine = [];
let passed = 0;
function check(name, ok, detail = '') {
  if (ok) passed++;
  console.log(`${ok ? '  ✓' : '  ✗'} ${name}${detail ? ` — ${detail}` : ''}`);
  if (!ok) failures.push(name);
}

const LOCAL = new Set(['127.0.0.1', 'localhost']);
function watchNetwork(context) {
  context.on('request', (req) => {
    const url = req.url();
    if (!/^(https?|wss?):/.test(url)) return;
    const host = new URL(url).hostname;
    // Webview resources are virtual: a service worker inside the webview answers them.
    if (LOCAL.has(host) || host.endsWith('.vscode-resource.vscode-cdn.net')) return;
    offMachine.push(url);
  });
  // Nothing may actually leave the machine, even while we record it as a failure.
  return context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
}

async function runCommand(page, title, attempts = 3) {
  for (let i = 1; ; i++) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    try {
      await row.waitFor({ timeout: 5000 });
      await page.keyboard.press('Enter');
      return;
    } catch (e) {
      await page.keyboard.press('Escape');
      if (i >= attempts) throw e;
    }
  }
}

/**
 * Types `text` (or keeps the default) and presses Enter. With `prompt`, first waits for the box
 * that shows it (an input box's prompt, or a pick's placeholder): the widget is shared, so
 * typing into the box that is closing would be lost on a slow machine.
 */
async function answer(page, text, prompt) {
  const input = page.locator('.quick-input-widget input');
  if (prompt) {
    const shown = page.locator('.quick-input-widget', { hasText: prompt }).or(page.locator(`.quick-input-widget input[placeholder*="${prompt}"]`));
    await shown.first().waitFor({ state: 'visible', timeout: 15000 }).catch(() => console.log(`  (prompt not seen: ${prompt})`));
  }
  await input.waitFor({ state: 'visible' });
  if (text !== undefined) await input.fill(text);
  await page.waitForTimeout(150);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(250);
}

async function timelineFrame(page) {
  for (let i = 0; i < 60; i++) {
    for (const f of page.frames()) {
      try {
        if (await f.locator('#timeline').count()) return f;
      } catch {
        // frame detached while looking
      }
    }
    await page.waitForTimeout(250);
  }
  return undefined;
}

/** Filters and "show more" are answered by the host: the list is busy until its re-render lands. */
async function settled(frame) {
  await frame.locator('#timeline:not([aria-busy="true"])').waitFor({ timeout: 15000 });
}

/** What VS Code's toasts say right now — printed when a step fails, to tell a race from a refusal. */
async function notificationsText(page) {
  const texts = await page.locator('.notification-toast, .notifications-list-container .monaco-list-row').allInnerTexts().catch(() => []);
  return texts.length ? `notifications: ${texts.map((t) => t.replace(/\s+/g, ' ').trim()).join(' | ')}` : 'no notification shown';
}

let currentPage;
async function uiSuite(browser) {
  console.log('UI suite (code-server + Chromium)');
  const ws = makeWorkspace('ws-ui');
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await watchNetwork(context);
  const page = await context.newPage();
  currentPage = page;
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${BASE}/?folder=${encodeURIComponent(ws)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  await page.locator('.statusbar').waitFor({ timeout: 60000 });
  // Extensions register a little after the workbench paints: wait for Baton's activity-bar entry.
  await page.locator('.activitybar [aria-label*="Baton"]').first().waitFor({ timeout: 60000 }).catch(() => console.log('  (no Baton activity-bar entry seen)'));
  await page.waitForTimeout(1000);

  // 1. New account from the command palette.
  await runCommand(page, 'Baton: New account handoff note', 12);
  await answer(page, 'Initech E2E', 'Account (customer company) name');
  await answer(page, undefined, 'Contract start'); // today's default
  // A term core would reject is flagged in the box, in core's words, before anything is written.
  await page.locator('.quick-input-widget', { hasText: 'Contract term in months' }).first().waitFor({ state: 'visible', timeout: 15000 }).catch(() => undefined);
  await page.locator('.quick-input-widget input').fill('500');
  const flagged = await page.locator('.quick-input-widget .quick-input-message', { hasText: 'at most 120' }).first().waitFor({ state: 'visible', timeout: 10000 }).then(() => true, () => false);
  check('an out-of-range term is flagged in the input box', flagged);
  // The box now shows core's message where its prompt was: answer it without waiting for the prompt.
  await answer(page, '12');
  await answer(page, '60', 'Notice period');
  await answer(page, 'Sato', 'Sales owner');
  await answer(page, 'Tanaka', 'CSM owner');
  await answer(page, 'Ito', 'Renewal owner');
  await answer(page, undefined, 'Language of the note');
  const created = join(ws, 'Accounts', 'Initech E2E.md');
  let exists = false;
  for (let i = 0; i < 40 && !exists; i++) {
    exists = existsSync(created);
    if (!exists) await page.waitForTimeout(250);
  }
  check('new account note created on disk', exists, created);
  if (exists) {
    const written = readFileSync(created, 'utf8');
    check('note has the account frontmatter', /account: Initech E2E/.test(written));
    check('note has the notice period and renewal owner asked for', /^notice_days: 60$/m.test(written) && /^renewal_owner: Ito$/m.test(written));
  }
  await page.locator('.tab', { hasText: 'Initech E2E.md' }).first().waitFor({ timeout: 10000 }).then(
    () => check('note opened in an editor tab', true),
    () => check('note opened in an editor tab', false),
  );

  // 2. Insert a checklist into it, save, read the file back. Inserting is idempotent, so a
  // second try (the machine may be slow to show the pick) cannot add the checklist twice.
  const editorLines = page.locator('.monaco-editor .view-lines').first();
  let checklist = false;
  for (let attempt = 0; attempt < 2 && !checklist; attempt++) {
    await editorLines.click();
    await runCommand(page, 'Baton: Insert checklist…');
    // The checklist pick itself (its rows say how many items), not the palette that is closing.
    const pick = page.locator('.quick-input-widget', { has: page.locator('.quick-input-title', { hasText: 'Insert checklist' }) });
    const ready = await pick.locator('.quick-input-list .monaco-list-row', { hasText: /\d+ items/ }).first().waitFor({ timeout: 15000 }).then(() => true, () => false);
    if (!ready) {
      await page.keyboard.press('Escape');
      continue;
    }
    await answer(page);
    // The edit lands asynchronously (WorkspaceEdit): wait until the editor shows it, then save.
    // Saving before the edit arrives would write the old text and leave the edit unsaved.
    await page.waitForFunction(
      () => /baton:/.test(document.querySelector('.monaco-editor .view-lines')?.textContent ?? ''),
      undefined,
      { timeout: 10000 },
    ).catch(() => undefined);
    for (let i = 0; i < 40 && !checklist; i++) {
      if (i % 8 === 0) {
        await editorLines.click();
        await page.keyboard.press('Control+S');
      }
      checklist = /- \[ \] .*<!-- baton:/.test(readFileSync(created, 'utf8'));
      if (!checklist) await page.waitForTimeout(250);
    }
  }
  check('checklist inserted with Baton ids and saved', checklist, checklist ? '' : await notificationsText(page));

  // 3. Diagnostics in the Problems panel for the incomplete fixture note.
  await page.keyboard.press('Control+P');
  await answer(page, 'Globex E2E.md');
  await page.waitForTimeout(1000);
  await runCommand(page, 'Problems: Focus on Problems View');
  const problemRow = page.locator('.markers-panel .monaco-list-row', { hasText: 'Baton' });
  await problemRow.first().waitFor({ timeout: 15000 }).then(
    async () => check('Baton diagnostic in the Problems panel', true, (await problemRow.first().innerText()).replace(/\s+/g, ' ').slice(0, 100)),
    () => check('Baton diagnostic in the Problems panel', false),
  );

  // 4. The renewal timeline webview.
  await runCommand(page, 'Baton: Open renewal timeline');
  const frame = await timelineFrame(page);
  check('timeline webview rendered', Boolean(frame));
  if (frame) {
    const text = await frame.locator('body').innerText();
    check('timeline lists the fixture account', text.includes('Globex E2E'));
    check('timeline lists the new account', text.includes('Initech E2E'));
    check('no element injected by note text', (await frame.locator('#timeline img, #timeline script').count()) === 0);
    check('timeline shows the today marker', (await frame.locator('.today-marker').count()) === 1);
    check('timeline has month groups', (await frame.locator('section.month h2').count()) >= 2);
    check('an event is highlighted as due soon or overdue', (await frame.locator('li.status-due-soon, li.status-overdue').count()) > 0);
    await frame.locator('#owner').selectOption('Suzuki').catch(() => undefined);
    await settled(frame);
    const visible = await frame.locator('li.event:visible').allInnerTexts();
    check('owner filter narrows the list', visible.length > 0 && visible.every((t) => t.includes('Globex E2E')), `${visible.length} shown`);
    await frame.locator('#owner').selectOption('');
    await settled(frame);
    await runCommand(page, 'View: Close Panel').catch(() => undefined);
    await page.waitForTimeout(500);
    // The README's screenshot is rewritten only on request (`pnpm screenshots`); otherwise it stays in the run folder.
    const out = process.env.BATON_UPDATE_SCREENSHOTS === '1' ? join(REPO, 'docs/images/vscode-timeline.png') : join(RUN, 'vscode-timeline.png');
    mkdirSync(dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    console.log(`  screenshot: ${out}`);

    // Filtering runs on the host: only matching events are in the page at all.
    await frame.locator('#kind').selectOption('renewal');
    await settled(frame);
    const renewalKinds = await frame.locator('li.event').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    check('kind filter lists only that kind', renewalKinds.length > 0 && renewalKinds.every((k) => k === 'renewal'), `${renewalKinds.length} events`);
    // A note saved meanwhile re-renders the panel with the filter still applied.
    writeFileSync(
      join(ws, 'E2E', 'Late E2E.md'),
      ['---', 'baton: account', 'account: Late E2E', 'stage: running', `contract_start: ${monthsAgo(10)}`, 'term_months: 12', 'csm_owner: Kato', 'locale: en', '---', '', '# Late E2E', ''].join('\n'),
    );
    const lateShown = await frame.locator('li.event', { hasText: 'Late E2E' }).first().waitFor({ timeout: 20000 }).then(() => true, () => false);
    const kindsAfter = await frame.locator('li.event').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    check(
      'a note saved while filtered appears, and the filter survives the re-render',
      lateShown && kindsAfter.every((k) => k === 'renewal') && (await frame.locator('#kind').inputValue()) === 'renewal',
      `${kindsAfter.length} events`,
    );
    await frame.locator('#kind').selectOption('');
    await settled(frame);

    // Paging: a note saved now has more than a page of months either way and 60 tasks in one month.
    writePagingNote(ws);
    await frame.locator(`button[data-action="more"][data-month="${PAGING_MONTH}"]`).waitFor({ timeout: 20000 }).catch(() => undefined);
    check('"show earlier months" button shown', (await frame.locator('button[data-action="earlier"]').count()) === 1);
    const more = frame.locator(`button[data-action="more"][data-month="${PAGING_MONTH}"]`);
    const month = frame.locator(`section.month[data-month="${PAGING_MONTH}"]`);
    const shownBefore = await month.locator('li.event').count();
    const rest = Number(/\((\d+)\)/.exec((await more.innerText().catch(() => '')) || '')?.[1] ?? 0);
    check('a month with 60 tasks shows 50 and "show more (N)"', shownBefore === 50 && rest >= 10, `${shownBefore} shown, ${rest} more`);
    await more.click().catch(() => undefined);
    await settled(frame);
    const shownAfter = await month.locator('li.event').count();
    check('"show more" in a month reveals the rest of it', shownAfter === shownBefore + rest && (await more.count()) === 0, `${shownAfter} shown`);
    check('"show later months" button shown', (await frame.locator('button[data-action="later"]').count()) === 1);
    let clicks = 0;
    for (; clicks < 10 && (await frame.locator('button[data-action="later"]').count()) > 0; clicks++) {
      await frame.locator('button[data-action="later"]').click();
      await settled(frame);
    }
    check('"show later months" pages on to the end', clicks > 0 && (await frame.locator('button[data-action="later"]').count()) === 0, `${clicks} clicks`);
    const paged = await frame.locator('body').innerText();
    check('hostile account name renders as text', paged.includes(HOSTILE));
    check('no element injected by note text (after paging)', (await frame.locator('#timeline img, #timeline script').count()) === 0);
    // Clicking an event opens its note.
    await frame.locator('li.event', { hasText: 'Globex E2E' }).first().click();
    await page.locator('.tab.active', { hasText: 'Globex E2E.md' }).waitFor({ timeout: 10000 }).then(
      () => check('clicking an event opens its note', true),
      () => check('clicking an event opens its note', false),
    );
    // Back to the panel (it reloads when shown again): the host still has the widened window.
    await runCommand(page, 'Baton: Open renewal timeline');
    let shownAgain = false;
    for (let i = 0; i < 40 && !shownAgain; i++) {
      await page.waitForTimeout(250);
      const again = await timelineFrame(page);
      shownAgain = Boolean(again) && (await again.locator('body').innerText().catch(() => '')).includes(HOSTILE);
    }
    check('the paging window survives hiding and showing the panel', shownAgain);
  }
  // The index is kept in VS Code's workspace storage (written after the scan and 5 s after edits),
  // never in the workspace folder.
  let cache;
  for (let i = 0; i < 40 && !cache; i++) {
    cache = findFile(join(RUN, 'user'), 'index-cache.json');
    if (!cache) await page.waitForTimeout(250);
  }
  const cached = cache ? JSON.parse(readFileSync(cache, 'utf8')) : undefined;
  check('index cached in workspace storage, with the fixture note', Boolean(cached?.manifest?.['E2E/Globex E2E.md']) && cached.snapshot.records.some((r) => r[0] === 'E2E/Globex E2E.md'), cache ?? 'no cache file');
  check('no cache file in the workspace folder', !findFile(ws, 'index-cache.json'));
  await context.close();
}

/** The first file named `name` below `dir` (depth-first), or undefined. */
function findFile(dir, name) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isFile() && entry.name === name) return full;
    if (entry.isDirectory()) {
      const hit = findFile(full, name);
      if (hit) return hit;
    }
  }
  return undefined;
}

async function integrationSuite(browser) {
  console.log('Integration suite (mocha inside the extension host)');
  const ws = makeWorkspace('ws-int');
  const code = await runInHost(browser, `folder=${encodeURIComponent(ws)}`, 'out/test/index.js');
  const report = join(RUN, 'integration-report.txt');
  if (existsSync(report)) process.stdout.write(readFileSync(report, 'utf8'));
  check('mocha suite in the extension host passed', code === 0, `exit ${code}`);
}

/** An account note (no handoff sections yet); `extra`: more frontmatter lines. */
function accountNote(account, ...extra) {
  return ['---', 'baton: account', `account: ${account}`, 'stage: onboarding', `contract_start: ${monthsAgo(11)}`, 'term_months: 12', 'csm_owner: Tanaka', ...extra, 'locale: en', '---', '', `# ${account}`, ''].join('\n');
}

/**
 * A `.code-workspace` with two folders whose notes share relative paths: `Accounts/Acme.md` (Acme A;
 * Acme B with an invalid `health`) and `Templates/Play.md` (one checklist id, a different step).
 */
function makeMultiRootWorkspace(name) {
  const dir = join(RUN, name);
  for (const [folder, account, extra, step] of [
    ['team-a', 'Acme A', [], 'Team A step'],
    ['team-b', 'Acme B', ['health: purple'], 'Team B step'],
  ]) {
    mkdirSync(join(dir, folder, 'Accounts'), { recursive: true });
    mkdirSync(join(dir, folder, 'Templates'), { recursive: true });
    writeFileSync(join(dir, folder, 'Accounts', 'Acme.md'), accountNote(account, ...extra));
    writeFileSync(
      join(dir, folder, 'Templates', 'Play.md'),
      ['---', 'baton: checklist', 'id: team-play', `title: ${folder} play`, 'locale: en', '---', '', `- [ ] ${step} {contract_start+7d} <!-- id: step -->`, ''].join('\n'),
    );
  }
  const file = join(dir, 'teams.code-workspace');
  writeFileSync(file, JSON.stringify({ folders: [{ path: 'team-a' }, { path: 'team-b' }], settings: {} }, null, 2));
  return file;
}

/** Opens `target` (`folder=…` or `workspace=…`) with the extension's tests at `testsEntry`; the exit code, or 'timeout'. */
async function runInHost(browser, target, testsEntry) {
  const context = await browser.newContext();
  await watchNetwork(context);
  const page = await context.newPage();
  let resolveExit;
  const exited = new Promise((r) => (resolveExit = r));
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  const remote = (p) => `vscode-remote://127.0.0.1:${PORT}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(HERE)],
    ['extensionTestsPath', remote(join(HERE, testsEntry))],
  ]);
  await page.goto(`${BASE}/?${target}&payload=${encodeURIComponent(payload)}`);
  let timer;
  const code = await Promise.race([exited, new Promise((r) => (timer = setTimeout(() => r('timeout'), 180000)))]);
  clearTimeout(timer); // a pending 3-minute timer would otherwise hold the process open after a pass
  await context.close();
  return code;
}

async function multiRootSuite(browser) {
  console.log('Multi-root suite (mocha inside the extension host, two-folder .code-workspace)');
  const workspace = makeMultiRootWorkspace('ws-multi');
  // Both in-host suites append to one report file: print only what this run adds.
  const report = join(RUN, 'integration-report.txt');
  const from = existsSync(report) ? readFileSync(report).length : 0;
  const started = Date.now();
  const code = await runInHost(browser, `workspace=${encodeURIComponent(workspace)}`, 'out/test/multi-root.js');
  if (existsSync(report)) process.stdout.write(readFileSync(report).subarray(from).toString('utf8'));
  check('multi-root mocha suite in the extension host passed', code === 0, `exit ${code}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  // playwright gives every launch a fresh temporary profile (its own --user-data-dir).
});
try {
  const only = process.env.BATON_E2E_ONLY;
  if (!only || only === 'ui') await uiSuite(browser);
  if (!only || only === 'integration') await integrationSuite(browser);
  if (!only || only === 'multiroot') await multiRootSuite(browser);
} catch (e) {
  failures.push(String(e?.stack ?? e));
  console.error(e);
  await currentPage?.screenshot({ path: join(RUN, 'failure.png') }).catch(() => undefined);
  console.error(`screenshot of the failure: ${join(RUN, 'failure.png')}`);
} finally {
  await browser.close();
}
check('no request left 127.0.0.1/localhost', offMachine.length === 0, offMachine.slice(0, 5).join(' '));
check('no script from note text ran (no dialog)', dialogs.length === 0, dialogs.join(' | '));
console.log(`\ne2e: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
