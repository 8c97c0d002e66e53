import Fuse from 'fuse.js';
import {FuzzyIndex, plainFuseSearch} from '../source/lib/fuzzy.js';
import {datasetCorpus} from '../bench/fuzzy.js';
import {performance} from 'node:perf_hooks';
const N = Number(process.argv[2] ?? 2000);
const docs = datasetCorpus(N, 7);
let t0 = performance.now();
const index = new FuzzyIndex(docs);
console.log('build', (performance.now() - t0).toFixed(0), 'ms');
// plain with scores
const plain = new Fuse(docs, {threshold: 0.2, ignoreLocation: true, includeMatches: true, includeScore: true, ignoreDiacritics: true, useTokenSearch: true, tokenMatch: 'all', keys: [{name: 'name', weight: 2, getFn: (d: any) => d.fields[0]}, {name: 'other', weight: 1, getFn: (d: any) => d.fields.slice(1)}]});
const queries = ['accidents', 'qualite de l\'air', 'velos', 'insee', 'lyon', 'accidnts', 'budget lyon', 'luftqualitat', 'strasse', 'qualte', 'eaux lyonnaise', 'ville de paris 2021'];
let bad = 0;
for (const q of queries) for (let i = 1; i <= q.length; i++) {
  const p = q.slice(0, i);
  if (!p.trim()) continue;
  const t1 = performance.now();
  const mine = index.search(p);
  const dt = performance.now() - t1;
  const ref = plain.search(p);
  const mineMap = new Map(mine.map(h => [h.index, h.score % 1]));
  let missing = 0, extra = 0, scoreDiff = 0;
  for (const r of ref) { const m = mineMap.get(r.refIndex); if (m === undefined) missing++; else if (Math.abs(m - Math.min(r.score!, 0.999999)) > 1e-9) scoreDiff++; }
  extra = mine.length - (ref.length - missing);
  if (missing || extra || scoreDiff) { bad++; console.log('MISMATCH', JSON.stringify(p), {ref: ref.length, mine: mine.length, missing, extra, scoreDiff}); }
  if (i === q.length) console.log(JSON.stringify(p).padEnd(24), ref.length, 'hits', dt.toFixed(2), 'ms', mine.slice(0, 3).map(h => docs[h.index]!.fields[0] + ' ' + h.score.toFixed(4) + ' ' + JSON.stringify(h.highlights)).join(' | '));
}
console.log('bad', bad);
