import {FuzzyIndex} from './fuzzy.mjs';
import {datasetCorpus} from '../bench/fuzzy.js';
import {performance} from 'node:perf_hooks';
const docs = datasetCorpus(100000);
const index = new FuzzyIndex(docs);
let last = 0; let parts: string[] = [];
(globalThis as any).T = (name: string, extra?: number) => { const now = performance.now(); parts.push(`${name} ${(now - last).toFixed(1)}`); last = now; };
for (let r = 0; r < 8; r++) { parts = []; const t0 = performance.now(); last = t0; index.search(process.argv[2] ?? 'a'); console.log((performance.now() - t0).toFixed(1), parts.join(' ')); index.search('zz'); }
