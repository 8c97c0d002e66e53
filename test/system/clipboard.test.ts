import {chmod, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {pollUntil} from '../helpers/poll.js';
import {clipboardCandidates, createClipboard, describeCopy, findOnPath, osc52} from '../../source/system/clipboard.js';

describe('osc52', () => {
	it('is ESC ] 52 ; c ; base64 BEL, exactly', () => {
		expect(osc52('hello')).toBe('\u001B]52;c;aGVsbG8=\u0007');
		expect(osc52('Léa 東京')).toBe(`\u001B]52;c;${Buffer.from('Léa 東京').toString('base64')}\u0007`);
	});

	it('carries any text inside base64, so nothing can escape the sequence', () => {
		const sequence = osc52('\u0007\u001B]0;pwned\u0007')!;
		expect(sequence.slice(1, -1)).not.toMatch(/[\u0000-\u001F]/u);
	});

	it('refuses what terminals would drop (over 100,000 bytes of base64)', () => {
		expect(osc52('x'.repeat(80_000))).toBeNull();
		expect(osc52('x'.repeat(70_000))).not.toBeNull();
	});
});

describe('native clipboard tools', () => {
	it('are chosen by platform and session', () => {
		expect(clipboardCandidates('darwin', {}).map(tool => tool.command)).toEqual(['pbcopy']);
		expect(clipboardCandidates('linux', {WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0'}).map(tool => tool.command)).toEqual(['wl-copy', 'xclip', 'xsel']);
		// Over SSH there is no display: OSC 52 alone.
		expect(clipboardCandidates('linux', {})).toEqual([]);
	});

	let directory = '';
	beforeAll(async () => {
		directory = await mkdtemp(join(tmpdir(), 'udx-clip-'));
		// A stand-in xclip: what it reads on stdin lands in a file.
		await writeFile(join(directory, 'xclip'), `#!/bin/sh\ncat > "${join(directory, 'copied')}"\n`);
		await chmod(join(directory, 'xclip'), 0o755);
	});
	afterAll(async () => {
		await rm(directory, {recursive: true, force: true});
	});

	it('are looked up on PATH', async () => {
		expect(await findOnPath(['wl-copy', 'xclip'], {PATH: directory})).toEqual({name: 'xclip', path: join(directory, 'xclip')});
		expect(await findOnPath(['xclip'], {PATH: join(directory, 'nowhere')})).toBeNull();
	});

	it('a copy goes both to the terminal (OSC 52) and to the tool', async () => {
		const written: string[] = [];
		const clipboard = createClipboard({writeToTerminal: bytes => written.push(bytes), platform: 'linux', env: {DISPLAY: ':0', PATH: directory}});
		const outcome = await clipboard.copy('https://data.public.lu/fr/datasets/velo/');
		expect(outcome).toEqual({osc52: true, tool: 'xclip'});
		expect(written).toEqual([osc52('https://data.public.lu/fr/datasets/velo/')]);
		expect(await pollUntil(async () => readFile(join(directory, 'copied'), 'utf8').catch(() => ''), text => text !== '')).toBe('https://data.public.lu/fr/datasets/velo/');
		expect(describeCopy('web URL', 'https://x/', outcome)).toBe('copied the web URL: https://x/ · via terminal (OSC 52) + xclip');
	});

	it('without a tool, OSC 52 alone; too long for it and no tool, says so', async () => {
		const clipboard = createClipboard({writeToTerminal: () => {}, platform: 'linux', env: {PATH: ''}});
		expect(await clipboard.copy('abc')).toEqual({osc52: true, tool: null});
		const outcome = await clipboard.copy('x'.repeat(80_000));
		expect(outcome).toEqual({osc52: false, tool: null});
		expect(describeCopy('id', 'x', outcome)).toMatch(/^could not copy the id/u);
	});
});
