import {datasetCorpus} from '../bench/fuzzy.js';
import {performance} from 'node:perf_hooks';
const docs = datasetCorpus(100000);
const names = docs.map(d => d.fields[0]!.toLowerCase());
const slugs = docs.map(d => d.fields[2] ?? '');
const shared = [[0, 1]] as const;
function run() {
  const t0 = performance.now();
  const hits: Array<{index: number; score: number; highlights: readonly (readonly [number, number])[]}> = [];
  for (let i = 0; i < names.length; i++) {
    const at = names[i]!.indexOf('a');
    const at2 = slugs[i]!.indexOf('a');
    if (at >= 0 || at2 >= 0) hits.push({index: i, score: at, highlights: shared as any});
  }
  const keys = new Float64Array(hits.length);
  for (let i = 0; i < hits.length; i++) keys[i] = hits[i]!.score * 1e6 + i;
  keys.sort();
  const out = new Array(hits.length);
  for (let i = 0; i < hits.length; i++) out[i] = hits[keys[i]! % 1e6]!;
  return performance.now() - t0;
}
const times: number[] = [];
for (let r = 0; r < 10; r++) times.push(run());
console.log(times.map(t => t.toFixed(1)).join(' '));
