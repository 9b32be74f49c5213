// Proves the purity rule bites: lint a throwaway file that imports host and Node
// modules with core's own config, and fail unless every import is reported.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const config = join(here, '..', '.oxlintrc.json');
const dir = mkdtempSync(join(tmpdir(), 'baton-lint-'));
const forbidden = ['node:fs', 'fs', 'path', 'obsidian', 'vscode', 'electron'];
try {
  const file = join(dir, 'leak.ts');
  writeFileSync(
    file,
    forbidden.map((m, i) => `import type * as m${i} from '${m}';\nexport type T${i} = typeof m${i};\n`).join(''),
  );
  const bin = join(here, '..', 'node_modules', '.bin', 'oxlint');
  const r = spawnSync(bin, ['-c', config, dir], { encoding: 'utf8' });
  const out = `${r.stdout}${r.stderr}`;
  const missed = forbidden.filter((m) => !out.includes(`'${m}'`));
  if (r.status === 0 || missed.length > 0) {
    console.error(`purity lint rule did not fire (exit ${r.status}); missed: ${missed.join(', ')}\n${out}`);
    process.exit(1);
  }
  console.log(`purity lint rule fires on ${forbidden.length} forbidden imports`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
