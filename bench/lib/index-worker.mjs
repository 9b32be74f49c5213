// Worker for the parallel cold index: parses its share of the vault, returns compact records.
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { readInBatches } from './read.mjs';

const { corePath, today } = workerData;
const core = await import(pathToFileURL(corePath).href);
parentPort.on('message', (files) => {
  const p = new core.SnapshotPortfolio({ today });
  readInBatches(files, (f, text) => p.upsert(f.split('/').slice(-2).join('/'), text));
  parentPort.postMessage(p.toSnapshot());
});
parentPort.postMessage('ready');
