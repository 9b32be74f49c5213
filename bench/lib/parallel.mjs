// Parallel cold index for hosts with spare cores (CLI, bench): N workers parse, the main thread merges snapshots.
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { ROOT } from './core.mjs';

export function startWorkers(corePath, today, n) {
  return Promise.all(
    Array.from({ length: n }, () => {
      const w = new Worker(join(ROOT, 'bench/lib/index-worker.mjs'), { workerData: { corePath, today } });
      return new Promise((resolve, reject) => {
        w.once('message', () => resolve(w));
        w.once('error', reject);
      });
    }),
  );
}

/** Splits files round-robin so each worker gets a similar mix, then merges the compact records. */
export async function parallelIndex(core, workers, files, today) {
  const shares = workers.map(() => []);
  files.forEach((f, i) => shares[i % workers.length].push(f));
  const snaps = await Promise.all(workers.map((w, i) => new Promise((resolve) => {
    w.once('message', resolve);
    w.postMessage(shares[i]);
  })));
  // Each worker has its own string table: merge shifts the indexes. (Concatenating the records
  // alone, as this did before, restored an empty portfolio.)
  return core.SnapshotPortfolio.fromSnapshot(core.SnapshotPortfolio.merge(snaps), { today });
}
