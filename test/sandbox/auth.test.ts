import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSandbox, type Sandbox} from '../../source/sandbox/server.js';
import {call} from './http.js';

const WERKZEUG_401 =
	"The server could not verify that you are authorized to access the URL requested. You either supplied the wrong credentials (e.g. a bad password), or your browser doesn't understand how to supply the credentials required.";
const FORBIDDEN = 'You do not have the permission to modify that object.';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({port: 0, seed: 2});
});

afterAll(async () => {
	await sandbox.close();
});

describe('API keys (API.md §6.1)', () => {
	it('serves public lists without a key', async () => {
		expect((await call(sandbox, '/api/1/organizations/', {fields: 'total'})).status).toBe(200);
	});

	it.each([
		['an unknown key', () => 'udata_not_a_real_key', 'Invalid API token'],
		['a revoked key', () => sandbox.revokedKey, 'Revoked API token'],
		['an expired key', () => sandbox.expiredKey, 'Expired API token'],
	])('refuses %s with 401 even on a public GET', async (_name, key, reason) => {
		const response = await call(sandbox, '/api/1/organizations/', {key: key()});
		expect(response.status).toBe(401);
		expect(response.json).toEqual({message: reason});
		expect(response.headers['www-authenticate']).toBe('Bearer realm="uData"');
	});

	it('ignores an invalid Bearer token but accepts a valid one', async () => {
		expect((await call(sandbox, '/api/1/organizations/', {headers: {authorization: 'Bearer nope'}, fields: 'total'})).status).toBe(200);
		const me = await call(sandbox, '/api/1/me/', {headers: {authorization: `Bearer ${sandbox.users.editor.apiKey}`}, fields: 'id'});
		expect(me.json).toEqual({id: sandbox.users.editor.id});
	});

	it('answers /me with the caller, email included, and 401 when anonymous', async () => {
		const anonymous = await call(sandbox, '/api/1/me/');
		expect(anonymous).toMatchObject({status: 401, json: {message: WERKZEUG_401}});
		expect(anonymous.headers['www-authenticate']).toBe('Bearer realm="uData"');
		const me = await call(sandbox, '/api/1/me/', {key: sandbox.users.orgAdmin.apiKey});
		expect(me.json).toMatchObject({id: sandbox.users.orgAdmin.id, first_name: sandbox.users.orgAdmin.firstName, email: expect.stringContaining('@')});
		expect(me.json.organizations.map((org: {id: string}) => org.id)).toContain(sandbox.fixtures.organization.id);
	});
});

describe('the users list is sysadmin-only (API.md §3)', () => {
	it('401 anonymous (Werkzeug text), 403 for others, 200 for the sysadmin', async () => {
		expect(await call(sandbox, '/api/1/users/')).toMatchObject({status: 401, json: {message: WERKZEUG_401}});
		for (const user of [sandbox.users.orgAdmin, sandbox.users.editor, sandbox.users.outsider]) {
			expect(await call(sandbox, '/api/1/users/', {key: user.apiKey})).toMatchObject({status: 403, json: {message: FORBIDDEN}});
		}
		const page = await call(sandbox, '/api/1/users/', {key: sandbox.users.sysadmin.apiKey});
		expect(page.status).toBe(200);
		expect(page.json.total).toBeGreaterThanOrEqual(600);
		expect(page.json.data[0].email).toContain('@');
	});

	it('hides emails of other users on public user objects', async () => {
		const other = await call(sandbox, `/api/1/users/${sandbox.users.editor.slug}/`, {key: sandbox.users.outsider.apiKey});
		expect(other.json).toMatchObject({id: sandbox.users.editor.id, email: null, last_login_at: null});
		const self = await call(sandbox, `/api/1/users/${sandbox.users.editor.id}/`, {key: sandbox.users.editor.apiKey});
		expect(self.json.email).toContain('@');
	});
});

describe('permissions reflect the caller (API.md §5.1, §6.3)', () => {
	const org = () => `/api/1/organizations/${sandbox.fixtures.organization.id}/`;

	it('org permissions: admin and sysadmin may edit and delete, editors may not', async () => {
		const as = async (key?: string) => (await call(sandbox, org(), {key, fields: 'permissions'})).json.permissions;
		expect(await as(sandbox.users.orgAdmin.apiKey)).toEqual({edit: true, delete: true, members: true, harvest: true, private: true});
		expect(await as(sandbox.users.sysadmin.apiKey)).toMatchObject({edit: true, delete: true});
		expect(await as(sandbox.users.editor.apiKey)).toEqual({edit: false, delete: false, members: false, harvest: true, private: true});
		expect(await as(sandbox.users.outsider.apiKey)).toEqual({edit: false, delete: false, members: false, harvest: false, private: false});
		expect(await as()).toEqual({edit: false, delete: false, members: false, harvest: false, private: false});
	});

	it('dataset and reuse permissions: org members and sysadmin, not outsiders', async () => {
		const dataset = `/api/1/datasets/${sandbox.fixtures.dataset.id}/`;
		const reuse = `/api/1/reuses/${sandbox.fixtures.reuse.id}/`;
		for (const key of [sandbox.users.orgAdmin.apiKey, sandbox.users.editor.apiKey, sandbox.users.sysadmin.apiKey]) {
			expect((await call(sandbox, dataset, {key, fields: 'permissions'})).json.permissions).toEqual({delete: true, edit: true, edit_resources: true});
			expect((await call(sandbox, reuse, {key, fields: 'permissions'})).json.permissions).toEqual({delete: true, edit: true});
		}
		expect((await call(sandbox, dataset, {key: sandbox.users.outsider.apiKey, fields: 'permissions'})).json.permissions).toEqual({delete: false, edit: false, edit_resources: false});
	});

	it('masks member emails: full for sysadmin, partly for fellow members, *** for others', async () => {
		const emails = async (key?: string) => (await call(sandbox, org(), {key, fields: 'members{user{slug,email}}'})).json.members.map((member: {user: {email: string}}) => member.user.email);
		expect((await emails(sandbox.users.sysadmin.apiKey)).every((email: string) => !email.includes('*'))).toBe(true);
		expect((await emails(sandbox.users.outsider.apiKey)).every((email: string) => email.startsWith('***@'))).toBe(true);
		expect((await emails()).every((email: string) => email.startsWith('***@'))).toBe(true);
		const seenByEditor = await emails(sandbox.users.editor.apiKey);
		expect(seenByEditor.some((email: string) => /^\w{2}\*{4}@/u.test(email))).toBe(true);
	});

	it('embeds members with admin and editor roles in the fixture org', async () => {
		const members = (await call(sandbox, org(), {fields: 'members{role,user{id}}'})).json.members;
		expect(members).toContainEqual({user: {id: sandbox.users.orgAdmin.id}, role: 'admin'});
		expect(members).toContainEqual({user: {id: sandbox.users.editor.id}, role: 'editor'});
		expect(members.some((member: {user: {id: string}}) => member.user.id === sandbox.users.outsider.id)).toBe(false);
		const fr = await call(sandbox, `${org()}?lang=fr`, {fields: 'members{label}'});
		expect(fr.json.members.map((member: {label: string}) => member.label)).toContain('Administrateur');
	});
});
