// @vitest-environment node
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_VAULT, FIXTURE_VAULT, TEST_DIR, readVault } from './harness';

const CHROMIUM = '/usr/bin/chromium';
// The README's screenshots are rewritten only on request (`pnpm screenshots`); a test run writes
// them to a scratch folder, so `pnpm test` leaves the working tree as it found it.
const IMAGES = process.env['BATON_UPDATE_SCREENSHOTS'] === '1' ? join(TEST_DIR, '../../../docs/images') : join(tmpdir(), 'baton-screenshots');
const TODAY = '2026-11-22';
const HOSTILE = '<img src=x onerror=alert(1)>';

let context: BrowserContext;
let userDataDir: string;
let script: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it (Debian: apt-get install -y chromium); this test never skips.`);
  }
  const out = await build({
    entryPoints: [join(TEST_DIR, 'browser/timeline-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'error',
  });
  script = out.outputFiles[0]?.text ?? '';
  userDataDir = mkdtempSync(join(tmpdir(), 'baton-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1100, height: 900 },
  });
});

afterAll(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

const css = (f: string) => readFileSync(f, 'utf8');

type Render = (f: readonly (readonly [string, string])[], today: string, locale: string, fiscal?: number) => number;

async function renderPage(theme: 'light' | 'dark', files: Map<string, string>, dialogs: string[]) {
  const page = await context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.setContent(
    `<!doctype html><html><head><meta charset="utf-8"><style>${css(join(TEST_DIR, 'browser/obsidian-theme.css'))}</style><style>${css(join(TEST_DIR, '../styles.css'))}</style></head>` +
      `<body class="theme-${theme}"><div id="root" class="view-content"></div></body></html>`,
  );
  await page.addScriptTag({ content: script });
  const shown = await page.evaluate(
    ([f, today]) => (window as unknown as { batonRender: Render }).batonRender(f, today, 'en', 4),
    [[...files], TODAY] as const,
  );
  return { page, shown };
}

describe('timeline view in headless Chromium', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`renders the example vault in the ${theme} theme: months with fiscal quarters, today marker, overdue highlight`, async () => {
      const dialogs: string[] = [];
      const { page, shown } = await renderPage(theme, readVault(EXAMPLE_VAULT), dialogs);
      expect(shown).toBeGreaterThan(10);
      const facts = await page.evaluate(() => {
        const overdue = document.querySelector('.baton-event.is-overdue');
        return {
          months: [...document.querySelectorAll('.baton-month')].map((m) => m.getAttribute('data-month')),
          current: document.querySelector('.baton-month.is-current')?.getAttribute('data-month'),
          currentFiscal: document.querySelector('.baton-month.is-current .baton-fiscal')?.textContent,
          todayInCurrent: !!document.querySelector('.baton-month.is-current .baton-today'),
          overdueCount: document.querySelectorAll('.baton-event.is-overdue').length,
          overdueBorder: overdue ? getComputedStyle(overdue).borderLeftColor : '',
          normalBorder: getComputedStyle(document.querySelector('.baton-event.is-upcoming') ?? document.body).borderLeftColor,
          bg: getComputedStyle(document.body).backgroundColor,
        };
      });
      expect(facts.months.length).toBeGreaterThan(3);
      expect(facts.current).toBe('2026-11');
      expect(facts.currentFiscal).toBe('FY2026 Q3');
      expect(facts.todayInCurrent).toBe(true);
      expect(facts.overdueCount).toBeGreaterThan(0);
      expect(facts.overdueBorder).toBe('rgb(233, 49, 71)');
      expect(facts.normalBorder).not.toBe(facts.overdueBorder);
      expect(facts.bg).toBe(theme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(30, 30, 30)');
      expect(dialogs).toEqual([]);

      mkdirSync(IMAGES, { recursive: true });
      const shot = join(IMAGES, `obsidian-timeline-${theme}.png`);
      await page.screenshot({ path: shot });
      expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
      await page.close();
    });
  }

  it('renders hostile account, owner and task text as inert text', async () => {
    const dialogs: string[] = [];
    const { page } = await renderPage('light', readVault(FIXTURE_VAULT), dialogs);
    await page.waitForTimeout(300); // give a would-be onerror handler time to fire
    const facts = await page.evaluate(() => ({
      imgs: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('#root script').length,
      bold: document.querySelectorAll('#root b').length,
      text: document.getElementById('root')?.textContent ?? '',
    }));
    expect(facts.text).toContain(HOSTILE);
    expect(facts.text).toContain('<script>alert(2)</script>');
    expect(facts.imgs).toBe(0);
    expect(facts.scripts).toBe(0);
    expect(facts.bold).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
