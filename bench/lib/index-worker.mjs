// Worker for the parallel cold index: parses its share of the vault, returns compact records.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

const { corePath, today } = workerData;
const core = await import(pathToFileURL(corePath).href);
parentPort.on('message', (files) => {
  const p = new core.SnapshotPortfolio({ today });
  for (const f of files) p.upsert(f.split('/').slice(-2).join('/'), readFileSync(f, 'utf8'));
  parentPort.postMessage(p.toSnapshot());
});
parentPort.postMessage('ready');
