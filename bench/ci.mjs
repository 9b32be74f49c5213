#!/usr/bin/env node
// Quick bench for CI (1k notes, ~30 s): fails on bundle-size ceilings and on ratio regressions
// beyond generous margins — never on absolute times, which a shared runner cannot hold steady.
import { table } from './lib/harness.mjs';
import { runSuite } from './lib/suite.mjs';

// Regression guards, set with room above the 1k figures (cold ≈ 3.5–5.5× the raw read, warm ≈ 0.5–1.2×,
// index ≈ 1.3 KB/note at 1k, where the shared caches weigh more per note than at 10k's ≈ 0.86 KB). At
// 1k a run takes tens of milliseconds, so its ratios move far more than at 10k: the product targets
// in bench/results.md (10k and 50k) are stricter.
const LIMITS = { cold: 15, warm: 3, memoryBytes: 2048 };
const { rows, checks } = await runSuite({ sizes: [1000], rounds: 5, quick: true, log: () => {} });
console.log(table(rows));
const failures = [];
for (const c of checks) {
  if (c.cold && c.cold.ratio > LIMITS.cold) failures.push(`cold index ${c.cold.ratio.toFixed(2)}× raw read > ${LIMITS.cold}×`);
  if (c.warm && c.warm.ratio > LIMITS.warm) failures.push(`warm re-index ${c.warm.ratio.toFixed(2)}× raw read > ${LIMITS.warm}×`);
  if (c.memory && c.memory.indexBytes > LIMITS.memoryBytes) failures.push(`index retains ${(c.memory.indexBytes / 1024).toFixed(2)} KB/note > ${LIMITS.memoryBytes / 1024} KB`);
  // Every bundle is held to its budget (Obsidian main.js 150 KB, VS Code extension.js 250 KB).
  const ceiling = c.size ? c.size.ceiling : 0;
  if (c.size && c.size.size > ceiling) failures.push(`${c.size.name} is ${(c.size.size / 1024).toFixed(1)} KB > ${ceiling / 1024} KB`);
}
if (failures.length) {
  console.error(`\nbench:ci failed:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('\nbench:ci ok');
