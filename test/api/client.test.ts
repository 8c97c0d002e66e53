import {createServer, type IncomingMessage, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {createClient, UnsafeConfigError, type Client, type ClientOptions} from '../../source/api/client.js';
import {ApiError} from '../../source/api/errors.js';
import {catalogue} from '../../source/domain/list-source.js';
import {startSandbox, type Sandbox} from '../../source/sandbox/server.js';

let sandbox: Sandbox;
const clients: Client[] = [];
const fastRetry = {maxRetries: 2, baseDelayMs: 5, maxDelayMs: 2000, maxTotalMs: 5000};

function client(options: Partial<ClientOptions> = {}): Client {
	const made = createClient({apiUrl: sandbox.apiRoot, retry: fastRetry, ...options});
	clients.push(made);
	return made;
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof ApiError) {
			return error;
		}

		throw error;
	}

	throw new Error('expected the call to fail');
}

/** A plain listener that records what it receives: the place the key must never reach. */
async function listener(host: string, handle?: (request: IncomingMessage, respond: (status: number, headers: Record<string, string>, body: string) => void) => void): Promise<{server: Server; url: string; received: IncomingMessage[]}> {
	const received: IncomingMessage[] = [];
	const server = createServer((request, response) => {
		received.push(request);
		const respond = (status: number, headers: Record<string, string>, body: string) => {
			response.writeHead(status, headers).end(body);
		};

		if (handle) {
			handle(request, respond);
		} else {
			respond(200, {'content-type': 'application/json'}, '{"data": [], "next_page": null}');
		}
	});
	await new Promise<void>(resolve => {
		server.listen(0, host, resolve);
	});
	const {port} = server.address() as AddressInfo;
	return {server, url: `http://${host}:${port}`, received};
}

beforeAll(async () => {
	sandbox = await startSandbox({port: 0, seed: 7});
});

afterAll(async () => {
	await Promise.all(clients.map(async made => made.close()));
	await sandbox.close();
});

beforeEach(() => {
	sandbox.setFaults({latencyMs: 0, serverErrorRate: 0, rateLimitRate: 0, resetRate: 0, malformedJsonRate: 0, htmlBadGatewayRate: 0});
	sandbox.clearRequests();
});

describe('paging', () => {
	it('follows next_page to the end: every item once, and a 404 past the end is the end', async () => {
		const api = client();
		const source = {kind: 'dataset', scope: 'organization', organizationId: sandbox.fixtures.organization.id} as const;
		const ids: string[] = [];
		let pages = 0;
		let total: number | null = null;
		for await (const page of api.pages(source, {pageSize: 20})) {
			pages++;
			total = page.total;
			ids.push(...page.items.map(item => item.id));
		}

		expect(total).toBeGreaterThanOrEqual(47);
		expect(ids).toHaveLength(total!);
		expect(new Set(ids).size).toBe(ids.length);
		expect(pages).toBe(Math.ceil(total! / 20));

		const past = await api.list(source, {pageUrl: `${sandbox.apiRoot}organizations/${sandbox.fixtures.organization.id}/datasets/?page=99&page_size=20`});
		expect(past).toMatchObject({items: [], nextPageUrl: null});
	});

	it('asks lists only for the fields a row shows (X-Fields)', async () => {
		const page = await client().organizations.list({}, {pageSize: 5});
		expect(page.items).toHaveLength(5);
		expect(page.items[0]!.name).not.toBe('');
		// Not asked for, so not sent: lists stay slim.
		expect(page.items[0]!.description).toBeNull();
		const fields = sandbox.requests.at(-1)?.headers['x-fields'];
		expect(fields).toMatch(/^data\{.*name.*\},page,page_size,total,next_page,previous_page$/u);
	});

	it('reads a bare array (an organization\'s reuses) as one final page', async () => {
		const page = await client().organizations.reuses(sandbox.fixtures.organization.id);
		expect(page.items.length).toBeGreaterThan(0);
		expect(page.nextPageUrl).toBeNull();
		expect(page.items.every(reuse => reuse.kind === 'reuse')).toBe(true);
	});

	it('pages a dataset\'s resources through v2, by 50', async () => {
		const api = client();
		const search = await api.datasets.list({}, {pageSize: 100});
		const big = search.items.find(dataset => (dataset.resourceCount ?? 0) > 50);
		expect(big, 'the seed has a dataset with more than 50 resources on the first page').toBeDefined();
		const first = await api.datasets.resources(big!.id);
		expect(first.items).toHaveLength(50);
		expect(first.items[0]).toMatchObject({kind: 'resource', datasetId: big!.id});
		expect(first.nextPageUrl).toContain('/api/2/datasets/');
	});

	it('searches through v2 with the total capped at 10,000 (large seed)', async () => {
		const large = await startSandbox({port: 0, size: 'large'});
		try {
			const api = createClient({apiUrl: large.apiRoot, retry: fastRetry});
			clients.push(api);
			const page = await api.list({kind: 'dataset', scope: 'search', query: {}});
			expect(page.total).toBe(10_000);
			expect(page.totalCapped).toBe(true);
			const exact = await api.datasets.list();
			// ≥ 100,000 seeded; a few are private or deleted, hidden from anonymous lists.
			expect(exact.total).toBeGreaterThanOrEqual(90_000);
			expect(exact.totalCapped).toBe(false);
			// Past the Elasticsearch window: a 400 in words, not a crash.
			const deep = await failure(api.list({kind: 'dataset', scope: 'search', query: {}}, {pageUrl: `${large.origin}/api/2/datasets/search/?page=600&page_size=20`}));
			expect(deep).toMatchObject({kind: 'validation', status: 400});
			expect(deep.serverMessage).toContain('Result window is too large');
		} finally {
			await large.close();
		}
	});

	it('searches through v1 q where the portal has no v2 search service', async () => {
		sandbox.script({kind: 'status', status: 501, path: '/api/2/organizations/search/', times: 1});
		const page = await client().list({kind: 'organization', scope: 'search', query: {q: 'statistique'}});
		expect(page.items.map(org => org.acronym)).toContain('INSEE');
		expect(sandbox.requests.map(request => request.url)).toEqual([
			expect.stringMatching(/^\/api\/2\/organizations\/search\/\?q=statistique/u),
			expect.stringMatching(/^\/api\/1\/organizations\/\?q=statistique/u),
		]);
	});

	it('filters with q: every word must match, accents ignored', async () => {
		const page = await client().organizations.list({q: 'statistique etudes'});
		expect(page.items.map(org => org.acronym)).toContain('INSEE');
	});
});

describe('objects and identity', () => {
	it('gets an object by slug with its raw JSON, sanitised', async () => {
		const {item, raw} = await client().organizations.get(sandbox.fixtures.organization.slug);
		expect(item).toMatchObject({kind: 'organization', id: sandbox.fixtures.organization.id, name: sandbox.fixtures.organization.name});
		expect(item.members.length).toBeGreaterThan(0);
		expect(raw).toMatchObject({id: sandbox.fixtures.organization.id});
	});

	it('knows who the key belongs to', async () => {
		const {item} = await client({apiKey: sandbox.users.sysadmin.apiKey}).me();
		expect(item).toMatchObject({id: sandbox.users.sysadmin.id});
		expect(item.roles).toContain('admin');
	});
});

describe('errors from real responses', () => {
	it.each([
		['invalid', () => 'udata_not_a_key', 'Invalid API token'],
		['revoked', () => sandbox.revokedKey, 'Revoked API token'],
		['expired', () => sandbox.expiredKey, 'Expired API token'],
	])('a refused key (%s) is unauthorized with udata\'s reason, even on a public list', async (_name, key, reason) => {
		const error = await failure(client({apiKey: key()}).organizations.list());
		expect(error).toMatchObject({kind: 'unauthorized', status: 401, serverMessage: reason});
		expect(error.message).not.toContain(key());
	});

	it('the users list is sysadmin-only: 401 anonymous, 403 for others', async () => {
		expect(await failure(client().users.list())).toMatchObject({kind: 'unauthorized', status: 401});
		expect(await failure(client({apiKey: sandbox.users.editor.apiKey}).users.list())).toMatchObject({kind: 'forbidden', status: 403});
		expect((await client({apiKey: sandbox.users.sysadmin.apiKey}).users.list()).items.length).toBeGreaterThan(0);
	});

	it('an unknown object is not-found', async () => {
		expect(await failure(client().datasets.get('no-such-dataset-anywhere'))).toMatchObject({kind: 'not-found', status: 404});
	});

	it('a deleted object is gone for outsiders, and the DELETE went out once', async () => {
		const admin = client({apiKey: sandbox.users.orgAdmin.apiKey});
		const page = await admin.organizations.datasets(sandbox.fixtures.organization.id, {pageSize: 50});
		const victim = page.items.find(dataset => dataset.id !== sandbox.fixtures.dataset.id)!;
		await admin.remove('dataset', victim.id);
		const gone = await failure(client().datasets.get(victim.id));
		expect(gone).toMatchObject({kind: 'gone', status: 410, serverMessage: 'Dataset has been deleted'});
		expect(sandbox.requests.filter(request => request.method === 'DELETE')).toHaveLength(1);
		const restored = await admin.restore('dataset', victim.id);
		expect(restored.item.deleted).toBeNull();
	});

	it('an editor may not delete the organization: forbidden, in udata\'s words', async () => {
		const error = await failure(client({apiKey: sandbox.users.editor.apiKey}).remove('organization', sandbox.fixtures.organization.id));
		expect(error).toMatchObject({kind: 'forbidden', status: 403, serverMessage: 'You do not have the permission to modify that object.'});
	});

	it('validation errors, in both of udata\'s shapes', async () => {
		const admin = client({apiKey: sandbox.users.orgAdmin.apiKey});
		const org = await failure(admin.update('organization', sandbox.fixtures.organization.id, {name: ''}));
		expect(org).toMatchObject({kind: 'validation', status: 400});
		expect(Object.keys(org.fieldErrors)).toContain('name');
		expect(org.serverMessage).toBeTruthy();
		const dataset = await failure(admin.update('dataset', sandbox.fixtures.dataset.id, {title: ''}));
		expect(dataset).toMatchObject({kind: 'validation', status: 400});
		expect(dataset.fieldErrors['title']?.length).toBeGreaterThan(0);
	});

	it('a partial update changes only what was sent', async () => {
		const admin = client({apiKey: sandbox.users.orgAdmin.apiKey});
		const before = await admin.organizations.get(sandbox.fixtures.organization.id);
		const after = await admin.update('organization', sandbox.fixtures.organization.id, {acronym: 'TST'});
		expect(after.item).toMatchObject({acronym: 'TST', name: before.item.name, description: before.item.description});
		const put = sandbox.requests.find(request => request.method === 'PUT');
		expect(JSON.parse(put!.body)).toEqual({acronym: 'TST'});
		await admin.update('organization', sandbox.fixtures.organization.id, {acronym: before.item.acronym});
	});

	it.each([
		['malformed-json', {kind: 'decode'}],
		['html-502', {kind: 'server', status: 502}],
	] as const)('%s becomes %j', async (kind, expected) => {
		sandbox.script({kind, path: '/api/1/reuses/', times: 1});
		expect(await failure(client({retry: {maxRetries: 0}}).reuses.list())).toMatchObject(expected);
	});

	it('an HTML error page is read by its title', async () => {
		sandbox.script({kind: 'html-502', path: '/api/1/reuses/', times: 1});
		const error = await failure(client({retry: {maxRetries: 0}}).reuses.list());
		expect(error.serverMessage).toMatch(/502|Bad Gateway/u);
	});

	it('a refused connection is a network error', async () => {
		const closed = await listener('127.0.0.1');
		const url = `${closed.url}/api/1/`;
		await new Promise(resolve => {
			closed.server.close(resolve);
		});
		const error = await failure(createClient({apiUrl: url, retry: fastRetry}).organizations.list());
		expect(error).toMatchObject({kind: 'network'});
	});

	it('a slow server is a timeout', async () => {
		sandbox.setFaults({latencyMs: 2000});
		expect(await failure(client({timeoutMs: 100, retry: {maxRetries: 0}}).organizations.list())).toMatchObject({kind: 'timeout'});
	});

	it('an aborted call is aborted', async () => {
		sandbox.setFaults({latencyMs: 2000});
		const controller = new AbortController();
		const call = client().organizations.list({}, {signal: controller.signal});
		controller.abort();
		expect(await failure(call)).toMatchObject({kind: 'aborted'});
	});
});

describe('retries: GETs only', () => {
	it('retries a GET on 5xx and gives up within its bounds', async () => {
		sandbox.script({kind: 'status', status: 503, path: '/api/1/organizations/', times: 1 + fastRetry.maxRetries});
		const error = await failure(client().organizations.list());
		expect(error).toMatchObject({kind: 'server', status: 503});
		expect(sandbox.requests.filter(request => request.url.startsWith('/api/1/organizations/'))).toHaveLength(1 + fastRetry.maxRetries);
	});

	it('recovers from a malformed body on a GET (a cut-off answer), asking once more', async () => {
		sandbox.script({kind: 'malformed-json', path: '/api/1/organizations/', times: 1});
		const page = await client().organizations.list();
		expect(page.items.length).toBeGreaterThan(0);
		expect(sandbox.requests.filter(request => request.url.startsWith('/api/1/organizations/'))).toHaveLength(2);
	});

	it('recovers from a reset and a 500 on a GET', async () => {
		sandbox.script({kind: 'reset', path: '/api/1/organizations/', times: 1});
		sandbox.script({kind: 'status', status: 500, path: '/api/1/organizations/', times: 1});
		const page = await client().organizations.list();
		expect(page.items.length).toBeGreaterThan(0);
	});

	it('honours Retry-After on a 429', async () => {
		sandbox.script({kind: 'rate-limit', retryAfterSeconds: 1, path: '/api/1/organizations/', times: 1});
		const started = Date.now();
		const page = await client().organizations.list();
		expect(page.items.length).toBeGreaterThan(0);
		// Waited as asked (a lower bound: a loaded machine only makes it later).
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
	});

	it('does not wait for a Retry-After beyond its bounds: rate-limited, in words', async () => {
		sandbox.script({kind: 'rate-limit', retryAfterSeconds: 120, path: '/api/1/organizations/', times: 1});
		const error = await failure(client().organizations.list());
		expect(error).toMatchObject({kind: 'rate-limited', status: 429, retryAfterMs: 120_000});
	});

	it.each([
		['DELETE on 503', {kind: 'status', status: 503} as const, async (api: Client) => api.remove('reuse', sandbox.fixtures.reuse.id), 'DELETE'],
		['DELETE on a reset', {kind: 'reset'} as const, async (api: Client) => api.remove('reuse', sandbox.fixtures.reuse.id), 'DELETE'],
		['PUT on 500', {kind: 'status', status: 500} as const, async (api: Client) => api.update('reuse', sandbox.fixtures.reuse.id, {title: 'x'}), 'PUT'],
		['PUT on 429', {kind: 'rate-limit', retryAfterSeconds: 0} as const, async (api: Client) => api.update('reuse', sandbox.fixtures.reuse.id, {title: 'x'}), 'PUT'],
	])('never retries a mutation: %s', async (_name, fault, call, method) => {
		// Exactly one scripted: a retry would consume nothing and succeed, and the count below catches it.
		sandbox.script({...fault, method, path: '/api/1/reuses/', times: 1});
		await failure(call(client({apiKey: sandbox.users.sysadmin.apiKey})));
		expect(sandbox.requests.filter(request => request.method === method)).toHaveLength(1);
	});
});

describe('the key stays on its origin', () => {
	it('sends the key to the configured origin', async () => {
		await client({apiKey: sandbox.users.editor.apiKey}).organizations.list();
		expect(sandbox.requests.at(-1)?.apiKey).toBe(sandbox.users.editor.apiKey);
	});

	it('refuses a next_page on another origin: the other listener receives nothing', async () => {
		const other = await listener('127.0.0.2');
		const api = client({apiKey: sandbox.users.editor.apiKey});
		const error = await failure(api.list(catalogue('organization'), {pageUrl: `${other.url}/api/1/organizations/?page=2`}));
		expect(error.kind).toBe('unsafe');
		expect(error.message).toContain('another origin');
		expect(other.received).toHaveLength(0);
		other.server.close();
	});

	it('refuses a redirect to another origin, and a page whose next_page goes elsewhere', async () => {
		const other = await listener('127.0.0.2');
		const hostile = await listener('127.0.0.1', (request, respond) => {
			if (request.url?.startsWith('/api/1/organizations/?page=2')) {
				respond(302, {location: `${other.url}/api/1/organizations/?page=2`}, '');
				return;
			}

			respond(200, {'content-type': 'application/json'}, JSON.stringify({data: [{id: 'a', name: 'A'}], page: 1, total: 3, next_page: `${hostile.url}/api/1/organizations/?page=2`}));
		});
		const api = createClient({apiUrl: `${hostile.url}/api/1/`, apiKey: 'secret-key', retry: fastRetry});
		const seen: string[] = [];
		const error = await failure((async () => {
			for await (const page of api.pages(catalogue('organization'))) {
				seen.push(...page.items.map(item => item.id));
			}
		})());
		expect(seen).toEqual(['a']);
		expect(error.kind).toBe('unsafe');
		expect(hostile.received.map(request => request.headers['x-api-key'])).toEqual(['secret-key', 'secret-key']);
		expect(other.received).toHaveLength(0);
		await api.close();
		hostile.server.close();
		other.server.close();
	});

	it('refuses to send a key over plain http except to loopback', () => {
		expect(() => createClient({apiUrl: 'http://data.public.lu/api/1/', apiKey: 'k'})).toThrow(UnsafeConfigError);
		expect(() => createClient({apiUrl: 'http://data.public.lu/api/1/'})).not.toThrow();
		expect(() => createClient({apiUrl: 'http://127.0.0.1:9/api/1/', apiKey: 'k'})).not.toThrow();
		expect(() => createClient({apiUrl: 'http://localhost:9/api/1/', apiKey: 'k'})).not.toThrow();
	});

	it('never puts the key in an error', async () => {
		sandbox.script({kind: 'status', status: 500, path: '/api/1/organizations/', times: 1});
		const error = await failure(client({apiKey: sandbox.users.editor.apiKey, retry: {maxRetries: 0}}).organizations.list());
		expect(JSON.stringify({message: error.message, url: error.url, server: error.serverMessage})).not.toContain(sandbox.users.editor.apiKey);
	});
});
