/**
 * Hostile data end to end: the built `udx` in a real terminal (tmux) browsing a `--hostile`
 * sandbox, whose text fields carry OSC 0/2/8/52, CSI clears and cursor moves, DCS, C1 controls,
 * BiDi overrides, NUL and a 10,000-character name. What the app writes to the terminal is
 * recorded byte for byte; none of it may reach the terminal. The same keys on a plain sandbox
 * say what the app writes by itself (its alternate screen, Ink's own redraws).
 */
import {beforeAll, describe, expect, it} from 'vitest';
import {request} from 'undici';
import {sanitizeLine} from '../../source/lib/sanitize.js';
import {pollUntil} from '../helpers/poll.js';
import {startSandboxProcess, cliPath, repoRoot, type SandboxProcess} from '../helpers/sandbox-process.js';
import {startTerminal, type Terminal} from '../helpers/terminal.js';

const columns = 100;
const rows = 30;

/** What one browsing session left behind. */
type Session = {
	readonly raw: string;
	readonly titleBefore: string;
	readonly titleAfter: string;
	readonly exitCode: number | null;
	/** Why the browse stopped short, if it did; what was written until then is still checked. */
	readonly failure: string | undefined;
	/** Every screen waited for, by step. */
	readonly screens: ReadonlyArray<{readonly step: string; readonly screen: string}>;
};

/** Anything a terminal would act on that is not plain text, in a raw string. */
const unsafe = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** Names of the rows a list's first page carries hostile strings in, as the app should show them. */
async function hostileNames(sandbox: SandboxProcess, path: string, field: (item: Record<string, unknown>) => string): Promise<string[]> {
	const response = await request(`${sandbox.apiRoot}${path}`, {headers: {'x-api-key': sandbox.keys.sysadmin}});
	const body = await response.body.json() as {data: Array<Record<string, unknown>>};
	return body.data
		.filter(item => unsafe.test(field(item)))
		// The start of the name is what a column shows; sanitised as the app must.
		.map(item => sanitizeLine(field(item)).slice(0, 16));
}

/** A screen is sane: header on the first row, the footer's hints above the one blank last row. */
function expectSane(step: string, screen: string): void {
	const lines = screen.split('\n');
	expect(lines, step).toHaveLength(rows);
	expect(lines[0], `${step}: the header is on the first row`).toMatch(/^udx · /u);
	// The frame is rows - 1 tall (Ink clears the screen on every frame otherwise): the last row
	// stays empty, and the hints line sits just above it.
	expect(lines[rows - 1], `${step}: the frame is not taller than the terminal`).toBe('');
	expect(lines[rows - 2], `${step}: the footer is on screen`).toMatch(/\? help|q quit|Esc/u);
}

const selectedEntry = (screen: string) => screen.split('\n').find(line => line.startsWith('▸ ')) ?? '';

/**
 * The browse: organizations (scroll), an org's pane, its description in the pager, its raw JSON,
 * its datasets; `/` typing, `?` help, a delete modal (Esc, never confirmed); the datasets list,
 * a dataset's resources; users; reuses. The same keys and waits whatever the data, so the plain
 * run is a fair baseline for the hostile one.
 */
async function browse(sandbox: SandboxProcess): Promise<Session> {
	const terminal: Terminal = await startTerminal({
		command: [process.execPath, cliPath, 'organizations', '--api', sandbox.apiRoot],
		cwd: repoRoot,
		// Colours on, as most people run it: no NO_COLOR, and not vitest's FORCE_COLOR=0 either.
		// The sysadmin may open every modal.
		env: {UDATA_API_KEY: sandbox.keys.sysadmin, UDATA_API: undefined, NO_COLOR: undefined, FORCE_COLOR: undefined, XDG_STATE_HOME: '/tmp/udx-e2e-state'},
		columns,
		rows,
		recordOutput: true,
	});
	const screens: Array<{step: string; screen: string}> = [];
	const step = async (name: string, match: string | RegExp | ((screen: string) => boolean), timeoutMs = 15_000): Promise<string> => {
		const screen = await terminal.waitFor(match, {timeoutMs});
		screens.push({step: name, screen});
		return screen;
	};

	/** Move down the pane until `label` is the selected entry. */
	const selectEntry = async (label: string): Promise<void> => {
		for (let attempt = 0; attempt < 12; attempt++) {
			// eslint-disable-next-line no-await-in-loop
			const before = selectedEntry(await terminal.screen());
			if (before.startsWith(`▸ ${label}`)) {
				return;
			}

			// eslint-disable-next-line no-await-in-loop
			await terminal.press('j');
			// eslint-disable-next-line no-await-in-loop
			await terminal.waitFor(screen => selectedEntry(screen) !== before);
		}

		throw new Error(`no "${label}" entry in the pane:\n${await terminal.screen()}`);
	};

	const titleBefore = await terminal.title();
	let failure: string | undefined;
	let exitCode: number | null = null;
	try {
		const loaded = /\d+ of [\d,]+ loaded/u;
		await step('organizations', screen => loaded.test(screen) && screen.includes('· sysadmin'));
		await terminal.press('j', 'j', 'j', 'PageDown', 'PageUp', 'g');
		await step('organizations, scrolled and back to the top', screen => loaded.test(screen) && screen.includes('NAME'));
		// The first organization: the 10,000-character name in the hostile seed.
		await terminal.press('Enter');
		// The pane opens on the list row at once; the description entry comes with the full object.
		await step('organization pane', screen => screen.includes('Metrics') && screen.includes('organization · ') && screen.includes('Description (read all)'));
		await terminal.waitFor(screen => selectedEntry(screen).startsWith('▸ Datasets'));
		await terminal.press('k');
		await terminal.waitFor(screen => selectedEntry(screen).startsWith('▸ Description'));
		await terminal.press('Enter');
		await step('description pager', /line 1 of \d+/u);
		await terminal.press('PageDown', 'Escape');
		await step('back to the pane', 'Metrics');
		await terminal.press('J');
		await step('raw JSON', '"id": "');
		await terminal.press('PageDown', 'PageDown', 'J');
		await step('the pane again', 'Metrics');
		await selectEntry('Datasets');
		await terminal.press('Enter');
		await step('the organization\'s datasets', screen => / › Datasets/u.test(screen) && /loaded|nothing here/u.test(screen));
		await terminal.press('Escape');
		await step('back to the pane, from its datasets', 'Metrics');
		await terminal.press('Escape');
		await step('back to organizations', screen => screen.includes('NAME') && loaded.test(screen));
		await terminal.press('/');
		await terminal.typeSlowly('fin', 30);
		await step('local filter', 'local · ');
		await terminal.press('Escape');
		await step('filter closed', screen => !screen.includes('local · ') && loaded.test(screen));
		await terminal.press('?');
		await step('help', 'Keys — Esc or ? to close');
		await terminal.press('Escape');
		await step('help closed', screen => !screen.includes('Keys — Esc') && loaded.test(screen));
		await terminal.press('D');
		await step('delete modal on an organization', screen => screen.includes('SANDBOX') && screen.includes('Delete organization'));
		await terminal.press('Escape');
		await step('modal cancelled', screen => !screen.includes('SANDBOX') && loaded.test(screen));

		await terminal.type(':datasets');
		await terminal.press('Enter');
		await step('datasets', screen => / › Datasets/u.test(screen) && screen.includes('TITLE') && loaded.test(screen));
		// The second row is hostile in the hostile seed.
		await terminal.press('j', 'D');
		await step('delete modal on a dataset', screen => screen.includes('SANDBOX') && screen.includes('Delete dataset'));
		await terminal.press('Escape');
		await step('modal cancelled again', screen => !screen.includes('SANDBOX') && screen.includes('TITLE'));
		await terminal.press('Enter');
		await step('dataset pane', screen => screen.includes('Metrics') && screen.includes('dataset · ') && screen.includes('Description (read all)'));
		await selectEntry('Resources');
		await terminal.press('Enter');
		await step('resources', screen => / › Resources/u.test(screen) && loaded.test(screen));
		await terminal.press('Enter');
		await step('resource pane', screen => screen.includes('resource · '));
		await terminal.press('Escape', 'Escape', 'Escape');
		await step('back to datasets', screen => screen.includes('TITLE') && loaded.test(screen));

		await terminal.type(':users');
		await terminal.press('Enter');
		await step('users', screen => / › Users/u.test(screen) && loaded.test(screen));
		await terminal.press('Enter');
		await step('user pane', screen => screen.includes('user · '));
		await terminal.press('Escape');

		await terminal.type(':reuses');
		await terminal.press('Enter');
		await step('reuses', screen => / › Reuses/u.test(screen) && screen.includes('TYPE') && loaded.test(screen));
		await terminal.press('Enter');
		await step('reuse pane', screen => screen.includes('reuse · '));
		await terminal.press('Escape');
		await step('back to reuses', screen => screen.includes('TYPE') && loaded.test(screen));

	} catch (error) {
		// A wrecked screen stops the browse; the bytes that wrecked it are the evidence.
		failure = error instanceof Error ? error.message : String(error);
	}

	try {
		const titleAfter = await terminal.title();
		if (failure === undefined) {
			await terminal.press('q');
			exitCode = await terminal.waitForExit({timeoutMs: 15_000});
		}

		const raw = await terminal.rawOutput();
		return {raw, titleBefore, titleAfter, exitCode, failure, screens};
	} finally {
		await terminal.close();
	}
}

const count = (text: string, sequence: string) => text.split(sequence).length - 1;

describe('hostile data, browsed end to end', () => {
	let hostile: Session;
	let plain: Session;
	let expected: {organizations: string[]; datasets: string[]; resources: string[]; users: string[]; reuses: string[]};

	beforeAll(async () => {
		// One sandbox at a time: two cores, and each run is a real app in a real terminal.
		const hostileSandbox = await startSandboxProcess(['--hostile']);
		try {
			const datasets = await (await request(`${hostileSandbox.apiRoot}datasets/?page_size=20`)).body.json() as {data: Array<{id: string}>};
			expected = {
				organizations: await hostileNames(hostileSandbox, 'organizations/?page_size=20', item => String(item['name'])),
				datasets: await hostileNames(hostileSandbox, 'datasets/?page_size=20', item => String(item['title'])),
				resources: (await (await request(`${hostileSandbox.apiRoot}datasets/${datasets.data[1]!.id}/`)).body.json() as {resources: Array<{title: string}>}).resources
					.filter(resource => unsafe.test(resource.title)).map(resource => sanitizeLine(resource.title).slice(0, 16)),
				users: await hostileNames(hostileSandbox, 'users/?page_size=20', item => `${String(item['first_name'])} ${String(item['last_name'])}`),
				reuses: await hostileNames(hostileSandbox, 'reuses/?page_size=20', item => String(item['title'])),
			};
			hostile = await browse(hostileSandbox);
		} finally {
			await hostileSandbox.stop();
		}

		const plainSandbox = await startSandboxProcess([]);
		try {
			plain = await browse(plainSandbox);
		} finally {
			await plainSandbox.stop();
		}
	}, 240_000);

	it('browsed objects that really carry hostile strings (it cannot pass vacuously)', () => {
		for (const [list, names] of Object.entries(expected)) {
			expect(names.length, `hostile rows in ${list}`).toBeGreaterThan(0);
		}

		const screenOf = (name: string) => hostile.screens.find(entry => entry.step === name)?.screen ?? '';
		const onScreen = (step: string, names: readonly string[]) => names.filter(name => screenOf(step).includes(name));
		expect(onScreen('organizations', expected.organizations)).not.toEqual([]);
		expect(onScreen('datasets', expected.datasets)).not.toEqual([]);
		expect(onScreen('resources', expected.resources)).not.toEqual([]);
		expect(onScreen('users', expected.users)).not.toEqual([]);
		expect(onScreen('reuses', expected.reuses)).not.toEqual([]);
		// The first organization is the 10,000-character one: its pane, its JSON, its delete modal.
		expect(screenOf('organization pane')).toContain(expected.organizations[0]!);
		expect(screenOf('delete modal on an organization')).toContain(expected.organizations[0]!);
		expect(screenOf('delete modal on a dataset')).toContain(expected.datasets[0]!);
		// The raw bytes carried them too, in their sanitised form.
		expect(hostile.raw).toContain(expected.organizations[0]!);
	});

	it('the app ran the whole browse and quit cleanly, both times', () => {
		expect(plain.failure, 'the plain browse').toBeUndefined();
		expect(hostile.failure, 'the hostile browse').toBeUndefined();
		expect(hostile.exitCode).toBe(0);
		expect(plain.exitCode).toBe(0);
		expect(hostile.screens.map(entry => entry.step)).toEqual(plain.screens.map(entry => entry.step));
	});

	it('writes no OSC, DCS, APC, PM or SOS', () => {
		expect(count(hostile.raw, '\u001B]'), 'OSC').toBe(0);
		expect(count(hostile.raw, '\u001BP'), 'DCS').toBe(0);
		expect(count(hostile.raw, '\u001B_'), 'APC').toBe(0);
		expect(count(hostile.raw, '\u001B^'), 'PM').toBe(0);
		expect(count(hostile.raw, '\u001BX'), 'SOS').toBe(0);
	});

	it('writes no 8-bit C1 control, no BEL, no NUL, no BiDi control, and only valid UTF-8', () => {
		const find = (pattern: RegExp) => [...hostile.raw.matchAll(pattern)].map(match => `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at ${match.index}`).slice(0, 5);
		expect(find(/[\u0080-\u009F]/gu), 'C1 controls').toEqual([]);
		expect(find(/\u0007/gu), 'BEL').toEqual([]);
		expect(find(/\u0000/gu), 'NUL').toEqual([]);
		expect(find(/[\u202A-\u202E\u2066-\u2069]/gu), 'BiDi overrides and isolates').toEqual([]);
		// rawOutput decodes as UTF-8: a lone 8-bit byte (a raw 0x9B CSI) would come back as U+FFFD.
		// The seed has no U+FFFD of its own.
		expect(find(/\uFFFD/gu), 'invalid UTF-8').toEqual([]);
		// The payloads of the stripped sequences are gone with them.
		for (const payload of ['pwned', 'cm0gLXJmIH4K', '#0;2;0;0;0', '8;;https']) {
			expect(hostile.raw, payload).not.toContain(payload);
		}
	});

	it('clears the screen and moves the cursor no more than the app does by itself', () => {
		for (const sequence of ['\u001B[2J', '\u001B[3J', '\u001Bc']) {
			expect(count(hostile.raw, sequence), JSON.stringify(sequence)).toBeLessThanOrEqual(count(plain.raw, sequence));
		}

		// The app's own entry into the alternate screen homes the cursor once; the seed's
		// ESC[10;10H must never arrive.
		const absoluteMoves = (raw: string) => [...raw.matchAll(/\u001B\[\d*(?:;\d*)?[Hf]/gu)].length;
		expect(absoluteMoves(hostile.raw)).toBeLessThanOrEqual(absoluteMoves(plain.raw));
		expect(hostile.raw.startsWith('\u001B[?1049h\u001B[H')).toBe(true);
	});

	it('writes no kind of escape sequence the app does not write by itself', () => {
		// Each ESC sequence by its shape (numbers as n): Ink's line erases and cursor-ups, the
		// alternate screen, the cursor's visibility. Any other shape came from the data.
		const shapes = (raw: string) => new Set([...raw.matchAll(/\u001B(?:\[[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]?|[^[])/gu)].map(match => match[0].replaceAll(/\d+/gu, 'n')));
		const own = shapes(plain.raw);
		expect([...shapes(hostile.raw)].filter(shape => !own.has(shape)).map(shape => JSON.stringify(shape))).toEqual([]);
	});

	it('leaves the terminal title unchanged', () => {
		expect(hostile.titleAfter).toBe(hostile.titleBefore);
		expect(hostile.titleBefore).toBe(plain.titleBefore);
	});

	it('keeps every screen sane, the 10,000-character names included', () => {
		for (const {step, screen} of hostile.screens) {
			expectSane(step, screen);
		}
	});
});

describe('the probes can see what they look for', () => {
	it('an OSC 2 written to the pane changes the title tmux reports', async () => {
		const terminal = await startTerminal({
			command: [process.execPath, '-e', 'process.stdout.write("\\u001B]2;udx-probe-title\\u001B\\\\ready\\n"); setInterval(() => {}, 1000);'],
			cwd: repoRoot,
			recordOutput: true,
		});
		try {
			await terminal.waitFor('ready');
			await pollUntil(async () => terminal.title(), title => title === 'udx-probe-title');
			expect(await terminal.rawOutput()).toContain('\u001B]2;udx-probe-title');
		} finally {
			await terminal.close();
		}
	});
});
