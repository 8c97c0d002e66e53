import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSandbox, type Sandbox} from '../../source/sandbox/server.js';
import {call} from './http.js';

const NOT_FOUND = 'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({port: 0});
});

afterAll(async () => {
	await sandbox.close();
});

describe('Page objects (API.md §2)', () => {
	it('following next_page yields every item exactly once, then a 404 past the end', async () => {
		const first = `/api/1/organizations/${sandbox.fixtures.organization.id}/datasets/?page_size=20`;
		const ids: string[] = [];
		let url: string | null = first;
		let pages = 0;
		let total = 0;
		while (url !== null) {
			const page = await call(sandbox, url, {fields: 'data{id},total,next_page,previous_page,page,page_size'});
			expect(page.status).toBe(200);
			pages++;
			total = page.json.total;
			expect(page.json.page).toBe(pages);
			expect(page.json.page_size).toBe(20);
			expect(page.json.previous_page === null).toBe(pages === 1);
			ids.push(...page.json.data.map((item: {id: string}) => item.id));
			url = page.json.next_page;
		}
		expect(total).toBeGreaterThanOrEqual(47);
		expect(ids).toHaveLength(total);
		expect(new Set(ids).size).toBe(total);
		expect(pages).toBe(Math.ceil(total / 20));
		expect(ids).toContain(sandbox.fixtures.dataset.id);

		const past = await call(sandbox, `/api/1/organizations/${sandbox.fixtures.organization.id}/datasets/?page=${pages + 1}&page_size=20`);
		expect(past.status).toBe(404);
		expect(past.json).toEqual({message: NOT_FOUND});
	});

	it('builds absolute links that copy every query param, page_size only when sent', async () => {
		const withSize = await call(sandbox, '/api/1/datasets/?tag=mobilite&sort=-views&foo=bar&page_size=5&tag=transport', {fields: 'next_page,previous_page,total'});
		expect(withSize.status).toBe(200);
		expect(withSize.json.next_page).toBe(`${sandbox.origin}/api/1/datasets/?tag=mobilite&sort=-views&foo=bar&page_size=5&tag=transport&page=2`);
		expect(withSize.json.previous_page).toBeNull();

		const noSize = await call(sandbox, '/api/1/organizations/?sort=-followers&page=2', {fields: 'next_page,previous_page,page_size'});
		expect(noSize.json.page_size).toBe(20);
		expect(noSize.json.next_page).toBe(`${sandbox.origin}/api/1/organizations/?sort=-followers&page=3`);
		expect(noSize.json.previous_page).toBe(`${sandbox.origin}/api/1/organizations/?sort=-followers&page=1`);
	});

	it('re-serialises the org path param as its slug in next_page (API.md §2.2)', async () => {
		const page = await call(sandbox, `/api/1/organizations/${sandbox.fixtures.organization.id}/datasets/`, {fields: 'next_page'});
		expect(page.json.next_page).toBe(`${sandbox.origin}/api/1/organizations/${sandbox.fixtures.organization.slug}/datasets/?page=2`);
	});

	it('answers page 1 of an empty list with 200 and data: [], a later empty page with 404', async () => {
		const empty = await call(sandbox, '/api/1/datasets/?q=zzzzqqqqxxxx');
		expect(empty.status).toBe(200);
		expect(empty.json).toMatchObject({data: [], page: 1, total: 0, next_page: null, previous_page: null});
		expect((await call(sandbox, '/api/1/datasets/?q=zzzzqqqqxxxx&page=2')).status).toBe(404);
	});

	it.each([
		['page_size=0', 'page_size', 'The page size to fetch Invalid page_size: 0. page_size must be a positive integer'],
		['page_size=-3', 'page_size', 'The page size to fetch Invalid page_size: -3. page_size must be a positive integer'],
		['page_size=abc', 'page_size', 'The page size to fetch abc is not a valid integer'],
		['page=0', 'page', 'The page to fetch Invalid page: 0. page must be a positive integer'],
		['page=1.5', 'page', 'The page to fetch 1.5 is not a valid integer'],
	])('rejects %s with the §2.3 400 body', async (query, argument, text) => {
		const response = await call(sandbox, `/api/1/organizations/?${query}`);
		expect(response.status).toBe(400);
		expect(response.json).toEqual({errors: {[argument]: text}, message: 'Input payload validation failed'});
	});

	it('rejects filters that need an ObjectId, every time', async () => {
		for (let attempt = 0; attempt < 2; attempt++) {
			expect(await call(sandbox, `/api/1/datasets/?organization=${sandbox.fixtures.organization.slug}`)).toMatchObject({status: 400, json: {message: 'Organization arg must be an identifier'}});
		}
		expect(await call(sandbox, '/api/1/reuses/?organization=nope')).toMatchObject({status: 400, json: {message: '`organization` must be an identifier'}});
		const byId = await call(sandbox, `/api/1/datasets/?organization=${sandbox.fixtures.organization.id}&page_size=100`, {fields: 'data{organization{id}}'});
		expect(byId.json.data.every((item: {organization: {id: string}}) => item.organization.id === sandbox.fixtures.organization.id)).toBe(true);
	});

	it('rejects an unknown sort with the reqparse message', async () => {
		const response = await call(sandbox, '/api/1/datasets/?sort=-nope');
		expect(response.status).toBe(400);
		expect(response.json).toEqual({errors: {sort: "The field (and direction) on which sorting apply The value '-nope' is not a valid choice for 'sort'."}, message: 'Input payload validation failed'});
	});
});

describe('X-Fields masks (API.md §1)', () => {
	it('keeps only the masked keys, nested, and skips unknown names', async () => {
		const response = await call(sandbox, '/api/1/organizations/?page_size=3', {fields: 'data{id,name,metrics{datasets},nope},total,next_page,page,page_size'});
		expect(Object.keys(response.json).sort()).toEqual(['data', 'next_page', 'page', 'page_size', 'total']);
		expect(response.json.data).toHaveLength(3);
		for (const org of response.json.data) {
			expect(Object.keys(org)).toEqual(['id', 'name', 'metrics']);
			expect(Object.keys(org.metrics)).toEqual(['datasets']);
		}
	});

	it('masks single objects and bare arrays, and leaves error bodies alone', async () => {
		const org = await call(sandbox, `/api/1/organizations/${sandbox.fixtures.organization.slug}/`, {fields: 'id,members{role,user{slug}}'});
		expect(Object.keys(org.json)).toEqual(['id', 'members']);
		expect(org.json.members[0]).toEqual({user: {slug: expect.any(String)}, role: expect.any(String)});
		const reuses = await call(sandbox, `/api/1/organizations/${sandbox.fixtures.organization.id}/reuses/`, {fields: 'id,title'});
		expect(Object.keys(reuses.json[0])).toEqual(['id', 'title']);
		const missing = await call(sandbox, '/api/1/datasets/no-such-dataset/', {fields: 'id'});
		expect(missing.json).toEqual({message: NOT_FOUND});
	});

	it('exposes hidden fields only when asked for', async () => {
		const plain = await call(sandbox, `/api/1/datasets/${sandbox.fixtures.dataset.id}/`);
		expect(plain.json).not.toHaveProperty('community_resources');
		const asked = await call(sandbox, `/api/1/datasets/${sandbox.fixtures.dataset.id}/`, {fields: 'id,community_resources'});
		expect(asked.json).toEqual({id: sandbox.fixtures.dataset.id, community_resources: []});
	});

	it('makes a masked 20-row v1 dataset list far lighter than the full one (resources are embedded)', async () => {
		const full = await call(sandbox, '/api/1/datasets/');
		const masked = await call(sandbox, '/api/1/datasets/', {fields: 'data{id,title,organization{name}},total,next_page,page,page_size'});
		expect(full.json.data).toHaveLength(20);
		expect(full.text.length).toBeGreaterThan(20 * masked.text.length);
		const withResources = full.json.data.find((item: {resources: unknown[]}) => item.resources.length > 0);
		expect(withResources.resources[0]).toMatchObject({url: expect.stringMatching(/^https?:\/\//u), checksum: expect.anything(), extras: expect.any(Object)});
	});

	it('answers 400 on an unbalanced mask', async () => {
		const response = await call(sandbox, '/api/1/organizations/', {fields: 'data{id'});
		expect(response.status).toBe(400);
		expect(response.json.message).toMatch(/^Mask parse error/u);
	});
});

describe('v2 dataset resources (API.md §2.2 exception)', () => {
	it('pages 120 resources by 50: 50/50/20, with hand-built links carrying the dataset id', async () => {
		const {id, slug} = sandbox.fixtures.bigDataset;
		const seen = new Set<string>();
		const sizes: number[] = [];
		let url: string | null = `/api/2/datasets/${slug}/resources/`;
		while (url !== null) {
			const page = await call(sandbox, url);
			expect(page.status).toBe(200);
			expect(page.json.total).toBe(120);
			expect(page.json.page_size).toBe(50);
			sizes.push(page.json.data.length);
			for (const item of page.json.data) {
				seen.add(item.id);
			}
			url = page.json.next_page;
			if (url !== null) {
				expect(url).toBe(`${sandbox.origin}/api/2/datasets/${id}/resources/?page=${sizes.length + 1}&page_size=50`);
			}
		}
		expect(sizes).toEqual([50, 50, 20]);
		expect(seen.size).toBe(120);
	});

	it('answers past the end with an empty page, not a 404, and builds filtered links by hand', async () => {
		const past = await call(sandbox, `/api/2/datasets/${sandbox.fixtures.bigDataset.id}/resources/?page=9`);
		expect(past.status).toBe(200);
		expect(past.json).toMatchObject({data: [], next_page: null, total: 120});
		const filtered = await call(sandbox, `/api/2/datasets/${sandbox.fixtures.bigDataset.slug}/resources/?q=E&page_size=2&foo=bar`);
		expect(filtered.json.total).toBeGreaterThan(2);
		expect(filtered.json.data.every((item: {title: string}) => item.title.toLowerCase().includes('e'))).toBe(true);
		// Only page, page_size, type and q are carried, q as sent (API.md §2.2).
		expect(filtered.json.next_page).toBe(`${sandbox.origin}/api/2/datasets/${sandbox.fixtures.bigDataset.id}/resources/?page=2&page_size=2&q=E`);
	});

	it('serves v2 datasets with resources as a subsection link', async () => {
		const response = await call(sandbox, `/api/2/datasets/${sandbox.fixtures.bigDataset.id}/`);
		expect(response.json.resources).toEqual({rel: 'subsection', href: `${sandbox.origin}/api/2/datasets/${sandbox.fixtures.bigDataset.id}/resources/?page=1&page_size=50`, type: 'GET', total: 120});
		expect(response.json).not.toHaveProperty('schema');
	});
});

describe('Elasticsearch-backed search (API.md §2.4)', () => {
	it('rejects page × page_size > 10000 with the exact message', async () => {
		const response = await call(sandbox, '/api/2/datasets/search/?page=501&page_size=20');
		expect(response.status).toBe(400);
		expect(response.json).toEqual({message: 'Result window is too large: page 501 with page_size 20 exceeds the maximum of 10000 results. Maximum page for this page_size is 500.'});
		expect((await call(sandbox, '/api/2/datasets/search/?page=500&page_size=20')).status).toBe(200);
	});

	it('answers past the end with empty data, and page 1 when nothing matched', async () => {
		const past = await call(sandbox, '/api/2/organizations/search/?page=400', {fields: 'data,page,previous_page,next_page'});
		expect(past.status).toBe(200);
		expect(past.json).toMatchObject({data: [], page: 400, next_page: null});
		expect(past.json.previous_page).toContain('page=399');
		const none = await call(sandbox, '/api/2/datasets/search/?q=zzzzqqqq&page=3');
		expect(none.json).toMatchObject({data: [], page: 1, total: 0});
	});

	it('searches datasets with every word required, accents ignored', async () => {
		const response = await call(sandbox, '/api/2/datasets/search/?q=QUALITE%20de%20l%27AIR&page_size=50', {fields: 'data{title},total'});
		expect(response.json.total).toBeGreaterThan(0);
		for (const item of response.json.data) {
			expect(item.title.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()).toMatch(/qualit.*air|air|luft/u);
		}
	});
});

describe('bare arrays and shapes', () => {
	it('answers an organization\'s reuses as a bare array of reuse objects', async () => {
		const response = await call(sandbox, `/api/1/organizations/${sandbox.fixtures.organization.id}/reuses/`);
		expect(Array.isArray(response.json)).toBe(true);
		expect(response.json.length).toBeGreaterThan(0);
		expect(response.json.map((item: {id: string}) => item.id)).toContain(sandbox.fixtures.reuse.id);
		expect(response.json[0].organization.id).toBe(sandbox.fixtures.organization.id);
	});

	it('reduces reuse datasets to {id,title,uri,page} in lists but embeds full datasets in GET', async () => {
		const list = await call(sandbox, '/api/1/reuses/?page_size=50');
		const item = list.json.data.find((reuse: {datasets: unknown[]}) => reuse.datasets.length > 0);
		expect(Object.keys(item.datasets[0]).sort()).toEqual(['id', 'page', 'title', 'uri']);
		const full = await call(sandbox, `/api/1/reuses/${sandbox.fixtures.reuse.slug}/`);
		expect(full.json.datasets[0]).toHaveProperty('resources');
	});

	it('uses self_api_url/self_web_url and a datasets link for dataservices', async () => {
		const list = await call(sandbox, '/api/1/dataservices/?page_size=1');
		const service = list.json.data[0];
		expect(service).not.toHaveProperty('uri');
		expect(service.self_api_url).toMatch(new RegExp(`^${sandbox.origin}/api/1/dataservices/`, 'u'));
		expect(service.datasets).toMatchObject({rel: 'subsection', type: 'GET', href: `${sandbox.origin}/api/1/datasets/?dataservice=${service.id}`});
		const linked = await call(sandbox, service.datasets.href, {fields: 'total'});
		expect(linked.json.total).toBeLessThanOrEqual(service.datasets.total);
	});

	it('has two 404 shapes, a 405 for v1 resource listing, and 308 for a missing slash', async () => {
		expect(await call(sandbox, '/api/1/oups')).toMatchObject({status: 404, json: {error: NOT_FOUND, status: 404}});
		const html = await call(sandbox, '/api/1/oups/', {headers: {accept: 'text/html'}});
		expect(html.status).toBe(404);
		expect(html.headers['content-type']).toContain('text/html');
		const list = await call(sandbox, `/api/1/datasets/${sandbox.fixtures.dataset.id}/resources/`);
		expect(list).toMatchObject({status: 405, json: {message: 'The method is not allowed for the requested URL.'}});
		const slash = await call(sandbox, '/api/1/organizations?page=2');
		expect(slash.status).toBe(308);
		expect(slash.headers.location).toBe(`${sandbox.origin}/api/1/organizations/?page=2`);
		expect((await call(sandbox, '/api/1/organizations/', {method: 'PATCH'})).status).toBe(405);
	});

	it('looks objects up by id, then slug, and redirects non-canonical slugs', async () => {
		const {id, slug} = sandbox.fixtures.organization;
		expect((await call(sandbox, `/api/1/organizations/${id}/`, {fields: 'slug'})).json).toEqual({slug});
		expect((await call(sandbox, `/api/1/organizations/${slug}/`, {fields: 'id'})).json).toEqual({id});
		const upper = await call(sandbox, `/api/1/organizations/${slug.toUpperCase()}/`);
		expect(upper.status).toBe(308);
		expect(upper.headers.location).toBe(`${sandbox.origin}/api/1/organizations/${slug}/`);
		expect((await call(sandbox, '/api/1/users/does-not-exist/')).status).toBe(404);
	});

	it('redirects /datasets/r/<rid> to the file, which the sandbox serves', async () => {
		const dataset = await call(sandbox, `/api/1/datasets/${sandbox.fixtures.dataset.id}/`);
		const resource = dataset.json.resources[0];
		const latest = await call(sandbox, resource.latest);
		expect(latest.status).toBe(302);
		expect(latest.headers.location).toBe(resource.url);
		expect((await call(sandbox, '/api/1/datasets/r/00000000-0000-4000-8000-000000000000')).json).toEqual({message: 'Resource not found'});
		const byId = await call(sandbox, `/api/2/datasets/resources/${resource.id}/`);
		expect(byId.json).toEqual({resource, dataset_id: sandbox.fixtures.dataset.id});
		if (resource.filetype === 'file') {
			expect((await call(sandbox, resource.url)).status).toBe(200);
		}
	});
});
