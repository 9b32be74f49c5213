// @vitest-environment node
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIR, seedFiles } from './harness';

const CHROMIUM = '/usr/bin/chromium';
const IMAGES = join(TEST_DIR, '../../../docs/images');
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

describe('timeline view in headless Chromium', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`renders the ${theme} theme with months, today marker, overdue highlight and inert hostile names`, async () => {
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.setContent(
        `<!doctype html><html><head><meta charset="utf-8"><style>${css(join(TEST_DIR, 'browser/obsidian-theme.css'))}</style><style>${css(join(TEST_DIR, '../styles.css'))}</style></head>` +
          `<body class="theme-${theme}"><div id="root" class="view-content"></div></body></html>`,
      );
      await page.addScriptTag({ content: script });
      const files = [...seedFiles()];
      const shown = await page.evaluate(
        ([f, today]) => (window as unknown as { batonRender: (f: unknown, t: string, l: string) => number }).batonRender(f, today, 'en'),
        [files, TODAY] as const,
      );
      expect(shown).toBeGreaterThan(10);
      await page.waitForTimeout(300); // give a would-be onerror handler time to fire

      const facts = await page.evaluate(() => {
        const overdue = document.querySelector('.baton-event.is-overdue');
        return {
          months: [...document.querySelectorAll('.baton-month')].map((m) => m.getAttribute('data-month')),
          current: document.querySelector('.baton-month.is-current')?.getAttribute('data-month'),
          todayInCurrent: !!document.querySelector('.baton-month.is-current .baton-today'),
          overdueCount: document.querySelectorAll('.baton-event.is-overdue').length,
          overdueBorder: overdue ? getComputedStyle(overdue).borderLeftColor : '',
          normalBorder: getComputedStyle(document.querySelector('.baton-event.is-upcoming') ?? document.body).borderLeftColor,
          imgs: document.querySelectorAll('img').length,
          scripts: document.querySelectorAll('#root script').length,
          text: document.getElementById('root')?.textContent ?? '',
          bg: getComputedStyle(document.body).backgroundColor,
        };
      });
      expect(facts.months.length).toBeGreaterThan(3);
      expect(facts.current).toBe('2026-11');
      expect(facts.todayInCurrent).toBe(true);
      expect(facts.overdueCount).toBeGreaterThan(0);
      expect(facts.overdueBorder).toBe('rgb(233, 49, 71)');
      expect(facts.normalBorder).not.toBe(facts.overdueBorder);
      expect(facts.text).toContain(HOSTILE);
      expect(facts.imgs).toBe(0);
      expect(facts.scripts).toBe(0);
      expect(dialogs).toEqual([]);
      expect(facts.bg).toBe(theme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(30, 30, 30)');

      mkdirSync(IMAGES, { recursive: true });
      await page.screenshot({ path: join(IMAGES, `obsidian-timeline-${theme}.png`) });
      await page.close();
    });
  }
});
