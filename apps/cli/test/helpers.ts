import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO = join(CLI_DIR, '..', '..');
export const BUNDLE = join(CLI_DIR, 'dist', 'baton.js');
export const VAULT = join(REPO, 'examples', 'vault');
export const TODAY = '2026-11-22';
export const ZONES = ['Asia/Tokyo', 'America/Los_Angeles'] as const;

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built bundle exactly as a user would, with a clean colour environment. */
export function baton(args: readonly string[], options: { tz?: string; env?: Record<string, string>; cwd?: string } = {}): RunResult {
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', TZ: options.tz ?? 'Asia/Tokyo', ...options.env };
  const r = spawnSync(process.execPath, [BUNDLE, ...args], { encoding: 'utf8', env, cwd: options.cwd ?? REPO, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Runs in both test time zones and insists on identical results. */
export function batonEverywhere(args: readonly string[], options: { env?: Record<string, string>; cwd?: string } = {}): RunResult {
  const [a, b] = ZONES.map((tz) => baton(args, { ...options, tz }));
  if (a!.stdout !== b!.stdout || a!.code !== b!.code || a!.stderr !== b!.stderr) {
    throw new Error(`output differs between ${ZONES[0]} and ${ZONES[1]} for baton ${args.join(' ')}`);
  }
  return a!;
}

export function tempDir(prefix = 'baton-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A private copy of the example vault, so tests may edit notes. */
export function vaultCopy(): string {
  const dir = tempDir('baton-vault-');
  cpSync(VAULT, dir, { recursive: true });
  return dir;
}

/** A user error must be one line on stderr, never a stack trace. */
export function oneLineError(r: RunResult): string {
  const lines = r.stderr.trimEnd().split('\n');
  if (lines.length !== 1 || /\n\s+at /.test(r.stderr) || !lines[0]!.startsWith('baton: ')) throw new Error(`not a one-line error: ${JSON.stringify(r.stderr)}`);
  return lines[0]!;
}
