/**
 * The setup every screen test file shares: one sandbox for the file, clients on it closed at the
 * end, the request log cleared before each test, and the rendered app unmounted after it.
 */
import {afterAll, afterEach, beforeAll, beforeEach} from 'vitest';
import {createClient, type Client} from '../../source/api/client.js';
import type {AppProps} from '../../source/app.js';
import {startSandbox, type Sandbox, type SandboxOptions} from '../../source/sandbox/server.js';
import {renderApp, type RenderedApp} from './render-app.js';

export type SandboxSuite = {
	readonly sandbox: Sandbox;
	/** A client on the sandbox with this key (or none), without retries, closed after the file. */
	clientAs(apiKey?: string): Client;
	/** Render the app; it is unmounted after the test. */
	render(props: AppProps, size?: {columns?: number; rows?: number}): Promise<RenderedApp>;
};

export function sandboxSuite(options: SandboxOptions = {}): SandboxSuite {
	let sandbox: Sandbox | undefined;
	let app: RenderedApp | undefined;
	const clients: Client[] = [];
	beforeAll(async () => {
		sandbox = await startSandbox({port: 0, ...options});
	});
	afterAll(async () => {
		await Promise.all(clients.map(async client => client.close()));
		await sandbox?.close();
	});
	beforeEach(() => {
		sandbox?.clearRequests();
		sandbox?.setFaults({latencyMs: 0});
	});
	afterEach(async () => {
		await app?.unmount();
		app = undefined;
	});
	return {
		get sandbox() {
			return sandbox!;
		},
		clientAs(apiKey) {
			const client = createClient({apiUrl: sandbox!.apiRoot, apiKey, retry: {maxRetries: 0}});
			clients.push(client);
			return client;
		},
		async render(props, size) {
			app = await renderApp(props, size);
			return app;
		},
	};
}
