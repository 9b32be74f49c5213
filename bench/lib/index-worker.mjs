// Worker for the parallel cold index: parses its share of the vault, returns compact records.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

const { corePath, today } = workerData;
const core = await import(pathToFileURL(corePath).href);
parentPort.on('message', (files) => {
  const p = new core.SnapshotPortfolio({ today });
  // 64 files read, then indexed, as the main thread's cold index does (`readInBatches`).
  for (let i = 0; i < files.length; i += 64) {
    const part = files.slice(i, i + 64);
    const texts = part.map((f) => readFileSync(f, 'utf8'));
    part.forEach((f, j) => p.upsert(f.split('/').slice(-2).join('/'), texts[j]));
  }
  parentPort.postMessage(p.toSnapshot());
});
parentPort.postMessage('ready');
