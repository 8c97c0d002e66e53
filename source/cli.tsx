/**
 * argv/env → config → client → render(<App/>): the only place that reads process.* (STYLE.md).
 * It also owns the terminal: the alternate screen is entered here and restored on every exit path.
 */
import {homedir} from 'node:os';
import process from 'node:process';
import {render} from 'ink';
import {App, type PortalSession} from './app.js';
import {createClient, defaultUserAgent, UnsafeConfigError, type Client} from './api/client.js';
import {proxySettings} from './api/http.js';
import {parseArgs, usage} from './cli-args.js';
import {auditLogPath} from './audit-log.js';
import {runBatch} from './batch/run.js';
import {catalogueFrame} from './navigation/commands.js';
import type {PortalChoice} from './batch/args.js';
import {emptyConfig, loadConfig, type Config} from './config/config-file.js';
import {formatInfo} from './config/info.js';
import {describeKeySource, loadKey} from './config/key-file.js';
import {portalByName, portalNames, resolveActivePortal, type ActivePortal, type PortalFlags, type Resolution} from './config/resolve.js';
import type {Sandbox} from './sandbox/server.js';
import {createTheme, ThemeProvider} from './ui/theme.js';
import {createClipboard} from './system/clipboard.js';
import {openInBrowser} from './system/browser.js';
import {filteredStdin} from './system/filtered-stdin.js';

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

/** Where a session's settings come from: the config file, read once; invalid, it stops us. */
async function readConfig(): Promise<Config> {
	const load = await loadConfig({env: process.env, home: homedir()});
	if (load.status === 'invalid') {
		fail(load.error);
	}

	return load.config;
}

function flagsOf(choice: PortalChoice, extra: {readonly readOnly?: boolean; readonly pageSize?: number | undefined} = {}): PortalFlags {
	return {api: choice.api, portal: choice.portal, readOnly: extra.readOnly, pageSize: extra.pageSize};
}

/** A client on a resolved portal, its key read where the portal says (a key file must be 600). */
async function openPortal(resolution: Resolution): Promise<{readonly portal: ActivePortal; readonly session: PortalSession} | {readonly error: string}> {
	if ('error' in resolution) {
		return resolution;
	}

	const {portal} = resolution;
	const key = await loadKey(portal.keySource, {env: process.env, home: homedir(), platform: process.platform});
	if ('error' in key) {
		return key;
	}

	const clientFor = (apiKey: string | undefined) => createClient({apiUrl: portal.apiUrl, apiKey, userAgent, proxy, portalKind: portal.kind});
	try {
		return {portal, session: {client: clientFor(key.key), clientFor, keySource: describeKeySource(portal.keySource, homedir()), pageSize: portal.pageSize, readOnly: portal.readOnly}};
	} catch (error) {
		if (error instanceof UnsafeConfigError) {
			return {error: error.message};
		}

		throw error;
	}
}

async function runInfo(choice: PortalChoice): Promise<void> {
	// Info is where a broken config is looked at: report it rather than stop.
	const load = await loadConfig({env: process.env, home: homedir()});
	const resolution = resolveActivePortal(load.status === 'invalid' ? emptyConfig : load.config, process.env, flagsOf(choice));
	const keyCheck = 'error' in resolution ? undefined : await loadKey(resolution.portal.keySource, {env: process.env, home: homedir(), platform: process.platform});
	process.stdout.write(`${formatInfo({load, resolution, keyCheck, env: process.env, home: homedir()})}\n`);
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

		case 'info': {
			await runInfo(args.portal);
			return;
		}

		case 'get':
		case 'list': {
			// No terminal check, no alternate screen: this is the pipe-friendly path (`| jq .metrics`).
			const opened = await openPortal(resolveActivePortal(await readConfig(), process.env, flagsOf(args.portal)));
			if ('error' in opened) {
				fail(opened.error);
			}

			const {client} = opened.session;
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
	let session: PortalSession;
	let portals: {readonly names: readonly string[]; open(name: string): Promise<PortalSession | {readonly error: string}>} | undefined;
	if (args.demo) {
		const {startSandbox} = await import('./sandbox/server.js');
		sandbox = await startSandbox({port: 0});
		const {apiRoot} = sandbox;
		const clientFor = (apiKey: string | undefined) => createClient({apiUrl: apiRoot, apiKey, userAgent});
		session = {client: clientFor(sandbox.users.sysadmin.apiKey), clientFor, keySource: 'the demo sandbox', pageSize: args.pageSize, readOnly: args.readOnly};
	} else {
		const config = await readConfig();
		const flags = flagsOf(args.portal, {readOnly: args.readOnly, pageSize: args.pageSize});
		const opened = await openPortal(resolveActivePortal(config, process.env, flags));
		if ('error' in opened) {
			fail(opened.error);
		}

		session = opened.session;
		portals = {
			names: portalNames(config),
			async open(name) {
				const next = await openPortal(portalByName(config, name, process.env, flags));
				return 'error' in next ? next : next.session;
			},
		};
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
				client={session.client}
				clientFor={session.clientFor}
				initial={args.list ? [catalogueFrame(args.list)] : []}
				keySource={session.keySource}
				pageSize={session.pageSize}
				readOnly={session.readOnly}
				portals={portals}
				auditLog={auditLogPath(process.env, homedir())}
				clipboard={createClipboard({writeToTerminal: bytes => process.stdout.write(bytes), platform: process.platform, env: process.env})}
				openUrl={async url => openInBrowser(url, {platform: process.platform, env: process.env})}
			/>
		</ThemeProvider>,
		{exitOnCtrlC: false, patchConsole: true, stdin: filteredStdin(process.stdin)},
	);
	await instance.waitUntilExit();
	restoreTerminal();
	await Promise.allSettled([session.client.close(), sandbox?.close()]);
	process.exit(0);
}

await main();
