/**
 * argv/env → config → client → render(<App/>): the only place that reads process.* (STYLE.md).
 * It also owns the terminal: the alternate screen is entered here and restored on every exit path.
 */
import {homedir} from 'node:os';
import process from 'node:process';
import {render} from 'ink';
import {App} from './app.js';
import {createClient, defaultUserAgent, UnsafeConfigError, type Client} from './api/client.js';
import {proxySettings} from './api/http.js';
import {parseArgs, usage} from './cli-args.js';
import {auditLogPath} from './audit-log.js';
import {runBatch} from './batch/run.js';
import {catalogueFrame} from './navigation/commands.js';
import type {Sandbox} from './sandbox/server.js';
import {createTheme, ThemeProvider} from './ui/theme.js';
import {createClipboard} from './system/clipboard.js';
import {openInBrowser} from './system/browser.js';

declare const __UDX_VERSION__: string | undefined;
const version = typeof __UDX_VERSION__ === 'string' ? __UDX_VERSION__ : 'dev';
const userAgent = defaultUserAgent.replace('udata-explorer', `udata-explorer/${version}`);
// HTTPS_PROXY, HTTP_PROXY, NO_PROXY: read here, handed to every client's agent.
const proxy = proxySettings(process.env);

const enterAlternateScreen = '\u001B[?1049h\u001B[H';
// Leave the alternate screen and show the cursor again (Ink hides it while rendering).
const leaveAlternateScreen = '\u001B[?25h\u001B[?1049l';

function fail(message: string, code = 2): never {
	process.stderr.write(`udx: ${message}\n`);
	process.exit(code);
}

async function runSandbox(args: readonly string[]): Promise<void> {
	const {runSandboxCli} = await import('./sandbox/cli.js');
	let sandbox: Sandbox;
	try {
		sandbox = await runSandboxCli([...args], process.stdout);
	} catch (error) {
		fail(error instanceof Error ? error.message : String(error));
	}

	const stop = () => {
		void sandbox.close().finally(() => process.exit(0));
	};

	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2), process.env);
	switch (args.command) {
		case 'help': {
			process.stdout.write(`${usage}\n`);
			return;
		}

		case 'version': {
			process.stdout.write(`udx ${version}\n`);
			return;
		}

		case 'error': {
			fail(args.message);
		}

		// eslint-disable-next-line no-fallthrough
		case 'sandbox': {
			await runSandbox(args.args);
			return;
		}

		case 'get':
		case 'list': {
			// No terminal check, no alternate screen: this is the pipe-friendly path (`| jq .metrics`).
			let client: Client;
			try {
				client = createClient({apiUrl: args.apiUrl, apiKey: process.env['UDATA_API_KEY'], userAgent, proxy});
			} catch (error) {
				if (error instanceof UnsafeConfigError) {
					fail(error.message);
				}

				throw error;
			}

			// `| head -1` closes the pipe early: stop fetching and end quietly with 0, as cat does.
			// Any other write failure (a full disk) is reported and fails the run.
			const outputGone = new AbortController();
			let writeError: NodeJS.ErrnoException | undefined;
			process.stdout.on('error', (error: NodeJS.ErrnoException) => {
				writeError ??= error;
				outputGone.abort();
			});
			const code = await runBatch(args, {client, stdout: process.stdout, stderr: process.stderr, signal: outputGone.signal});
			if (writeError !== undefined && writeError.code !== 'EPIPE') {
				process.stderr.write(`udx: can't write the output: ${writeError.message}\n`);
				process.exitCode = 1;
			} else {
				process.exitCode = code;
			}

			await client.close();
			return;
		}

		case 'app': {
			break;
		}
	}

	// Ink needs a terminal both ways: raw mode on stdin, a size on stdout (INK-NOTES pitfall 2).
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		fail('udx is interactive and needs a terminal on stdin and stdout (run it in a terminal, not a pipe)');
	}

	let sandbox: Sandbox | undefined;
	let apiUrl = args.apiUrl;
	let apiKey = process.env['UDATA_API_KEY'];
	let keySource = 'UDATA_API_KEY';
	if (args.demo) {
		const {startSandbox} = await import('./sandbox/server.js');
		sandbox = await startSandbox({port: 0});
		apiUrl = sandbox.apiRoot;
		apiKey = sandbox.users.sysadmin.apiKey;
		keySource = 'the demo sandbox';
	}

	let client: Client;
	try {
		client = createClient({apiUrl, apiKey, userAgent, proxy});
	} catch (error) {
		if (error instanceof UnsafeConfigError) {
			fail(error.message);
		}

		throw error;
	}

	let restored = false;
	const restoreTerminal = () => {
		if (!restored) {
			restored = true;
			process.stdout.write(leaveAlternateScreen);
		}
	};

	process.stdout.write(enterAlternateScreen);
	process.on('exit', restoreTerminal);
	for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) {
		process.once(signal, () => {
			restoreTerminal();
			process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15));
		});
	}

	const crash = (error: unknown) => {
		restoreTerminal();
		process.stderr.write(`udx crashed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
		process.exit(1);
	};

	process.on('uncaughtException', crash);
	process.on('unhandledRejection', crash);

	const instance = render(
		<ThemeProvider theme={createTheme(args.color)}>
			<App
				client={client}
				clientFor={key => createClient({apiUrl, apiKey: key, userAgent, proxy})}
				initial={args.list ? [catalogueFrame(args.list)] : []}
				keySource={keySource}
				pageSize={args.pageSize}
				readOnly={args.readOnly}
				auditLog={auditLogPath(process.env, homedir())}
				clipboard={createClipboard({writeToTerminal: bytes => process.stdout.write(bytes), platform: process.platform, env: process.env})}
				openUrl={async url => openInBrowser(url, {platform: process.platform, env: process.env})}
			/>
		</ThemeProvider>,
		{exitOnCtrlC: false, patchConsole: true},
	);
	await instance.waitUntilExit();
	restoreTerminal();
	await Promise.allSettled([client.close(), sandbox?.close()]);
	process.exit(0);
}

await main();
