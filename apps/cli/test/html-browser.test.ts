import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baton, REPO, tempDir, TODAY, VAULT } from './helpers.js';

const EVIL = '<img src=x onerror=alert(1)>';
// The README's screenshots are rewritten only on request (`pnpm screenshots`); a test run writes
// them to a scratch folder, so `pnpm test` leaves the working tree as it found it.
const IMAGES = process.env['BATON_UPDATE_SCREENSHOTS'] === '1' ? join(REPO, 'docs', 'images') : join(tmpdir(), 'baton-screenshots');

describe('HTML timeline in headless Chromium', () => {
  let browser: Browser;
  let htmlFile: string;

  beforeAll(async () => {
    const vault = tempDir('baton-html-');
    cpSync(VAULT, vault, { recursive: true });
    writeFileSync(
      join(vault, 'Accounts', 'Injected.md'),
      `---\nbaton: account\naccount: "${EVIL}"\nstage: onboarding\ncontract_start: 2026-10-01\nterm_months: 12\ncsm_owner: "<b>Mallory</b>"\n---\n\n## Checklists\n- [ ] <script>alert(2)</script> review <!-- baton:x.y {contract_start+60d} --> 📅 2026-11-30\n`,
    );
    htmlFile = join(tempDir(), 'timeline.html');
    const r = baton(['export', 'html', vault, '--today', TODAY, '--from', '2026-11-01', '--to', '2027-03-31', '-o', htmlFile]);
    expect(r.code).toBe(0);
    // launch() gives every run a fresh temporary profile (it refuses an explicit --user-data-dir).
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`renders in ${scheme} mode, shows injected markup as text and fires no dialog`, async () => {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1000, height: 900 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      const dialogs: string[] = [];
      const requests: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      await page.goto(`file://${htmlFile}`);
      await page.waitForLoadState('load');
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('script').count()).toBe(0);
      await expect.poll(() => page.getByText(EVIL, { exact: true }).count()).toBeGreaterThan(0);
      expect(await page.getByText('<b>Mallory</b>').count()).toBeGreaterThan(0);
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([]);
      // A string expression: this tsconfig has no DOM types.
      const bg = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
      expect(bg).toBe(scheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)');
      // The today marker sits in November between overdue and upcoming rows.
      const marker = page.locator('tr.today');
      await expect.poll(() => marker.count()).toBe(1);
      expect(await marker.innerText()).toContain('2026-11-22');
      mkdirSync(IMAGES, { recursive: true });
      const file = join(IMAGES, `timeline-html-${scheme}.png`);
      await page.screenshot({ path: file, fullPage: false });
      expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
      await context.close();
    });
  }
});
