import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {startSandbox, type Faults, type Sandbox} from '../../source/sandbox/server.js';
import {call} from './http.js';

const NONE: Faults = {latencyMs: 0, serverErrorRate: 0, rateLimitRate: 0, retryAfterSeconds: 1, resetRate: 0, malformedJsonRate: 0, htmlBadGatewayRate: 0};

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({port: 0});
});

afterAll(async () => {
	await sandbox.close();
});

beforeEach(() => {
	sandbox.setFaults(NONE);
	sandbox.clearRequests();
});

describe('scripted faults', () => {
	it('status: the next matching request gets that status as a JSON error, then it is spent', async () => {
		sandbox.script({kind: 'status', status: 503, path: '/api/1/organizations/'});
		const failed = await call(sandbox, '/api/1/organizations/');
		expect(failed.status).toBe(503);
		expect(failed.json).toEqual({message: expect.stringContaining('temporarily unable')});
		expect((await call(sandbox, '/api/1/organizations/', {fields: 'total'})).status).toBe(200);
	});

	it('reset: the socket is destroyed without a response (recorded with status 0)', async () => {
		sandbox.script({kind: 'reset', path: /^\/api\/1\/datasets\//u});
		await expect(call(sandbox, '/api/1/datasets/')).rejects.toThrow();
		expect(sandbox.requests.at(-1)).toMatchObject({url: '/api/1/datasets/', status: 0});
		expect((await call(sandbox, '/api/1/datasets/', {fields: 'total'})).status).toBe(200);
	});

	it('malformed-json: a 200 whose body does not parse', async () => {
		sandbox.script({kind: 'malformed-json', path: '/api/1/reuses/'});
		const response = await call(sandbox, '/api/1/reuses/');
		expect(response.status).toBe(200);
		expect(response.headers['content-type']).toContain('application/json');
		expect(response.text.length).toBeGreaterThan(0);
		expect(() => JSON.parse(response.text)).toThrow();
	});

	it('html-502: a proxy\'s HTML page', async () => {
		sandbox.script({kind: 'html-502', path: '/api/1/reuses/'});
		const response = await call(sandbox, '/api/1/reuses/');
		expect(response.status).toBe(502);
		expect(response.headers['content-type']).toContain('text/html');
		expect(response.text).toContain('<title>502 Bad Gateway</title>');
	});

	it('rate-limit: 429 with Retry-After (which may be 0)', async () => {
		sandbox.script({kind: 'rate-limit', retryAfterSeconds: 0, path: '/api/1/reuses/'});
		sandbox.script({kind: 'rate-limit', retryAfterSeconds: 30, path: '/api/1/reuses/'});
		const first = await call(sandbox, '/api/1/reuses/');
		expect(first.status).toBe(429);
		expect(first.headers['retry-after']).toBe('0');
		expect((await call(sandbox, '/api/1/reuses/')).headers['retry-after']).toBe('30');
	});

	it('matches method and path, counts `times`, and applies before random faults', async () => {
		sandbox.setFaults({serverErrorRate: 1});
		sandbox.script({kind: 'status', status: 418, method: 'PUT', path: '/api/1/reuses/', times: 2});
		sandbox.script({kind: 'status', status: 409, method: 'GET', path: 'page=7', times: 2});
		expect((await call(sandbox, '/api/1/reuses/?page=7')).status).toBe(409);
		expect((await call(sandbox, `/api/1/reuses/${sandbox.fixtures.reuse.id}/`, {method: 'PUT', body: {}})).status).toBe(418);
		expect((await call(sandbox, `/api/1/reuses/${sandbox.fixtures.reuse.id}/`, {method: 'PUT', body: {}})).status).toBe(418);
		expect((await call(sandbox, '/api/1/reuses/?page=7')).status).toBe(409);
		// Spent: the random 100% server-error rate takes over.
		expect([500, 503]).toContain((await call(sandbox, '/api/1/reuses/?page=7')).status);
	});

	it('never applies to non-API paths or the introspection endpoints', async () => {
		sandbox.setFaults({serverErrorRate: 1});
		expect((await call(sandbox, '/__sandbox/requests')).status).toBe(200);
		expect((await call(sandbox, '/static/resources/x/y/z.csv')).status).toBe(200);
	});
});

describe('random faults', () => {
	async function outcomes(faultSeed: number): Promise<string[]> {
		const faulty = await startSandbox({port: 0, faultSeed, faults: {serverErrorRate: 0.2, rateLimitRate: 0.1, resetRate: 0.1, malformedJsonRate: 0.1, htmlBadGatewayRate: 0.1, retryAfterSeconds: 2}});
		try {
			const seen: string[] = [];
			for (let i = 0; i < 40; i++) {
				try {
					const response = await call(faulty, `/api/1/organizations/?page=${(i % 3) + 1}`, {fields: 'page'});
					const parsed = response.json === undefined && response.status === 200 ? 'garbled' : '';
					seen.push(`${response.status}${parsed}${response.headers['retry-after'] ? `:${String(response.headers['retry-after'])}` : ''}`);
				} catch {
					seen.push('reset');
				}
			}
			return seen;
		} finally {
			await faulty.close();
		}
	}

	it('are reproducible for a given faultSeed, and differ for another', async () => {
		const first = await outcomes(42);
		const again = await outcomes(42);
		expect(again).toEqual(first);
		expect(new Set(first).size).toBeGreaterThanOrEqual(4);
		expect(first).toContain('429:2');
		expect(first).toContain('reset');
		expect(first).toContain('200garbled');
		expect(first.filter((outcome) => outcome === '200').length).toBeGreaterThan(0);
		expect(await outcomes(43)).not.toEqual(first);
	});
});

describe('introspection over HTTP (/__sandbox/)', () => {
	it('lists requests with their key, excluding /__sandbox calls, and clears them', async () => {
		await call(sandbox, '/api/1/organizations/?page_size=1', {key: sandbox.users.editor.apiKey, fields: 'total'});
		await call(sandbox, `/api/1/reuses/${sandbox.fixtures.reuse.id}/`, {method: 'PUT', key: sandbox.users.editor.apiKey, body: {title: 'Carte'}});
		const listed = await call(sandbox, '/__sandbox/requests');
		expect(listed.json).toHaveLength(2);
		expect(listed.json[0]).toMatchObject({method: 'GET', url: '/api/1/organizations/?page_size=1', apiKey: sandbox.users.editor.apiKey, status: 200, body: ''});
		expect(listed.json[0].headers['x-fields']).toBe('total');
		expect(listed.json[1]).toMatchObject({method: 'PUT', status: 200, body: JSON.stringify({title: 'Carte'})});
		expect((await call(sandbox, '/__sandbox/requests')).json).toHaveLength(2);
		expect(sandbox.requests).toHaveLength(2);

		expect((await call(sandbox, '/__sandbox/clear', {method: 'POST'})).status).toBe(204);
		expect((await call(sandbox, '/__sandbox/requests')).json).toEqual([]);
	});

	it('sets faults and scripts one-shot faults with a regex source', async () => {
		expect((await call(sandbox, '/__sandbox/faults', {method: 'POST', body: {serverErrorRate: 1}})).status).toBe(200);
		expect([500, 503]).toContain((await call(sandbox, '/api/1/reuses/')).status);
		await call(sandbox, '/__sandbox/faults', {method: 'POST', body: {serverErrorRate: 0}});
		expect((await call(sandbox, '/__sandbox/script', {method: 'POST', body: {kind: 'rate-limit', path: '^/api/1/reuses/\\?page=2$', retryAfterSeconds: 5}})).status).toBe(204);
		expect((await call(sandbox, '/api/1/reuses/?page=3', {fields: 'page'})).status).toBe(200);
		const limited = await call(sandbox, '/api/1/reuses/?page=2');
		expect(limited.status).toBe(429);
		expect(limited.headers['retry-after']).toBe('5');
		expect((await call(sandbox, '/api/1/reuses/?page=2', {fields: 'page'})).status).toBe(200);
	});

	it('counts TCP connections (keep-alive reuses one)', async () => {
		const before = sandbox.stats.connections;
		for (let page = 1; page <= 5; page++) {
			await call(sandbox, `/api/1/organizations/?page=${page}`, {fields: 'page'});
		}
		expect(sandbox.stats.connections - before).toBeLessThanOrEqual(1);
	});
});
