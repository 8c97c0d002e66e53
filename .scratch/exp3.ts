import Fuse from 'fuse.js';
import {performance} from 'node:perf_hooks';
const N = 100000;
const docs = Array.from({length: N}, (_, i) => ({name: 'a\0', other: ['a\0', 'xyz']}));
const opts: any = {keys: [{name: 'name', weight: 2}, {name: 'other', weight: 1}], threshold: 0.25, ignoreLocation: true, includeMatches: true, includeScore: true, shouldSort: false, isCaseSensitive: true, useTokenSearch: true, tokenMatch: 'all'};
const fuse: any = new Fuse(docs, opts);
const orig = fuse._getSearcher.bind(fuse);
fuse._getSearcher = (q: string) => { const s = orig(q); const memo = new Map(); return {searchIn(t: string) { let r = memo.get(t); if (!r) { r = s.searchIn(t); memo.set(t, r); } return r; }}; };
for (let rep = 0; rep < 5; rep++) {
  const t0 = performance.now();
  const r = fuse.search('a');
  console.log((performance.now() - t0).toFixed(1), 'ms', r.length);
}
opts.includeMatches = false;
const fuse2: any = new Fuse(docs, opts);
for (let rep = 0; rep < 3; rep++) {
  const t0 = performance.now();
  const r = fuse2.search('a');
  console.log('nomatch', (performance.now() - t0).toFixed(1), 'ms', r.length);
}
