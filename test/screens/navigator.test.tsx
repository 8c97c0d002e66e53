import {beforeAll, describe, expect, it} from 'vitest';
import type {Client} from '../../source/api/client.js';
import {catalogue} from '../../source/domain/list-source.js';
import {listFrame, detailFrame} from '../../source/navigation/screens.js';
import {keys} from '../helpers/render-app.js';
import {sandboxSuite} from '../helpers/sandbox-suite.js';

const suite = sandboxSuite({seed: 3});
let client: Client;

beforeAll(() => {
	client = suite.clientAs();
});

const selectedLine = (frame: string) => frame.split('\n').find(line => line.includes('▸')) ?? '';

describe('the navigator on the sandbox', () => {
	it('opens the home menu and a list from it', async () => {
		const app = await suite.render({client, initial: []});
		await app.waitFor('Organizations');
		await app.press('j', keys.enter);
		await app.waitFor(frame => frame.includes('TITLE') && frame.includes('loaded'));
		expect(app.frame()).toContain('Datasets');
	});

	it('list → detail → related list → back restores the cursor', async () => {
		const app = await suite.render({client, initial: [listFrame('Organizations', catalogue('organization'))]});
		await app.waitFor(/of [\d,]+ loaded/u);
		for (let step = 0; step < 3; step++) {
			// eslint-disable-next-line no-await-in-loop
			await app.press('j');
		}

		const rows = await app.waitFor(frame => frame.includes('NAME'));
		const chosen = await client.organizations.list();
		const fourth = chosen.items[3]!;
		expect(rows).toContain(fourth.name.slice(0, 20));
		await app.press(keys.enter);
		const pane = await app.waitFor(frame => frame.includes('Metrics') && frame.includes(`organization · ${fourth.slug}`));
		expect(pane).toContain('Datasets');
		// The selection stays on "Datasets", the first entry of the row the pane opened on.
		expect(selectedLine(pane)).toMatch(/^▸ Datasets/u);
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('TITLE') && frame.includes('Datasets') && /loaded|nothing here/u.test(frame));
		await app.press(keys.escape);
		await app.waitFor('Metrics');
		await app.press(keys.escape);
		const back = await app.waitFor('NAME');
		// Same row selected: the inverse row is not visible in plain text, so compare through the reducer's status:
		expect(back).toContain(fourth.name.slice(0, 20));
		const requestsBefore = suite.sandbox.requests.filter(request => request.url.startsWith('/api/1/organizations/?')).length;
		expect(requestsBefore).toBe(1);
	});

	it('loads on scroll to the end of the list, each item once', async () => {
		const {organization} = suite.sandbox.fixtures;
		const first = await client.organizations.datasets(organization.id, {pageSize: 20});
		const total = first.total!;
		suite.sandbox.clearRequests();
		const app = await suite.render({client, initial: [listFrame('Datasets', {kind: 'dataset', scope: 'organization', organizationId: organization.id})], pageSize: 20});
		await app.waitFor(`20 of ${total} loaded`);
		for (let index = 0; index < total + 5; index++) {
			// eslint-disable-next-line no-await-in-loop
			await app.press('j');
		}

		const end = await app.waitFor(`end of list · ${total} items`);
		expect(end).toContain(`${total} of ${total} loaded`);
		// next_page may name the organization by slug (API.md §2.2).
		const pages = suite.sandbox.requests.filter(request => request.url.includes(`/organizations/${organization.id}/datasets/`) || request.url.includes(`/organizations/${organization.slug}/datasets/`));
		expect(pages).toHaveLength(Math.ceil(total / 20));
	});

	it('a 500 on page 2 shows the retry row, the rows stay, and r recovers', async () => {
		suite.sandbox.script({kind: 'status', status: 500, path: 'page=2', times: 1});
		const app = await suite.render({client, initial: [listFrame('Reuses', catalogue('reuse'))], pageSize: 20});
		await app.waitFor('20 of');
		await app.press('G');
		const failed = await app.waitFor('r to retry');
		expect(failed).toMatch(/✗ .*500/u);
		expect(failed).toContain('20 of');
		await app.press('r');
		await app.waitFor('40 of');
	});

	it('an organization pane shows its metrics at a glance', async () => {
		const app = await suite.render({client, initial: [detailFrame({kind: 'organization', id: suite.sandbox.fixtures.organization.id}, 'Org')]});
		const pane = await app.waitFor(frame => frame.includes('Metrics') && frame.includes(suite.sandbox.fixtures.organization.slug));
		expect(pane).toMatch(/Datasets\s+[\d,]+/u);
		expect(pane).toMatch(/Views\s+[\d,]+/u);
		expect(pane).toMatch(/[▁▂▃▄▅▆▇█]|no data/u);
		expect(pane).toContain('Member:');
	});

	it('J shows the raw JSON, sanitised', async () => {
		const app = await suite.render({client, initial: [detailFrame({kind: 'dataset', id: suite.sandbox.fixtures.dataset.id}, 'Dataset')]});
		await app.waitFor('Metrics');
		await app.press('J');
		const json = await app.waitFor(`"id": "${suite.sandbox.fixtures.dataset.id}"`);
		expect(json).toContain('{');
	});

	it('follows a resize and never draws taller than the terminal', async () => {
		const app = await suite.render({client, initial: [listFrame('Organizations', catalogue('organization'))]}, {columns: 100, rows: 30});
		await app.waitFor(/of [\d,]+ loaded/u);
		expect(app.frame().split('\n').length).toBeLessThanOrEqual(29);
		await app.resize(80, 24);
		await app.waitFor(frame => frame.split('\n').length <= 23 && frame.includes('loaded'));
		for (const line of app.frame().split('\n')) {
			expect(line.length).toBeLessThanOrEqual(80);
		}
	});

	it('switches list with the palette, typed in one chunk', async () => {
		const app = await suite.render({client, initial: [listFrame('Organizations', catalogue('organization'))]});
		await app.waitFor('loaded');
		await app.press(':reuses', keys.enter);
		await app.waitFor(frame => frame.includes('Reuses') && frame.includes('TYPE'));
		await app.press(':nope', keys.enter);
		await app.waitFor('unknown list :nope');
		await app.press(keys.escape);
		await app.waitFor('r refresh');
	});

	it('says in words what a forbidden list is', async () => {
		const app = await suite.render({client, initial: [listFrame('Users', catalogue('user'))]});
		await app.waitFor('listing users needs a sysadmin\'s API key');
		expect(selectedLine(app.frame())).toBe('');
	});
});
