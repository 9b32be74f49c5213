// Child process (node --expose-gc): heap retained per indexed note, texts dropped.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const [corePath, listPath, today] = process.argv.slice(2);
const core = await import(pathToFileURL(corePath).href);
const files = JSON.parse(readFileSync(listPath, 'utf8'));
const settle = async () => {
  // Buffers behind readFileSync are released on a background thread: let that finish.
  for (let i = 0; i < 4; i++) {
    globalThis.gc();
    await new Promise((r) => setTimeout(r, 50));
  }
  // Typed arrays above 64 bytes keep their storage outside the JS heap: count it too.
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
// Warm up the code paths (lazy tables, regexes) so their one-time memory is not charged to notes.
const warm = new core.Portfolio({ today });
for (const f of files.slice(0, 50)) warm.upsert(f, readFileSync(f, 'utf8'));
warm.timeline();
const before = await settle();
const p = new core.Portfolio({ today });
for (const f of files) p.upsert(f.split('/').slice(-2).join('/'), readFileSync(f, 'utf8'));
const index = await settle();
p.timeline();
const withTimeline = await settle();
const n = p.size;
process.stdout.write(JSON.stringify({ n, indexBytes: (index - before) / n, timelineBytes: (withTimeline - before) / n, keep: p.size + warm.size }));
