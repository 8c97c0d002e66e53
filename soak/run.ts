/**
 * `npm run soak`: the monkey of soak/monkey.ts, 50,000 keys by default. Prints one line —
 * `keys · crashes · unhandled rejections · unconfirmed mutations · frames taller than the terminal`
 * (then the confirmed mutations, restarts and stalls) — and exits non-zero if any but the first
 * of the five figures is above 0. Details of each problem go to stderr.
 *
 *   npm run soak -- --keys 2000 --seed 7
 *
 * SOAK_TRACE=1 also tells what the monkey meant to type and could not (the screen changed under
 * it), and every frame with a line wider than the terminal.
 */
import process from 'node:process';
import {parseArgs} from 'node:util';
import {formatReport, runSoak, soakFailed, type SoakReport} from './monkey.js';

const {values} = parseArgs({options: {keys: {type: 'string', default: '50000'}, seed: {type: 'string', default: '1'}}});
const keys = Number(values.keys);
const seed = Number(values.seed);
if (!Number.isInteger(keys) || keys < 1 || !Number.isInteger(seed)) {
	process.stderr.write('usage: soak/run.ts [--keys N] [--seed N]\n');
	process.exit(2);
}

if (process.env['NODE_ENV'] !== 'production') {
	// React's dev build makes each frame 3–4× costlier (INK-NOTES §8): say so, then go on.
	process.stderr.write('soak: NODE_ENV is not production; run it through `npm run soak` for the real speed\n');
}

const seconds = (report: SoakReport) => `${(report.durationMs / 1000).toFixed(1)} s`;
const report = await runSoak({
	keys,
	seed,
	...process.env['SOAK_TRACE'] ? {trace: (message: string) => process.stderr.write(`${message}\n`)} : {},
	onProgress(progress) {
		process.stderr.write(`[${seconds(progress)}] ${formatReport(progress)}\n`);
	},
});

for (const problem of report.problems) {
	process.stderr.write([
		'',
		`── ${problem.kind} after key ${problem.key} (replay: --keys ${problem.key + 1} --seed ${seed})`,
		problem.detail,
		`last steps: ${problem.recent.join(' ')}`,
		'screen:',
		problem.frame,
	].join('\n') + '\n');
}

for (const [signature, count] of Object.entries(report.distinct).sort((a, b) => b[1] - a[1])) {
	process.stderr.write(`${String(count).padStart(6)} × ${signature}\n`);
}

process.stderr.write(`keys by context: ${JSON.stringify(report.contexts)} · ${report.confirmations} confirmations on screen\n`);
process.stderr.write(`seed ${seed} · ${seconds(report)} · ${report.requests.toLocaleString('en-US')} requests · ${report.frames.toLocaleString('en-US')} frames drawn · ${report.wideFrames.toLocaleString('en-US')} with a line wider than the terminal\n`);
process.stdout.write(`${formatReport(report)}\n`);
process.exitCode = soakFailed(report) ? 1 : 0;
