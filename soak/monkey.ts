/**
 * The soak: a seeded monkey through the real app (ink-testing-library's streams, as the screen
 * tests use) against the sandbox with its faults on and hostile strings in its data. It checks as
 * it goes: crashes (thrown from a key, uncaught, or Ink's error overlay), unhandled rejections,
 * unconfirmed mutations (soak/oracle.ts) and frames taller than the terminal.
 *
 * No act(): React's production build (`npm run soak`, NODE_ENV=production) has none, so the same
 * driver runs under vitest and the CLI. A key is handled synchronously (the store dispatches at
 * once, useSyncExternalStore commits in a microtask, Ink in debug mode writes the frame in the
 * commit), so one macrotask after a key the frame is the state the next key will meet.
 */
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {stripVTControlCharacters} from 'node:util';
import {render} from 'ink-testing-library';
import {createElement} from 'react';
import stringWidth from 'string-width';
import {createClient, type Client} from '../source/api/client.js';
import type {RetryPolicy} from '../source/api/http.js';
import {App, type AppProps} from '../source/app.js';
import {keyboardInput} from '../source/lib/keyboard-input.js';
import {mulberry32} from '../source/sandbox/random.js';
import {startSandbox, type Faults, type Sandbox} from '../source/sandbox/server.js';
import {createTheme, ThemeProvider} from '../source/ui/theme.js';
import {Oracle, type Verdict} from './oracle.js';
import {readScreen, type Context, type Screen} from './screen.js';

export type SoakOptions = {
	readonly keys: number;
	readonly seed: number;
	/** Called every `progressEvery` keys (default 5,000) with the report so far. */
	readonly onProgress?: (report: SoakReport) => void;
	readonly progressEvery?: number;
	/** Called after every key, with the sandbox: for a test that interferes on purpose. */
	readonly afterKey?: (key: number, sandbox: Sandbox) => Promise<void> | void;
	/** Over the soak's own faults. */
	readonly faults?: Partial<Faults>;
	/** Where to say what the monkey meant and did not get to do (plans cut short, wide lines). */
	readonly trace?: (message: string) => void;
};

export type SoakProblem = {
	readonly kind: 'crash' | 'unhandled rejection' | 'unconfirmed mutation' | 'tall frame' | 'restart' | 'stall';
	/** The key (0-based) after which it was seen: `--keys <key + 1> --seed <seed>` replays up to it. */
	readonly key: number;
	readonly detail: string;
	/** The last steps sent, oldest first, JSON-quoted (`resize 80x24` for a resize). */
	readonly recent: readonly string[];
	/** The screen when it was seen. */
	readonly frame: string;
};

export type SoakReport = {
	keys: number;
	crashes: number;
	unhandledRejections: number;
	unconfirmedMutations: number;
	tallFrames: number;
	/** Mutations the sandbox received, each after its confirmation on screen. */
	confirmedMutations: number;
	/** The app quit and was mounted again (`q` only ever goes into a modal's text, so this should stay 0). */
	restarts: number;
	/** Client calls still pending after 5 s of pause (one every 50 keys), with 2 ms of latency: a hang. */
	stalls: number;
	/** Frames with a line wider than the terminal (it would wrap there): not a failure, a hint. */
	wideFrames: number;
	/** Frames Ink drew (each commit is one in ink-testing-library's debug mode). */
	frames: number;
	/** Requests the sandbox received, the oracle's own look-ups included. */
	requests: number;
	durationMs: number;
	/** Keys sent in each context the screen showed: what the monkey reached. */
	contexts: Partial<Record<Context, number>>;
	/** Confirmations given on screen (Enter on the exact text, y on an undo). */
	confirmations: number;
	/** How many times each distinct problem was seen: its kind and first line, ids blanked. */
	distinct: Record<string, number>;
	/** The first problems of each kind, in detail (at most 5 a kind). */
	problems: SoakProblem[];
};

/** The faults the soak runs with: every kind on, often enough to matter, fast enough to be many. */
export const soakFaults: Faults = {
	latencyMs: 2,
	serverErrorRate: 0.05,
	rateLimitRate: 0.05,
	retryAfterSeconds: 0,
	resetRate: 0.03,
	malformedJsonRate: 0.05,
	htmlBadGatewayRate: 0.03,
};

/** The app's retries with short waits (Retry-After is 0 too): the soak is about outcomes, not patience. */
const soakRetry: RetryPolicy = {maxRetries: 2, baseDelayMs: 5, maxDelayMs: 50, maxTotalMs: 2000};

const keys = {
	up: '\u001B[A', down: '\u001B[B', left: '\u001B[D', right: '\u001B[C',
	pageUp: '\u001B[5~', pageDown: '\u001B[6~', home: '\u001B[H', end: '\u001B[F',
	escape: '\u001B', enter: '\r', backspace: '\u007F', tab: '\t',
} as const;

/** The one line: `keys · crashes · unhandled rejections · unconfirmed mutations · frames taller than the terminal`. */
export function formatReport(report: SoakReport): string {
	const count = (value: number) => value.toLocaleString('en-US');
	return [
		`${count(report.keys)} keys`,
		`${count(report.crashes)} crashes`,
		`${count(report.unhandledRejections)} unhandled rejections`,
		`${count(report.unconfirmedMutations)} unconfirmed mutations`,
		`${count(report.tallFrames)} frames taller than the terminal`,
		`${count(report.confirmedMutations)} confirmed mutations`,
		`${count(report.restarts)} restarts`,
		`${count(report.stalls)} stalls`,
	].join(' · ');
}

/** Whether the soak failed: anything but the key count above 0 of the issue's four figures. */
export function soakFailed(report: SoakReport): boolean {
	return report.crashes > 0 || report.unhandledRejections > 0 || report.unconfirmedMutations > 0 || report.tallFrames > 0;
}

/** Characters that may take two cells (East Asian wide and fullwidth, emoji); everything else takes at most one. */
const mayBeWide = /[\u1100-\u115F\u231A-\u23FF\u2600-\u27BF\u2B00-\u2BFF\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE10-\uFE6F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F000}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;

const tick = async () => new Promise<void>(resolve => {
	setImmediate(resolve);
});

const sleep = async (ms: number) => new Promise<void>(resolve => {
	setTimeout(resolve, ms);
});

/** A chunk as a JS string literal, every invisible character escaped (JSON leaves DEL, C1 and BiDi as they are). */
export function quote(chunk: string): string {
	return JSON.stringify(chunk).replaceAll(/[\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu, character => `\\u${character.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

/** A problem's first line and the place it was thrown from, with ids and numbers blanked: the same bug reads the same. */
function signatureOf(detail: string): string {
	const lines = detail.split('\n');
	const place = lines.find(line => /^\s+at /u.test(line))?.trim() ?? '';
	return `${lines[0] ?? ''}${place ? ` ${place}` : ''}`
		.replaceAll(/[\da-f]{24}|[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}/gu, ':id')
		.replaceAll(/\{.*\}/gu, '{…}')
		.replaceAll(/\d+/gu, 'N')
		.slice(0, 200);
}

function describe(error: unknown): string {
	return error instanceof Error ? error.stack ?? `${error.name}: ${error.message}` : String(error);
}

// ---------------------------------------------------------------------------------------------
// The app, mounted on ink-testing-library's streams at a size we choose.

type Size = {columns: number; rows: number};

type Mounted = {
	frame(): string;
	/** Frames Ink wrote since the last call. */
	takeFrames(): number;
	write(chunk: string): void;
	resize(): void;
	unmount(): void;
};

function mount(props: AppProps, size: Size, drawn: {frames: number}): Mounted {
	const instance = render(createElement(ThemeProvider, {theme: createTheme(false), children: createElement(App, props)}));
	// Its stdout is 100 columns with no rows: give it the terminal's size, as renderApp does.
	Object.defineProperty(instance.stdout, 'columns', {get: () => size.columns, configurable: true});
	Object.defineProperty(instance.stdout, 'rows', {get: () => size.rows, configurable: true});
	instance.stdout.emit('resize');
	// It keeps every frame ever written: over 50,000 keys that is gigabytes, so it is emptied.
	const frames = instance.frames as string[];
	return {
		frame: () => stripVTControlCharacters(instance.lastFrame() ?? ''),
		takeFrames() {
			const written = frames.length;
			drawn.frames += written;
			frames.length = 0;
			return written;
		},
		write(chunk) {
			// As cli.tsx does for the real terminal (source/system/filtered-stdin.ts): what would crash
			// Ink's key parser never reaches it.
			const kept = keyboardInput(chunk);
			if (kept !== '') {
				instance.stdin.write(kept);
			}
		},
		resize() {
			instance.stdout.emit('resize');
		},
		unmount() {
			instance.unmount();
		},
	};
}

/** Counts the client calls in flight, so "settled" means the app waits for nothing. */
type Pending = {calls: number};

/**
 * The client, with every promise-returning call counted while it runs. The app gets a promise of
 * its own that settles the same way, so a rejection it leaves unhandled is still reported as one.
 */
function tracked<T extends object>(target: T, pending: Pending): T {
	return new Proxy(target, {
		get(object, property, receiver) {
			const value: unknown = Reflect.get(object, property, receiver);
			if (typeof value === 'function') {
				return (...args: unknown[]) => {
					const result: unknown = Reflect.apply(value as (...parameters: unknown[]) => unknown, object, args);
					if (!(result instanceof Promise)) {
						return result;
					}

					pending.calls++;
					return new Promise((resolve, reject) => {
						result.then(
							(outcome: unknown) => {
								pending.calls--;
								resolve(outcome);
							},
							(error: unknown) => {
								pending.calls--;
								reject(error);
							},
						);
					});
				};
			}

			// The per-kind groups (`client.datasets.list`, …) are counted too.
			return value !== null && typeof value === 'object' && !Array.isArray(value) && typeof property === 'string' && /^(?:organizations|datasets|reuses|users|dataservices)$/u.test(property)
				? tracked(value, pending)
				: value;
		},
	});
}

// ---------------------------------------------------------------------------------------------
// The monkey: weighted like real use, by what the screen shows.

type Step = {readonly type: 'press'; readonly chunk: string} | {readonly type: 'resize'; readonly columns: number; readonly rows: number};

/** Text a user may type or paste. No `q`/`Q` (a quit, or `:q`), no Ctrl+C, no CR/LF: see `clean`. */
const words = ['lux', 'air', 'transport', 'eau', 'école', 'données', 'bus', 'mobilité', 'Luxembourg', 'budget', '2024', 'zz', 'a', 'de', 'Köln', 'naïve', 'élection', 'x-y', 'tag=', 'v1.2'];
const exotic = ['é', 'ß', 'ñ', '日本語', '中文', '👩‍👩‍👧', '👍🏽', 'e\u0301', '\u200B', '\u202E', '\u2066', '𝔘𝔫𝔦', 'Ⅻ', '\u00A0', '\u009B31m', '\u0090evil\u009C', '\u00AD', 'ﷺ', '\uFEFF'];
/** Escape sequences a hostile paste carries (the sandbox's own payloads, without their CRs). */
const hostileBytes = [
	'\u001B]0;pwned\u0007', '\u001B]8;;https://evil.example/\u001B\\click me\u001B]8;;\u001B\\', '\u001B]52;c;cm0gLXJmIH4K\u0007',
	'\u001B[2J', '\u001B[10;10H', '\u001B[31m', '\u001BPx#0;2;0;0;0\u001B\\', '\u0007', '\u0000', '\u001B[200~', '\u001B[201~', '\u001B[K', '\u001B7', '\u001B8',
];
const alphabet = [...'abcdefghijklmnoprstuvwxyzABCDEFGHIJKLMNOPRSTUVWXYZ0123456789 -_.,:;/?!@#$%^&*()[]{}<>|~`\'"+=éèàüößç€'];
const controlKeys = ['\u0001', '\u0004', '\u0005', '\u000B', '\u0015', '\u0017', '\u001A'];
const paletteCommands: Array<readonly [number, string]> = [
	[3, 'orgs'], [3, 'datasets'], [2, 'reuses'], [1.5, 'users'], [1.5, 'dataservices'], [1, 'me'], [1.5, 'home'], [1, 'history'],
	[0.6, 'login'], [0.15, 'logout'], [1, 'datasets tag=transport'], [0.6, 'datasets organization=nope-nope'], [0.5, 'reuses owner=sophie-reuter'],
	[0.5, 'datasets tag'], [0.5, 'nope'], [0.4, 'da'], [0.3, ''], [0.3, 'orgs x=1 y'],
	// The soak has one portal (no `portals` given): these only ever say so.
	[0.2, 'portal'], [0.2, 'portal fr'],
];

/**
 * What no monkey key may carry: `q`/`Q` quit (in a chunk too: "jjq" is three keys), Ctrl+C quits,
 * and CR/LF inside a chunk are Enter (keymap.ts `chunkKeys`) — an Enter the oracle could not see
 * the screen for. Enter is only ever its own key.
 */
function clean(text: string): string {
	return text.replaceAll('q', 'w').replaceAll('Q', 'W').replaceAll(/[\r\n\u0003]/gu, ' ');
}

class Monkey {
	private plan: {context: Context; chunks: string[]} | null = null;

	constructor(private readonly random: () => number, private readonly secretKey: string, private readonly trace?: (message: string) => void) {}

	next(screen: Screen, recent: readonly string[] = []): Step {
		// A resize can come at any moment, even in the middle of typing a slug.
		if (this.random() < 0.012) {
			return this.resize();
		}

		if (this.plan && this.plan.context === screen.context && this.plan.chunks.length > 0) {
			return {type: 'press', chunk: this.plan.chunks.shift()!};
		}

		if (this.trace && this.plan && this.plan.chunks.length > 0) {
			this.trace(`plan dropped: planned in ${this.plan.context}, now ${screen.context}, ${this.plan.chunks.length} left\n${recent.join(' ')}\n${screen.lines.join('\n')}`);
		}

		this.plan = null;
		return this.choose(screen);
	}

	private int(low: number, high: number): number {
		return low + Math.floor(this.random() * (high - low + 1));
	}

	private pickFrom<T>(items: readonly T[]): T {
		return items[Math.floor(this.random() * items.length)]!;
	}

	private weighted<T>(entries: ReadonlyArray<readonly [number, T]>): T {
		const total = entries.reduce((sum, [weight]) => sum + weight, 0);
		let roll = this.random() * total;
		for (const [weight, value] of entries) {
			roll -= weight;
			if (roll < 0) {
				return value;
			}
		}

		return entries.at(-1)![1];
	}

	private resize(): Step {
		return {type: 'resize', columns: this.int(60, 160), rows: this.int(12, 50)};
	}

	private press(chunk: string): Step {
		return {type: 'press', chunk};
	}

	/** Type `chunks` one press each while the screen stays in `context`, starting now. */
	private type(context: Context, chunks: string[]): Step {
		const [first, ...rest] = chunks;
		this.plan = {context, chunks: rest};
		return first === undefined ? this.press(keys.escape) : this.press(first);
	}

	private randomText(length = this.int(1, 10)): string {
		return clean(Array.from({length}, () => (this.random() < 0.1 ? this.pickFrom(exotic) : this.pickFrom(alphabet))).join(''));
	}

	private word(): string {
		return this.random() < 0.8 ? this.pickFrom(words) : this.randomText(this.int(1, 6));
	}

	/** One chunk of 50–300 characters: words, odd Unicode, escape sequences. */
	private paste(): string {
		const length = this.int(50, 300);
		let text = '';
		while ([...text].length < length) {
			text += this.weighted<() => string>([
				[5, () => `${this.word()} `],
				[2, () => this.pickFrom(exotic)],
				[1.5, () => this.pickFrom(hostileBytes)],
				[2, () => this.randomText()],
			])();
		}

		// Cut by code points: half a surrogate pair is not something a terminal can send.
		return clean([...text].slice(0, length).join(''));
	}

	/** What a key does when browsing: navigation most, then opening, going back, searching, acting. */
	private browse(screen: Screen): Step {
		const choice = this.weighted<() => Step>([
			[10, () => this.press('j')], [6, () => this.press('k')], [6, () => this.press(keys.down)], [4, () => this.press(keys.up)],
			[4, () => this.press(keys.pageDown)], [2, () => this.press(keys.pageUp)], [2, () => this.press('g')], [2, () => this.press('G')],
			[1, () => this.press(keys.home)], [1, () => this.press(keys.end)], [2, () => this.press(this.random() < 0.6 ? 'jjj' : 'kk')],
			[12, () => this.press(keys.enter)], [6, () => this.press(keys.escape)], [2, () => this.press(keys.backspace)],
			[screen.context === 'list' ? 5 : 1, () => this.type('filter', ['/', ...this.word()])],
			[4, () => this.type('palette', [':', ...this.weighted(paletteCommands), keys.enter])],
			[4, () => this.press('D')], [screen.context === 'detail' ? 8 : 1, () => this.press('e')], [1, () => this.press('u')],
			[2, () => this.press('r')], [1.5, () => this.press('J')], [1, () => this.press('?')],
			[0.5, () => this.press(keys.tab)], [0.5, () => this.press(this.random() < 0.5 ? keys.left : keys.right)],
			[3, () => this.press(this.randomText())], [1.5, () => this.press(this.paste())], [0.3, () => this.press(this.pickFrom(controlKeys))],
		]);
		return choice();
	}

	/** In a typed confirmation: sometimes exactly right, sometimes nearly, often not at all. */
	private confirm(screen: Screen): Step {
		const expected = screen.confirmation?.expected;
		const context = screen.context;
		if (expected === undefined || screen.confirmation === null) {
			// The screen does not show what to type: what a user does then is guess, or leave.
			return this.weighted<() => Step>([
				[4, () => this.press(this.randomText())], [2, () => this.press(keys.escape)], [2, () => this.press(keys.enter)], [1, () => this.press(keys.backspace)],
			])();
		}

		const {typed, truncated} = screen.confirmation;
		// A cut text is longer than it shows: Backspace past its start is harmless.
		const clear = Array.from({length: [...typed].length + (truncated ? 80 : 0)}, () => keys.backspace);
		const nearly = () => {
			const characters = [...expected];
			const at = this.int(0, characters.length - 1);
			const variants = [characters.slice(0, -1).join(''), `${expected}x`, expected.toUpperCase(), [...characters.slice(0, at), characters[at] === '-' ? '_' : '-', ...characters.slice(at + 1)].join('')];
			return this.pickFrom(variants);
		};

		return this.weighted<() => Step>([
			// Right: typed key by key, or pasted whole, sometimes with spaces around (they are ignored).
			[30, () => this.type(context, [...clear, ...expected, keys.enter])],
			[8, () => this.type(context, [...clear, this.random() < 0.5 ? expected : ` ${expected} `, keys.enter])],
			[8, () => this.type(context, [...clear, ...nearly(), keys.enter])],
			[12, () => this.press(this.randomText())], [6, () => this.press(keys.backspace)], [8, () => this.press(keys.enter)],
			[10, () => this.press(keys.escape)], [2, () => this.press(this.paste())], [2, () => this.press(keys.tab)],
		])();
	}

	private choose(screen: Screen): Step {
		switch (screen.context) {
			case 'delete':
			case 'edit-confirm': {
				return this.confirm(screen);
			}

			case 'restore': {
				return this.weighted<() => Step>([
					[40, () => this.press(this.random() < 0.8 ? 'y' : 'Y')], [20, () => this.press('n')], [15, () => this.press(keys.escape)],
					[10, () => this.press(keys.enter)], [10, () => this.press(this.randomText())], [5, () => this.press('j')],
				])();
			}

			case 'edit-form': {
				return this.weighted<() => Step>([
					[20, () => this.press(this.random() < 0.5 ? keys.tab : keys.down)], [6, () => this.press(keys.up)],
					[30, () => this.type('edit-form', [...this.word()])], [12, () => this.press(keys.backspace)],
					[4, () => this.type('edit-form', Array.from({length: this.int(5, 60)}, () => keys.backspace))],
					[14, () => this.press(keys.enter)], [5, () => this.press(keys.escape)], [3, () => this.press(this.paste())], [5, () => this.press(this.randomText())],
				])();
			}

			case 'edit-review': {
				return this.weighted<() => Step>([[70, () => this.press(keys.enter)], [25, () => this.press(keys.escape)], [5, () => this.press(this.randomText())]])();
			}

			case 'edit-other': {
				return this.weighted<() => Step>([[40, () => this.press(keys.escape)], [30, () => this.press(keys.enter)], [30, () => this.press(this.randomText())]])();
			}

			case 'filter': {
				return this.weighted<() => Step>([
					[35, () => this.type('filter', [...this.word()])], [10, () => this.press(keys.backspace)], [14, () => this.press(keys.enter)],
					[8, () => this.press(keys.tab)], [10, () => this.press(keys.escape)], [10, () => this.press(this.random() < 0.6 ? keys.down : keys.up)],
					[3, () => this.press(this.paste())], [4, () => this.press(this.randomText())],
				])();
			}

			case 'palette': {
				return this.weighted<() => Step>([
					[30, () => this.type('palette', [...this.weighted(paletteCommands), keys.enter])], [20, () => this.press(keys.enter)],
					[15, () => this.press(keys.escape)], [10, () => this.press(keys.backspace)], [10, () => this.press(this.randomText())], [3, () => this.press(this.paste())],
				])();
			}

			case 'login': {
				return this.weighted<() => Step>([
					// The real key, pasted as users do: what brings the monkey back after `:logout`.
					[30, () => this.type('login', [this.secretKey, keys.enter])], [15, () => this.type('login', [this.randomText(20), keys.enter])],
					[30, () => this.press(keys.escape)], [15, () => this.press(this.randomText())], [10, () => this.press(keys.enter)],
				])();
			}

			case 'help': {
				return this.weighted<() => Step>([[50, () => this.press(keys.escape)], [20, () => this.press('?')], [10, () => this.press(keys.enter)], [20, () => this.press(this.randomText(1))]])();
			}

			case 'crashed': {
				return this.press(keys.escape);
			}

			default: {
				return this.browse(screen);
			}
		}
	}
}

// ---------------------------------------------------------------------------------------------
// The run.

/** Wait until no client call is pending and Ink writes nothing more; false when `deadlineMs` passes. */
async function settle(app: Mounted, pending: Pending, deadlineMs: number): Promise<boolean> {
	const deadline = performance.now() + deadlineMs;
	let quiet = 0;
	while (performance.now() < deadline) {
		// eslint-disable-next-line no-await-in-loop
		await sleep(1);
		if (pending.calls === 0 && app.takeFrames() === 0) {
			quiet++;
			if (quiet >= 3) {
				return true;
			}
		} else {
			quiet = 0;
		}
	}

	return false;
}

/** Until Ink writes nothing for two macrotasks: the frame is the state the next key will meet. */
async function quiet(app: Mounted): Promise<void> {
	for (let round = 0, still = 0; round < 50 && still < 2; round++) {
		// eslint-disable-next-line no-await-in-loop
		await tick();
		still = app.takeFrames() === 0 ? still + 1 : 0;
	}
}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
	const started = performance.now();
	const random = mulberry32(options.seed);
	const sandbox = await startSandbox({port: 0, hostile: true, seed: options.seed, faults: {...soakFaults, ...options.faults}, faultSeed: options.seed});
	const folder = await mkdtemp(join(tmpdir(), 'udx-soak-'));
	const report: SoakReport = {keys: 0, crashes: 0, unhandledRejections: 0, unconfirmedMutations: 0, tallFrames: 0, confirmedMutations: 0, restarts: 0, stalls: 0, wideFrames: 0, frames: 0, requests: 0, durationMs: 0, contexts: {}, confirmations: 0, distinct: {}, problems: []};
	const recent: string[] = [];
	let key = -1;
	let app: Mounted | undefined;
	const problem = (kind: SoakProblem['kind'], detail: string) => {
		const signature = `${kind}: ${signatureOf(detail)}`;
		report.distinct[signature] = (report.distinct[signature] ?? 0) + 1;
		if (report.problems.filter(item => item.kind === kind).length < 5) {
			report.problems.push({kind, key, detail, recent: [...recent], frame: app?.frame() ?? ''});
		}
	};

	const onRejection = (reason: unknown) => {
		report.unhandledRejections++;
		problem('unhandled rejection', describe(reason));
	};

	const onException = (error: unknown) => {
		report.crashes++;
		problem('crash', `uncaught: ${describe(error)}`);
	};

	process.on('unhandledRejection', onRejection);
	process.on('uncaughtException', onException);

	const pending: Pending = {calls: 0};
	const clients: Client[] = [];
	const clientFor = (apiKey: string | undefined): Client => {
		const client = createClient({apiUrl: sandbox.apiRoot, apiKey, retry: soakRetry});
		clients.push(client);
		return tracked(client, pending);
	};

	const adminKey = sandbox.users.sysadmin.apiKey;
	// The oracle's own reading of a slug, past the faults: it asks again until it gets an answer.
	const lookup = async (kind: string, id: string): Promise<string | null> => {
		const plural = kind === 'organization' ? 'organizations' : `${kind}s`;
		for (let attempt = 0; attempt < 50; attempt++) {
			try {
				// eslint-disable-next-line no-await-in-loop
				const response = await fetch(`${sandbox.apiRoot}${plural}/${id}/`, {headers: {'X-API-KEY': adminKey, 'X-Fields': 'slug'}});
				if (response.status === 404) {
					return null;
				}

				// eslint-disable-next-line no-await-in-loop
				const body = await response.json() as {slug?: unknown};
				if (response.ok && typeof body.slug === 'string') {
					return body.slug;
				}
			} catch {
				// A reset or a cut body: the faults apply to the oracle too; ask again.
			}
		}

		return null;
	};

	const oracle = new Oracle(sandbox.requests, lookup);
	const judge = (verdicts: Verdict[]) => {
		for (const verdict of verdicts) {
			if (verdict.reason === null) {
				report.confirmedMutations++;
			} else {
				report.unconfirmedMutations++;
				const {request} = verdict;
				problem('unconfirmed mutation', `${request.method} ${request.url} ${request.body} → ${request.status}: ${verdict.reason}`);
			}
		}
	};

	const size: Size = {columns: 100, rows: 30};
	let quitting = false;
	const props: AppProps = {
		client: clientFor(adminKey),
		clientFor,
		initial: [],
		keySource: 'the soak',
		pageSize: 20,
		auditLog: join(folder, 'audit.log'),
		// Nothing leaves the soak: no OSC 52 among the frames, no browser opened for each `o`.
		clipboard: {copy: async () => ({osc52: true, tool: null})},
		openUrl: async () => ({opened: true, command: 'the soak opens nothing'}),
		onExit() {
			quitting = true;
		},
	};
	const monkey = new Monkey(random, adminKey, options.trace);
	const remount = () => {
		try {
			app?.unmount();
		} catch {
			// Already gone (Ink unmounts itself after a render error).
		}

		quitting = false;
		app = mount(props, size, report);
	};

	try {
		app = mount(props, size, report);
		await settle(app, pending, 5000);
		for (key = 0; key < options.keys; key++) {
			let screen = readScreen(app.frame());
			const step = monkey.next(screen, recent);
			if (step.type === 'resize') {
				size.columns = step.columns;
				size.rows = step.rows;
				recent.push(`resize ${step.columns}x${step.rows}`);
				app.resize();
			} else {
				// Every key is judged on an up-to-date screen (React renders on a later turn): the
				// oracle follows what is typed into a confirmation, and a key sent while the frame
				// still lags (the list drawn, the modal that D opened not yet) would be lost to it.
				// eslint-disable-next-line no-await-in-loop
				await quiet(app);
				screen = readScreen(app.frame());

				recent.push(quote(step.chunk));
				report.contexts[screen.context] = (report.contexts[screen.context] ?? 0) + 1;
				if (oracle.beforePress(screen, step.chunk, key)) {
					report.confirmations++;
				}

				try {
					app.write(step.chunk);
				} catch (error) {
					// A key handler threw: in a terminal, that is the app dying (cli.tsx exits on
					// an uncaught exception), so it starts again.
					report.crashes++;
					problem('crash', `thrown from a key: ${describe(error)}`);
					remount();
				}
			}

			if (recent.length > 60) {
				recent.shift();
			}

			// eslint-disable-next-line no-await-in-loop
			await tick();
			app.takeFrames();
			let after = readScreen(app.frame());
			if (step.type === 'resize' || after.lines.length > size.rows) {
				// A resize is drawn twice: by Ink at once with the old layout, then by React with the
				// new viewport. Only the frame that stays counts.
				// eslint-disable-next-line no-await-in-loop
				await quiet(app);
				after = readScreen(app.frame());
			}

			if (after.context === 'crashed') {
				report.crashes++;
				problem('crash', `Ink's error overlay:\n${after.lines.join('\n')}`);
				remount();
			} else if (quitting) {
				report.restarts++;
				problem('restart', 'the app quit');
				remount();
			} else {
				if (after.lines.length > size.rows) {
					report.tallFrames++;
					problem('tall frame', `${after.lines.length} lines in a ${size.columns}x${size.rows} terminal`);
				}

				// Measuring every line costs as much as Ink's own frame: only lines that may be wider
				// than they are long (a wide character: CJK, emoji) or longer than the terminal are.
				const widest = Math.max(0, ...after.lines.filter(line => line.length > size.columns || (line.length * 2 > size.columns && mayBeWide.test(line))).map(line => stringWidth(line)));
				if (widest > size.columns) {
					report.wideFrames++;
					options.trace?.(`wide frame: ${widest} > ${size.columns}\n${after.lines.filter(line => stringWidth(line) > size.columns).join('\n')}`);
				}

				oracle.observe(after);
			}

			// eslint-disable-next-line no-await-in-loop
			judge(await oracle.check());
			// eslint-disable-next-line no-await-in-loop
			await options.afterKey?.(key, sandbox);
			report.keys = key + 1;
			// Now and then, let everything land: responses to keys long gone must not pile up.
			// eslint-disable-next-line no-await-in-loop
			if ((key + 1) % 50 === 0 && !(await settle(app, pending, 5000))) {
				report.stalls++;
				problem('stall', `${pending.calls} client calls still pending after 5 s`);
			}

			if ((key + 1) % (options.progressEvery ?? 5000) === 0) {
				options.onProgress?.({...report, durationMs: performance.now() - started});
			}
		}

		if (!(await settle(app, pending, 5000))) {
			report.stalls++;
			problem('stall', `${pending.calls} client calls still pending after 5 s, at the end`);
		}

		judge(await oracle.check());
	} finally {
		try {
			app?.unmount();
		} catch {
			// Gone already.
		}

		// Let the unmount's aborts and last writes land before the listeners go.
		await sleep(20);
		process.off('unhandledRejection', onRejection);
		process.off('uncaughtException', onException);
		await Promise.allSettled(clients.map(async client => client.close()));
		await sandbox.close();
		await rm(folder, {recursive: true, force: true});
	}

	report.requests = oracle.judgedCount;
	report.durationMs = performance.now() - started;
	return report;
}
