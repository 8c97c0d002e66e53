import {datasetCorpus, keystrokes} from '../bench/fuzzy.js';
import {performance} from 'node:perf_hooks';
const {FuzzyIndex} = await import(process.env.FZ ?? '../source/lib/fuzzy.js');
const N = Number(process.env.N ?? 100000);
const docs = datasetCorpus(N);
const index = new FuzzyIndex(docs);
const typed = keystrokes();
for (const q of typed) index.search(q);
const per = new Map<string, number[]>();
const all: number[] = [];
for (let r = 0; r < Number(process.env.R ?? 3); r++) {
  const times: number[] = [];
  for (const q of typed) { const t0 = performance.now(); index.search(q); const dt = performance.now() - t0; times.push(dt); (per.get(q) ?? per.set(q, []).get(q)!).push(dt); }
  const s = [...times].sort((a, b) => a - b);
  all.push(s[Math.ceil(0.95 * s.length) - 1]!);
  console.log(`round p95 ${s[Math.ceil(0.95 * s.length) - 1]!.toFixed(1)} median ${s[Math.floor(s.length / 2)]!.toFixed(1)} max ${s.at(-1)!.toFixed(1)}`);
}
const slow = [...per].map(([q, v]) => [q, [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!] as const).sort((a, b) => b[1] - a[1]).slice(0, 12);
console.log(slow.map(([q, t]) => `${JSON.stringify(q)} ${t.toFixed(0)}`).join(' | '));
