/**
 * End to end: the built `udx` in a real pseudo-terminal (tmux) against `udx sandbox` in its own
 * process — keys in, screen text out, as a person uses it.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSandboxProcess, cliPath, repoRoot, type SandboxProcess} from '../helpers/sandbox-process.js';
import {startTerminal, type Terminal} from '../helpers/terminal.js';

let sandbox: SandboxProcess;

beforeAll(async () => {
	sandbox = await startSandboxProcess(['--seed', '5']);
});

afterAll(async () => {
	await sandbox?.stop();
});

async function udx(args: string[], env: Record<string, string | undefined> = {}, size = {columns: 100, rows: 30}): Promise<Terminal> {
	return startTerminal({command: [process.execPath, cliPath, ...args], cwd: repoRoot, env: {UDATA_API_KEY: undefined, UDATA_API: undefined, ...env}, ...size, recordOutput: true});
}

describe('browsing a portal', () => {
	it('organizations → scroll → an org\'s metrics → its datasets → back → quit, terminal restored', async () => {
		const terminal = await udx(['organizations', '--api', sandbox.apiRoot]);
		try {
			await terminal.waitFor(/\d+ of [\d,]+ loaded/u);
			expect(await terminal.alternateScreen()).toBe(true);
			const screen = await terminal.screen();
			expect(screen).toContain('anonymous · read-only');
			expect(screen).toMatch(/127\.0\.0\.1:\d+ › Organizations/u);
			await terminal.press('j', 'j', 'j', 'PageDown', 'k');
			await terminal.press('Enter');
			// Loaded: the full object, not only the list row it started from.
			const pane = await terminal.waitFor(frame => frame.includes('Metrics') && frame.includes('organization · '));
			expect(pane).toMatch(/Datasets\s+[\d,]+/u);
			expect(pane).toMatch(/Followers\s+[\d,]+/u);
			// The pane opened on the list row, whose first entry is "Datasets"; the full object adds a
			// description above it, and the selection stays on "Datasets".
			await terminal.waitFor(frame => frame.split('\n').some(line => line.startsWith('▸ Datasets')));
			await terminal.press('Enter');
			await terminal.waitFor(frame => / › Datasets/u.test(frame) && frame.includes('TITLE'));
			await terminal.press('Escape');
			await terminal.waitFor('Metrics');
			await terminal.press('Escape');
			await terminal.waitFor(frame => frame.includes('NAME') && frame.includes('ACRONYM'));
			await terminal.press('q');
			expect(await terminal.waitForExit()).toBe(0);
			expect(await terminal.alternateScreen()).toBe(false);
			const raw = await terminal.rawOutput();
			expect(raw).toContain('\u001B[?1049h');
			expect(raw).toContain('\u001B[?1049l');
		} finally {
			await terminal.close();
		}
	});

	it('opens the home menu with a key, logged in, and quits with Ctrl+C', async () => {
		const terminal = await udx(['--api', sandbox.apiRoot], {UDATA_API_KEY: sandbox.keys.sysadmin});
		try {
			await terminal.waitFor(frame => frame.includes('Organizations') && frame.includes('sysadmin') && frame.includes('Me ('));
			await terminal.press('C-c');
			expect(await terminal.waitForExit()).toBe(0);
			expect(await terminal.alternateScreen()).toBe(false);
		} finally {
			await terminal.close();
		}
	});

	it('restores the terminal on SIGTERM', async () => {
		const terminal = await udx(['reuses', '--api', sandbox.apiRoot]);
		try {
			await terminal.waitFor(/\d+ of [\d,]+ loaded/u);
			expect(await terminal.alternateScreen()).toBe(true);
			await terminal.signal('SIGTERM');
			expect(await terminal.waitForExit()).toBe(143);
			expect(await terminal.alternateScreen()).toBe(false);
		} finally {
			await terminal.close();
		}
	});

	it('a refused key says why and goes on anonymously', async () => {
		const terminal = await udx(['organizations', '--api', sandbox.apiRoot], {UDATA_API_KEY: 'udata_wrong_key'});
		try {
			await terminal.waitFor('your API key was refused: Invalid API token');
			// The flash keeps the reason on the status line; the rows come, asked for anonymously.
			const rowsOf = (frame: string) => frame.split('\n').filter(line => /\d+\s+\d+\s+\d+\s+[\d,]+$/u.test(line)).length;
			await terminal.waitFor(frame => frame.includes('anonymous · read-only (key refused)') && rowsOf(frame) > 5);
			const requests = await sandbox.requests();
			expect(requests.some(request => request.apiKey === 'udata_wrong_key')).toBe(true);
			await terminal.press('q');
			expect(await terminal.waitForExit()).toBe(0);
		} finally {
			await terminal.close();
		}
	});

	it('works at 80×24 and never draws past the bottom', async () => {
		const terminal = await udx(['datasets', '--api', sandbox.apiRoot], {}, {columns: 80, rows: 24});
		try {
			const screen = await terminal.waitFor(/\d+ of [\d,]+ loaded/u);
			const lines = screen.split('\n');
			expect(lines[0]).toContain('udx ·');
			expect(lines.at(-1)).toBe('');
			await terminal.resize(120, 40);
			await terminal.waitFor(frame => frame.split('\n')[0]!.length > 80);
			await terminal.press('q');
			expect(await terminal.waitForExit()).toBe(0);
		} finally {
			await terminal.close();
		}
	});
});

describe('what the keyboard may send', () => {
	it('a pasted colour code, a terminal\'s reply and stray escapes do not crash it, and keys still work', async () => {
		const terminal = await udx(['organizations', '--api', sandbox.apiRoot]);
		try {
			await terminal.waitFor(/\d+ of [\d,]+ loaded/u);
			// Ink 6.8's key parser throws on these unfiltered (found by the soak).
			await terminal.type('\u001B[0m\u001B[5m\u001B[31;1m\u001B[99;5~\u001B]11;rgb:0000/0000/0000\u0007\u001B[12;40R');
			await terminal.press('j', 'Enter');
			await terminal.waitFor('organization · ');
			expect(await terminal.exited()).toMatchObject({exited: false});
		} finally {
			await terminal.close();
		}
	});
});

describe('Esc and the next key in one read', () => {
	it('are two keys: Esc closes the filter box, then ? opens the help', async () => {
		const terminal = await udx(['organizations', '--api', sandbox.apiRoot]);
		try {
			await terminal.waitFor(/\d+ of [\d,]+ loaded/u);
			await terminal.press('/');
			await terminal.type('mus');
			await terminal.waitFor('local · ');
			// As a fast typist or an SSH link delivers them: one read.
			await terminal.type('\u001B?');
			const help = await terminal.waitFor('Keys — Esc or ? to close');
			expect(help).not.toContain('mus?');
		} finally {
			await terminal.close();
		}
	});
});

describe('keys typed faster than a read', () => {
	it('on the home menu, j and Enter in one read open the second list', async () => {
		const terminal = await udx(['--api', sandbox.apiRoot]);
		try {
			await terminal.waitFor('Browse');
			await terminal.type('j\r');
			await terminal.waitFor(frame => / › Datasets/u.test(frame) && frame.includes('TITLE'));
		} finally {
			await terminal.close();
		}
	});
});

describe('the command line', () => {
	it('refuses to run without a terminal, in one line, exit 2', async () => {
		const {spawnSync} = await import('node:child_process');
		const result = spawnSync(process.execPath, [cliPath, '--api', sandbox.apiRoot], {input: '', encoding: 'utf8'});
		expect(result.status).toBe(2);
		expect(result.stderr.trim().split('\n')).toHaveLength(1);
		expect(result.stderr).toContain('needs a terminal');
	});

	it('prints its version and help', async () => {
		const {spawnSync} = await import('node:child_process');
		expect(spawnSync(process.execPath, [cliPath, '--version'], {encoding: 'utf8'}).stdout).toMatch(/^udx \d+\.\d+\.\d+/u);
		expect(spawnSync(process.execPath, [cliPath, '--help'], {encoding: 'utf8'}).stdout).toContain('UDATA_API_KEY');
		const bad = spawnSync(process.execPath, [cliPath, '--apy', 'x'], {encoding: 'utf8'});
		expect(bad.status).toBe(2);
		expect(bad.stderr).toContain('unknown option --apy');
	});
});
