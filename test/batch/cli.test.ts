/**
 * The built CLI (`npm test` builds dist/ first) in a pipe, as a jq user runs it: no terminal,
 * stdout and stderr separate, the exit code by outcome, a reader that leaves early.
 */
import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSandbox, type Sandbox} from '../../source/sandbox/server.js';

const cliPath = fileURLToPath(new URL('../../bin/udx.js', import.meta.url));
const deadlineMs = 20_000;

// No key, portal or proxy from the developer's shell may change what the CLI does here.
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(?:UDATA_API|UDATA_API_KEY|https?_proxy|all_proxy|no_proxy)$/iu.test(name)));

type Outcome = {code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string};

/**
 * Run the CLI to its end, killed at the deadline. With `leaveAfterFirstChunk`, close our end of
 * its stdout once something arrived, as `| head -1` does.
 */
async function udx(args: readonly string[], options: {leaveAfterFirstChunk?: boolean} = {}): Promise<Outcome> {
	const child = spawn(process.execPath, [cliPath, ...args], {stdio: ['ignore', 'pipe', 'pipe'], env: childEnv});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		stdout += chunk;
		if (options.leaveAfterFirstChunk) {
			child.stdout.destroy();
		}
	});
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	const deadline = setTimeout(() => child.kill('SIGKILL'), deadlineMs);
	try {
		const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
			child.once('error', reject);
			child.once('close', (exitCode, exitSignal) => {
				resolve([exitCode, exitSignal]);
			});
		});
		return {code, signal, stdout, stderr};
	} finally {
		clearTimeout(deadline);
	}
}

describe('udx get and udx list, the built CLI in a pipe', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({port: 0});
	});
	afterAll(async () => {
		await sandbox.close();
	});

	it('list prints --limit parseable JSON lines and exits 0', async () => {
		const result = await udx(['list', 'datasets', '--api', sandbox.apiRoot, '--limit', '30']);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout.endsWith('\n')).toBe(true);
		const lines = result.stdout.slice(0, -1).split('\n');
		expect(lines).toHaveLength(30);
		for (const line of lines) {
			expect(JSON.parse(line)).toHaveProperty('metrics');
		}
	});

	it('get of a missing object exits 1, the message on stderr and nothing on stdout', async () => {
		const result = await udx(['get', 'datasets/no-such-dataset', '--api', sandbox.apiRoot]);
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr).toBe(`udx: no dataset "no-such-dataset" on ${new URL(sandbox.apiRoot).host}\n`);
	});

	it('a usage error exits 2 and contacts no portal', async () => {
		sandbox.clearRequests();
		const result = await udx(['list', 'datasets', '--api', sandbox.apiRoot, '--limt', '3']);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(/^udx: unknown option --limt/u);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('a reader that leaves early (| head -1) ends it quietly with 0', async () => {
		sandbox.clearRequests();
		const result = await udx(['list', 'datasets', '--api', sandbox.apiRoot, '--limit', 'all', '--page-size', '5'], {leaveAfterFirstChunk: true});
		expect(result.stderr).toBe('');
		expect({code: result.code, signal: result.signal}).toEqual({code: 0, signal: null});
		expect(result.stdout).not.toBe('');
		// It stopped: nowhere near the ~950 pages of the whole list.
		expect(sandbox.requests.length).toBeLessThan(20);
	});
});
