/**
 * The embedded udata-compatible sandbox: a `node:http` server answering like the udata API (the contract is
 * API.md), over seeded fake data, with fault injection and request recording for tests, `udx --demo` and benchmarks.
 */
import {createServer} from 'node:http';
import type {IncomingMessage, Server, ServerResponse} from 'node:http';
import type {Socket} from 'node:net';
import {handleApi} from './api.js';
import {BAD_GATEWAY_HTML, FaultEngine} from './faults.js';
import type {FaultDecision, Faults, ScriptedFault} from './faults.js';
import {REFERENCE_DATE} from './ids.js';
import {MaskParseError, applyMask, parseMask} from './mask.js';
import type {Mask} from './mask.js';
import type {UserRecord} from './model.js';
import {MESSAGES, message, unauthorized, unknownRoute} from './replies.js';
import type {Reply} from './replies.js';
import type {ApiRequest} from './request.js';
import type {Scope} from './serialize.js';
import {World} from './world.js';

export type {FaultKind, Faults, ScriptedFault} from './faults.js';

/** One request as the sandbox received it (`status` is 0 when the socket was reset without a response). */
export type RecordedRequest = {method: string; url: string; apiKey: string | undefined; headers: Record<string, string | string[] | undefined>; body: string; status: number; at: number};

/** A seeded user with a working API key. */
export type SandboxUser = {id: string; slug: string; firstName: string; lastName: string; apiKey: string};

export type SandboxOptions = {host?: string; port?: number; seed?: number; size?: 'small' | 'large'; faults?: Partial<Faults>; faultSeed?: number; hostile?: boolean};

type Named = {id: string; slug: string};

export type Sandbox = {
	/** `http://127.0.0.1:PORT` */
	origin: string;
	/** `http://127.0.0.1:PORT/api/1/` */
	apiRoot: string;
	port: number;
	users: {sysadmin: SandboxUser; orgAdmin: SandboxUser; editor: SandboxUser; outsider: SandboxUser};
	/**
	 * Named fixtures tests can rely on: the org that orgAdmin administers and editor edits, one of its datasets (6
	 * resources), one of its reuses, and `bigDataset`, a dataset of the same org with exactly 120 resources.
	 */
	fixtures: {organization: Named & {name: string}; dataset: Named & {title: string}; reuse: Named & {title: string}; bigDataset: Named & {title: string}};
	/** Special keys: a revoked and an expired token (401 with "Revoked API token" / "Expired API token"). */
	revokedKey: string;
	expiredKey: string;
	/** Every request received, in order (except `/__sandbox/` introspection calls). */
	requests: RecordedRequest[];
	/** TCP connections accepted. */
	stats: {connections: number};
	setFaults(faults: Partial<Faults>): void;
	script(fault: ScriptedFault): void;
	clearRequests(): void;
	close(): Promise<void>;
};

const JSON_TYPE = 'application/json';

function firstHeader(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

/** Whether the client prefers HTML over JSON (API.md §1: 404s are then answered with an HTML page). */
function prefersHtml(accept: string | undefined): boolean {
	if (!accept) {
		return false;
	}
	const html = accept.indexOf('text/html');
	const json = accept.indexOf('application/json');
	return html !== -1 && (json === -1 || html < json);
}

const HTML_404 = `<!doctype html>
<html lang=en>
<title>404 Not Found</title>
<h1>Not Found</h1>
<p>${MESSAGES.notFound}</p>
`;

/** Stand-in file contents for the seeded resources the sandbox hosts itself (`/static/resources/…`). */
function staticFile(pathname: string): Reply {
	const extension = pathname.slice(pathname.lastIndexOf('.') + 1).toLowerCase();
	if (extension === 'csv') {
		const rows = ['id;commune;date;valeur'];
		for (let i = 1; i <= 20; i++) {
			rows.push(`${i};Commune ${i};2025-${String((i % 12) + 1).padStart(2, '0')}-01;${(i * 37) % 101}`);
		}
		return {status: 200, text: `${rows.join('\n')}\n`, contentType: 'text/csv; charset=utf-8'};
	}
	if (extension === 'json' || extension === 'geojson') {
		return {status: 200, text: JSON.stringify({type: 'FeatureCollection', features: []}), contentType: JSON_TYPE};
	}
	return {status: 200, text: `udata sandbox placeholder for ${pathname}\n`, contentType: 'application/octet-stream'};
}

function toSandboxUser(user: UserRecord, apiKey: string): SandboxUser {
	return {id: user.id, slug: user.slug, firstName: user.firstName, lastName: user.lastName, apiKey};
}

/** Start a sandbox. Resolves once it listens; `close()` stops it (and drops kept-alive connections). */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const host = options.host ?? '127.0.0.1';
	const seed = options.seed ?? 1;
	const world = new World({seed, size: options.size ?? 'small', hostile: options.hostile ?? false});
	const engine = new FaultEngine(options.faults, options.faultSeed ?? seed);
	const requests: RecordedRequest[] = [];
	const stats = {connections: 0};
	const timers = new Map<NodeJS.Timeout, () => void>();
	const sockets = new Set<Socket>();
	let closed = false;
	let lastNow = 0;
	// Mutation timestamps: real time, but never before the seed's reference date and strictly increasing, so a PUT
	// always moves `last_modified` forward.
	const now = (): number => {
		lastNow = Math.max(Date.now(), REFERENCE_DATE, lastNow + 1);
		return lastNow;
	};
	const keyOf = new Map<number, string>();
	for (const [key, userIndex] of world.keys) {
		keyOf.set(userIndex, key);
	}

	const delay = (ms: number) =>
		new Promise<void>((resolve) => {
			const timer = setTimeout(() => {
				timers.delete(timer);
				resolve();
			}, ms);
			timers.set(timer, resolve);
		});

	/** API.md §6.1: the key is checked on every request; a bad one fails even public GETs. Bearer: silently ignored if bad. */
	const authenticate = (request: IncomingMessage): UserRecord | null | Reply => {
		const key = firstHeader(request.headers['x-api-key']);
		if (key) {
			if (key === world.revokedKey) {
				return unauthorized('Revoked API token');
			}
			if (key === world.expiredKey) {
				return unauthorized('Expired API token');
			}
			const userIndex = world.keys.get(key);
			const user = userIndex === undefined ? undefined : world.users[userIndex];
			if (!user) {
				return unauthorized('Invalid API token');
			}
			return user.active ? user : unauthorized('Inactive user');
		}
		const bearer = /^Bearer\s+(\S+)$/i.exec(firstHeader(request.headers.authorization) ?? '')?.[1];
		const userIndex = bearer === undefined ? undefined : world.keys.get(bearer);
		return userIndex === undefined ? null : (world.users[userIndex] ?? null);
	};

	const write = (response: ServerResponse, reply: Reply, mask: Mask | null, record: RecordedRequest | null): void => {
		if (response.destroyed || response.writableEnded) {
			return;
		}
		let body = '';
		let contentType = reply.contentType ?? JSON_TYPE;
		if (reply.json !== undefined) {
			const value = mask !== null && reply.status >= 200 && reply.status < 300 ? applyMask(reply.json, mask) : reply.json;
			body = JSON.stringify(value);
			contentType = JSON_TYPE;
		} else if (reply.text !== undefined) {
			body = reply.text;
		}
		const headers: Record<string, string | number> = {...reply.headers};
		if (reply.status !== 204 && reply.status !== 304) {
			headers['Content-Type'] = contentType;
			headers['Content-Length'] = Buffer.byteLength(body);
		}
		if (record) {
			record.status = reply.status;
		}
		response.writeHead(reply.status, headers);
		response.end(reply.status === 204 ? undefined : body);
	};

	const faultReply = (decision: FaultDecision, normal: () => Reply, method: string): Reply & {mask?: Mask} => {
		switch (decision.kind) {
			case 'html-502': {
				return {status: decision.status, text: BAD_GATEWAY_HTML, contentType: 'text/html'};
			}
			case 'rate-limit': {
				return {status: decision.status, headers: {'Retry-After': String(decision.retryAfterSeconds)}, json: {message: MESSAGES.tooManyRequests}};
			}
			case 'malformed-json': {
				// A truncated body: for reads, the real answer cut in half; writes are not executed.
				const full = method === 'GET' ? JSON.stringify(normal().json ?? {}) : '';
				const cut = full.length > 16 ? full.slice(0, Math.floor(full.length / 2)) : '{"data": [{"id": "';
				return {status: 200, text: cut, contentType: JSON_TYPE};
			}
			default: {
				const text = decision.status === 503 ? MESSAGES.unavailable : decision.status === 502 ? MESSAGES.badGateway : MESSAGES.internal;
				return message(decision.status, text);
			}
		}
	};

	const introspect = async (request: IncomingMessage, response: ServerResponse, pathname: string, body: string): Promise<void> => {
		const reply = (status: number, json?: unknown) => write(response, json === undefined ? {status} : {status, json}, null, null);
		let payload: Record<string, unknown> = {};
		if (request.method === 'POST' && body.trim() !== '') {
			try {
				payload = JSON.parse(body) as Record<string, unknown>;
			} catch {
				reply(400, {message: 'expecting a JSON body'});
				return;
			}
		}
		if (request.method === 'GET' && pathname === '/__sandbox/requests') {
			reply(200, requests);
		} else if (request.method === 'GET' && pathname === '/__sandbox/fixtures') {
			reply(200, {users: sandbox.users, fixtures: sandbox.fixtures, revokedKey: sandbox.revokedKey, expiredKey: sandbox.expiredKey});
		} else if (request.method === 'POST' && pathname === '/__sandbox/clear') {
			requests.length = 0;
			reply(204);
		} else if (request.method === 'POST' && pathname === '/__sandbox/faults') {
			engine.set(payload as Partial<Faults>);
			reply(200, engine.faults);
		} else if (request.method === 'POST' && pathname === '/__sandbox/script') {
			const path = payload['path'];
			if (typeof payload['kind'] !== 'string') {
				reply(400, {message: '`kind` is required'});
				return;
			}
			engine.script({...(payload as ScriptedFault), path: typeof path === 'string' ? new RegExp(path) : undefined});
			reply(204);
		} else {
			reply(404, {error: MESSAGES.notFound, status: 404});
		}
	};

	const onRequest = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
		const chunks: Buffer[] = [];
		for await (const chunk of request) {
			chunks.push(chunk as Buffer);
		}
		const body = Buffer.concat(chunks).toString('utf8');
		const hostHeader = firstHeader(request.headers.host) ?? `${host}:${port}`;
		const origin = `http://${hostHeader}`;
		let url: URL;
		try {
			url = new URL(request.url ?? '/', origin);
		} catch {
			write(response, unknownRoute(), null, null);
			return;
		}
		const method = (request.method ?? 'GET').toUpperCase();
		const pathAndSearch = `${url.pathname}${url.search}`;
		if (url.pathname.startsWith('/__sandbox/')) {
			await introspect(request, response, url.pathname, body);
			return;
		}
		const record: RecordedRequest = {method, url: pathAndSearch, apiKey: firstHeader(request.headers['x-api-key']), headers: {...request.headers}, body, status: 0, at: Date.now()};
		requests.push(record);

		if (!url.pathname.startsWith('/api/')) {
			const reply = url.pathname.startsWith('/static/resources/') && (method === 'GET' || method === 'HEAD') ? staticFile(url.pathname) : unknownRoute();
			write(response, reply.status === 404 && prefersHtml(request.headers.accept) ? {status: 404, text: HTML_404, contentType: 'text/html; charset=utf-8'} : reply, null, record);
			return;
		}

		// Faults are decided on arrival, so the PRNG sequence follows the request order (reproducible per faultSeed).
		const decision = engine.decide(method, pathAndSearch);
		if (engine.faults.latencyMs > 0) {
			await delay(engine.faults.latencyMs);
			if (closed) {
				return;
			}
		}
		if (decision?.kind === 'reset') {
			record.status = 0;
			request.socket.destroy();
			return;
		}

		const normal = (): Reply & {mask?: Mask} => {
			const user = authenticate(request);
			if (user !== null && 'status' in user) {
				return user;
			}
			let mask: Mask | null = null;
			const fields = firstHeader(request.headers['x-fields']);
			if (fields && fields.trim() !== '') {
				try {
					mask = parseMask(fields);
				} catch (error) {
					return message(400, `Mask parse error: ${error instanceof MaskParseError ? error.message : String(error)}`);
				}
			}
			const scope: Scope = {origin, world, user, viewer: world.viewer(user), lang: url.searchParams.get('lang') === 'fr' ? 'fr' : 'en', hidden: mask !== null};
			const apiRequest: ApiRequest = {method, url, path: url.pathname, params: url.searchParams, headers: request.headers, body, world, scope, user, now};
			const reply = handleApi(apiRequest);
			return mask === null ? reply : {...reply, mask};
		};

		let reply: Reply & {mask?: Mask};
		try {
			reply = decision ? faultReply(decision, normal, method) : normal();
		} catch (error) {
			// A sandbox bug must look like a server error, not hang the client.
			process.emitWarning(`udata sandbox: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
			reply = message(500, MESSAGES.internal);
		}
		if (reply.status === 404 && prefersHtml(request.headers.accept)) {
			reply = {status: 404, text: HTML_404, contentType: 'text/html; charset=utf-8'};
		}
		write(response, reply, reply.mask ?? null, record);
	};

	const server: Server = createServer((request, response) => {
		onRequest(request, response).catch((error: unknown) => {
			process.emitWarning(`udata sandbox: ${String(error)}`);
			if (!response.headersSent && !response.destroyed) {
				response.writeHead(500, {'Content-Type': JSON_TYPE});
				response.end(JSON.stringify({message: MESSAGES.internal}));
			}
		});
	});
	// Generous keep-alive so a client paging through a list reuses one connection (the benchmark counts them).
	server.keepAliveTimeout = 60_000;
	server.headersTimeout = 65_000;
	server.on('connection', (socket: Socket) => {
		stats.connections++;
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const address = server.address();
	const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 0);
	const visibleHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
	const serverOrigin = `http://${visibleHost}:${port}`;

	const userOf = (index: number): SandboxUser => {
		const user = world.users[index] as UserRecord;
		return toSandboxUser(user, keyOf.get(index) ?? '');
	};
	const org = world.organizations[world.fixtures.organization];
	const dataset = (index: number) => ({id: world.datasets.id(index), slug: world.datasets.slug(index), title: world.datasets.title(index)});
	const fixtureReuse = world.reuses[world.fixtures.reuse];

	const sandbox: Sandbox = {
		origin: serverOrigin,
		apiRoot: `${serverOrigin}/api/1/`,
		port,
		users: {sysadmin: userOf(world.fixtures.sysadmin), orgAdmin: userOf(world.fixtures.orgAdmin), editor: userOf(world.fixtures.editor), outsider: userOf(world.fixtures.outsider)},
		fixtures: {
			organization: {id: org?.id ?? '', slug: org?.slug ?? '', name: org?.name ?? ''},
			dataset: dataset(world.fixtures.dataset),
			reuse: {id: fixtureReuse?.id ?? '', slug: fixtureReuse?.slug ?? '', title: fixtureReuse?.title ?? ''},
			bigDataset: dataset(world.fixtures.bigDataset),
		},
		revokedKey: world.revokedKey,
		expiredKey: world.expiredKey,
		requests,
		stats,
		setFaults(faults) {
			engine.set(faults);
		},
		script(fault) {
			engine.script(fault);
		},
		clearRequests() {
			requests.length = 0;
		},
		async close() {
			if (closed) {
				return;
			}
			closed = true;
			// Wake delayed requests so they see `closed` and finish instead of lingering.
			for (const [timer, wake] of timers) {
				clearTimeout(timer);
				wake();
			}
			timers.clear();
			const done = new Promise<void>((resolve) => {
				server.close(() => resolve());
			});
			server.closeAllConnections();
			for (const socket of sockets) {
				socket.destroy();
			}
			await done;
		},
	};
	return sandbox;
}
