import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Client} from '../../source/api/client.js';
import {ApiError} from '../../source/api/errors.js';
import {listFrame} from '../../source/navigation/screens.js';
import {keys, type RenderedApp} from '../helpers/render-app.js';
import {sandboxSuite} from '../helpers/sandbox-suite.js';

const suite = sandboxSuite({seed: 21});
const clientAs = (key: string | undefined) => suite.clientAs(key);
let anonymous: Client;
let folder: string;
let app: RenderedApp | undefined;

beforeAll(async () => {
	anonymous = clientAs(undefined);
	folder = await mkdtemp(join(tmpdir(), 'udx-delete-'));
});

afterAll(async () => {
	await rm(folder, {recursive: true, force: true});
});

const deletes = () => suite.sandbox.requests.filter(request => request.method === 'DELETE');
const orgDatasets = () => listFrame('Datasets', {kind: 'dataset', scope: 'organization', organizationId: suite.sandbox.fixtures.organization.id});

async function typeText(rendered: RenderedApp, text: string, gapMs = 0): Promise<void> {
	for (const character of text) {
		// eslint-disable-next-line no-await-in-loop
		await rendered.press(character);
		if (gapMs > 0) {
			// eslint-disable-next-line no-await-in-loop
			await delay(gapMs);
		}
	}
}

/** Open the app as the org admin on the fixture org's datasets, with the modal open on row `row`. */
async function openModalOn(row: number, auditLog?: string): Promise<{slug: string; id: string; name: string}> {
	const admin = clientAs(suite.sandbox.users.orgAdmin.apiKey);
	const page = await admin.organizations.datasets(suite.sandbox.fixtures.organization.id, {pageSize: 20});
	const target = page.items[row]!;
	app = await suite.render({client: admin, initial: [orgDatasets()], pageSize: 20, auditLog});
	await app.waitFor(frame => /\d+ of [\d,]+ loaded/u.test(frame) && frame.includes('Marc Schmit'));
	for (let step = 0; step < row; step++) {
		// eslint-disable-next-line no-await-in-loop
		await app.press('j');
	}

	await app.press('D');
	await app.waitFor(frame => frame.includes('SANDBOX') && frame.includes(`Delete dataset ${target.title.slice(0, 20)}`));
	return {slug: target.slug, id: target.id, name: target.title};
}

describe('delete, behind a typed confirmation', () => {
	it('shows the portal, the object, the consequences and the exact call', async () => {
		const target = await openModalOn(1);
		const frame = app!.frame();
		expect(frame).toContain(`slug      ${target.slug}`);
		expect(frame).toContain(`id        ${target.id}`);
		expect(frame).toContain('soft delete');
		expect(frame).toContain(`DELETE ${suite.sandbox.apiRoot}datasets/${target.id}/`);
		expect(frame).toContain('type exactly this to confirm');
		expect(frame).toMatch(new RegExp(`│ ${target.slug}\\s+│`, 'u'));
	});

	it('Enter is inert on empty, wrong and case-changed input; Esc cancels; nothing is sent', async () => {
		const target = await openModalOn(2);
		await app!.press(keys.enter);
		await typeText(app!, target.slug.slice(0, -1));
		await app!.press(keys.enter);
		for (let index = 0; index < target.slug.length; index++) {
			// eslint-disable-next-line no-await-in-loop
			await app!.press(keys.backspace);
		}

		const shouting = target.slug.replace(/[a-z]/u, letter => letter.toUpperCase());
		await typeText(app!, shouting);
		await app!.press(keys.enter);
		await app!.waitFor(`✗ ${shouting}`);
		await app!.press(keys.escape);
		await app!.waitFor(frame => !frame.includes('SANDBOX') && frame.includes('loaded'));
		expect(deletes()).toHaveLength(0);
	});

	it('no key beneath the modal reacts: j, q, : and ? are text', async () => {
		await openModalOn(0);
		await typeText(app!, 'jq:?/r');
		const frame = await app!.waitFor('✗ jq:?/r');
		expect(frame).toContain('SANDBOX');
		await app!.press(keys.escape);
		// The cursor is where it was: on row 0, the list did not move or reload.
		await app!.waitFor(frame2 => !frame2.includes('SANDBOX'));
		expect(suite.sandbox.requests.filter(request => request.method !== 'GET')).toHaveLength(0);
	});

	it('the right slug, typed at 20 ms gaps, deletes exactly once (Enter twice), the row goes, the portal says 410, the audit log has it', async () => {
		const auditLog = join(folder, 'audit.log');
		const target = await openModalOn(3, auditLog);
		const before = app!.frame();
		await typeText(app!, ` ${target.slug} `, 20);
		await app!.waitFor(`✓  ${target.slug}`);
		await app!.press(keys.enter, keys.enter);
		const after = await app!.waitFor(`deleted ${target.name.slice(0, 20)}`);
		expect(deletes()).toHaveLength(1);
		expect(deletes()[0]!.url).toBe(`/api/1/datasets/${target.id}/`);
		// The row is gone from the list: one row and one total fewer.
		const [loaded, total] = /([\d,]+) of ([\d,]+) loaded/u.exec(before)!.slice(1).map(value => Number(value.replaceAll(',', '')));
		await app!.press('j');
		expect(await app!.waitFor(`${(loaded! - 1).toLocaleString('en-US')} of ${(total! - 1).toLocaleString('en-US')} loaded`)).toBeTruthy();
		expect(after).toContain('u to undo');
		await expect(anonymous.datasets.get(target.id)).rejects.toMatchObject({kind: 'gone', status: 410});
		const lines = (await readFile(auditLog, 'utf8')).trim().split('\n').map(line => JSON.parse(line) as Record<string, unknown>);
		expect(lines).toEqual([expect.objectContaining({method: 'DELETE', status: 204, kind: 'dataset', id: target.id, slug: target.slug, user: suite.sandbox.users.orgAdmin.slug})]);
		expect(await readFile(auditLog, 'utf8')).not.toContain(suite.sandbox.users.orgAdmin.apiKey);

		// Undo: u, then a plain y/N — a y that came in the same read as the u (a paste, `uy`)
		// answers nothing: the question was not on screen yet.
		await app!.press('uy');
		await app!.waitFor('restore it? y / N');
		expect(suite.sandbox.requests.filter(request => request.method === 'PUT')).toHaveLength(0);
		await app!.press('y');
		await app!.waitFor(`restored ${target.name.slice(0, 20)}`);
		expect((await anonymous.datasets.get(target.id)).item.deleted).toBeNull();
		expect(suite.sandbox.requests.filter(request => request.method === 'PUT').map(request => JSON.parse(request.body) as unknown)).toEqual([{deleted: null}]);
	});

	it('what is typed shows its end, where typing happens, when it is longer than the input', async () => {
		const target = await openModalOn(5);
		const long = `${target.slug}-and-more-and-more-and-more-and-more-and-more-and-more-and-more-the-end`;
		await typeText(app!, long);
		const frame = await app!.waitFor('-more-the-end');
		expect(frame).toMatch(/✗ …\S*-more-the-end/u);
		await app!.press(keys.enter);
		expect(deletes()).toHaveLength(0);
	});

	it('on a terminal too short to show the whole confirmation, it says so and Enter does nothing', async () => {
		const target = await openModalOn(6);
		await app!.resize(100, 12);
		await app!.waitFor('too short to show this confirmation');
		await typeText(app!, target.slug);
		await app!.press(keys.enter);
		expect(deletes()).toHaveLength(0);
		// Taller again: everything is there, what was typed with it, and Enter works.
		await app!.resize(100, 30);
		await app!.waitFor(`✓ ${target.slug}`);
		await app!.press(keys.enter);
		await app!.waitFor(`deleted ${target.name.slice(0, 20)}`);
		expect(deletes()).toHaveLength(1);
	});

	it('on a short terminal that still fits the essentials, the optional lines go first, never overlapping', async () => {
		await openModalOn(7);
		await app!.resize(100, 17);
		const frame = await app!.waitFor(frame2 => frame2.includes('type exactly this to confirm'));
		const lines = frame.split('\n');
		expect(lines.length).toBeLessThanOrEqual(17);
		expect(frame).toContain('call      DELETE');
		expect(frame).toContain('SANDBOX');
		expect(frame).not.toContain('too short');
	});

	it('a refused delete is explained and nothing changes', async () => {
		const target = await openModalOn(4);
		// The org admin loses the race: someone deletes it first, so the DELETE answers 410.
		await clientAs(suite.sandbox.users.sysadmin.apiKey).remove('dataset', target.id);
		suite.sandbox.clearRequests();
		await typeText(app!, target.slug);
		await app!.press(keys.enter);
		await app!.waitFor('nothing was deleted');
		expect(app!.frame()).toContain('deleted: Dataset has been deleted');
		expect(deletes()).toHaveLength(1);
	});

	it('a connection lost mid-DELETE is resolved with a GET, never a second DELETE', async () => {
		const target = await openModalOn(5);
		suite.sandbox.script({kind: 'reset', method: 'DELETE', path: `/api/1/datasets/${target.id}/`, times: 1});
		await typeText(app!, target.slug);
		await app!.press(keys.enter);
		await app!.waitFor('nothing was deleted');
		expect(app!.frame()).toContain('the connection failed');
		expect(deletes()).toHaveLength(1);
		// The GET that found out came after it.
		expect(suite.sandbox.requests.filter(request => request.method === 'GET' && request.url === `/api/1/datasets/${target.id}/`).length).toBeGreaterThan(0);
		expect((await anonymous.datasets.get(target.id)).item.deleted).toBeNull();
	});

	it('deletes a dataset\'s resource (a hard delete), typed by its id', async () => {
		const admin = clientAs(suite.sandbox.users.orgAdmin.apiKey);
		const datasetId = suite.sandbox.fixtures.dataset.id;
		const resources = await admin.datasets.resources(datasetId);
		const resource = resources.items[0]!;
		app = await suite.render({client: admin, initial: [listFrame('Resources', {kind: 'resource', scope: 'dataset', datasetId})]});
		await app.waitFor(frame => /\d+ of [\d,]+ loaded/u.test(frame) && frame.includes('Marc Schmit'));
		await app.press('D');
		const modal = await app.waitFor('hard delete');
		// The call wraps rather than being cut: read it without the box and the line breaks.
		expect(modal.replaceAll(/[│\n ]+/gu, '')).toContain(`DELETE${suite.sandbox.apiRoot}datasets/${datasetId}/resources/${resource.id}/`);
		await typeText(app, resource.id);
		await app.press(keys.enter);
		await app.waitFor(`deleted ${resource.title.slice(0, 15)}`);
		expect(deletes().map(request => request.url)).toEqual([`/api/1/datasets/${datasetId}/resources/${resource.id}/`]);
		await expect(admin.getResource(datasetId, resource.id)).rejects.toMatchObject({kind: 'not-found'});
	});

	it('an editor may not delete the organization: the reason, and no request', async () => {
		const editor = clientAs(suite.sandbox.users.editor.apiKey);
		app = await suite.render({client: editor, initial: [listFrame('Organizations', {kind: 'organization', scope: 'catalogue', query: {q: suite.sandbox.fixtures.organization.name}})]});
		await app.waitFor(frame => frame.includes(suite.sandbox.fixtures.organization.name.slice(0, 20)) && frame.includes('Léa Müller'));
		await app.press('D');
		await app.waitFor('deleting an organization needs its admin role');
		expect(deletes()).toHaveLength(0);
		const direct = await editor.remove('organization', suite.sandbox.fixtures.organization.id).catch((error: unknown) => error);
		expect(direct).toBeInstanceOf(ApiError);
		expect(direct).toMatchObject({kind: 'forbidden', status: 403});
	});

	it('without a key, D says how to get one', async () => {
		app = await suite.render({client: anonymous, initial: [orgDatasets()]});
		await app.waitFor('loaded');
		await app.press('D');
		await app.waitFor('deleting needs an API key: set UDATA_API_KEY');
		expect(deletes()).toHaveLength(0);
	});

	it('--read-only offers no delete', async () => {
		app = await suite.render({client: clientAs(suite.sandbox.users.sysadmin.apiKey), initial: [orgDatasets()], readOnly: true});
		const frame = await app.waitFor(frame2 => frame2.includes('loaded') && frame2.includes('Sophie Reuter'));
		expect(frame).not.toContain('D delete');
		await app.press('D');
		await app.waitFor('read-only');
		expect(deletes()).toHaveLength(0);
	});
});
