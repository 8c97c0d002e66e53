import {existsSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {pollUntil} from './poll.js';
import {startTerminal} from './terminal.js';
import type {Terminal, TerminalOptions} from './terminal.js';

/** Echoes every byte it reads in raw mode, cumulatively, so coalesced reads do not matter. */
const keyEcho = `
process.stdin.setRawMode(true);
let all = '';
process.stdout.write('ready\\n');
process.stdin.on('data', (chunk) => {
	all += chunk.toString('utf8');
	// JSON leaves DEL (what BSpace sends) raw, and the terminal would swallow it.
	process.stdout.write('\\x1b[2J\\x1b[Hkeys=' + JSON.stringify(all).replaceAll('\\x7f', '\\\\u007f') + '\\n');
	if (all.endsWith('\\x03')) process.exit(0);
});
`;

/** Prints the terminal size at start and on every SIGWINCH. */
const sizeReporter = `
const report = () => process.stdout.write('size ' + process.stdout.columns + 'x' + process.stdout.rows + '\\n');
report();
process.stdout.on('resize', report);
process.stdin.setRawMode(true);
process.stdin.on('data', () => process.exit(0));
`;

/** Enters the alternate screen, leaves it on the first key, exits on the second. */
const alternate = `
process.stdout.write('main screen text\\n');
process.stdin.setRawMode(true);
let keys = 0;
process.stdin.on('data', () => {
	keys += 1;
	if (keys === 1) process.stdout.write('\\x1b[?1049h\\x1b[Hin the alternate screen\\n');
	if (keys === 2) process.stdout.write('\\x1b[?1049lback on the main screen\\n');
	if (keys === 3) process.exit(0);
});
`;

const open: Terminal[] = [];

async function start(options: TerminalOptions): Promise<Terminal> {
	const terminal = await startTerminal(options);
	open.push(terminal);
	return terminal;
}

/** Whether a process runs; a zombie does not (reparented to PID 1, it waits for that to reap it). */
function isAlive(pid: number): boolean {
	try {
		return !/^State:\s*Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
	} catch {
		return false;
	}
}

function node(script: string, ...args: string[]): string[] {
	return [process.execPath, '-e', script, ...args];
}

afterEach(async () => {
	await Promise.all(open.splice(0).map(async (terminal) => terminal.close()));
});

describe('startTerminal', () => {
	it('shows what the program prints, at the default 100x30 size', async () => {
		const terminal = await start({command: node(sizeReporter)});
		const screen = await terminal.waitFor('size 100x30');
		expect(screen.split('\n')).toHaveLength(30);
		expect(screen.split('\n')[0]).toBe('size 100x30');
	});

	it('delivers key names, one send-keys each', async () => {
		const terminal = await start({command: node(keyEcho)});
		await terminal.waitFor('ready');
		await terminal.press('j', 'Enter', 'Escape', 'Up', 'PageDown', 'BSpace', ';', 'C-c');
		await terminal.waitFor(String.raw`keys="j\r\u001b\u001b[A\u001b[6~\u007f;\u0003"`);
		expect(await terminal.waitForExit()).toBe(0);
	});

	it('types literal text as one chunk, leading dash, trailing semicolon and UTF-8 included', async () => {
		const terminal = await start({command: node(keyEcho)});
		await terminal.waitFor('ready');
		await terminal.type('-l Lëtzebuerg; 東京;');
		await terminal.waitFor('keys="-l Lëtzebuerg; 東京;"');
	});

	it('keeps the order of characters typed slowly', async () => {
		const terminal = await start({command: node(keyEcho)});
		await terminal.waitFor('ready');
		await terminal.typeSlowly('luxembourg', 20);
		await terminal.waitFor('keys="luxembourg"');
	});

	it('passes argv through untouched by sh or tmux', async () => {
		const hostile = [`it's`, '$(touch /tmp/pwned)', '`id`', 'a;', 'b\\;', ';', '#{pane_id}', '~', '*', '"q"', '-x', 'two  spaces', ''];
		const terminal = await start({command: node('console.log(JSON.stringify(process.argv.slice(1)))', ...hostile), columns: 200});
		await terminal.waitForExit();
		const screen = await terminal.screen();
		expect(JSON.parse(screen.split('\n')[0] ?? '')).toEqual(hostile);
	});

	it('merges env over process.env, deletes undefined values and always removes CI', async () => {
		const previous = process.env.CI;
		process.env.CI = 'true';
		process.env.UDX_TERMINAL_TEST_KEEP = 'kept';
		process.env.UDX_TERMINAL_TEST_DROP = 'dropped';
		try {
			const terminal = await start({
				command: node(
					`const {CI, UDX_TERMINAL_TEST_KEEP: keep, UDX_TERMINAL_TEST_DROP: drop, UDX_TERMINAL_TEST_NEW: added} = process.env;
					console.log(JSON.stringify({CI: CI ?? null, keep, drop: drop ?? null, added, cwd: process.cwd()}))`,
				),
				env: {UDX_TERMINAL_TEST_DROP: undefined, UDX_TERMINAL_TEST_NEW: 'new', CI: 'true'},
				cwd: tmpdir(),
				columns: 200,
			});
			expect(await terminal.waitForExit()).toBe(0);
			const screen = await terminal.screen();
			expect(JSON.parse(screen.split('\n')[0] ?? '')).toEqual({CI: null, keep: 'kept', drop: null, added: 'new', cwd: tmpdir()});
		} finally {
			if (previous === undefined) {
				delete process.env.CI;
			} else {
				process.env.CI = previous;
			}

			delete process.env.UDX_TERMINAL_TEST_KEEP;
			delete process.env.UDX_TERMINAL_TEST_DROP;
		}
	});

	it('resizes, and the program sees the new size', async () => {
		const terminal = await start({command: node(sizeReporter), columns: 80, rows: 24});
		await terminal.waitFor('size 80x24');
		await terminal.resize(60, 20);
		const screen = await terminal.waitFor('size 60x20');
		expect(screen.split('\n')).toHaveLength(20);
	});

	it('reads the exit code, and keeps the final screen once the program has exited', async () => {
		const terminal = await start({command: node(`console.log('bye'); process.exitCode = 3;`)});
		expect(await terminal.waitForExit()).toBe(3);
		expect(await terminal.exited()).toEqual({exited: true, code: 3, signal: null});
		// remain-on-exit-format is emptied, so tmux's "Pane is dead" line does not overwrite the screen.
		expect((await terminal.screen()).trim()).toBe('bye');
	});

	it('reports a running program as not exited, and a signal as no exit code', async () => {
		const terminal = await start({command: node(`console.log('pid ' + process.pid); setInterval(() => {}, 1000);`)});
		const screen = await terminal.waitFor(/pid \d+/);
		expect(await terminal.exited()).toEqual({exited: false, code: null, signal: null});
		process.kill(Number(/pid (\d+)/.exec(screen)?.[1]), 'SIGTERM');
		expect(await terminal.waitForExit()).toBeNull();
		expect(await terminal.exited()).toEqual({exited: true, code: null, signal: 15});
	});

	it('tells when the pane is in the alternate screen', async () => {
		const terminal = await start({command: node(alternate)});
		await terminal.waitFor('main screen text');
		expect(await terminal.alternateScreen()).toBe(false);
		await terminal.press('x');
		const inside = await terminal.waitFor('in the alternate screen');
		expect(inside).not.toContain('main screen text');
		expect(await terminal.alternateScreen()).toBe(true);
		await terminal.press('x');
		const after = await terminal.waitFor('back on the main screen');
		expect(after).toContain('main screen text');
		expect(await terminal.alternateScreen()).toBe(false);
		await terminal.press('x');
		expect(await terminal.waitForExit()).toBe(0);
	});

	it('records the raw bytes, from the very first one, even for a program that exits at once', async () => {
		const terminal = await start({
			command: node(`process.stdout.write('\\x1b[?1049h\\x1b[31mred\\x1b[0m\\x1b[?1049l')`),
			recordOutput: true,
		});
		expect(await terminal.waitForExit()).toBe(0);
		// The pipe to the file drains asynchronously, so poll for it rather than read once.
		const raw = await pollUntil(terminal.rawOutput, (text) => text.includes('\u001B[?1049l'), {describe: JSON.stringify});
		expect(raw.startsWith('\u001B[?1049h\u001B[31mred\u001B[0m')).toBe(true);
	});

	it('refuses rawOutput without recordOutput', async () => {
		const terminal = await start({command: node(`console.log('x')`)});
		await expect(terminal.rawOutput()).rejects.toThrow(/recordOutput/);
	});

	it('puts the last screen in the waitFor timeout error', async () => {
		const terminal = await start({command: node(keyEcho)});
		await terminal.waitFor('ready');
		const failure = terminal.waitFor('never shown', {timeoutMs: 300});
		await expect(failure).rejects.toThrow(/"never shown" not on screen within 300 ms[\s\S]*--- screen ---\nready\n/);
	});

	it('accepts a predicate and resets a global RegExp between polls', async () => {
		const terminal = await start({command: node(keyEcho)});
		const pattern = /ready/g;
		await terminal.waitFor(pattern);
		await terminal.waitFor(pattern);
		await terminal.waitFor((screen) => screen.startsWith('ready'));
	});

	it('closes idempotently, killing the program and removing its temp directory', async () => {
		// tmux tells the pane where its server's socket is: TMUX=<socket>,<server pid>,<session>.
		const terminal = await startTerminal({
			command: node(`console.log('pid ' + process.pid); console.log('socket ' + process.env.TMUX.split(',')[0]); setInterval(() => {}, 1000);`),
			columns: 200,
		});
		const screen = await terminal.waitFor(/socket \S+/);
		const pid = Number(/pid (\d+)/.exec(screen)?.[1]);
		const socket = /socket (\S+)/.exec(screen)?.[1] ?? '';
		expect(existsSync(socket)).toBe(true);
		await Promise.all([terminal.close(), terminal.close()]);
		await terminal.close();
		await pollUntil(() => isAlive(pid), (alive) => !alive);
		expect(existsSync(dirname(socket))).toBe(false);
		expect(await terminal.exited()).toEqual({exited: true, code: null, signal: null});
		await expect(terminal.screen()).rejects.toThrow(/closed/);
	});

	it('reports a program that cannot start as exit code 127, and refuses an empty command', async () => {
		const terminal = await start({command: ['/nonexistent/udx-no-such-program']});
		// 127 is the shell's "command not found". Its message is not waited for: on a loaded
		// machine tmux may close the pane's output before drawing it (seen once in a full run).
		expect(await terminal.waitForExit()).toBe(127);
		await expect(startTerminal({command: []})).rejects.toThrow(/command is empty/);
	});

	it('gives every terminal its own server', async () => {
		const [first, second] = await Promise.all([start({command: node(keyEcho)}), start({command: node(keyEcho)})]);
		await Promise.all([first.waitFor('ready'), second.waitFor('ready')]);
		await first.type('one');
		await second.type('two');
		await first.waitFor('keys="one"');
		await second.waitFor('keys="two"');
		await first.close();
		await second.type('!');
		await second.waitFor('keys="two!"');
	});
});

describe('pollUntil', () => {
	it('returns the first accepted value', async () => {
		let count = 0;
		expect(await pollUntil(() => ++count, (value) => value >= 3, {intervalMs: 1})).toBe(3);
	});

	it('throws with the described last value on timeout', async () => {
		await expect(pollUntil(() => 41, (value) => value === 42, {timeoutMs: 50, describe: (last) => `saw ${last}`})).rejects.toThrow(
			/within 50 ms; last value:\nsaw 41/,
		);
	});

	it('treats a throwing probe as not yet, and reports its error', async () => {
		await expect(
			pollUntil(
				() => {
					throw new Error('boom');
				},
				() => true,
				{timeoutMs: 50},
			),
		).rejects.toThrow(/boom/);
	});
});
