/**
 * Portals and config end to end: a config naming two portals (two sandboxes, each with its own
 * key in a key file), `--portal` to pick one, `:portal` to switch while running, `udx info`, and a
 * key file readable by others refused with the chmod to run.
 */
import {execFile} from 'node:child_process';
import {chmod, mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {cliPath, repoRoot, startSandboxProcess, type SandboxProcess} from '../helpers/sandbox-process.js';
import {startTerminal} from '../helpers/terminal.js';

const run = promisify(execFile);
let north: SandboxProcess;
let south: SandboxProcess;
let home = '';
let configHome = '';
const keyFile = (name: string) => join(configHome, 'udata-explorer', `${name}.key`);

beforeAll(async () => {
	[north, south] = await Promise.all([startSandboxProcess(['--seed', '31']), startSandboxProcess(['--seed', '32'])]);
	home = await mkdtemp(join(tmpdir(), 'udx-portals-'));
	configHome = join(home, 'config');
	await mkdir(join(configHome, 'udata-explorer'), {recursive: true});
	await writeFile(join(configHome, 'udata-explorer', 'config.json'), JSON.stringify({
		defaultPortal: 'north',
		portals: {
			north: {api: north.apiRoot, keyFile: keyFile('north')},
			south: {api: south.apiRoot, keyFile: keyFile('south'), readOnly: true},
			loose: {api: south.apiRoot, keyFile: keyFile('loose')},
		},
	}, null, 2));
	for (const [name, key] of [['north', north.keys.sysadmin], ['south', south.keys.outsider], ['loose', south.keys.sysadmin]] as const) {
		// eslint-disable-next-line no-await-in-loop
		await writeFile(keyFile(name), `${key}\n`);
		// eslint-disable-next-line no-await-in-loop
		await chmod(keyFile(name), name === 'loose' ? 0o644 : 0o600);
	}
});

afterAll(async () => {
	await Promise.all([north?.stop(), south?.stop()]);
	await rm(home, {recursive: true, force: true});
});

const env = () => ({XDG_CONFIG_HOME: configHome, XDG_STATE_HOME: join(home, 'state'), HOME: home, UDATA_API_KEY: undefined, UDATA_API: undefined});
const host = (sandbox: SandboxProcess) => new URL(sandbox.origin).host;

describe('portals', () => {
	it('starts on the default portal with its key file, and :portal switches to another with a fresh stack', async () => {
		const terminal = await startTerminal({command: [process.execPath, cliPath, 'organizations'], cwd: repoRoot, env: env()});
		try {
			// The sandboxes' sysadmin is Sophie Reuter, their outsider Tom Weber.
			await terminal.waitFor(frame => frame.includes(`${host(north)} › Organizations`) && frame.includes('Sophie Reuter · sysadmin'));
			await terminal.type(':portal south');
			await terminal.press('Enter');
			const switched = await terminal.waitFor(frame => frame.includes(host(south)) && frame.includes('Tom Weber · user'));
			expect(switched).toContain('choose a list');
			expect(switched).not.toContain(host(north));
			await terminal.type(':orgs');
			await terminal.press('Enter');
			// Read-only, as south's config says: no delete offered.
			const list = await terminal.waitFor(/\d+ of [\d,]+ loaded/u);
			expect(list).not.toContain('D delete');
			// An unknown portal is refused with the names there are.
			await terminal.type(':portal nowhere');
			await terminal.press('Enter');
			await terminal.waitFor(frame => frame.includes('nowhere') && frame.includes('north') && frame.includes('south'));
			await terminal.press('Escape');
			// The key a portal came with went only to that portal.
			const northKeys = new Set((await north.requests()).map(request => request.apiKey));
			const southKeys = new Set((await south.requests()).map(request => request.apiKey));
			expect([...northKeys]).toEqual([north.keys.sysadmin]);
			expect([...southKeys]).toEqual([south.keys.outsider]);
		} finally {
			await terminal.close();
		}
	});

	it('--portal picks one, and a key file readable by others is refused with the chmod to run', async () => {
		const listed = await run(process.execPath, [cliPath, 'list', 'organizations', '--portal', 'south', '--limit', '3'], {cwd: repoRoot, env: {...process.env, ...env()}});
		expect(listed.stdout.trim().split('\n')).toHaveLength(3);
		const refused = await run(process.execPath, [cliPath, 'list', 'organizations', '--portal', 'loose', '--limit', '3'], {cwd: repoRoot, env: {...process.env, ...env()}}).catch((error: unknown) => error as {code: number; stdout: string; stderr: string});
		expect(refused).toMatchObject({code: 2, stdout: ''});
		// HOME is the temp folder here, so the path is shown from ~.
		expect((refused as {stderr: string}).stderr).toContain('run chmod 600 ~/config/udata-explorer/loose.key');
		expect((refused as {stderr: string}).stderr).not.toContain(south.keys.sysadmin);
	});

	it('udx info tells the paths, the portal and where its key comes from, never the key', async () => {
		const {stdout} = await run(process.execPath, [cliPath, 'info'], {cwd: repoRoot, env: {...process.env, ...env()}});
		expect(stdout).toContain(join(configHome, 'udata-explorer', 'config.json'));
		expect(stdout).toContain(join(home, 'state', 'udata-explorer', 'audit.log'));
		expect(stdout).toMatch(/portal\s+north/u);
		expect(stdout).toContain(north.apiRoot);
		expect(stdout).toContain('north.key (found)');
		for (const key of [...Object.values(north.keys), ...Object.values(south.keys)]) {
			expect(stdout).not.toContain(key);
		}
	});

	it('a config with a mistake stops with the key it is about', async () => {
		const broken = join(home, 'broken');
		await mkdir(join(broken, 'udata-explorer'), {recursive: true});
		await writeFile(join(broken, 'udata-explorer', 'config.json'), JSON.stringify({portals: {work: {api: north.apiRoot, pageSize: 'lots'}}}));
		const failed = await run(process.execPath, [cliPath, 'get', 'organizations/x', '--portal', 'work'], {cwd: repoRoot, env: {...process.env, ...env(), XDG_CONFIG_HOME: broken}}).catch((error: unknown) => error as {code: number; stderr: string});
		expect(failed).toMatchObject({code: 2, stderr: expect.stringContaining('portals.work.pageSize')});
	});
});
