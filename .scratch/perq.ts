import {FuzzyIndex} from '../source/lib/fuzzy.js';
import {datasetCorpus, keystrokes} from '../bench/fuzzy.js';
import {performance} from 'node:perf_hooks';
const N = Number(process.argv[2] ?? 10000);
const docs = datasetCorpus(N);
let t0 = performance.now();
const index = new FuzzyIndex(docs);
console.log('build', (performance.now() - t0).toFixed(0));
const typed = keystrokes();
for (const q of typed) index.search(q);
const rows: string[] = [];
for (const q of typed) { t0 = performance.now(); const r = index.search(q); rows.push(`${JSON.stringify(q).padEnd(20)} ${(performance.now() - t0).toFixed(1).padStart(6)} ms ${r.length}`); }
console.log(rows.join('\n'));
