import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSandbox, type Sandbox} from '../../source/sandbox/server.js';
import {call} from './http.js';

const FORBIDDEN = 'You do not have the permission to modify that object.';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({port: 0, seed: 3});
});

afterAll(async () => {
	await sandbox.close();
});

/** The ids of one list page, as an anonymous caller sees it. */
async function listedIds(path: string): Promise<string[]> {
	const page = await call(sandbox, path, {fields: 'data{id}'});
	return page.json.data.map((item: {id: string}) => item.id);
}

describe('organization delete permissions (API.md §6.3)', () => {
	const path = () => `/api/1/organizations/${sandbox.fixtures.organization.id}/`;

	it('editor 403, outsider 403, anonymous 401, admin 204 (empty body), then 410 again', async () => {
		expect(await call(sandbox, path(), {method: 'DELETE', key: sandbox.users.editor.apiKey})).toMatchObject({status: 403, json: {message: FORBIDDEN}});
		expect(await call(sandbox, path(), {method: 'DELETE', key: sandbox.users.outsider.apiKey})).toMatchObject({status: 403, json: {message: FORBIDDEN}});
		const anonymous = await call(sandbox, path(), {method: 'DELETE'});
		expect(anonymous.status).toBe(401);
		expect(anonymous.headers['www-authenticate']).toBe('Bearer realm="uData"');

		const deleted = await call(sandbox, path(), {method: 'DELETE', key: sandbox.users.orgAdmin.apiKey});
		expect(deleted.status).toBe(204);
		expect(deleted.text).toBe('');
		expect(await call(sandbox, path(), {method: 'DELETE', key: sandbox.users.orgAdmin.apiKey})).toMatchObject({status: 410, json: {message: 'Organization has been deleted'}});
	});

	it('then: 410 for outsiders and anonymous, 200 with `deleted` for members and the sysadmin; gone from lists', async () => {
		expect(await call(sandbox, path())).toMatchObject({status: 410, json: {message: 'Organization has been deleted'}});
		expect((await call(sandbox, path(), {key: sandbox.users.outsider.apiKey})).status).toBe(410);
		for (const key of [sandbox.users.editor.apiKey, sandbox.users.orgAdmin.apiKey, sandbox.users.sysadmin.apiKey]) {
			const member = await call(sandbox, path(), {key, fields: 'id,deleted'});
			expect(member.status).toBe(200);
			expect(member.json.deleted).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?\+00:00$/u);
		}
		const all = await call(sandbox, `/api/1/organizations/?page_size=1000`, {fields: 'data{id},total'});
		expect(all.json.data.map((org: {id: string}) => org.id)).not.toContain(sandbox.fixtures.organization.id);
	});

	it('a PUT on the deleted org is 410 unless it sends "deleted": null, which does not undelete an org', async () => {
		expect((await call(sandbox, path(), {method: 'PUT', key: sandbox.users.orgAdmin.apiKey, body: {acronym: 'X'}})).status).toBe(410);
		const passed = await call(sandbox, path(), {method: 'PUT', key: sandbox.users.orgAdmin.apiKey, body: {deleted: null, acronym: 'X'}});
		expect(passed.status).toBe(200);
		expect(passed.json).toMatchObject({acronym: 'X', deleted: expect.any(String)});
	});
});

describe('dataset delete and restore (API.md §6.3)', () => {
	it('soft-deletes: 204, 410 "Dataset has been deleted" for outsiders, 200 for members, absent from lists; restores with {"deleted": null}', async () => {
		const first = (await listedIds('/api/1/datasets/?page_size=5'))[0]!;
		const path = `/api/1/datasets/${first}/`;
		const owner = await call(sandbox, path, {fields: 'organization{id},owner{id}'});
		// Use the sysadmin: allowed on any dataset.
		const key = sandbox.users.sysadmin.apiKey;
		expect(owner.status).toBe(200);
		expect((await call(sandbox, path, {method: 'DELETE', key: sandbox.users.outsider.apiKey})).status).toBe(owner.json.owner?.id === sandbox.users.outsider.id ? 204 : 403);
		const deleted = await call(sandbox, path, {method: 'DELETE', key});
		expect(deleted).toMatchObject({status: 204, text: ''});
		expect(await call(sandbox, path)).toMatchObject({status: 410, json: {message: 'Dataset has been deleted'}});
		expect(await call(sandbox, path, {key})).toMatchObject({status: 200, json: {deleted: expect.any(String)}});
		expect(await listedIds('/api/1/datasets/?page_size=5')).not.toContain(first);
		expect((await call(sandbox, path, {method: 'DELETE', key})).status).toBe(410);
		expect((await call(sandbox, path, {method: 'PUT', key, body: {title: 'x'}})).status).toBe(410);

		const restored = await call(sandbox, path, {method: 'PUT', key, body: {deleted: null}});
		expect(restored).toMatchObject({status: 200, json: {id: first, deleted: null}});
		expect((await call(sandbox, path)).status).toBe(200);
		expect((await listedIds('/api/1/datasets/?page_size=5'))[0]).toBe(first);
	});

	it('hard-deletes a resource', async () => {
		const key = sandbox.users.editor.apiKey;
		const dataset = await call(sandbox, `/api/1/datasets/${sandbox.fixtures.dataset.id}/`);
		const count = dataset.json.resources.length;
		const rid = dataset.json.resources[0].id;
		const resource = `/api/1/datasets/${sandbox.fixtures.dataset.id}/resources/${rid}/`;
		expect((await call(sandbox, resource)).status).toBe(200);
		expect((await call(sandbox, resource, {method: 'DELETE', key: sandbox.users.outsider.apiKey})).status).toBe(403);
		expect(await call(sandbox, resource, {method: 'DELETE', key})).toMatchObject({status: 204, text: ''});
		expect(await call(sandbox, resource)).toMatchObject({status: 404, json: {message: 'Resource does not exist'}});
		expect((await call(sandbox, `/api/1/datasets/${sandbox.fixtures.dataset.id}/`)).json.resources).toHaveLength(count - 1);
		expect((await call(sandbox, `/api/1/datasets/r/${rid}`)).status).toBe(404);
	});
});

describe('partial updates (API.md §6.3)', () => {
	it('changes only the keys sent, ignores read-only keys and bumps last_modified', async () => {
		const path = `/api/1/reuses/${sandbox.fixtures.reuse.id}/`;
		const before = (await call(sandbox, path)).json;
		const after = await call(sandbox, path, {method: 'PUT', key: sandbox.users.editor.apiKey, body: {title: 'Nouvelle carte des vélos', id: 'ignored', slug: 'ignored', metrics: {views: 1}}});
		expect(after.status).toBe(200);
		expect(after.json).toMatchObject({id: before.id, slug: before.slug, title: 'Nouvelle carte des vélos', description: before.description, url: before.url, metrics: before.metrics});
		expect(Date.parse(after.json.last_modified)).toBeGreaterThan(Date.parse(before.last_modified));
		expect((await call(sandbox, path, {fields: 'title'})).json.title).toBe('Nouvelle carte des vélos');
	});

	it('updates a dataset partially, and edits a resource', async () => {
		const path = `/api/1/datasets/${sandbox.fixtures.dataset.id}/`;
		const before = (await call(sandbox, path)).json;
		const after = await call(sandbox, path, {method: 'PUT', key: sandbox.users.orgAdmin.apiKey, body: {tags: ['velos', 'mobilite']}});
		expect(after.json).toMatchObject({title: before.title, description: before.description, tags: ['velos', 'mobilite'], license: before.license});
		expect(after.json.last_modified).not.toBe(before.last_modified);
		const rid = before.resources[0].id;
		const edited = await call(sandbox, `${path}resources/${rid}/`, {method: 'PUT', key: sandbox.users.orgAdmin.apiKey, body: {title: 'renamed.csv'}});
		expect(edited.json).toMatchObject({id: rid, title: 'renamed.csv', url: before.resources[0].url});
	});

	it('PATCHes dataservices (PUT is 405) and soft-deletes them with deleted_at', async () => {
		const list = await call(sandbox, `/api/1/dataservices/?organization=${sandbox.fixtures.organization.id}`, {fields: 'data{id}'});
		const id = list.json.data[0].id;
		const path = `/api/1/dataservices/${id}/`;
		const key = sandbox.users.orgAdmin.apiKey;
		expect((await call(sandbox, path, {method: 'PUT', key, body: {title: 'x'}})).status).toBe(405);
		expect((await call(sandbox, path, {method: 'PATCH', key, body: {title: 'API des vélos'}})).json).toMatchObject({id, title: 'API des vélos'});
		expect((await call(sandbox, path, {method: 'DELETE', key})).status).toBe(204);
		expect(await call(sandbox, path)).toMatchObject({status: 410, json: {message: 'Dataservice has been deleted'}});
		expect((await call(sandbox, path, {key, fields: 'deleted_at'})).json.deleted_at).toEqual(expect.any(String));
		expect(await call(sandbox, path, {method: 'PATCH', key, body: {title: 'y'}})).toMatchObject({status: 410, json: {message: 'dataservice has been deleted'}});
	});

	it('deletes and restores a reuse with its own messages', async () => {
		const path = `/api/1/reuses/${sandbox.fixtures.reuse.slug}/`;
		const key = sandbox.users.orgAdmin.apiKey;
		expect((await call(sandbox, path, {method: 'DELETE'})).status).toBe(401);
		expect((await call(sandbox, path, {method: 'DELETE', key})).status).toBe(204);
		expect(await call(sandbox, path)).toMatchObject({status: 410, json: {message: 'This reuse has been deleted'}});
		expect((await call(sandbox, path, {method: 'PUT', key, body: {deleted: null}})).json.deleted).toBeNull();
	});
});

describe('validation errors, both shapes (API.md §6.2)', () => {
	it('organizations: {"errors": {field: string}, "message": string}', async () => {
		// The fixture org was deleted above: edit INSEE as the sysadmin.
		const path = '/api/1/organizations/institut-national-de-la-statistique-et-des-etudes-economiques/';
		const key = sandbox.users.sysadmin.apiKey;
		const empty = await call(sandbox, path, {method: 'PUT', key, body: {name: ''}});
		expect(empty.status).toBe(400);
		expect(empty.json).toEqual({errors: {name: 'Field is required'}, message: expect.stringContaining('Field is required')});
		const url = await call(sandbox, path, {method: 'PUT', key, body: {url: 'ftp://example.org'}});
		expect(url.status).toBe(400);
		expect(typeof url.json.errors.url).toBe('string');
		expect(typeof url.json.message).toBe('string');
	});

	it('reuses: same shape, including bad choices', async () => {
		const path = `/api/1/reuses/${sandbox.fixtures.reuse.id}/`;
		const response = await call(sandbox, path, {method: 'PUT', key: sandbox.users.editor.apiKey, body: {type: 'poem', url: 'not a url'}});
		expect(response.status).toBe(400);
		expect(response.json.errors.type).toMatch(/^'poem' is not a valid choice\. Valid choices: \[/u);
		expect(typeof response.json.errors.url).toBe('string');
		expect(response.json.message).toEqual(expect.any(String));
	});

	it('datasets: WTForms lists and no message', async () => {
		const path = `/api/1/datasets/${sandbox.fixtures.dataset.id}/`;
		const response = await call(sandbox, path, {method: 'PUT', key: sandbox.users.editor.apiKey, body: {title: '', frequency: 'sometimes'}});
		expect(response.status).toBe(400);
		expect(response.json).toEqual({errors: {title: ['This field is required.'], frequency: ['Not a valid choice.']}});
	});

	it('a body that is not JSON', async () => {
		const path = `/api/1/datasets/${sandbox.fixtures.dataset.id}/`;
		const key = sandbox.users.editor.apiKey;
		expect(await call(sandbox, path, {method: 'PUT', key, rawBody: 'title=x', contentType: 'application/x-www-form-urlencoded'})).toMatchObject({status: 400, json: {errors: {'Content-Type': 'expecting application/json'}}});
		expect(await call(sandbox, path, {method: 'PUT', key, rawBody: '{oops'})).toMatchObject({status: 400, json: {errors: {'Content-Type': 'expecting application/json'}}});
	});

	it('anonymous mutations are 401, outsiders 403', async () => {
		const path = `/api/1/organizations/${sandbox.fixtures.organization.id}/`;
		expect((await call(sandbox, path, {method: 'PUT', body: {acronym: 'Y'}})).status).toBe(401);
		expect((await call(sandbox, `/api/1/reuses/${sandbox.fixtures.reuse.id}/`, {method: 'PUT', key: sandbox.users.outsider.apiKey, body: {title: 'Y'}})).status).toBe(403);
	});
});
