import {execFile, execFileSync} from 'node:child_process';
import {rmSync} from 'node:fs';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import {promisify} from 'node:util';
import {pollUntil} from './poll.js';

const execFileAsync = promisify(execFile);

/** How to start a program in a fresh pseudo-terminal. */
export type TerminalOptions = {
	/** The program and its arguments, e.g. `['node', 'bin/udx.js', '--api', url]`; never parsed by a shell. */
	command: string[];
	/** Terminal width (default 100). */
	columns?: number;
	/** Terminal height (default 30). */
	rows?: number;
	/** Merged over `process.env`; `undefined` deletes a variable. `CI` is always removed. */
	env?: Record<string, string | undefined>;
	/** Working directory of the program (default `process.cwd()`). */
	cwd?: string;
	/** Capture the raw byte stream the program writes, for {@link Terminal.rawOutput}. */
	recordOutput?: boolean;
	/** Let the program set tmux's clipboard with OSC 52 (`set-clipboard on`), for {@link Terminal.clipboard}. */
	clipboard?: boolean;
};

/** What {@link Terminal.waitFor} waits for: a substring, a pattern, or a predicate on the screen. */
export type ScreenMatch = string | RegExp | ((screen: string) => boolean);

/** The state of the program's process. */
export type ExitState = {
	/** Whether the process has exited. */
	exited: boolean;
	/** Its exit code, once it has exited normally; `null` while running or if a signal killed it. */
	code: number | null;
	/** The signal that killed it, if one did. */
	signal: number | null;
};

/** A program running in a real pseudo-terminal, driven through its own tmux server. */
export type Terminal = {
	/** Send keys one tmux send-keys call per key name, e.g. 'j', 'Enter', 'Escape', 'Up', 'Down', 'PageDown', 'C-c', 'BSpace'. */
	press(...keys: string[]): Promise<void>;
	/** Type literal text, arriving as one chunk (send-keys -l). */
	type(text: string): Promise<void>;
	/** Type literal text one character at a time with at least `gapMs` between characters. */
	typeSlowly(text: string, gapMs: number): Promise<void>;
	/** The visible screen as plain text, one line per row (so `rows` lines), trailing spaces trimmed. */
	screen(): Promise<string>;
	/** Poll the screen every ~25 ms until `match` holds; throw with the last screen on timeout (default 10 s). Returns the screen. */
	waitFor(match: ScreenMatch, options?: {timeoutMs?: number}): Promise<string>;
	/** Resize the window; the program gets SIGWINCH. */
	resize(columns: number, rows: number): Promise<void>;
	/** Whether the program's process is still running, and how it ended. */
	exited(): Promise<ExitState>;
	/** Wait until the program exits (default 10 s); returns the exit code (`null` if a signal killed it). */
	waitForExit(options?: {timeoutMs?: number}): Promise<number | null>;
	/** The raw bytes written so far, decoded as UTF-8 (only with `recordOutput`). */
	rawOutput(): Promise<string>;
	/** Whether the pane is in the alternate screen right now. */
	alternateScreen(): Promise<boolean>;
	/** The pane's title as tmux tracks it: what an OSC 0 or OSC 2 from the program would change. */
	title(): Promise<string>;
	/** What the program copied with OSC 52 (tmux's newest paste buffer), '' if nothing (needs `clipboard`). */
	clipboard(): Promise<string>;
	/** Send a signal to the program's process (run.sh execs it, so the pane's pid is the program's). */
	signal(name: NodeJS.Signals): Promise<void>;
	/** Kill the tmux server (and with it the program) and remove temporary files; idempotent. */
	close(): Promise<void>;
};

/** The one session in each private server; targets name it with `=` so it is matched exactly. */
const target = '=udx:';
const sessionName = 'udx';

/** Servers not yet closed, killed on process exit so a failed test leaves no stray tmux behind. */
const openServers = new Map<string, {socket: string; dir: string}>();
let exitHookInstalled = false;

function installExitHook(): void {
	if (exitHookInstalled) {
		return;
	}

	exitHookInstalled = true;
	process.on('exit', () => {
		for (const {socket, dir} of openServers.values()) {
			try {
				execFileSync('tmux', ['-S', socket, 'kill-server'], {stdio: 'ignore', timeout: 2000});
			} catch {
				// Already gone: nothing to clean.
			}

			rmSync(dir, {recursive: true, force: true});
		}
	});
}

/** Quote for POSIX sh: single quotes take everything literally except `'` itself. */
function shellQuote(value: string): string {
	if (value.includes('\0')) {
		throw new Error('startTerminal: an argument contains a NUL byte');
	}

	return `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * Protect an argument from tmux's own command splitting: tmux treats any argv element that ends
 * in `;` as a command separator (and strips the `;`), while a trailing `\;` stands for `;`.
 */
function tmuxArgument(value: string): string {
	return value.endsWith(';') ? `${value.slice(0, -1)}\\;` : value;
}

let remainOnExitFormat: Promise<boolean> | undefined;

/** Whether this tmux has `remain-on-exit-format` (3.3 and later). */
async function hasRemainOnExitFormat(): Promise<boolean> {
	remainOnExitFormat ??= execFileAsync('tmux', ['-V'], {encoding: 'utf8'}).then(
		({stdout}) => {
			const match = /(\d+)\.(\d+)/.exec(stdout);
			// Compare as integers: 3.10 is newer than 3.3. A version-less build ("tmux master") is new.
			return match ? Number(match[1]) > 3 || (Number(match[1]) === 3 && Number(match[2]) >= 3) : true;
		},
		(error: unknown) => {
			throw new Error('startTerminal: cannot run tmux; install it (apt-get install tmux)', {cause: error});
		},
	);
	return remainOnExitFormat;
}

function buildEnv(overrides: Record<string, string | undefined> | undefined): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {...process.env};
	for (const [name, value] of Object.entries(overrides ?? {})) {
		if (value === undefined) {
			delete env[name];
		} else {
			env[name] = value;
		}
	}

	// Under CI=true Ink writes nothing until exit, and the tmux server would hand CI to the pane.
	delete env.CI;
	// A test run from inside tmux must not leak the outer session's identity into the program.
	delete env.TMUX;
	delete env.TMUX_PANE;
	return env;
}

function describeScreen(screen: string): string {
	return `--- screen ---\n${screen}\n--- end of screen ---`;
}

function matches(match: ScreenMatch, screen: string): boolean {
	if (typeof match === 'string') {
		return screen.includes(match);
	}

	if (match instanceof RegExp) {
		// A /g or /y pattern carries lastIndex between calls, which would make polling skip matches.
		match.lastIndex = 0;
		return match.test(screen);
	}

	return match(screen);
}

/**
 * Start `options.command` in a new pseudo-terminal owned by a private tmux server.
 *
 * The program runs through a generated sh script whose arguments are single-quoted, so argv
 * reaches it unchanged and no shell or tmux parsing touches it. The server's options are set
 * and the session is created in one tmux invocation: tmux runs a command list before it reads
 * any output from the new pane, so `remain-on-exit` and `pipe-pane` are in place before the
 * program's first byte or its exit, however fast it is.
 */
export async function startTerminal(options: TerminalOptions): Promise<Terminal> {
	const columns = options.columns ?? 100;
	const rows = options.rows ?? 30;
	if (options.command.length === 0) {
		throw new Error('startTerminal: command is empty');
	}

	const setFormat = await hasRemainOnExitFormat();
	const env = buildEnv(options.env);
	const cwd = resolve(options.cwd ?? process.cwd());
	const dir = await mkdtemp(join(tmpdir(), 'udx-tmux-'));
	const socket = join(dir, 'socket');
	const script = join(dir, 'run.sh');
	const outputFile = join(dir, 'output');

	/** Run a tmux client against this terminal's server; never through a shell. */
	async function tmux(...args: string[]): Promise<string> {
		try {
			// `-u`: the client's locale may not say UTF-8 (LANG unset in CI); output must stay UTF-8.
			const {stdout} = await execFileAsync('env', ['-u', 'CI', 'tmux', '-u', '-S', socket, '-f', '/dev/null', ...args], {
				env,
				encoding: 'utf8',
				maxBuffer: 16 * 1024 * 1024,
			});
			return stdout;
		} catch (error) {
			const stderr = (error as {stderr?: string}).stderr?.trim();
			throw new Error(`tmux ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`, {cause: error});
		}
	}

	// exec: the program replaces sh, so it is the pane's process and its exit status is the pane's.
	const scriptText = [
		'unset CI',
		`cd ${shellQuote(cwd)} || exit 127`,
		`exec ${options.command.map(shellQuote).join(' ')}`,
		'',
	].join('\n');

	const setup: string[][] = [
		// Keep the dead pane, its exit status and its last screen readable.
		['set-option', '-g', 'remain-on-exit', 'on'],
		// No status line: the pane gets every row, so the program sees exactly `rows`.
		['set-option', '-g', 'status', 'off'],
	];
	if (options.clipboard) {
		// As a user's terminal over SSH would: an OSC 52 from the program sets the clipboard.
		setup.push(['set-option', '-s', 'set-clipboard', 'on']);
	}
	if (setFormat) {
		// Otherwise tmux writes "Pane is dead (status 3, …)" over the program's final screen.
		setup.push(['set-option', '-g', 'remain-on-exit-format', '']);
	}

	setup.push([
		'new-session',
		'-d',
		'-s',
		sessionName,
		'-x',
		String(columns),
		'-y',
		String(rows),
		// Two arguments, so tmux execs it directly instead of through `sh -c`.
		'/bin/sh',
		script,
	]);
	if (options.recordOutput) {
		// -o: open a pipe only if none is open yet. The pipe command runs under /bin/sh.
		setup.push(['pipe-pane', '-o', '-t', target, `exec cat >> ${shellQuote(outputFile)}`]);
	}

	try {
		await writeFile(script, scriptText);
		if (options.recordOutput) {
			await writeFile(outputFile, '');
		}

		await tmux(...setup.flatMap((command, index) => (index === 0 ? command : [';', ...command])));
	} catch (error) {
		// A command late in the list may fail after the server has started: stop it too.
		await tmux('kill-server').catch(() => undefined);
		await rm(dir, {recursive: true, force: true});
		throw error;
	}

	installExitHook();
	openServers.set(dir, {socket, dir});

	let closing: Promise<void> | undefined;
	let lastExit: ExitState = {exited: false, code: null, signal: null};

	function assertOpen(): void {
		if (closing) {
			throw new Error('Terminal is closed');
		}
	}

	async function screen(): Promise<string> {
		assertOpen();
		const text = await tmux('capture-pane', '-p', '-t', target);
		const lines = text.split('\n');
		// capture-pane ends every row with a newline, the last one included.
		if (lines.at(-1) === '') {
			lines.pop();
		}

		return lines.map((line) => line.trimEnd()).join('\n');
	}

	async function exited(): Promise<ExitState> {
		if (closing) {
			// Killed by close() if it had not ended before; what it did before then is still known.
			return lastExit.exited ? lastExit : {exited: true, code: null, signal: null};
		}

		let state = await readExitState();
		// tmux marks the pane dead when the pty closes, which can come before it has reaped the
		// process. Worse, a tmux linked with libutempter resets SIGCHLD to SIG_DFL while it runs
		// its helper on that very pty close, so the program's SIGCHLD can be lost for good and the
		// status never arrives (seen with node on tmux 3.3a: a zombie, pane_dead_status empty).
		// `run-shell true` forks a job whose exit makes tmux reap every waiting child, the lost one
		// included; run-shell only returns once that has happened.
		for (let attempt = 0; state.dead && !state.statusKnown && attempt < 40; attempt++) {
			await tmux('run-shell', 'true');
			state = await readExitState();
			if (!state.statusKnown) {
				await delay(25);
			}
		}

		lastExit = {exited: state.dead, code: state.code, signal: state.signal};
		return lastExit;
	}

	async function readExitState(): Promise<{dead: boolean; statusKnown: boolean; code: number | null; signal: number | null}> {
		const state = await tmux('display-message', '-p', '-t', target, '#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}');
		const [dead, status, signal] = state.trim().split('|');
		const code = dead === '1' && status ? Number(status) : null;
		const killedBy = dead === '1' && signal ? Number(signal) : null;
		return {dead: dead === '1', statusKnown: code !== null || killedBy !== null, code, signal: killedBy};
	}

	const terminal: Terminal = {
		async press(...keys) {
			assertOpen();
			// One call per key: a single send-keys with several keys writes them as one chunk.
			for (const key of keys) {
				await tmux('send-keys', '-t', target, tmuxArgument(key));
			}
		},

		async type(text) {
			assertOpen();
			if (text !== '') {
				// `--` so text starting with '-' is not read as an option.
				await tmux('send-keys', '-t', target, '-l', '--', tmuxArgument(text));
			}
		},

		async typeSlowly(text, gapMs) {
			assertOpen();
			let first = true;
			for (const character of text) {
				if (!first) {
					await delay(gapMs);
				}

				first = false;
				await tmux('send-keys', '-t', target, '-l', '--', tmuxArgument(character));
			}
		},

		screen,

		async waitFor(match, waitOptions = {}) {
			const timeoutMs = waitOptions.timeoutMs ?? 10_000;
			try {
				return await pollUntil(screen, (current) => matches(match, current), {
					timeoutMs,
					intervalMs: 25,
					describe: describeScreen,
				});
			} catch (error) {
				const wanted = typeof match === 'function' ? 'the predicate' : match instanceof RegExp ? String(match) : JSON.stringify(match);
				const reason = error instanceof Error ? error.message.replace(/^pollUntil: condition not met within \d+ ms; /, '') : String(error);
				throw new Error(`waitFor: ${wanted} not on screen within ${timeoutMs} ms; ${reason}`);
			}
		},

		async resize(newColumns, newRows) {
			assertOpen();
			// resize-window also switches window-size to manual, so the size sticks.
			await tmux('resize-window', '-t', target, '-x', String(newColumns), '-y', String(newRows));
		},

		exited,

		async waitForExit(waitOptions = {}) {
			const timeoutMs = waitOptions.timeoutMs ?? 10_000;
			try {
				const state = await pollUntil(exited, (current) => current.exited, {timeoutMs, intervalMs: 25});
				return state.code;
			} catch {
				const last = await screen().catch((error: unknown) => `(screen unavailable: ${String(error)})`);
				throw new Error(`waitForExit: the program still runs after ${timeoutMs} ms\n${describeScreen(last)}`);
			}
		},

		async rawOutput() {
			if (!options.recordOutput) {
				throw new Error('rawOutput: start the terminal with recordOutput: true');
			}

			assertOpen();
			return readFile(outputFile, 'utf8');
		},

		async alternateScreen() {
			assertOpen();
			const value = await tmux('display-message', '-p', '-t', target, '#{alternate_on}');
			return value.trim() === '1';
		},

		async title() {
			assertOpen();
			// Only the trailing newline of display-message goes: a title may itself end in spaces.
			return (await tmux('display-message', '-p', '-t', target, '#{pane_title}')).replace(/\n$/u, '');
		},

		async clipboard() {
			assertOpen();
			return tmux('show-buffer').catch(() => '');
		},

		async signal(name) {
			assertOpen();
			const pid = Number((await tmux('display-message', '-p', '-t', target, '#{pane_pid}')).trim());
			process.kill(pid, name);
		},

		async close() {
			closing ??= (async () => {
				try {
					await tmux('kill-server');
				} catch {
					// The server is already gone (it exits by itself if its last session dies).
				}

				openServers.delete(dir);
				await rm(dir, {recursive: true, force: true});
			})();
			return closing;
		},
	};
	return terminal;
}
