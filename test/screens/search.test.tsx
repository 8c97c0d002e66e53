import {setTimeout as delay} from 'node:timers/promises';
import {beforeAll, describe, expect, it} from 'vitest';
import type {Client} from '../../source/api/client.js';
import {toDataset} from '../../source/api/to-domain.js';
import {catalogue} from '../../source/domain/list-source.js';
import {listFrame} from '../../source/navigation/screens.js';
import {pollUntil} from '../helpers/poll.js';
import {keys} from '../helpers/render-app.js';
import {sandboxSuite} from '../helpers/sandbox-suite.js';

const suite = sandboxSuite({seed: 11});
let client: Client;

beforeAll(() => {
	client = suite.clientAs();
});

const statusLine = (frame: string) => frame.split('\n').at(-2) ?? '';

describe('local search', () => {
	it('filters what is loaded as you type, names the mode, and Esc restores the list', async () => {
		const app = await suite.render({client, initial: [listFrame('Organizations', catalogue('organization'))], pageSize: 50});
		await app.waitFor(/50 of [\d,]+ loaded/u);
		await app.press('j', 'j');
		const insee = (await client.organizations.list({q: 'INSEE'})).items[0];
		await app.press('/');
		for (const character of 'insee') {
			// eslint-disable-next-line no-await-in-loop
			await app.press(character);
		}

		const filtered = await app.waitFor(frame => /local · \d+ of 50 loaded/u.test(frame));
		expect(filtered).toContain('/insee');
		// Only rows that match are shown, and the search loaded no page by itself.
		const requests = suite.sandbox.requests.length;
		expect(statusLine(filtered)).toMatch(/^local · \d+ of 50 loaded/u);
		if (insee && filtered.includes(insee.name.slice(0, 30))) {
			// The exact acronym ranks first (when INSEE is among the loaded rows).
			expect(filtered.split('\n')[4]).toContain(insee.name.slice(0, 30));
		}

		await app.press(keys.escape);
		const restored = await app.waitFor(frame => !frame.includes('/insee') && /50 of [\d,]+ loaded/u.test(frame));
		expect(restored).not.toContain('local ·');
		expect(suite.sandbox.requests.length).toBe(requests);
	});

	it('keeps every character typed at 20 ms gaps into a 10,000-row list, and finds the right rows', async () => {
		const words = ['Qualité de l\'air', 'Vélos en libre-service', 'Accidents corporels', 'Bornes de recharge', 'Budget communal', 'Horaires des bus'];
		const rows = Array.from({length: 10_000}, (_, index) => toDataset({
			id: `d${index}`, slug: `d-${index}`, title: `${words[index % words.length]} — station ${index}`,
		}));
		rows[7777] = toDataset({id: 'target', slug: 'target', title: 'Stationnement vélos Luxembourg-Ville'});
		const frame = {...listFrame('Datasets', catalogue('dataset')), rows, total: rows.length, nextPageUrl: null};
		const app = await suite.render({client, initial: [frame]});
		await app.waitFor('10,000 of 10,000 loaded');
		await app.press('/');
		const query = 'stationnemen';
		expect(query).toHaveLength(12);
		for (const character of query) {
			// eslint-disable-next-line no-await-in-loop
			await app.press(character);
			// The typist's cadence, not a wait for a frame.
			// eslint-disable-next-line no-await-in-loop
			await delay(20);
		}

		const found = await app.waitFor(frame => frame.includes(`/${query}`) && /local · \d+ of 10,000 loaded/u.test(frame), 20_000);
		expect(found.split('\n')[2]).toBe(`/${query}`);
		expect(found.split('\n')[4]).toContain('Stationnement vélos Luxembourg-Ville');
	});
});

describe('server search', () => {
	it('Enter searches the whole portal as its own frame; Esc goes back to the list as it was', async () => {
		const app = await suite.render({client, initial: [listFrame('Datasets', catalogue('dataset'))], pageSize: 20});
		await app.waitFor(/20 of [\d,]+ loaded/u);
		await app.press('j', 'j', 'j', '/');
		for (const character of 'vélos') {
			// eslint-disable-next-line no-await-in-loop
			await app.press(character);
		}

		await app.press(keys.enter);
		const results = await app.waitFor(frame => frame.includes('› search "vélos"') && /server · [\d,+]+ results/u.test(frame));
		expect(suite.sandbox.requests.some(request => request.url.startsWith('/api/2/datasets/search/') && request.url.includes('q=v%C3%A9los'))).toBe(true);
		expect(results).toContain('Datasets › search "vélos"');
		// Server results load on scroll like any list, following the search's next_page.
		await app.press('G');
		await pollUntil(() => suite.sandbox.requests.filter(request => request.url.startsWith('/api/2/datasets/search/') && request.url.includes('page=')).length, count => count >= 1, {describe: () => suite.sandbox.requests.map(request => request.url).join('\n')});
		await app.press(keys.escape);
		// The list as it was: its rows and pages still loaded (no refetch), the filter gone.
		const requests = suite.sandbox.requests.length;
		const back = await app.waitFor(frame => !frame.includes('search "') && /\d+ of [\d,]+ loaded/u.test(frame));
		expect(back).not.toContain('/vélos');
		expect(suite.sandbox.requests.length).toBe(requests);
	});

	it('says when nothing matches', async () => {
		const app = await suite.render({client, initial: [listFrame('Datasets', catalogue('dataset'))]});
		await app.waitFor('loaded');
		await app.press('/', 'z', 'q', 'x', 'w', 'v', keys.enter);
		await app.waitFor(frame => frame.includes('server · 0 results') && frame.includes('nothing here'));
	});

	it('drops the results of a search left before the server answered', async () => {
		const app = await suite.render({client, initial: [listFrame('Organizations', catalogue('organization'))]});
		await app.waitFor('loaded');
		suite.sandbox.setFaults({latencyMs: 400});
		await app.press('/', 'a', keys.enter);
		await app.waitFor('search "a"');
		await app.press(keys.escape);
		await app.press('/', 'b', keys.enter);
		await app.waitFor(frame => frame.includes('search "b"'));
		suite.sandbox.setFaults({latencyMs: 0});
		const results = await app.waitFor(frame => /server · [\d,+]+ results/u.test(frame) && frame.includes('search "b"'));
		const expected = await client.list({kind: 'organization', scope: 'search', query: {q: 'b'}});
		expect(results).toContain(`server · ${expected.total?.toLocaleString('en-US')} results`);
		expect(results).not.toContain('search "a"');
	});

	it('resolves a slug in a palette filter, and says so when it is unknown', async () => {
		const app = await suite.render({client, initial: [listFrame('Organizations', catalogue('organization'))]});
		await app.waitFor('loaded');
		await app.press(`:datasets organization=${suite.sandbox.fixtures.organization.slug}`, keys.enter);
		await app.waitFor(frame => frame.includes(`Datasets organization=${suite.sandbox.fixtures.organization.slug}`) && /\d+ of [\d,]+ loaded/u.test(frame));
		expect(suite.sandbox.requests.some(request => request.url.startsWith('/api/1/datasets/') && request.url.includes(`organization=${suite.sandbox.fixtures.organization.id}`))).toBe(true);
		await app.press(':reuses dataset=no-such-dataset', keys.enter);
		await app.waitFor('no dataset "no-such-dataset"');
	});
});
