/**
 * Copying as over SSH: the built CLI in a real terminal (tmux, `set-clipboard on`, as a user's
 * terminal would be) copies with OSC 52, and the terminal's clipboard holds the id, the web URL
 * and the API URL. No native clipboard tool is on this PATH, so OSC 52 alone carries it.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {pollUntil} from '../helpers/poll.js';
import {cliPath, repoRoot, startSandboxProcess, type SandboxProcess} from '../helpers/sandbox-process.js';
import {startTerminal} from '../helpers/terminal.js';

let sandbox: SandboxProcess;

beforeAll(async () => {
	sandbox = await startSandboxProcess(['--seed', '17']);
});

afterAll(async () => {
	await sandbox?.stop();
});

describe('copy over OSC 52', () => {
	it('y, Y and c put the id, the web URL and the API URL on the terminal\'s clipboard', async () => {
		const terminal = await startTerminal({
			command: [process.execPath, cliPath, 'datasets', '--api', sandbox.apiRoot],
			cwd: repoRoot,
			// No DISPLAY or WAYLAND_DISPLAY: the native tools are not even looked for.
			env: {UDATA_API_KEY: undefined, UDATA_API: undefined, DISPLAY: undefined, WAYLAND_DISPLAY: undefined},
			clipboard: true,
		});
		const copied = async (previous: string) => pollUntil(async () => terminal.clipboard(), text => text !== '' && text !== previous, {timeoutMs: 10_000});
		try {
			await terminal.waitFor(/\d+ of [\d,]+ loaded/u);
			await terminal.press('j', 'y');
			const flash = await terminal.waitFor(/copied the id: [\da-f]{24} · via terminal \(OSC 52\)/u);
			const id = /copied the id: ([\da-f]{24})/u.exec(flash)![1]!;
			expect(await copied('')).toBe(id);
			await terminal.press('c');
			expect(await copied(id)).toBe(`${sandbox.apiRoot}datasets/${id}/`);
			await terminal.press('Y');
			const webUrl = await copied(`${sandbox.apiRoot}datasets/${id}/`);
			expect(webUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.*datasets\//u);
			await terminal.waitFor('copied the web URL');
		} finally {
			await terminal.close();
		}
	});
});
