import {chmod, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {pollUntil} from '../helpers/poll.js';
import {browserCommand, openableUrl, openInBrowser} from '../../source/system/browser.js';

describe('openableUrl', () => {
	it.each([
		['https://data.public.lu/fr/datasets/velo/', 'https://data.public.lu/fr/datasets/velo/'],
		['http://127.0.0.1:7000/fr/', 'http://127.0.0.1:7000/fr/'],
		['javascript:alert(1)', null],
		['file:///etc/passwd', null],
		['--new-window=evil', null],
		['', null],
		[null, null],
	])('%s → %s', (input, expected) => {
		expect(openableUrl(input)).toBe(expected);
	});
});

describe('browserCommand', () => {
	const url = 'https://x.org/a?b=1&c=2';
	it('uses the platform opener, never a shell', () => {
		expect(browserCommand(url, 'linux', {})).toEqual({command: 'xdg-open', args: [url]});
		expect(browserCommand(url, 'darwin', {})).toEqual({command: 'open', args: [url]});
		expect(browserCommand(url, 'win32', {})).toEqual({command: 'rundll32', args: ['url.dll,FileProtocolHandler', url]});
	});

	it('honours BROWSER, with %s or the URL appended', () => {
		expect(browserCommand(url, 'linux', {BROWSER: 'firefox --private-window'})).toEqual({command: 'firefox', args: ['--private-window', url]});
		expect(browserCommand(url, 'linux', {BROWSER: 'lynx -dump %s:w3m'})).toEqual({command: 'lynx', args: ['-dump', url]});
	});
});

describe('openInBrowser', () => {
	let directory = '';
	beforeAll(async () => {
		directory = await mkdtemp(join(tmpdir(), 'udx-open-'));
		await writeFile(join(directory, 'browser'), `#!/bin/sh\necho "$@" > "${join(directory, 'opened')}"\n`);
		await chmod(join(directory, 'browser'), 0o755);
	});
	afterAll(async () => {
		await rm(directory, {recursive: true, force: true});
	});

	it('starts the browser, detached, with the URL', async () => {
		const outcome = await openInBrowser('https://x.org/p', {platform: 'linux', env: {BROWSER: join(directory, 'browser')}});
		expect(outcome).toEqual({opened: true, command: join(directory, 'browser')});
		expect(await pollUntil(async () => readFile(join(directory, 'opened'), 'utf8').catch(() => ''), text => text !== '')).toBe('https://x.org/p\n');
	});

	it('says when there is no browser to start', async () => {
		const outcome = await openInBrowser('https://x.org/p', {platform: 'linux', env: {BROWSER: join(directory, 'missing')}});
		expect(outcome).toMatchObject({opened: false, reason: expect.stringContaining('not found (set BROWSER')});
	});
});
