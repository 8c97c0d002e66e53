const {FuzzyIndex} = await import(process.env.FZ ?? '../source/lib/fuzzy.js');
import {datasetCorpus} from '../bench/fuzzy.js';
import {performance} from 'node:perf_hooks';
const docs = datasetCorpus(100000);
const index = new FuzzyIndex(docs);
const qs = process.argv[2]!.split(',');
const sums = new Map<string, number[]>();
let last = 0;
(globalThis as any).T = (name: string) => { const now = performance.now(); (sums.get(name) ?? sums.set(name, []).get(name)!).push(now - last); last = now; };
const totals: number[] = [];
const hook = (globalThis as any).T; for (let r = 0; r < 10; r++) for (const q of qs) { (globalThis as any).T = undefined; index.search('zz'); (globalThis as any).T = hook; last = performance.now(); const t0 = last; index.search(q); if (r >= 2) totals.push(performance.now() - t0); }
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!.toFixed(1);
console.log('total med', med(totals), [...sums].map(([k, v]) => `${k} ${med(v.slice(4))}`).join(' '));
