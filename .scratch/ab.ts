import {datasetCorpus} from '../bench/fuzzy.js';
import {performance} from 'node:perf_hooks';
const {FuzzyIndex} = await import(process.env.FZ!);
const docs = datasetCorpus(Number(process.env.N ?? 100000));
const index = new FuzzyIndex(docs);
const qs = process.argv[2]!.split(',');
const out: string[] = [];
for (const q of qs) {
  const t: number[] = [];
  for (let r = 0; r < 12; r++) { index.search('zz'); const t0 = performance.now(); index.search(q); t.push(performance.now() - t0); }
  t.sort((a, b) => a - b);
  out.push(`${q}:${t[6]!.toFixed(0)}`);
}
console.log(out.join(' '));
