// Measurement helpers: interleaved rounds in one process, medians with spread, ratios to the floor.
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

export const now = () => performance.now();

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs every step once per round, rotating the order so no step always runs first or last. */
export async function interleave(steps, rounds) {
  const times = Object.fromEntries(steps.map((s) => [s.name, []]));
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < steps.length; i++) {
      const s = steps[(i + r) % steps.length];
      globalThis.gc?.();
      const t0 = now();
      await s.run();
      times[s.name].push(now() - t0);
    }
  }
  return times;
}

export function stats(xs) {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length };
}

export function fmtMs(ms) {
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(0)} ms`;
}

export function machineInfo() {
  const c = cpus();
  let load = '';
  try {
    load = execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).split(' ').slice(0, 3).join(' ');
  } catch {
    load = 'n/a';
  }
  return `node ${process.version}, ${c.length} × ${c[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, load average at start ${load}`;
}

/** A Markdown table. */
export function table(rows) {
  const head = ['step', 'median', 'spread (min–max)', '× raw read', 'target', ''];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) lines.push(`| ${[r.step, r.median, r.spread, r.ratio ?? '', r.target ?? '', r.ok === undefined ? '' : r.ok ? '✓' : '✗'].join(' | ')} |`);
  return lines.join('\n');
}
