/**
 * Faults in the UI: with each sandbox fault on, the app stays interactive, says what went wrong
 * in words and recovers on `r`; a retrying client hides a transient fault (GETs are retried with
 * backoff and honour `Retry-After`); a mutation is sent once, whatever the fault.
 */
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {createClient, type Client} from '../../source/api/client.js';
import type {RetryPolicy} from '../../source/api/http.js';
import {catalogue} from '../../source/domain/list-source.js';
import {detailFrame, listFrame} from '../../source/navigation/screens.js';
import type {FaultKind, Faults, RecordedRequest} from '../../source/sandbox/server.js';
import {pollUntil} from '../helpers/poll.js';
import {keys, type RenderedApp} from '../helpers/render-app.js';
import {sandboxSuite} from '../helpers/sandbox-suite.js';

const suite = sandboxSuite({seed: 8});
// The suite resets only the latency before each test: every other knob is put back here, so a
// failed test cannot leave the next one under a fault.
const noFaults: Faults = {latencyMs: 0, serverErrorRate: 0, rateLimitRate: 0, retryAfterSeconds: 1, resetRate: 0, malformedJsonRate: 0, htmlBadGatewayRate: 0};
// Retries fast enough for a test, slow enough that a retry is a distinct, measurable request.
const retryPolicy: RetryPolicy = {maxRetries: 2, baseDelayMs: 100, maxDelayMs: 3000, maxTotalMs: 20_000};
const retrying: Client[] = [];
let anonymous: Client;
let host: string;

// Rows the tests open to prove the cursor still moves (a plain-text frame does not show it).
let organizations: ReadonlyArray<{readonly slug: string}>;
let reuses: ReadonlyArray<{readonly slug: string}>;

beforeAll(async () => {
	anonymous = suite.clientAs();
	host = new URL(suite.sandbox.apiRoot).host;
	organizations = (await anonymous.organizations.list(undefined, {pageSize: 20})).items;
	reuses = (await anonymous.reuses.list(undefined, {pageSize: 20})).items;
});

afterEach(() => {
	suite.sandbox.setFaults(noFaults);
});

afterAll(async () => {
	await Promise.all(retrying.map(async client => client.close()));
});

/** A client that retries GETs, as the CLI builds it, with a short policy. */
function retryingClient(apiKey?: string): Client {
	const client = createClient({apiUrl: suite.sandbox.apiRoot, apiKey, retry: retryPolicy});
	retrying.push(client);
	return client;
}

type Fault = {
	readonly name: string;
	readonly kind: FaultKind;
	readonly status?: number;
	/** The status the sandbox records for it: 0 when the socket was destroyed. */
	readonly recorded: number;
	/** The same fault through the random knobs, at rate 1. */
	readonly knob: Partial<Faults>;
	/** What the user reads (explainError), as a pattern on the frame. */
	readonly words: () => RegExp;
};

const escaped = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\]/gu, '\\$&');

const faults: readonly Fault[] = [
	{name: '5xx server error', kind: 'status', status: 503, recorded: 503, knob: {serverErrorRate: 1}, words: () => new RegExp(`${escaped(host)} failed \\(50[03]\\) — r to retry`, 'u')},
	{name: 'connection reset', kind: 'reset', recorded: 0, knob: {resetRate: 1}, words: () => new RegExp(`can't reach ${escaped(host)} — r to retry`, 'u')},
	{name: 'malformed JSON', kind: 'malformed-json', recorded: 200, knob: {malformedJsonRate: 1}, words: () => new RegExp(`${escaped(host)} sent a malformed response — r to retry`, 'u')},
	{name: 'HTML 502 from a proxy', kind: 'html-502', recorded: 502, knob: {htmlBadGatewayRate: 1}, words: () => new RegExp(`${escaped(host)} failed \\(502\\) — r to retry · 502 Bad Gateway`, 'u')},
	{name: '429 with Retry-After', kind: 'rate-limit', recorded: 429, knob: {rateLimitRate: 1, retryAfterSeconds: 1}, words: () => new RegExp(`${escaped(host)} is rate-limiting us — r to retry`, 'u')},
];

const organizationsPath = /^\/api\/1\/organizations\/(?:\?|$)/u;
/** The first page of the organizations list (the app may go on to page 2 to fill the screen). */
const isOrganizationsPage = (request: RecordedRequest) => request.method === 'GET' && organizationsPath.test(request.url) && !/[?&]page=/u.test(request.url);
const loadedRows = /\b\d+ of [\d,]+ loaded/u;
const noneLoaded = /\b0 of/u;
const helpTitle = 'Keys — Esc or ? to close';

/** The app answers keys while it shows an error: help opens over it and Esc brings it back. */
async function stillInteractive(app: RenderedApp, words: RegExp): Promise<void> {
	await app.press('j');
	await app.press('?');
	const help = await app.waitFor(helpTitle);
	expect(help).toContain('refresh');
	await app.press(keys.escape);
	await app.waitFor(frame => !frame.includes(helpTitle) && words.test(frame));
}

describe('each fault, without retries: said in words, still interactive, r recovers', () => {
	it.each(faults)('$name on a list (the random knob at rate 1, then off)', async fault => {
		const words = fault.words();
		suite.sandbox.setFaults(fault.knob);
		const app = await suite.render({client: anonymous, initial: [listFrame('Organizations', catalogue('organization'))], pageSize: 20});
		const failed = await app.waitFor(words);
		// In the list body and on the status line, not only in one of them.
		expect(failed.split('\n').filter(line => words.test(line)).length).toBeGreaterThanOrEqual(2);
		expect(failed).toMatch(noneLoaded);
		await stillInteractive(app, words);
		// The fault is still on: r asks again, and fails again, saying so.
		const before = suite.sandbox.requests.filter(isOrganizationsPage).length;
		await app.press('r');
		await pollUntil(() => suite.sandbox.requests.filter(isOrganizationsPage).length, count => count > before);
		await app.waitFor(words);
		suite.sandbox.setFaults(noFaults);
		await app.press('r');
		const recovered = await app.waitFor(frame => loadedRows.test(frame) && !noneLoaded.test(frame) && !frame.includes('r to retry'));
		expect(recovered).toContain('NAME');
		// And the rows answer keys: the cursor moves to the second row, which opens.
		await app.press('j', keys.enter);
		await app.waitFor(frame => frame.includes('Metrics') && frame.includes(`organization · ${organizations[1]!.slug}`));
	});

	it.each(faults)('$name on a detail (scripted once)', async fault => {
		const words = fault.words();
		const {dataset} = suite.sandbox.fixtures;
		suite.sandbox.script({method: 'GET', path: `/api/1/datasets/${dataset.id}/`, kind: fault.kind, status: fault.status, retryAfterSeconds: 1, times: 1});
		const app = await suite.render({client: anonymous, initial: [detailFrame({kind: 'dataset', id: dataset.id}, 'Dataset')]});
		const failed = await app.waitFor(words);
		expect(failed).not.toContain('Metrics');
		await stillInteractive(app, words);
		await app.press('r');
		const recovered = await app.waitFor(frame => frame.includes('Metrics') && frame.includes(`dataset · ${dataset.slug}`));
		expect(recovered).not.toContain('r to retry');
		const gets = suite.sandbox.requests.filter(request => request.method === 'GET' && request.url.startsWith(`/api/1/datasets/${dataset.id}/`));
		// One failed, one answered: the scripted fault was spent by this test, not left armed.
		expect(gets).toHaveLength(2);
		expect(gets[1]!.status).toBe(200);
	});

	it('a connection dropped on page 2 keeps the rows already loaded; r fetches the page again', async () => {
		suite.sandbox.script({method: 'GET', kind: 'reset', path: 'page=2', times: 1});
		const app = await suite.render({client: anonymous, initial: [listFrame('Reuses', catalogue('reuse'))], pageSize: 20});
		await app.waitFor('20 of');
		await app.press('G');
		const failed = await app.waitFor(`can't reach ${host} — r to retry`);
		expect(failed).toContain('20 of');
		expect(failed).toContain('TYPE');
		// The 20 rows are still there and still browsable: G went to the last, k and Enter open
		// the one before it, and Esc comes back to the list as it was, error and all.
		await app.press('k', keys.enter);
		await app.waitFor(frame => frame.includes(`reuse · ${reuses[18]!.slug}`));
		await app.press(keys.escape);
		const back = await app.waitFor(frame => frame.includes('TYPE') && frame.includes(`can't reach ${host} — r to retry`));
		expect(back).toContain('20 of');
		await app.press('r');
		await app.waitFor('40 of');
		const pages = suite.sandbox.requests.filter(request => request.url.includes('page=2'));
		expect(pages.map(request => request.status)).toEqual([0, 200]);
	});
});

describe('a retrying client: a transient fault never reaches the user', () => {
	// http.ts retries 429, 5xx and resets; a 200 whose body does not parse is not retried, so
	// that one reaches the user even here (covered without retries above).
	const retried = faults.filter(fault => fault.kind !== 'malformed-json');

	it.each(retried)('$name once on the first page: rows, no error, two GETs with a backoff between', async fault => {
		suite.sandbox.script({method: 'GET', path: organizationsPath, kind: fault.kind, status: fault.status, retryAfterSeconds: 1, times: 1});
		const app = await suite.render({client: retryingClient(), initial: [listFrame('Organizations', catalogue('organization'))], pageSize: 20});
		const seen: string[] = [];
		await app.waitFor(frame => {
			seen.push(frame);
			return loadedRows.test(frame) && frame.includes('NAME') && !noneLoaded.test(frame);
		});
		expect(seen.filter(frame => frame.includes('r to retry') || frame.includes('✗'))).toEqual([]);
		const gets = suite.sandbox.requests.filter(isOrganizationsPage);
		expect(gets.map(request => request.status)).toEqual([fault.recorded, 200]);
		const gap = gets[1]!.at - gets[0]!.at;
		// Retry-After: 1 is honoured; otherwise the first backoff is at least 0.75 × the base delay.
		// Lower bounds only: a loaded machine may well be slower.
		expect(gap).toBeGreaterThanOrEqual(fault.kind === 'rate-limit' ? 900 : retryPolicy.baseDelayMs * 0.75 - 5);
	});

	it('a detail behind two 503s in a row still opens, after three GETs', async () => {
		const {dataset} = suite.sandbox.fixtures;
		suite.sandbox.script({method: 'GET', path: `/api/1/datasets/${dataset.id}/`, kind: 'status', status: 503, times: 2});
		const app = await suite.render({client: retryingClient(), initial: [detailFrame({kind: 'dataset', id: dataset.id}, 'Dataset')]});
		await app.waitFor(frame => frame.includes('Metrics') && frame.includes(`dataset · ${dataset.slug}`));
		const gets = suite.sandbox.requests.filter(request => request.method === 'GET' && request.url.startsWith(`/api/1/datasets/${dataset.id}/`));
		expect(gets.map(request => request.status)).toEqual([503, 503, 200]);
		// Exponential: the second wait is longer than the first can be at its shortest.
		expect(gets[2]!.at - gets[1]!.at).toBeGreaterThanOrEqual(retryPolicy.baseDelayMs * 2 * 0.75 - 5);
	});

	it('a fault that outlasts the retries is said in words, and r recovers', async () => {
		suite.sandbox.script({method: 'GET', path: organizationsPath, kind: 'status', status: 500, times: retryPolicy.maxRetries + 1});
		const app = await suite.render({client: retryingClient(), initial: [listFrame('Organizations', catalogue('organization'))], pageSize: 20});
		await app.waitFor(`${host} failed (500) — r to retry`);
		expect(suite.sandbox.requests.filter(isOrganizationsPage)).toHaveLength(retryPolicy.maxRetries + 1);
		await app.press('r');
		await app.waitFor(frame => loadedRows.test(frame) && !noneLoaded.test(frame));
	});
});

describe('mutations are never retried, even by a retrying client', () => {
	const deletes = () => suite.sandbox.requests.filter(request => request.method === 'DELETE');

	/** As the org admin on the fixture org's datasets, the delete modal open on row 0, the slug typed. */
	async function typedDelete(): Promise<{app: RenderedApp; id: string; slug: string; title: string}> {
		const admin = suite.sandbox.users.orgAdmin;
		const client = retryingClient(admin.apiKey);
		const page = await client.organizations.datasets(suite.sandbox.fixtures.organization.id, {pageSize: 20});
		const target = page.items[0]!;
		const app = await suite.render({client, initial: [listFrame('Datasets', {kind: 'dataset', scope: 'organization', organizationId: suite.sandbox.fixtures.organization.id})], pageSize: 20});
		await app.waitFor(frame => loadedRows.test(frame) && frame.includes(`${admin.firstName} ${admin.lastName}`));
		await app.press('D');
		await app.waitFor(frame => frame.includes('SANDBOX') && frame.includes('type exactly this to confirm'));
		for (const character of target.slug) {
			// One key per act, as a person types.
			// eslint-disable-next-line no-await-in-loop
			await app.press(character);
		}

		await app.waitFor(`✓ ${target.slug}`);
		return {app, id: target.id, slug: target.slug, title: target.title};
	}

	/**
	 * Keys a user might try after a failure, then a quiet period: no DELETE may arrive in it. The
	 * policy's backoffs (no Retry-After here) add up to at most base × (1 + 2 + …) × 1.25, well
	 * inside base × 4 × maxRetries. Proving an absence has to let time pass; a DELETE that does
	 * arrive ends the wait at once.
	 */
	async function nothingSentAgain(app: RenderedApp, failedAt: number): Promise<void> {
		await app.press(keys.enter, 'r', keys.enter, 'y');
		const quietUntil = failedAt + (retryPolicy.maxRetries * retryPolicy.baseDelayMs * 4);
		await pollUntil(() => ({count: deletes().length, now: Date.now()}), ({count, now}) => count > 1 || now >= quietUntil, {timeoutMs: 10_000});
		expect(deletes()).toHaveLength(1);
	}

	it('a 503 on DELETE: one DELETE, the failure in words, nothing sent again', async () => {
		const {app, id, title} = await typedDelete();
		suite.sandbox.script({method: 'DELETE', path: `/api/1/datasets/${id}/`, kind: 'status', status: 503, times: 1});
		await app.press(keys.enter);
		await app.waitFor(`${host} failed (503)`);
		expect(deletes()).toHaveLength(1);
		await nothingSentAgain(app, deletes()[0]!.at);
		await app.press(keys.escape);
		await app.waitFor(frame => !frame.includes('SANDBOX') && frame.includes(title.slice(0, 20)));
		expect(deletes()).toHaveLength(1);
		expect((await anonymous.datasets.get(id)).item.deleted).toBeNull();
	});

	it('a 503 on DELETE: the modal says that nothing was deleted', async () => {
		const {app, id} = await typedDelete();
		suite.sandbox.script({method: 'DELETE', path: `/api/1/datasets/${id}/`, kind: 'status', status: 503, times: 1});
		await app.press(keys.enter);
		const failed = await app.waitFor(`${host} failed (503)`);
		// The outcome, not only the status: a user must not have to guess whether it happened.
		expect(failed).toContain('nothing was deleted');
	});

	it('a reset on DELETE: one DELETE, then a GET finds out it did not happen, nothing sent again', async () => {
		const {app, id, title} = await typedDelete();
		suite.sandbox.script({method: 'DELETE', path: `/api/1/datasets/${id}/`, kind: 'reset', times: 1});
		await app.press(keys.enter);
		const failed = await app.waitFor('nothing was deleted');
		expect(failed).toContain('the connection failed');
		expect(deletes()).toHaveLength(1);
		const [sent] = deletes();
		expect(sent!.status).toBe(0);
		const checks = suite.sandbox.requests.filter(request => request.method === 'GET' && request.url.startsWith(`/api/1/datasets/${id}/`) && request.at >= sent!.at);
		expect(checks.length).toBeGreaterThan(0);
		await nothingSentAgain(app, sent!.at);
		await app.press(keys.escape);
		await app.waitFor(frame => !frame.includes('SANDBOX') && frame.includes(title.slice(0, 20)));
		expect(deletes()).toHaveLength(1);
	});

	it('a reset on DELETE and the portal unreachable after: the outcome is unknown, and said so', async () => {
		const {app, id} = await typedDelete();
		suite.sandbox.script({method: 'DELETE', path: `/api/1/datasets/${id}/`, kind: 'reset', times: 1});
		// The checking GET fails on every attempt the policy allows (it is a GET: it is retried).
		suite.sandbox.script({method: 'GET', path: `/api/1/datasets/${id}/`, kind: 'reset', times: retryPolicy.maxRetries + 1});
		await app.press(keys.enter);
		await app.waitFor('the outcome is unknown: the connection failed and the portal can\'t be reached to check — Esc');
		expect(deletes()).toHaveLength(1);
		const checks = suite.sandbox.requests.filter(request => request.method === 'GET' && request.url.startsWith(`/api/1/datasets/${id}/`));
		expect(checks.map(request => request.status)).toEqual(Array.from({length: retryPolicy.maxRetries + 1}, () => 0));
		await nothingSentAgain(app, deletes()[0]!.at);
		await app.press(keys.escape);
		await app.waitFor(frame => !frame.includes('SANDBOX') && loadedRows.test(frame));
		expect(deletes()).toHaveLength(1);
	});
});
