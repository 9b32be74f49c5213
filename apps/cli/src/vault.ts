import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { displayWidth, SnapshotPortfolio, type Locale, type Portfolio, type PortfolioOptions, type PortfolioSnapshot } from '@baton/core';
import { listMarkdownFiles, READ_BATCH, readBatch, type VaultEntry, type VaultFile } from './io.js';

export interface LoadedVault {
  portfolio: Portfolio;
  /** Account notes (valid or not), in path order. */
  accountFiles: string[];
  /** The files whose first 2000 characters match `keep`, with their text; no other text is kept. */
  kept: VaultFile[];
  /** How many of the files a second thread read (0 when one thread read them all). */
  helped: number;
}

interface LoadOptions {
  today: string;
  locale: Locale | undefined;
  /**
   * Work out every note's problems (`check`, and `metrics` for its at-risk reasons). `timeline` and
   * `export` need none: their index skips the headings, the stakeholder table and the checks.
   */
  problems: boolean;
}

/** The Portfolio `loadVault` fills (each thread makes its own). */
function newPortfolio(options: LoadOptions): SnapshotPortfolio {
  const o: PortfolioOptions = { today: options.today, problems: options.problems };
  if (options.locale) o.locale = options.locale;
  return new SnapshotPortfolio(o);
}

/**
 * The second thread: `script` is the bundle to start it from (the CLI's own file, set by its entry
 * point; unset, every vault is read on one thread), `from` the smallest vault worth starting it for.
 * Each thread compiles the parser for itself, and on a 2-core machine the two compete for the cores
 * while they do: below ≈ 10,000 files two threads take as long as one (bench/FINDINGS.md).
 */
export const helper: { script: string | URL | undefined; from: number; stallMs: number } = { script: undefined, from: 20_000, stallMs: 10_000 };

/** What the helper thread is given (`workerData`). */
export interface HelperJob {
  batonIndex: true;
  /** The listed files (`packEntries`): two strings clone far faster than 50k small objects. */
  entries: string;
  options: LoadOptions;
  keep: { source: string; flags: string } | undefined;
  /** [claims, done, progress]: see `claim` and `awaitHelper`. */
  shared: Int32Array;
  port: MessagePort;
}

type HelperReply = { snapshot: PortfolioSnapshot; accountFiles: string[]; kept: VaultFile[] } | { error: string };

/**
 * The two threads take batches of files from either end of the list, so each reads a contiguous run
 * (the records keep path order) and neither waits for the other: `claims` packs how many batches the
 * main thread took from the front (low 16 bits) and the helper from the back (high bits). Returns the
 * batch index taken, or -1 when none is left.
 */
function claim(shared: Int32Array, batches: number, fromBack: boolean): number {
  for (;;) {
    const s = Atomics.load(shared, 0);
    const front = s & 0xffff;
    const back = s >>> 16;
    if (front + back >= batches) return -1;
    if (Atomics.compareExchange(shared, 0, s, fromBack ? s + 0x10000 : s + 1) === s) return fromBack ? batches - 1 - back : front;
  }
}

/** Reads one batch into `p`, noting account notes and the files `keep` wants. */
function indexBatch(p: Portfolio, entries: readonly VaultEntry[], batch: number, keep: RegExp | undefined, accountFiles: string[], kept: VaultFile[]): void {
  readBatch(entries, batch * READ_BATCH, (f) => {
    if (p.upsert(f.file, f.text).kind === 'account') accountFiles.push(f.file);
    if (keep?.test(f.text.slice(0, 2000))) kept.push(f);
  });
}

/**
 * Reads every Markdown file under `dir` into one Portfolio, a batch at a time: only the index stays
 * (under 1 KB per note), so a 50k-note vault fits in memory. Non-account notes are skipped quietly
 * unless `keep` wants their text. On a machine with a second core, a vault of `helper.from` files or
 * more is read by two threads at once (the helper's records are absorbed at the end); the result is
 * the same as one thread's.
 */
export function loadVault(dir: string, options: LoadOptions, keep?: RegExp): LoadedVault {
  const portfolio = newPortfolio(options);
  const accountFiles: string[] = [];
  const kept: VaultFile[] = [];
  const entries = listMarkdownFiles(dir);
  const batches = Math.ceil(entries.length / READ_BATCH);
  const shared = new Int32Array(new SharedArrayBuffer(12));
  const channel = helper.script !== undefined && entries.length >= helper.from && batches < 0x10000 && availableParallelism() > 1 ? new MessageChannel() : undefined;
  let worker: Worker | undefined;
  if (channel) {
    const job: HelperJob = { batonIndex: true, entries: packEntries(entries), options, keep: keep && { source: keep.source, flags: keep.flags }, shared, port: channel.port2 };
    try {
      worker = new Worker(helper.script!, { workerData: job, transferList: [channel.port2] });
      worker.unref();
      // A helper that fails is replaced by reading its share here (below); its error must not end the process later.
      worker.on('error', () => {});
    } catch {
      worker = undefined; // no second thread here: read everything on this one
    }
  }
  for (let b = claim(shared, batches, false); b >= 0; b = claim(shared, batches, false)) indexBatch(portfolio, entries, b, keep, accountFiles, kept);
  const batchesHelped = Atomics.load(shared, 0) >>> 16;
  let helped = 0;
  if (worker && channel && batchesHelped > 0) {
    const reply = awaitHelper(shared, channel.port1);
    if (reply && !('error' in reply)) {
      portfolio.absorb(reply.snapshot);
      // One at a time: spreading a share of 100k+ names into push would overflow the stack.
      for (const f of reply.accountFiles) accountFiles.push(f);
      for (const f of reply.kept) kept.push(f);
      helped = entries.length - (batches - batchesHelped) * READ_BATCH;
    } else {
      // The helper failed or vanished: read its share here, so the result is still whole.
      for (let b = batches - batchesHelped; b < batches; b++) indexBatch(portfolio, entries, b, keep, accountFiles, kept);
    }
  }
  channel?.port1.close();
  void worker?.terminate();
  return { portfolio, accountFiles, kept, helped };
}

/** Files and paths, each list joined by NUL (which no path holds), the two joined by NUL NUL. */
function packEntries(entries: readonly VaultEntry[]): string {
  return entries.map((e) => e.file).join('\0') + '\0\0' + entries.map((e) => e.path).join('\0');
}

function unpackEntries(packed: string): VaultEntry[] {
  const split = packed.indexOf('\0\0');
  if (split === 0) return [];
  const files = packed.slice(0, split).split('\0');
  const paths = packed.slice(split + 2).split('\0');
  return files.map((file, i) => ({ file, path: paths[i]! }));
}

/**
 * Blocks until the helper has replied (it sets `done` when it ends, whatever happened), or until it
 * has made no progress for `helper.stallMs`: one that dies without a word (out of memory, killed)
 * or hangs stops counting its batches, and its share is then read on this thread (the answer is the
 * same; a reply that comes later is never read).
 */
function awaitHelper(shared: Int32Array, port: MessagePort): HelperReply | undefined {
  const step = Math.min(250, helper.stallMs);
  let seen = Atomics.load(shared, 2);
  for (let still = 0; Atomics.load(shared, 1) === 0; ) {
    if (Atomics.wait(shared, 1, 0, step) !== 'timed-out') continue;
    const now = Atomics.load(shared, 2);
    if (now !== seen) {
      seen = now;
      still = 0;
    } else if ((still += step) >= helper.stallMs) return undefined;
  }
  return receiveMessageOnPort(port)?.message as HelperReply | undefined;
}

/** The helper thread's side of `loadVault`: index batches from the back until none is left, then reply. */
export function runHelper(job: HelperJob): void {
  const done = (): void => {
    Atomics.store(job.shared, 1, 1);
    Atomics.notify(job.shared, 1);
  };
  process.once('exit', done);
  let reply: HelperReply;
  try {
    const { options, shared } = job;
    const entries = unpackEntries(job.entries);
    const p = newPortfolio(options);
    const accountFiles: string[] = [];
    const kept: VaultFile[] = [];
    const keep = job.keep && new RegExp(job.keep.source, job.keep.flags);
    const batches = Math.ceil(entries.length / READ_BATCH);
    // Batches come from the back, last first: put everything back into path order before replying.
    const order = new Map<string, number>();
    for (let b = claim(shared, batches, true); b >= 0; b = claim(shared, batches, true)) {
      for (let i = b * READ_BATCH; i < Math.min(entries.length, (b + 1) * READ_BATCH); i++) order.set(entries[i]!.file, i);
      indexBatch(p, entries, b, keep, accountFiles, kept);
      Atomics.add(shared, 2, 1);
    }
    const snapshot = p.toTransfer();
    const at = (file: string) => order.get(file)!;
    snapshot.records.sort((x, y) => at(x[0]) - at(y[0]));
    accountFiles.sort((x, y) => at(x) - at(y));
    kept.sort((x, y) => at(x.file) - at(y.file));
    reply = { snapshot, accountFiles, kept };
  } catch (e) {
    reply = { error: String(e) };
  }
  job.port.postMessage(reply);
  job.port.close();
  done();
}

/**
 * The language for labels that belong to no one note (month headers, statuses, a calendar's
 * descriptions) when none was asked for: the language most account notes are written in (English
 * on a tie or an empty vault), so a Japanese team's calendar is not labelled in English.
 */
export function vaultLocale(portfolio: Portfolio): Locale {
  let ja = 0;
  const accounts = portfolio.accounts();
  for (const a of accounts) if (a.locale === 'ja') ja++;
  return ja > accounts.length - ja ? 'ja' : 'en';
}

/** Terminal cells a string takes (core's `displayWidth`: wide characters count two). */
export const cellWidth = displayWidth;

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - cellWidth(s)));
}
