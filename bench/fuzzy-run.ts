/**
 * The local filter's figures alone: `NODE_ENV=production node --import tsx bench/fuzzy-run.ts`
 * (about a minute: plain fuse.js, the reference, takes seconds a keystroke at 100,000 rows).
 */
import {benchFuzzy} from './fuzzy.js';

const figures = await benchFuzzy();
if (process.argv.includes('--json')) {
	// For bench/run.ts, which runs this in a process of its own.
	process.stdout.write(`${JSON.stringify(figures)}\n`);
} else {
	for (const figure of figures) {
		process.stdout.write(`${figure.name}  ${figure.value} ${figure.unit}${figure.spread ? ` (${figure.spread})` : ''}  goal ${figure.goal}  ${figure.met ? 'met' : 'NOT MET'}\n  ${figure.reference}\n`);
	}
}
