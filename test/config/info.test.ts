import {chmod, mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {loadConfig, type ConfigLoad} from '../../source/config/config-file.js';
import {formatInfo} from '../../source/config/info.js';
import {loadKey} from '../../source/config/key-file.js';
import {resolveActivePortal, type PortalFlags} from '../../source/config/resolve.js';
import type {Env} from '../../source/config/paths.js';

const key = 'udata_4b1d7e2f9a6c3e8d';

describe('udx info', () => {
	let home: string;
	let load: ConfigLoad;
	const keyPath = () => join(home, '.config', 'udata-explorer', 'lu.key');

	// The way the CLI composes it: load the config, resolve the portal, check its key, format.
	async function info(env: Env, flags: PortalFlags = {}, platform = 'linux'): Promise<string> {
		const resolution = resolveActivePortal(load.status === 'invalid' ? {defaultPortal: undefined, portals: new Map()} : load.config, env, flags);
		const keyCheck = 'error' in resolution ? undefined : await loadKey(resolution.portal.keySource, {env, home, platform});
		return formatInfo({load, resolution, keyCheck, env, home});
	}

	beforeAll(async () => {
		home = await mkdtemp(join(tmpdir(), 'udx-info-'));
		await mkdir(join(home, '.config', 'udata-explorer'), {recursive: true});
		await writeFile(join(home, '.config', 'udata-explorer', 'config.json'), JSON.stringify({
			defaultPortal: 'lu',
			portals: {
				lu: {keyFile: '~/.config/udata-explorer/lu.key', readOnly: true},
				work: {api: 'https://data.example.org/api/1/', keyEnv: 'WORK_UDATA_KEY', pageSize: 50},
			},
		}));
		await writeFile(keyPath(), `${key}\n`);
		await chmod(keyPath(), 0o600);
		load = await loadConfig({env: {}, home});
	});
	afterAll(async () => {
		await rm(home, {recursive: true, force: true});
	});

	it('lists the paths, the active portal, its key source and the known portals, aligned', async () => {
		expect(await info({})).toBe([
			`config      ${home}/.config/udata-explorer/config.json (read)`,
			`state       ${home}/.local/state/udata-explorer`,
			`audit log   ${home}/.local/state/udata-explorer/audit.log`,
			'portal      lu (defaultPortal in the config)',
			'api         https://data.public.lu/api/1/',
			'production  yes',
			'read-only   yes',
			'page size   the portal\'s default',
			'key         the key file ~/.config/udata-explorer/lu.key (found)',
			'portals     * lu    https://data.public.lu/api/1/     production, read-only, key from the key file ~/.config/udata-explorer/lu.key, built-in, changed by the config',
			'              fr    https://www.data.gouv.fr/api/1/   production, built-in',
			'              demo  https://demo.data.gouv.fr/api/1/  not production, built-in',
			'              work  https://data.example.org/api/1/   production, page size 50, key from WORK_UDATA_KEY, config',
		].join('\n'));
	});

	it('never shows the key, from a file or from the environment', async () => {
		const texts = [
			await info({}),
			await info({UDATA_API_KEY: key}, {portal: 'lu'}),
			await info({UDATA_API_KEY: key}, {api: 'https://data.example.org/api/1/'}),
			await info({UDATA_API_KEY: key, WORK_UDATA_KEY: key}, {portal: 'work'}),
		];
		for (const text of texts) {
			expect(text).not.toContain(key);
			// Not even a prefix or a suffix of it.
			expect(text).not.toContain(key.slice(0, 10));
			expect(text).not.toContain(key.slice(-8));
		}
	});

	it('says where the state lives under XDG_STATE_HOME', async () => {
		const text = await info({XDG_STATE_HOME: '/var/state'});
		expect(text).toContain('state       /var/state/udata-explorer\n');
		expect(text).toContain('audit log   /var/state/udata-explorer/audit.log\n');
	});

	it('shows a key that cannot be had, and why', async () => {
		await chmod(keyPath(), 0o644);
		try {
			expect(await info({})).toContain('\nkey         the key file ~/.config/udata-explorer/lu.key is readable by the group and others (mode 644): run chmod 600 ~/.config/udata-explorer/lu.key\n');
		} finally {
			await chmod(keyPath(), 0o600);
		}

		expect(await info({}, {portal: 'work'})).toContain('\nkey         WORK_UDATA_KEY is not set (or is empty), so there is no API key\n');
	});

	it('says when UDATA_API_KEY is set but not used', async () => {
		const text = await info({UDATA_API_KEY: key}, {portal: 'fr'});
		expect(text).toContain('\nkey         no key\n');
		expect(text).toContain('\nnote        UDATA_API_KEY is set but not used');
		expect(await info({UDATA_API_KEY: key})).not.toContain('note');
	});

	it('describes a bare URL and where it came from', async () => {
		const text = await info({UDATA_API: 'http://127.0.0.1:4321/api/1/', UDATA_API_KEY: key});
		expect(text).toContain('\nportal      a URL, no profile (chosen by UDATA_API)\n');
		expect(text).toContain('\nproduction  no (sandbox)\n');
		expect(text).toContain('\nkey         UDATA_API_KEY (found)\n');
	});

	it('still answers with a missing or broken config file', async () => {
		const missing = formatInfo({load: {status: 'missing', path: '/nowhere/config.json', config: {defaultPortal: undefined, portals: new Map()}}, resolution: resolveActivePortal({defaultPortal: undefined, portals: new Map()}, {}), env: {}, home});
		expect(missing).toContain('config      /nowhere/config.json (none: built-in portals only)\n');
		expect(missing).toContain('\nkey         no key\n');

		const broken = formatInfo({load: {status: 'invalid', path: '/x/config.json', error: '/x/config.json: defaultPortl is not a setting'}, resolution: {error: 'unknown portal "x": the portals are lu, fr, demo'}, env: {}, home});
		expect(broken).toContain('config        /x/config.json (invalid, not used)\nconfig error  /x/config.json: defaultPortl is not a setting\n');
		expect(broken).toContain('\nportal        none: unknown portal "x"');
		expect(broken).toContain('\nportals         lu    https://data.public.lu/api/1/');
	});
});
