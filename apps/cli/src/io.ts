import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { normalize, sep } from 'node:path';
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

/**
 * Every Markdown file under `root`, in the order `readMarkdownFiles` visits them, without reading one.
 * The directory entries' own types decide file or folder: only a symlink (or an entry whose type the
 * file system does not report) costs a `stat`, which follows the link.
 */
export function listMarkdownFiles(root: string): VaultEntry[] {
  requireDir(root);
  const seen = new Set<string>();
  const out: VaultEntry[] = [];
  // Paths are built by concatenation from a normalized root: `join` and `relative` per file cost
  // as much as listing the folder.
  const walk = (dir: string, rel: string): void => {
    let real: string;
    let entries: Dirent[];
    try {
      real = realpathSync(dir);
      if (seen.has(real)) return;
      seen.add(real);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    // Code-point order, not locale order: the same listing on every machine.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    for (const entry of entries) {
      const name = entry.name;
      const full = prefix + name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (!isDir && !isFile) {
        if (!entry.isSymbolicLink() && !isUnknown(entry)) continue; // a socket, a pipe, a device
        try {
          const st = statSync(full);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // a dangling link, or gone meanwhile
        }
      }
      if (isDir) {
        if (!SKIP_DIRS.has(name)) walk(full, rel + name + '/');
      } else if (isFile && MARKDOWN_RE.test(name)) out.push({ file: rel + name, path: full });
    }
  };
  walk(normalize(root), '');
  return out;
}

const MARKDOWN_RE = /\.(md|markdown)$/i;

/** A directory entry of no known type (some file systems report none): only `stat` can tell. */
function isUnknown(e: Dirent): boolean {
  return !e.isBlockDevice() && !e.isCharacterDevice() && !e.isFIFO() && !e.isSocket();
}

export function readTextFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === 'EISDIR' ? `not a file: ${path}` : `cannot read ${path}${code === 'ENOENT' ? ': no such file' : ''}`);
  }
}
