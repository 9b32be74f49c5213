/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { cpSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baton, tempDir, TODAY, VAULT } from './helpers.js';

// Mermaid's own parser is lenient with gantt charts; rendering to SVG in a real browser is the
// check that the chart would draw in Obsidian, GitHub or the VS Code preview.
const MERMAID = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');

describe('Mermaid gantt export renders in headless Chromium', () => {
  let browser: Browser;
  let vault: string;

  beforeAll(async () => {
    vault = tempDir('baton-mermaid-');
    cpSync(VAULT, vault, { recursive: true });
    // Hostile names: gantt keywords, colons, hashes, semicolons and a newline attempt.
    writeFileSync(
      join(vault, 'Accounts', 'Injected.md'),
      `---\nbaton: account\naccount: "section Evil: crit, 2020-01-01 #x; title Pwned"\nstage: onboarding\ncontract_start: 2026-10-01\nterm_months: 12\n---\n\n## Checklists\n- [ ] dateFormat YYYY : click x call alert(1) <!-- baton:x.y {contract_start+60d} --> 📅 2026-11-30\n`,
    );
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function render(chart: string): Promise<{ ok: boolean; error?: string; tasks: number; texts: string[]; dialogs: number }> {
    const page = await browser.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
    await page.addScriptTag({ path: MERMAID });
    const result = await page.evaluate(async (text) => {
      const m = (window as unknown as { mermaid: { initialize(o: object): void; render(id: string, t: string): Promise<{ svg: string }> } }).mermaid;
      m.initialize({ startOnLoad: false, securityLevel: 'strict' });
      try {
        const { svg } = await m.render('gantt', text);
        const out = document.getElementById('out')!;
        out.innerHTML = svg;
        return { ok: true, tasks: out.querySelectorAll('.task, .milestone').length, texts: [...out.querySelectorAll('text')].map((t) => t.textContent ?? '') };
      } catch (e) {
        return { ok: false, error: String(e), tasks: 0, texts: [] };
      }
    }, chart);
    await page.close();
    return { ...result, dialogs };
  }

  it('draws the portfolio chart with every account section and milestone', async () => {
    const r = baton(['export', 'mermaid', vault, '--today', TODAY, '--from', '2026-11-01', '--to', '2027-03-31']);
    expect(r.code).toBe(0);
    const milestones = r.stdout.split('\n').filter((l) => l.includes(':milestone')).length;
    const out = await render(r.stdout);
    expect(out.error).toBeUndefined();
    expect(out.ok).toBe(true);
    expect(out.tasks).toBe(milestones);
    expect(out.texts.join(' ')).toContain('Quarry Lane Manufacturing');
    expect(out.texts.join(' ')).toContain('月見精機株式会社');
    expect(out.dialogs).toBe(0);
  });

  it('draws one account’s chart, titled with its name', async () => {
    const r = baton(['export', 'mermaid', vault, '--today', TODAY, '--account', '月見精機株式会社']);
    expect(r.code).toBe(0);
    const out = await render(r.stdout);
    expect(out.ok).toBe(true);
    expect(out.tasks).toBeGreaterThan(5);
    expect(out.texts).toContain('月見精機株式会社');
  });

  it('keeps a hostile account to its own section: no extra title, no click handler, chart still draws', async () => {
    const r = baton(['export', 'mermaid', vault, '--today', TODAY, '--account', 'section Evil: crit, 2020-01-01 #x; title Pwned']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => /^\s*title /.test(l))).toHaveLength(1);
    expect(r.stdout).not.toMatch(/^\s*click /m);
    const out = await render(r.stdout);
    expect(out.ok).toBe(true);
    expect(out.tasks).toBeGreaterThan(0);
    expect(out.dialogs).toBe(0);
  });

  it('the harness notices a chart Mermaid cannot draw', async () => {
    const out = await render('gantt\n    dateFormat YYYY-MM-DD\n    section A\n    Broken :milestone, not-a-date, 0d\n');
    expect(out.ok && out.tasks > 0).toBe(false);
  });
});
