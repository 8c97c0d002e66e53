import {FuzzyIndex} from '../source/lib/fuzzy.js';
import {datasetCorpus, keystrokes} from '../bench/fuzzy.js';
import {performance} from 'node:perf_hooks';
const N = Number(process.argv[2] ?? 100000);
const docs = datasetCorpus(N);
const index = new FuzzyIndex(docs);
const typed = process.argv[3] ? process.argv[3].split(',') : keystrokes();
for (const q of typed) index.search(q);
let last = 0; let parts: string[] = [];
(globalThis as any).T = (name: string, extra?: number) => { const now = performance.now(); parts.push(`${name} ${(now - last).toFixed(1)}${extra !== undefined ? `(${extra})` : ''}`); last = now; };
for (const q of typed) { parts = []; const t0 = performance.now(); last = t0; const r = index.search(q); const dt = performance.now() - t0; if (dt > 20) console.log(JSON.stringify(q).padEnd(20), dt.toFixed(1).padStart(6), r.length, parts.join(' ')); }
