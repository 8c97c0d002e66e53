import {FuzzyIndex} from '../source/lib/fuzzy.js';
import {datasetCorpus} from '../bench/fuzzy.js';
import {performance} from 'node:perf_hooks';
const N = Number(process.argv[2] ?? 10000);
const qs = (process.argv[3] ?? 'a,i,l').split(',');
const docs = datasetCorpus(N);
const index = new FuzzyIndex(docs);
for (let r = 0; r < 20; r++) for (const q of qs) { index.search(q); index.search('zz' + r); }
const t0 = performance.now();
for (let r = 0; r < 20; r++) for (const q of qs) { index.search(q); index.search('zz' + r); }
console.log('avg', ((performance.now() - t0) / 20 / qs.length).toFixed(1));
