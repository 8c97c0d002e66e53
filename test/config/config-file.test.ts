import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {emptyConfig, loadConfig, parseConfig, type Config} from '../../source/config/config-file.js';
import {configPath, displayPath, expandHome} from '../../source/config/paths.js';

const home = '/home/ada';
const path = '/home/ada/.config/udata-explorer/config.json';
const file = '~/.config/udata-explorer/config.json';

function parsed(value: unknown): Config {
	const result = parseConfig(typeof value === 'string' ? value : JSON.stringify(value), {path, home});
	if ('error' in result) {
		throw new Error(result.error);
	}

	return result.config;
}

function error(value: unknown): string {
	const result = parseConfig(typeof value === 'string' ? value : JSON.stringify(value), {path, home});
	if (!('error' in result)) {
		throw new Error('expected an error');
	}

	return result.error;
}

describe('configPath', () => {
	it.each([
		[{}, '/home/ada/.config/udata-explorer/config.json'],
		[{XDG_CONFIG_HOME: '/xdg'}, '/xdg/udata-explorer/config.json'],
		[{XDG_CONFIG_HOME: '/xdg/'}, '/xdg/udata-explorer/config.json'],
		// The XDG spec: an empty variable means the default, a relative one is invalid and ignored.
		[{XDG_CONFIG_HOME: ''}, '/home/ada/.config/udata-explorer/config.json'],
		[{XDG_CONFIG_HOME: 'relative/config'}, '/home/ada/.config/udata-explorer/config.json'],
		[{XDG_CONFIG_HOME: './config'}, '/home/ada/.config/udata-explorer/config.json'],
	])('%j → %s', (env, expected) => {
		expect(configPath(env, home)).toBe(expected);
	});
});

describe('paths as the user sees them', () => {
	it.each([
		['~/lu.key', '/home/ada/lu.key'],
		['~', '/home/ada'],
		['/etc/lu.key', '/etc/lu.key'],
		['~other/lu.key', '~other/lu.key'],
		['lu.key', 'lu.key'],
	])('expandHome(%j) is %j', (input, expected) => {
		expect(expandHome(input, home)).toBe(expected);
	});

	it.each([
		['/home/ada/.config/x', '~/.config/x'],
		['/home/ada', '~'],
		['/home/adam/x', '/home/adam/x'],
		['/etc/x', '/etc/x'],
	])('displayPath(%j) is %j', (input, expected) => {
		expect(displayPath(input, home)).toBe(expected);
	});
});

describe('parseConfig: valid files', () => {
	it('reads the documented example', () => {
		const config = parsed({
			defaultPortal: 'work',
			portals: {
				work: {api: 'https://data.example.org/api/1/', keyEnv: 'WORK_UDATA_KEY', readOnly: false, pageSize: 50, production: true},
				lu: {keyFile: '~/.config/udata-explorer/lu.key'},
			},
		});
		expect(config.defaultPortal).toBe('work');
		expect([...config.portals.keys()]).toEqual(['work', 'lu']);
		expect(config.portals.get('work')).toEqual({api: 'https://data.example.org/api/1/', keySource: {type: 'env', variable: 'WORK_UDATA_KEY'}, readOnly: false, pageSize: 50, production: true});
		expect(config.portals.get('lu')).toEqual({api: undefined, keySource: {type: 'file', path: '/home/ada/.config/udata-explorer/lu.key'}, readOnly: undefined, pageSize: undefined, production: undefined});
	});

	it.each([
		['{}'],
		['{"portals": {}}'],
		['\uFEFF{}\n'],
		['  {\n  }\n'],
	])('%j is no settings at all', text => {
		expect(parsed(text)).toEqual(emptyConfig);
	});

	it('takes a built-in as defaultPortal without a portals entry', () => {
		expect(parsed({defaultPortal: 'fr'}).defaultPortal).toBe('fr');
	});

	it('takes an absolute keyFile as it is, and a portal named like an Object property as a name', () => {
		const config = parsed({portals: {['__proto__']: {api: 'http://127.0.0.1:7000/api/1/', keyFile: '/run/keys/udx'}}});
		expect(config.portals.get('__proto__')?.keySource).toEqual({type: 'file', path: '/run/keys/udx'});
	});
});

describe('parseConfig: each error names the file and the bad setting', () => {
	it.each([
		['not an object', [], `${file}: the file must be an object such as {"portals": {}}, not a list`],
		['an unknown top-level key', {defaultPortl: 'lu'}, `${file}: defaultPortl is not a setting: the settings are defaultPortal, portals`],
		['an unknown portal key', {portals: {work: {api: 'https://x.example/api/1/', pagesize: 5}}}, `${file}: portals.work.pagesize is not a setting of a portal: the settings are api, keyEnv, keyFile, readOnly, pageSize, production`],
		['portals not an object', {portals: ['work']}, `${file}: portals must be an object of portals by name`],
		['a portal not an object', {portals: {work: 'https://x.example/api/1/'}}, `${file}: portals.work must be an object such as {"api": "https://data.example.org/api/1/"}, not "https://x.example/api/1/"`],
		['a page size that is a string', {portals: {work: {api: 'https://x.example/api/1/', pageSize: 'x'}}}, `${file}: portals.work.pageSize must be a whole number from 1 to 1000, not "x"`],
		['a page size of 0', {portals: {lu: {pageSize: 0}}}, 'portals.lu.pageSize must be a whole number from 1 to 1000, not 0'],
		['a page size of 1001', {portals: {lu: {pageSize: 1001}}}, 'portals.lu.pageSize must be a whole number from 1 to 1000, not 1001'],
		['a fractional page size', {portals: {lu: {pageSize: 2.5}}}, 'portals.lu.pageSize must be a whole number from 1 to 1000, not 2.5'],
		['readOnly as a string', {portals: {lu: {readOnly: 'yes'}}}, `${file}: portals.lu.readOnly must be true or false, not "yes"`],
		['production as a number', {portals: {lu: {production: 1}}}, 'portals.lu.production must be true or false, not 1'],
		['api missing for a new name', {portals: {work: {keyEnv: 'K'}}}, `${file}: portals.work.api is missing: a portal that is not built in (lu, fr, demo) needs its API root`],
		['api not a URL', {portals: {work: {api: 'data.example.org'}}}, `${file}: portals.work.api must be an http(s) URL such as "https://data.example.org/api/1/", not "data.example.org"`],
		['api on another scheme', {portals: {work: {api: 'ftp://data.example.org/api/1/'}}}, 'portals.work.api must be an http(s) URL such as "https://data.example.org/api/1/", not "ftp://data.example.org/api/1/"'],
		['api not a string', {portals: {work: {api: 42}}}, 'portals.work.api must be an http(s) URL such as "https://data.example.org/api/1/", not 42'],
		['api with a query', {portals: {work: {api: 'https://data.example.org/api/1/?x=1'}}}, 'portals.work.api must be the API root alone, with no ?query or #fragment'],
		['keyEnv and keyFile both', {portals: {lu: {keyEnv: 'LU_KEY', keyFile: '~/lu.key'}}}, `${file}: portals.lu has both keyEnv and keyFile: keep the one its key comes from`],
		['keyEnv not a variable name', {portals: {lu: {keyEnv: 'MY KEY'}}}, 'portals.lu.keyEnv must be the name of an environment variable, such as "WORK_UDATA_KEY" (the name, not the key)'],
		['keyFile relative', {portals: {lu: {keyFile: 'lu.key'}}}, 'portals.lu.keyFile must be the path of a file holding the key, absolute or starting with ~/'],
		['keyFile not a string', {portals: {lu: {keyFile: true}}}, 'portals.lu.keyFile must be the path of a file holding the key'],
		['defaultPortal unknown', {defaultPortal: 'wrok', portals: {work: {api: 'https://x.example/api/1/'}}}, `${file}: defaultPortal must be the name of a portal (lu, fr, demo, work), not "wrok"`],
		['defaultPortal not a string', {defaultPortal: 3}, 'defaultPortal must be the name of a portal (lu, fr, demo), not 3'],
		['a portal name with a space', {portals: {'my work': {api: 'https://x.example/api/1/'}}}, `${file}: portals["my work"] is not a usable portal name`],
		['invalid JSON', '{\n  "portals": {\n    "lu": {"pageSize": 5,}\n  }\n}', `${file}: not valid JSON at line 3, column 26: a comma before } (JSON allows no trailing comma)`],
		['a setting written twice', '{"portals": {"lu": {"pageSize": 5, "pageSize": 6}}}', `${file}: not valid JSON at line 1, column 36: "pageSize" is written twice in the same object`],
		['an empty file', '\n', `${file} is empty: write {} for no settings, or delete it`],
	])('%s', (_what, value, expected) => {
		expect(error(value)).toContain(expected);
	});

	it.each([
		['key'],
		['apiKey'],
		['api_key'],
		['token'],
		['X-API-KEY'],
	])('refuses a key written into the config as %s, without quoting it', name => {
		const message = error({portals: {lu: {[name]: 'udata_s3cr3t'}}});
		expect(message).toContain(`portals.lu.${name}: an API key is never read from the config file`);
		expect(message).not.toContain('udata_s3cr3t');
	});

	it.each([
		[{portals: {lu: {keyEnv: 'udata_s3cr3t key'}}}],
		[{portals: {work: {api: 'https://me:udata_s3cr3t@data.example.org/api/1/'}}}],
		[{portals: {work: {api: 'https://data.example.org/api/1/?apikey=udata_s3cr3t'}}}],
		['{"portals": {"lu": {"keyEnv": udata_s3cr3t}}}'],
	])('never quotes what may be a key: %j', value => {
		expect(error(value)).not.toContain('udata_s3cr3t');
	});
});

describe('loadConfig reads the real file', () => {
	let root: string;
	beforeAll(async () => {
		root = await mkdtemp(join(tmpdir(), 'udx-config-'));
	});
	afterAll(async () => {
		await rm(root, {recursive: true, force: true});
	});

	it('is "missing", with the defaults, when there is no file', async () => {
		const env = {XDG_CONFIG_HOME: join(root, 'nothing-here')};
		expect(await loadConfig({env, home: root})).toEqual({status: 'missing', path: join(root, 'nothing-here', 'udata-explorer', 'config.json'), config: emptyConfig});
	});

	it('reads $XDG_CONFIG_HOME/udata-explorer/config.json', async () => {
		const xdg = join(root, 'xdg');
		await mkdir(join(xdg, 'udata-explorer'), {recursive: true});
		await writeFile(join(xdg, 'udata-explorer', 'config.json'), '{"defaultPortal": "fr"}\n');
		const load = await loadConfig({env: {XDG_CONFIG_HOME: xdg}, home: root});
		expect(load).toMatchObject({status: 'loaded', path: join(xdg, 'udata-explorer', 'config.json'), config: {defaultPortal: 'fr'}});
	});

	it('reads ~/.config/udata-explorer/config.json when XDG_CONFIG_HOME is relative', async () => {
		const home = join(root, 'home');
		await mkdir(join(home, '.config', 'udata-explorer'), {recursive: true});
		await writeFile(join(home, '.config', 'udata-explorer', 'config.json'), '{"defaultPortal": "demo"}');
		const load = await loadConfig({env: {XDG_CONFIG_HOME: 'xdg'}, home});
		expect(load).toMatchObject({status: 'loaded', config: {defaultPortal: 'demo'}});
	});

	it('is "invalid", with the message, for a bad file', async () => {
		const bad = join(root, 'bad.json');
		await writeFile(bad, '{"portals": {"lu": {"readonly": true}}}');
		expect(await loadConfig({env: {}, home: root, path: bad})).toEqual({status: 'invalid', path: bad, error: `~/bad.json: portals.lu.readonly is not a setting of a portal: the settings are api, keyEnv, keyFile, readOnly, pageSize, production`});
	});

	it('is "invalid" when the path is a folder', async () => {
		const load = await loadConfig({env: {}, home: '/elsewhere', path: root});
		expect(load).toEqual({status: 'invalid', path: root, error: `${root} cannot be read: it is a folder`});
	});
});
