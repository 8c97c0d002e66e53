/**
 * `udx sandbox` as its own process, as a user runs it: the built CLI, a free port, the keys it
 * prints. End-to-end tests point the app at it and read what it received over /__sandbox/.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {once} from 'node:events';
import {fileURLToPath} from 'node:url';
import {request} from 'undici';
import {pollUntil} from './poll.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const cliPath = fileURLToPath(new URL('../../bin/udx.js', import.meta.url));

export type SandboxProcess = {
	readonly apiRoot: string;
	readonly origin: string;
	readonly keys: {readonly sysadmin: string; readonly orgAdmin: string; readonly editor: string; readonly outsider: string};
	/** The requests the sandbox received, as it records them. */
	requests(): Promise<Array<{method: string; url: string; apiKey?: string; status: number}>>;
	stop(): Promise<void>;
};

export async function startSandboxProcess(args: readonly string[] = []): Promise<SandboxProcess> {
	const child: ChildProcess = spawn(process.execPath, [cliPath, 'sandbox', '--port', '0', ...args], {stdio: ['ignore', 'pipe', 'pipe']});
	let output = '';
	child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
		output += chunk;
	});
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
		output += chunk;
	});
	const read = (label: string) => new RegExp(`^${label}\\s+(\\S+)`, 'mu').exec(output)?.[1];
	await pollUntil(() => output, text => /^outsider\s+\S+/mu.test(text) || child.exitCode !== null, {timeoutMs: 15_000, describe: text => `sandbox said:\n${text}`});
	if (child.exitCode !== null) {
		throw new Error(`udx sandbox exited: ${output}`);
	}

	const apiRoot = read('API root')!;
	const origin = new URL(apiRoot).origin;
	return {
		apiRoot,
		origin,
		keys: {sysadmin: read('sysadmin')!, orgAdmin: read('org admin')!, editor: read('editor')!, outsider: read('outsider')!},
		async requests() {
			const response = await request(`${origin}/__sandbox/requests`);
			return await response.body.json() as Array<{method: string; url: string; apiKey?: string; status: number}>;
		},
		async stop() {
			if (child.exitCode === null) {
				child.kill('SIGTERM');
				await once(child, 'exit');
			}
		},
	};
}
