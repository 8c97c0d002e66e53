import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSandbox, type Sandbox} from '../../source/sandbox/server.js';
import {World} from '../../source/sandbox/world.js';
import {call} from './http.js';

/** Any C0/C1 control (ESC, BEL, NUL, CSI…) or a BiDi override/isolate. */
const HOSTILE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

let sandbox: Sandbox;
let hostile: Sandbox;

beforeAll(async () => {
	[sandbox, hostile] = await Promise.all([startSandbox({port: 0}), startSandbox({port: 0, hostile: true})]);
});

afterAll(async () => {
	await Promise.all([sandbox.close(), hostile.close()]);
});

describe('determinism', () => {
	it('derives the same world from the same seed, and another from another seed', () => {
		const a = new World({seed: 9, size: 'small', hostile: false});
		const b = new World({seed: 9, size: 'small', hostile: false});
		const c = new World({seed: 10, size: 'small', hostile: false});
		expect(a.organizations.map((org) => org.id)).toEqual(b.organizations.map((org) => org.id));
		expect([...a.keys.keys()]).toEqual([...b.keys.keys()]);
		expect(JSON.stringify(a.datasets.get(123))).toBe(JSON.stringify(b.datasets.get(123)));
		expect(a.datasets.title(123)).not.toBe(c.datasets.title(123));
		expect([...a.keys.keys()]).not.toEqual([...c.keys.keys()]);
	});

	it('has unique slugs and well-formed identifiers', () => {
		const world = new World({seed: 1, size: 'small', hostile: true});
		const slugs = new Set<string>();
		for (let i = 0; i < world.datasets.count; i++) {
			slugs.add(world.datasets.slug(i));
		}
		expect(slugs.size).toBe(world.datasets.count);
		for (const items of [world.organizations, world.users, world.reuses, world.dataservices]) {
			expect(new Set(items.map((item) => item.slug)).size).toBe(items.length);
			expect(items.every((item) => /^[0-9a-f]{24}$/u.test(item.id))).toBe(true);
		}
		const resources = world.datasets.get(world.fixtures.bigDataset).resources;
		expect(resources).toHaveLength(120);
		expect(resources.every((item) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u.test(item.id))).toBe(true);
	});

	it('seeds the brief\'s sizes', () => {
		const world = new World({seed: 1, size: 'small', hostile: false});
		expect(world.organizations).toHaveLength(200);
		expect(world.datasets.count).toBe(5000);
		expect(world.reuses).toHaveLength(1500);
		expect(world.users).toHaveLength(600);
		expect(world.dataservices).toHaveLength(150);
		const userOwned = [...world.datasets.owner].filter((owner) => owner >= 0).length;
		expect(userOwned / world.datasets.count).toBeGreaterThan(0.07);
		expect(userOwned / world.datasets.count).toBeLessThan(0.13);
	});
});

describe('realistic, multilingual content', () => {
	it('has INSEE, and finds it accent-insensitively with every word required', async () => {
		const response = await call(sandbox, '/api/1/organizations/?q=ÉTUDES%20statistique', {fields: 'data{name,acronym},total'});
		expect(response.json.data).toContainEqual({name: 'Institut national de la statistique et des études économiques', acronym: 'INSEE'});
		const none = await call(sandbox, '/api/1/organizations/?q=statistique%20zzzz', {fields: 'total'});
		expect(none.json.total).toBe(0);
		const acronym = await call(sandbox, '/api/1/organizations/?q=insee', {fields: 'data{acronym}'});
		expect(acronym.json.data[0]).toEqual({acronym: 'INSEE'});
	});

	it.each(['accidents', "Qualité de l'air", 'vélos', 'mobilité'])('has datasets about %s', async (words) => {
		const response = await call(sandbox, `/api/1/datasets/?q=${encodeURIComponent(words)}&page_size=5`, {fields: 'data{title,tags},total'});
		expect(response.json.total).toBeGreaterThan(5);
	});

	it('has long names, accents, and the `0` quirk in *_by_months metrics', async () => {
		const orgs = await call(sandbox, '/api/1/organizations/?page_size=200', {fields: 'data{name,metrics},total'});
		const names: string[] = orgs.json.data.map((org: {name: string}) => org.name);
		expect(names.some((name) => name.length >= 100)).toBe(true);
		expect(names.some((name) => /[éèëüöä]/u.test(name))).toBe(true);
		const series = orgs.json.data.flatMap((org: {metrics: Record<string, unknown>}) => Object.entries(org.metrics).filter(([key]) => key.endsWith('_by_months')).map(([, value]) => value));
		expect(series).toContain(0);
		const object = series.find((value: unknown) => typeof value === 'object') as Record<string, number>;
		expect(Object.keys(object)).toEqual(['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09']);
	});

	it('writes datetimes with +00:00, dates as YYYY-MM-DD, naive datetimes inside extras', async () => {
		const dataset = (await call(sandbox, `/api/1/datasets/${sandbox.fixtures.dataset.id}/`)).json;
		expect(dataset.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?\+00:00$/u);
		expect(dataset.temporal_coverage === null || /^\d{4}-\d{2}-\d{2}$/u.test(dataset.temporal_coverage.start)).toBe(true);
		expect(dataset.resources[0].extras['check:date']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/u);
		expect(dataset.uri).toBe(`${sandbox.origin}/api/1/datasets/${sandbox.fixtures.dataset.slug}/`);
	});

	it('exposes fixtures that match the API', async () => {
		const {organization, dataset, reuse} = sandbox.fixtures;
		expect((await call(sandbox, `/api/1/organizations/${organization.slug}/`, {fields: 'id,name'})).json).toEqual({id: organization.id, name: organization.name});
		expect((await call(sandbox, `/api/1/datasets/${dataset.slug}/`, {fields: 'id,title,organization{id}'})).json).toEqual({id: dataset.id, title: dataset.title, organization: {id: organization.id}});
		expect((await call(sandbox, `/api/1/reuses/${reuse.slug}/`, {fields: 'id,title,organization{id}'})).json).toEqual({id: reuse.id, title: reuse.title, organization: {id: organization.id}});
	});
});

describe('hostile seeding', () => {
	it.each([
		['organizations', '/api/1/organizations/', 'data{name,acronym,description}'],
		['datasets', '/api/1/datasets/', 'data{title,description,tags,resources{title,url}}'],
		['reuses', '/api/1/reuses/', 'data{title,description,tags}'],
		['dataservices', '/api/1/dataservices/', 'data{title,description}'],
	])('puts hostile %s on page 1 of the default list', async (_name, path, fields) => {
		const page = await call(hostile, path, {fields});
		expect(page.json.data.some((item: unknown) => HOSTILE.test(JSON.stringify(item, null, 0).replace(/\\u00([0-9a-f]{2})/gu, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))))).toBe(true);
		const plain = await call(sandbox, path, {fields});
		expect(HOSTILE.test(plain.text.replace(/\\u00([0-9a-f]{2})/gu, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))))).toBe(false);
	});

	it('puts a hostile user on page 1 of the users list, and carries every kind of payload', async () => {
		const users = await call(hostile, '/api/1/users/', {key: hostile.users.sysadmin.apiKey, fields: 'data{first_name,last_name}'});
		expect(users.json.data.some((user: {first_name: string; last_name: string}) => HOSTILE.test(user.first_name + user.last_name))).toBe(true);
		const orgs = await call(hostile, '/api/1/organizations/', {fields: 'data{name,description}'});
		const text = orgs.json.data.map((org: {name: string; description: string}) => `${org.name}${org.description}`).join('');
		for (const payload of ['\u001b]0;pwned\u0007', '\u001b]2;x\u001b\\', '\u001b]8;;', '\u001b]52;c;', '\u001b[2J', '\u001b[10;10H', '\u001bP', '\u009b', '\u0090', '\u0007', '\u202e', '\u2066', '\u0000']) {
			expect(text).toContain(payload);
		}
		expect(orgs.json.data.some((org: {name: string}) => org.name.length >= 10_000)).toBe(true);
	});

	it('keeps the fixtures clean', async () => {
		expect(HOSTILE.test(hostile.fixtures.organization.name + hostile.fixtures.dataset.title + hostile.fixtures.reuse.title)).toBe(false);
		expect(HOSTILE.test(hostile.users.orgAdmin.firstName + hostile.users.orgAdmin.lastName)).toBe(false);
	});
});
