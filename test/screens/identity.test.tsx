import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {catalogue} from '../../source/domain/list-source.js';
import {listFrame} from '../../source/navigation/screens.js';
import {pollUntil} from '../helpers/poll.js';
import {keys} from '../helpers/render-app.js';
import {sandboxSuite} from '../helpers/sandbox-suite.js';

const suite = sandboxSuite({seed: 4});
const clientFor = (apiKey: string | undefined) => suite.clientAs(apiKey);
let folder: string;

beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), 'udx-identity-'));
});

afterAll(async () => {
	await rm(folder, {recursive: true, force: true});
});

describe(':login and :logout', () => {
	it('asks for the key masked, says why a key is refused, and logs in with a good one', async () => {
		const app = await suite.render({client: clientFor(undefined), clientFor, initial: [listFrame('Reuses', catalogue('reuse'))]});
		await app.waitFor(frame => frame.includes('anonymous · read-only') && frame.includes('loaded'));
		await app.press(':login', keys.enter);
		await app.waitFor('kept in memory only');
		await app.press('udata_wrong', keys.enter);
		const refused = await app.waitFor('Invalid API token');
		expect(refused).not.toContain('udata_wrong');
		for (let index = 0; index < 'udata_wrong'.length; index++) {
			// eslint-disable-next-line no-await-in-loop
			await app.press(keys.backspace);
		}

		const {apiKey, firstName, lastName} = suite.sandbox.users.orgAdmin;
		await app.press(apiKey, keys.enter);
		const loggedIn = await app.waitFor(`${firstName} ${lastName} · user`);
		expect(loggedIn).not.toContain(apiKey);
		expect(suite.sandbox.requests.at(-1)?.apiKey).toBe(apiKey);
		await app.press(':logout', keys.enter);
		await app.waitFor(frame => frame.includes('anonymous · read-only') && frame.includes('the key is forgotten'));
		await app.press('r');
		await app.waitFor('loaded');
		expect(suite.sandbox.requests.at(-1)?.apiKey).toBeUndefined();
	});
});

describe(':login, cancelled', () => {
	it('Esc while the key is being checked means never mind: the key is not used', async () => {
		const app = await suite.render({client: clientFor(undefined), clientFor, initial: [listFrame('Reuses', catalogue('reuse'))]});
		await app.waitFor(frame => frame.includes('anonymous · read-only') && frame.includes('loaded'));
		suite.sandbox.setFaults({latencyMs: 400});
		const {apiKey} = suite.sandbox.users.orgAdmin;
		await app.press(':login', keys.enter);
		await app.waitFor('kept in memory only');
		await app.press(apiKey, keys.enter);
		await app.waitFor('checking the key');
		await app.press(keys.escape);
		// The check answers after the Esc: it must change nothing.
		await pollUntil(() => suite.sandbox.requests.filter(request => request.url.startsWith('/api/1/me/') && request.status === 200), checks => checks.length === 1);
		suite.sandbox.setFaults({latencyMs: 0});
		await app.press('r');
		const frame = await app.waitFor('loaded');
		expect(frame).toContain('anonymous · read-only');
		expect(frame).not.toContain('logged in');
		expect(suite.sandbox.requests.at(-1)?.apiKey).toBeUndefined();
	});
});

describe(':history', () => {
	it('shows the audit log, newest first, and an empty one as such', async () => {
		const auditLog = join(folder, 'audit.log');
		const app = await suite.render({client: clientFor(undefined), initial: [listFrame('Reuses', catalogue('reuse'))], auditLog});
		await app.waitFor('loaded');
		await app.press(':history', keys.enter);
		await app.waitFor('no mutation recorded yet');
		await writeFile(auditLog, [
			JSON.stringify({time: '2026-12-01T10:00:00.000Z', portal: 'p', user: 'u', method: 'DELETE', url: 'http://p/api/1/datasets/a/', status: 204, kind: 'dataset', id: 'a', slug: 'first'}),
			'{"torn line',
			JSON.stringify({time: '2026-12-02T10:00:00.000Z', portal: 'p', user: 'u', method: 'PUT', url: 'http://p/api/1/datasets/a/', status: 200, kind: 'dataset', id: 'a', slug: 'second'}),
		].join('\n'));
		await app.press(':history', keys.enter);
		const history = await app.waitFor('2 mutations, newest first');
		const lines = history.split('\n');
		const second = lines.findIndex(line => line.includes(' second  p '));
		const first = lines.findIndex(line => line.includes(' first  p '));
		expect(second).toBeGreaterThan(0);
		expect(second).toBeLessThan(first);
		expect(history).toContain('DELETE 204');
	});
});
