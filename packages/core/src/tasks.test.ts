import { describe, expect, it } from 'vitest';
import { parseTaskLine, scanTasks } from './tasks.js';
import { fencedLines, splitLinesKeepEol } from './text.js';

describe('tasks', () => {
  it('reads Baton ids, anchors, due and done dates next to other plugins’ markers', () => {
    const t = parseTaskLine('- [x] Send welcome mail <!-- baton:signing-to-first-use.welcome {contract_start+2bd} --> ⏫ 🔁 every week 📅 2026-04-03 ✅ 2026-04-02 ^blk-1', 4)!;
    expect(t).toMatchObject({
      line: 4,
      done: true,
      closed: true,
      id: 'signing-to-first-use.welcome',
      anchor: 'contract_start+2bd',
      due: '2026-04-03',
      doneDate: '2026-04-02',
      title: 'Send welcome mail',
    });
  });

  it('treats [/] as open and [-] as closed', () => {
    expect(parseTaskLine('- [/] doing', 0)?.closed).toBe(false);
    expect(parseTaskLine('* [-] dropped', 0)?.closed).toBe(true);
  });

  it('ignores impossible due dates and non-tasks', () => {
    expect(parseTaskLine('- [ ] x 📅 2027-02-30', 0)?.due).toBeUndefined();
    expect(parseTaskLine('- [] not a task', 0)).toBeUndefined();
    expect(parseTaskLine('text [ ] nope', 0)).toBeUndefined();
  });

  it('ignores tasks inside code fences', () => {
    const lines = splitLinesKeepEol('- [ ] real\n```md\n- [ ] example\n```\n~~~\n- [ ] also example\n~~~\n1. [ ] numbered\n');
    expect(scanTasks(lines, fencedLines(lines)).map((t) => t.title)).toEqual(['real', 'numbered']);
  });
});
