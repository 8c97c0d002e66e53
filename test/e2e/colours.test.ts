/**
 * NO_COLOR and --no-color: the frames the built CLI writes in a real terminal carry no colour
 * codes at all (chalk alone ignores NO_COLOR), while bold and inverse may stay. The same journey
 * without them does carry colours, so the check cannot pass by accident.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {cliPath, repoRoot, startSandboxProcess, type SandboxProcess} from '../helpers/sandbox-process.js';
import {startTerminal} from '../helpers/terminal.js';

let sandbox: SandboxProcess;

beforeAll(async () => {
	sandbox = await startSandboxProcess(['--seed', '9']);
});

afterAll(async () => {
	await sandbox?.stop();
});

/** SGR parameters that set a colour: 30–39, 40–49, 90–97, 100–107, and 38;…/48;… forms. */
function colourCodes(raw: string): string[] {
	const found: string[] = [];
	for (const match of raw.matchAll(/\u001B\[([\d;:]*)m/gu)) {
		const parameters = match[1]!.split(/[;:]/u).map(Number);
		if (parameters.some(value => (value >= 30 && value <= 49) || (value >= 90 && value <= 97) || (value >= 100 && value <= 107))) {
			found.push(match[0]);
		}
	}

	return found;
}

/** Browse what has colours when colours are on: badges, the delete modal's portal badge, help, errors. */
async function journey(args: string[], env: Record<string, string | undefined>): Promise<string> {
	const terminal = await startTerminal({
		command: [process.execPath, cliPath, 'datasets', '--api', sandbox.apiRoot, ...args],
		cwd: repoRoot,
		env: {UDATA_API_KEY: sandbox.keys.sysadmin, UDATA_API: undefined, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env},
		columns: 80,
		rows: 24,
		recordOutput: true,
	});
	try {
		await terminal.waitFor(/\d+ of [\d,]+ loaded/u);
		await terminal.press('j', 'Enter');
		await terminal.waitFor('dataset · ');
		await terminal.press('D');
		await terminal.waitFor('SANDBOX');
		await terminal.press('Escape');
		await terminal.press('?');
		await terminal.waitFor(frame => frame.includes('copy id') && frame.includes('delete'));
		await terminal.press('Escape');
		await terminal.press('q');
		await terminal.waitForExit();
		return await terminal.rawOutput();
	} finally {
		await terminal.close();
	}
}

describe('colours', () => {
	it('are there by default (the control)', async () => {
		expect(colourCodes(await journey([], {})).length).toBeGreaterThan(0);
	});

	it('are gone with NO_COLOR set', async () => {
		const raw = await journey([], {NO_COLOR: '1'});
		expect(colourCodes(raw)).toEqual([]);
		// Still a styled app: the selection is drawn in inverse.
		expect(raw).toContain('\u001B[7m');
	});

	it('are gone with --no-color', async () => {
		expect(colourCodes(await journey(['--no-color'], {}))).toEqual([]);
	});
});
