import Fuse from 'fuse.js';
import {datasetCorpus} from '../bench/fuzzy.js';
const docs = datasetCorpus(20000);
const extra = [{fields: ['Accidents corporels de la circulation']}, {fields: ['Qualité de l\'air']}, {fields: ['Quebec']}, {fields: ['Vélos en libre-service']}];
const all = [...docs, ...extra];
for (const t of [0.2, 0.25]) {
  const fuse = new Fuse(all, {threshold: t, ignoreLocation: true, includeMatches: true, ignoreDiacritics: true, useTokenSearch: true, tokenMatch: 'all', keys: [{name: 'name', weight: 2, getFn: (d: any) => d.fields[0]}, {name: 'other', weight: 1, getFn: (d: any) => d.fields.slice(1)}]});
  const row: string[] = [];
  for (const q of ['lyon', 'inse', 'velo', 'qual', 'acci', 'budg', 'accidents', 'insee', 'accidnts', 'qualte', 'qualite', 'velos', 'québec', 'lyno', 'accidnets', 'vleos']) {
    const r = fuse.search(q);
    const exact = all.filter(d => d.fields.some(f => f.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').includes(q.normalize('NFD').replace(/\p{M}/gu, '')))).length;
    const findsExtra = extra.some((_, i) => r.some(x => x.refIndex === docs.length + i));
    row.push(`${q}:${r.length}/${exact}${findsExtra ? '*' : ''}`);
  }
  console.log(t, row.join(' '));
}
