import {datasetCorpus} from '../bench/fuzzy.js';
import {performance} from 'node:perf_hooks';
const {FuzzyIndex} = await import(process.env.FZ ?? '../source/lib/fuzzy.js');
const docs = datasetCorpus(100000);
const index = new FuzzyIndex(docs);
const seq = process.argv[2]!.split(',');
let last = 0; let parts: string[] = [];
for (let r = 0; r < 4; r++) for (const q of seq) {
  (globalThis as any).T = r < 3 ? undefined : (name: string, extra?: number) => { const now = performance.now(); parts.push(`${name} ${(now - last).toFixed(1)}${extra !== undefined ? `(${extra})` : ''}`); last = now; };
  parts = []; const t0 = performance.now(); last = t0; const res = index.search(q); const dt = performance.now() - t0;
  if (r === 3) console.log(JSON.stringify(q).padEnd(18), dt.toFixed(1), res.length, parts.join(' '));
}
