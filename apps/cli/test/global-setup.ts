import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { CLI_DIR } from './helpers.js';

/** Every test runs the real bundle, so build it once first. */
export default function setup(): void {
  execFileSync(process.execPath, [join(CLI_DIR, 'esbuild.config.mjs')], { cwd: CLI_DIR, stdio: 'inherit' });
}
