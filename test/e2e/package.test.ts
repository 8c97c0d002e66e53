/**
 * The package as a user gets it: `npm pack`, then a global install of the tarball into a fresh
 * prefix, offline (the bundle carries its libraries, so there is nothing to download), and the
 * installed `udx` runs.
 */
import {execFile} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {repoRoot} from '../helpers/sandbox-process.js';

const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let folder = '';
let tarball = '';
let files: string[] = [];

beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), 'udx-pack-'));
	// --ignore-scripts: the suite already built dist/; rebuilding it here would race the other
	// end-to-end tests that run the CLI from it.
	const {stdout} = await run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', folder], {cwd: repoRoot, timeout: 60_000});
	const [packed] = JSON.parse(stdout) as Array<{filename: string; files: Array<{path: string}>}>;
	tarball = join(folder, packed!.filename);
	files = packed!.files.map(file => file.path);
}, 90_000);

afterAll(async () => {
	await rm(folder, {recursive: true, force: true});
});

describe('the npm package', () => {
	it('holds the launcher and the bundle, not the sources or tests', () => {
		expect(files).toEqual(expect.arrayContaining(['bin/udx.js', 'dist/cli.js', 'package.json', 'README.md']));
		expect(files.filter(path => path.startsWith('source/') || path.startsWith('test/') || path.startsWith('node_modules/'))).toEqual([]);
	});

	it('installs globally from the tarball with no network and gives a working udx', async () => {
		const prefix = join(folder, 'global');
		await run(npm, ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], {cwd: folder, timeout: 120_000});
		const udx = process.platform === 'win32' ? join(prefix, 'udx.cmd') : join(prefix, 'bin', 'udx');
		const version = await run(udx, ['--version'], {cwd: folder, timeout: 30_000});
		expect(version.stdout).toMatch(/^udx \d+\.\d+\.\d+\n$/u);
		const help = await run(udx, ['--help'], {cwd: folder, timeout: 30_000});
		expect(help.stdout).toContain('Usage');
		// Not a terminal: one line and exit 2, not a stack trace.
		const refused = await run(udx, ['--api', 'https://data.public.lu/api/1/'], {cwd: folder, timeout: 30_000}).catch((error: unknown) => error as {code: number; stderr: string});
		expect(refused).toMatchObject({code: 2, stderr: expect.stringMatching(/^udx: .*needs a terminal/u)});
	}, 150_000);
});
