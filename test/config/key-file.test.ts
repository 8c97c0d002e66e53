import {chmod, mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {parseConfig} from '../../source/config/config-file.js';
import {describeKeySource, loadKey, type KeySource} from '../../source/config/key-file.js';

const key = 'udata_9f8e7d6c5b4a';

describe('loadKey', () => {
	let home: string;
	const options = (extra: {platform?: string} = {}) => ({env: {}, home, platform: extra.platform ?? 'linux'});
	const file = (name: string): KeySource => ({type: 'file', path: join(home, '.config', 'udata-explorer', name)});
	const write = async (name: string, text: string, mode: number) => {
		const path = join(home, '.config', 'udata-explorer', name);
		await writeFile(path, text);
		// chmod, not writeFile's mode: the umask would change the latter.
		await chmod(path, mode);
	};

	beforeAll(async () => {
		home = await mkdtemp(join(tmpdir(), 'udx-key-'));
		await mkdir(join(home, '.config', 'udata-explorer'), {recursive: true});
	});
	afterAll(async () => {
		await rm(home, {recursive: true, force: true});
	});

	it('reads a key file of mode 600, without its final newline', async () => {
		await write('ok.key', `${key}\n`, 0o600);
		expect(await loadKey(file('ok.key'), options())).toEqual({key});
	});

	it('reads a key file of mode 400, with a BOM and \\r\\n', async () => {
		await write('crlf.key', `\uFEFF${key}\r\n`, 0o400);
		expect(await loadKey(file('crlf.key'), options())).toEqual({key});
	});

	it.each([
		[0o640, 'readable by the group (mode 640)'],
		[0o644, 'readable by the group and others (mode 644)'],
		[0o604, 'readable by others (mode 604)'],
		[0o620, 'writable by the group (mode 620)'],
		[0o666, 'readable and writable by the group and others (mode 666)'],
		[0o601, 'usable by others (mode 601)'],
	])('refuses mode %o, saying how to fix it', async (mode, why) => {
		await write('open.key', key, mode);
		expect(await loadKey(file('open.key'), options())).toEqual({
			error: `the key file ~/.config/udata-explorer/open.key is ${why}: run chmod 600 ~/.config/udata-explorer/open.key`,
		});
	});

	it('quotes a path with spaces in the chmod it suggests', async () => {
		await write('my lu.key', key, 0o644);
		const path = join(home, '.config', 'udata-explorer', 'my lu.key');
		expect(await loadKey({type: 'file', path}, options())).toEqual({error: expect.stringMatching(/: run chmod 600 '.*\/my lu\.key'$/u) as string});
	});

	it('does not check permission bits on Windows', async () => {
		await write('win.key', key, 0o644);
		expect(await loadKey(file('win.key'), options({platform: 'win32'}))).toEqual({key});
	});

	it.each([
		['a missing file', 'absent.key', undefined, 'the key file ~/.config/udata-explorer/absent.key does not exist'],
		['an empty file', 'empty.key', '\n', 'the key file ~/.config/udata-explorer/empty.key is empty: put the API key in it, alone on one line'],
		['two lines', 'two.key', `${key}\nsecond\n`, 'the key file ~/.config/udata-explorer/two.key has more than one line: it must hold the API key alone'],
	])('refuses %s', async (_what, name, text, error) => {
		if (text !== undefined) {
			await write(name, text, 0o600);
		}

		expect(await loadKey(file(name), options())).toEqual({error});
	});

	it('refuses a folder', async () => {
		await mkdir(join(home, '.config', 'udata-explorer', 'dir.key'), {mode: 0o700});
		expect(await loadKey(file('dir.key'), options())).toEqual({error: 'the key file ~/.config/udata-explorer/dir.key is not a file'});
	});

	it('reads a keyFile written as ~/… in the config', async () => {
		await write('lu.key', `${key}\n`, 0o600);
		const parsed = parseConfig('{"portals": {"lu": {"keyFile": "~/.config/udata-explorer/lu.key"}}}', {path: join(home, 'config.json'), home});
		if ('error' in parsed) {
			throw new Error(parsed.error);
		}

		const source = parsed.config.portals.get('lu')?.keySource;
		expect(source).toEqual({type: 'file', path: join(home, '.config', 'udata-explorer', 'lu.key')});
		expect(await loadKey(source!, options())).toEqual({key});
	});

	it('reads an environment variable, trimmed, and refuses it unset or empty', async () => {
		const source: KeySource = {type: 'env', variable: 'WORK_UDATA_KEY'};
		expect(await loadKey(source, {env: {WORK_UDATA_KEY: ` ${key}\n`}, home, platform: 'linux'})).toEqual({key});
		expect(await loadKey(source, {env: {}, home, platform: 'linux'})).toEqual({error: 'WORK_UDATA_KEY is not set (or is empty), so there is no API key'});
		expect(await loadKey(source, {env: {WORK_UDATA_KEY: '  '}, home, platform: 'linux'})).toEqual({error: 'WORK_UDATA_KEY is not set (or is empty), so there is no API key'});
	});

	it('has no key and no error for no source', async () => {
		expect(await loadKey({type: 'none'}, options())).toEqual({key: undefined});
	});

	it('describes each source without the key', () => {
		expect(describeKeySource({type: 'none'}, home)).toBe('no key');
		expect(describeKeySource({type: 'env', variable: 'UDATA_API_KEY'}, home)).toBe('UDATA_API_KEY');
		expect(describeKeySource(file('lu.key'), home)).toBe('the key file ~/.config/udata-explorer/lu.key');
	});
});
