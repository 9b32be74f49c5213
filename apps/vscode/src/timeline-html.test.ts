import { buildAccountTimeline, buildTimelineModel, createAccountNote, parseAccountNote } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderTimelineHtml } from './timeline-html.js';

const page = { nonce: 'N0NCE', cspSource: 'vscode-webview://x', scriptUri: 'vscode-webview://x/t.js', styleUri: 'vscode-webview://x/t.css' };

function view(account: string) {
  const note = parseAccountNote(createAccountNote({ account, contractStart: '2026-01-15', termMonths: 12, locale: 'en', csmOwner: 'Tanaka' }));
  return buildTimelineModel(buildAccountTimeline(note, 'Accounts/x.md', { today: '2026-06-01' }), { today: '2026-06-01', locale: 'en', filters: {}, window: undefined });
}

describe('renderTimelineHtml', () => {
  it('escapes note text everywhere', () => {
    const html = renderTimelineHtml(view('<img src=x onerror=alert(1)> & "Co"'), page);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;');
  });

  it('has a strict CSP and only nonce-tagged scripts', () => {
    const html = renderTimelineHtml(view('Acme'), page);
    expect(html).toContain(`default-src 'none'; style-src vscode-webview://x 'nonce-N0NCE'; script-src 'nonce-N0NCE'`);
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toContain('nonce="N0NCE"');
    expect(html).not.toMatch(/\son[a-z]+=/);
  });

  it('draws months, one today marker, and clickable events with their line', () => {
    const html = renderTimelineHtml(view('Acme'), page);
    expect(html.match(/class="today-marker"/g)).toHaveLength(1);
    expect(html).toContain('June 2026');
    expect(html).toMatch(/<li class="event status-done[^"]*"[^>]*data-file="Accounts\/x.md" data-line="\d+"/);
    expect(html).toContain('<option value="Tanaka"');
  });

  it('tags months with the fiscal quarter when the view carries one', () => {
    const note = parseAccountNote(createAccountNote({ account: 'Acme', contractStart: '2026-04-01', termMonths: 12, locale: 'en' }));
    const v = buildTimelineModel(buildAccountTimeline(note, 'Accounts/x.md', { today: '2026-06-01' }), { today: '2026-06-01', locale: 'en', fiscalYearStartMonth: 4, filters: {}, window: undefined });
    const html = renderTimelineHtml(v, page);
    expect(html).toContain('<section class="month fiscal-year-end" data-month="2027-03"><h2>March 2027 <span class="fiscal">FY2026 Q4</span></h2>');
    expect(renderTimelineHtml(view('Acme'), page)).not.toContain('class="fiscal"');
  });

  it('keeps selected filters across re-renders', () => {
    const html = renderTimelineHtml(view('Acme'), { ...page, filters: { owner: 'Tanaka' } });
    expect(html).toContain('<option value="Tanaka" selected>');
  });

  it('escapeHtml covers quotes', () => {
    expect(escapeHtml(`'"<>&`)).toBe('&#39;&quot;&lt;&gt;&amp;');
  });
});
