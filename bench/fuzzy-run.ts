/**
 * The local filter's figures alone: `NODE_ENV=production node --expose-gc --import tsx bench/fuzzy-run.ts`
 * (`--expose-gc` is optional: with it, each timed pass starts after a collection).
 */
import {benchFuzzy} from './fuzzy.js';

for (const figure of await benchFuzzy()) {
	process.stdout.write(`${figure.name}  ${figure.value} ${figure.unit}${figure.spread ? ` (${figure.spread})` : ''}  goal ${figure.goal}  ${figure.met ? 'met' : 'NOT MET'}\n  ${figure.reference}\n`);
}
