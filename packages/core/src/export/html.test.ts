import { describe, expect, it } from 'vitest';
import { escapeHtml, toHtml } from './html.js';
import { buildTimelineView, type TimelineEvent } from '../timeline.js';

const ev = (over: Partial<TimelineEvent> = {}): TimelineEvent => ({
  id: 'a#renewal',
  date: '2026-12-01',
  kind: 'renewal',
  account: 'Acme',
  file: 'Acme.md',
  line: 6,
  owner: 'Priya',
  stage: 'adoption',
  status: 'upcoming',
  title: 'Renewal',
  ...over,
});

describe('escapeHtml', () => {
  it('escapes the five significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('toHtml', () => {
  it('escapes every user-provided string', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const view = buildTimelineView([ev({ account: evil, title: `"><script>alert(2)</script>`, owner: evil, file: `${evil}.md` })], { today: '2026-11-22' });
    const html = toHtml(view, { title: '</title><script>x</script>', generatedOn: '<b>' });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;/title&gt;');
  });
  it('is self-contained: inline style, no script, no external URL, light and dark', () => {
    const html = toHtml(buildTimelineView([ev()], { today: '2026-11-22' }));
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
    expect(html).not.toMatch(/https?:/);
    expect(html).toContain('prefers-color-scheme:dark');
    expect(html).toContain("default-src 'none'");
  });
  it('places the today marker before the first event on or after today', () => {
    const view = buildTimelineView(
      [ev({ id: '1', date: '2026-11-10', status: 'overdue', title: 'Before' }), ev({ id: '2', date: '2026-11-25', title: 'After' })],
      { today: '2026-11-22' },
    );
    const html = toHtml(view);
    const marker = html.indexOf('class="today"');
    expect(marker).toBeGreaterThan(html.indexOf('Before'));
    expect(marker).toBeLessThan(html.indexOf('After'));
  });
  it('uses Japanese labels and lang for a Japanese view, and says when nothing matches', () => {
    const html = toHtml(buildTimelineView([], { today: '2026-11-22', locale: 'ja' }), { generatedOn: '2026-11-22' });
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('更新タイムライン');
    expect(html).toContain('2026年11月');
    expect(html).toContain('条件に合うイベントはありません');
  });
});
