/**
 * HTTPS_PROXY, HTTP_PROXY and NO_PROXY reach the dispatcher: a real tunnelling proxy on
 * 127.0.0.1 records every CONNECT. It forwards only to the sandbox, so nothing here needs the
 * network: a CONNECT to a real portal is recorded and refused.
 */
import {createServer, type Server} from 'node:http';
import {connect, type AddressInfo} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createClient} from '../../source/api/client.js';
import {ApiError} from '../../source/api/errors.js';
import {createAgent, proxySettings} from '../../source/api/http.js';
import {startSandbox, type Sandbox} from '../../source/sandbox/server.js';

let sandbox: Sandbox;
let proxy: Server;
let proxyUrl = '';
const tunnels: string[] = [];

beforeAll(async () => {
	sandbox = await startSandbox({port: 0});
	proxy = createServer((_request, response) => {
		response.writeHead(501).end();
	});
	proxy.on('connect', (request, socket, head) => {
		const target = request.url ?? '';
		tunnels.push(target);
		if (target !== new URL(sandbox.origin).host) {
			socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
			return;
		}

		const upstream = connect(sandbox.port, '127.0.0.1', () => {
			socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			upstream.write(head);
			upstream.pipe(socket);
			socket.pipe(upstream);
		});
		upstream.on('error', () => socket.destroy());
		socket.on('error', () => upstream.destroy());
	});
	await new Promise<void>(resolve => {
		proxy.listen(0, '127.0.0.1', resolve);
	});
	proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

afterAll(async () => {
	proxy.closeAllConnections();
	await new Promise(resolve => {
		proxy.close(resolve);
	});
	await sandbox.close();
});

const organizations = {kind: 'organization', scope: 'catalogue', query: {}} as const;

describe('proxies', () => {
	it('reads the variables as curl does: lowercase first, empty is unset', () => {
		expect(proxySettings({HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2', HTTP_PROXY: ' ', NO_PROXY: 'localhost'})).toEqual({httpsProxy: 'http://lower:2', httpProxy: undefined, noProxy: 'localhost'});
		expect(proxySettings({})).toEqual({httpProxy: undefined, httpsProxy: undefined, noProxy: undefined});
	});

	it('sends a portal\'s requests through HTTPS_PROXY', async () => {
		tunnels.length = 0;
		const client = createClient({apiUrl: 'https://data.public.lu/api/1/', proxy: proxySettings({HTTPS_PROXY: proxyUrl}), retry: {maxRetries: 0}, timeoutMs: 5000});
		try {
			await expect(client.list(organizations)).rejects.toBeInstanceOf(ApiError);
			expect(tunnels).toEqual(['data.public.lu:443']);
		} finally {
			await client.close();
		}
	});

	it('carries the data through the tunnel', async () => {
		tunnels.length = 0;
		const dispatcher = createAgent(proxySettings({HTTP_PROXY: proxyUrl}));
		const client = createClient({apiUrl: sandbox.apiRoot, dispatcher});
		try {
			expect((await client.list(organizations)).items.length).toBeGreaterThan(0);
			expect(tunnels).toEqual([new URL(sandbox.origin).host]);
		} finally {
			await dispatcher.close();
		}
	});

	it('skips the proxy for a NO_PROXY host and for a loopback portal', async () => {
		tunnels.length = 0;
		// .invalid never resolves: the request fails at DNS, not at the proxy.
		const excluded = createClient({apiUrl: 'https://udx-test.invalid/api/1/', proxy: proxySettings({HTTPS_PROXY: proxyUrl, NO_PROXY: 'example.org,udx-test.invalid'}), retry: {maxRetries: 0}, timeoutMs: 5000});
		const loopback = createClient({apiUrl: sandbox.apiRoot, proxy: proxySettings({HTTP_PROXY: proxyUrl, HTTPS_PROXY: proxyUrl})});
		try {
			await expect(excluded.list(organizations)).rejects.toMatchObject({kind: 'network'});
			expect((await loopback.list(organizations)).items.length).toBeGreaterThan(0);
			expect(tunnels).toEqual([]);
		} finally {
			await Promise.all([excluded.close(), loopback.close()]);
		}
	});
});
