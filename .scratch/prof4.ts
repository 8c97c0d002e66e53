import {FuzzyIndex} from './fuzzy.mjs';
import {datasetCorpus} from '../bench/fuzzy.js';
const docs = datasetCorpus(100000);
const index = new FuzzyIndex(docs);
const seq = process.argv[2]!.split(',');
for (let r = 0; r < 12; r++) for (const q of seq) index.search(q);
