import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSandbox, type Sandbox} from '../../source/sandbox/server.js';
import {call} from './http.js';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({port: 0, size: 'large', seed: 4});
});

afterAll(async () => {
	await sandbox.close();
});

describe('the large seed', () => {
	it('has ≥ 100,000 datasets with an exact v1 total', async () => {
		const list = await call(sandbox, '/api/1/datasets/', {fields: 'total,next_page'});
		expect(list.json.total).toBeGreaterThanOrEqual(90_000);
		const all = await call(sandbox, '/api/1/datasets/?page_size=1', {fields: 'total', key: sandbox.users.sysadmin.apiKey});
		expect(all.json.total).toBeGreaterThanOrEqual(100_000);
	});

	it('caps search totals at 10000 and pages to the window edge', async () => {
		const first = await call(sandbox, '/api/2/datasets/search/', {fields: 'total,next_page'});
		expect(first.json.total).toBe(10_000);
		const last = await call(sandbox, '/api/2/datasets/search/?page=100&page_size=100', {fields: 'data{id},total,next_page'});
		expect(last.json.data).toHaveLength(100);
		expect(last.json.next_page).toBeNull();
		const beyond = await call(sandbox, '/api/2/datasets/search/?page=101&page_size=100');
		expect(beyond).toMatchObject({status: 400, json: {message: 'Result window is too large: page 101 with page_size 100 exceeds the maximum of 10000 results. Maximum page for this page_size is 100.'}});
	});

	it('finds datasets by id and by slug, and pages deep into the v1 list', async () => {
		const deep = await call(sandbox, '/api/1/datasets/?page=4000&page_size=20', {fields: 'data{id,slug}'});
		expect(deep.json.data).toHaveLength(20);
		const {id, slug} = deep.json.data[7];
		expect((await call(sandbox, `/api/1/datasets/${id}/`, {fields: 'slug'})).json).toEqual({slug});
		expect((await call(sandbox, `/api/2/datasets/${slug}/`, {fields: 'id'})).json).toEqual({id});
	});

	it('filters by organization and tag, and sorts', async () => {
		const org = await call(sandbox, `/api/1/datasets/?organization=${sandbox.fixtures.organization.id}&tag=velos&sort=-views`, {fields: 'data{organization{id},tags,metrics{views}},total'});
		expect(org.json.total).toBeGreaterThan(0);
		const views = org.json.data.map((item: {metrics: {views: number}}) => item.metrics.views);
		expect([...views].sort((a, b) => b - a)).toEqual(views);
		for (const item of org.json.data) {
			expect(item.organization.id).toBe(sandbox.fixtures.organization.id);
			expect(item.tags).toContain('velos');
		}
		expect((await call(sandbox, '/api/1/datasets/?organization=ville-de-luxembourg')).json).toEqual({message: 'Organization arg must be an identifier'});
	});

	it('keeps mutations in an overlay', async () => {
		const key = sandbox.users.orgAdmin.apiKey;
		const path = `/api/1/datasets/${sandbox.fixtures.dataset.id}/`;
		const updated = await call(sandbox, path, {method: 'PUT', key, body: {title: 'Comptages vélos temps réel'}});
		expect(updated.json.title).toBe('Comptages vélos temps réel');
		const found = await call(sandbox, '/api/1/datasets/?q=comptages%20velos%20temps%20reel', {fields: 'data{id},total'});
		expect(found.json.data).toContainEqual({id: sandbox.fixtures.dataset.id});
	});
});
