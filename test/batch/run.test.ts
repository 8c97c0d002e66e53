/**
 * `udx get` / `udx list` over real HTTP against the sandbox, with in-memory output: what reaches
 * stdout (parseable JSON, sanitised), what reaches stderr, the exit code, and the requests sent.
 */
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {createClient, type Client} from '../../source/api/client.js';
import {parseBatchArgs, type BatchArgs} from '../../source/batch/args.js';
import {runBatch, type BatchOptions} from '../../source/batch/run.js';
import {startSandbox, type Sandbox} from '../../source/sandbox/server.js';

type Run = {code: number; stdout: string; stderr: string; lines: unknown[]};

const clients: Client[] = [];

function clientOn(sandbox: Sandbox, apiKey?: string): Client {
	const client = createClient({apiUrl: sandbox.apiRoot, apiKey, retry: {maxRetries: 0}});
	clients.push(client);
	return client;
}

function argsOf(argv: readonly string[], sandbox: Sandbox): BatchArgs {
	const parsed = parseBatchArgs([...argv, '--api', sandbox.apiRoot]);
	if (parsed.command !== 'get' && parsed.command !== 'list') {
		throw new Error(`not a batch command: ${JSON.stringify(parsed)}`);
	}

	return parsed;
}

async function run(sandbox: Sandbox, argv: readonly string[], options: Partial<BatchOptions> & {apiKey?: string} = {}): Promise<Run> {
	let stdout = '';
	let stderr = '';
	const code = await runBatch(argsOf(argv, sandbox), {
		client: options.client ?? clientOn(sandbox, options.apiKey),
		stdout: options.stdout ?? {write(text: string) {
			stdout += text;
		}},
		stderr: {write(text: string) {
			stderr += text;
		}},
		signal: options.signal,
	});
	const lines = argv[0] === 'list' && stdout !== '' ? stdout.replace(/\n$/u, '').split('\n').map(line => JSON.parse(line) as unknown) : [];
	return {code, stdout, stderr, lines};
}

const apiGets = (sandbox: Sandbox) => sandbox.requests.filter(request => request.method === 'GET' && request.url.startsWith('/api/'));
const idOf = (value: unknown) => (value as {id?: unknown}).id;

afterAll(async () => {
	await Promise.all(clients.map(async client => client.close()));
});

describe('udx get and udx list on the sandbox', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({port: 0});
	});
	afterAll(async () => {
		await sandbox.close();
	});
	beforeEach(() => {
		sandbox.clearRequests();
	});

	it('get by slug prints the whole object as indented JSON', async () => {
		const {organization} = sandbox.fixtures;
		const result = await run(sandbox, ['get', `organizations/${organization.slug}`]);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout.endsWith('}\n')).toBe(true);
		expect(result.stdout).toContain('\n  "id": ');
		const object = JSON.parse(result.stdout) as Record<string, unknown>;
		expect(object).toMatchObject({id: organization.id, slug: organization.slug, name: organization.name});
		// The wire object, not the domain one: snake_case keys and the members a list row leaves out.
		expect(object).toHaveProperty('created_at');
		expect(object).toHaveProperty('members');
		expect(object).not.toHaveProperty('createdAt');
		expect(apiGets(sandbox).map(request => request.url)).toEqual([`/api/1/organizations/${organization.slug}/`]);
	});

	it('get by id, written KIND ID, answers the same object', async () => {
		const {dataset} = sandbox.fixtures;
		const result = await run(sandbox, ['get', 'datasets', dataset.id]);
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout)).toMatchObject({id: dataset.id, slug: dataset.slug, title: dataset.title});
	});

	it('get of an unknown slug exits 1 with the message on stderr and nothing on stdout', async () => {
		const result = await run(sandbox, ['get', 'datasets/no-such-dataset']);
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr).toBe(`udx: no dataset "no-such-dataset" on ${new URL(sandbox.apiRoot).host}\n`);
	});

	it('list follows next_page and stops at exactly --limit, asking for no page it does not print', async () => {
		const result = await run(sandbox, ['list', 'datasets', '--limit', '30', '--page-size', '7']);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.lines).toHaveLength(30);
		expect(new Set(result.lines.map(line => idOf(line))).size).toBe(30);
		const gets = apiGets(sandbox);
		expect(gets.map(request => new URL(request.url, sandbox.origin).searchParams.get('page') ?? '1')).toEqual(['1', '2', '3', '4', '5']);
		// Unmasked: the full objects, so `jq .metrics` and `.resources[].url` work.
		expect(gets.every(request => request.headers['x-fields'] === undefined)).toBe(true);
		for (const line of result.lines) {
			expect(line).toHaveProperty('metrics.views');
			expect(line).toHaveProperty('description');
		}
	});

	it('list with a limit that fills its last page exactly does not ask for the next one', async () => {
		const result = await run(sandbox, ['list', 'organizations', '--limit', '14', '--page-size', '7']);
		expect(result.lines).toHaveLength(14);
		expect(apiGets(sandbox)).toHaveLength(2);
	});

	it('list --limit N is one request of N when N is a page or less', async () => {
		const result = await run(sandbox, ['list', 'reuses', '--limit', '30']);
		expect(result.lines).toHaveLength(30);
		expect(apiGets(sandbox).map(request => request.url)).toEqual(['/api/1/reuses/?page_size=30']);
	});

	it('list --q searches the portal, and --limit all reads to the last page', async () => {
		const direct = await fetch(`${sandbox.apiRoot}datasets/?q=velo&page_size=1`);
		const {total} = await direct.json() as {total: number};
		const all = await fetch(`${sandbox.apiRoot}datasets/?page_size=1`);
		expect(total).toBeGreaterThan(100);
		expect(total).toBeLessThan((await all.json() as {total: number}).total);
		sandbox.clearRequests();

		const result = await run(sandbox, ['list', 'datasets', '--q', 'velo', '--limit', 'all']);
		expect(result.code).toBe(0);
		expect(result.lines).toHaveLength(total);
		expect(new Set(result.lines.map(line => idOf(line))).size).toBe(total);
		const gets = apiGets(sandbox);
		expect(gets).toHaveLength(Math.ceil(total / 100));
		expect(gets.every(request => new URL(request.url, sandbox.origin).searchParams.get('q') === 'velo')).toBe(true);
	});

	it('an API error says what went wrong in words and exits 1', async () => {
		const result = await run(sandbox, ['list', 'users']);
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(/^udx: listing users needs a sysadmin's API key: set UDATA_API_KEY\n$/u);

		const admin = await run(sandbox, ['list', 'users', '--limit', '3'], {apiKey: sandbox.users.sysadmin.apiKey});
		expect(admin.code).toBe(0);
		expect(admin.lines).toHaveLength(3);
	});

	it('a failure after some pages keeps what was printed and exits 1', async () => {
		sandbox.script({method: 'GET', path: /[?&]page=3\b/u, kind: 'status', status: 500});
		const result = await run(sandbox, ['list', 'datasets', '--limit', '30', '--page-size', '5']);
		expect(result.code).toBe(1);
		expect(result.lines).toHaveLength(10);
		expect(result.stderr).toMatch(/^udx: 127\.0\.0\.1:\d+ failed \(500\) on the datasets list/u);
		expect(result.stderr.split('\n')).toHaveLength(2);
	});

	it('a reader that leaves (EPIPE from write) ends quietly with 0 and no further page', async () => {
		let writes = 0;
		const brokenPipe = {write() {
			writes++;
			if (writes === 3) {
				throw Object.assign(new Error('write EPIPE'), {code: 'EPIPE'});
			}
		}};
		const result = await run(sandbox, ['list', 'datasets', '--limit', '30', '--page-size', '2'], {stdout: brokenPipe});
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		expect(writes).toBe(3);
		expect(apiGets(sandbox)).toHaveLength(2);
	});

	it('an aborted signal (cli.tsx: stdout emitted EPIPE) ends quietly with 0 and no further page', async () => {
		const outputGone = new AbortController();
		let writes = 0;
		const closing = {write() {
			writes++;
			if (writes === 1) {
				outputGone.abort();
			}
		}};
		const result = await run(sandbox, ['list', 'datasets', '--limit', '30', '--page-size', '2'], {stdout: closing, signal: outputGone.signal});
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		// Not even the rest of the page already in hand.
		expect(writes).toBe(1);
		expect(apiGets(sandbox)).toHaveLength(1);
	});
});

describe('udx get and udx list with hostile strings', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({port: 0, hostile: true});
	});
	afterAll(async () => {
		await sandbox.close();
	});

	// Raw (ESC, BEL, C1, BiDi) or left escaped in the JSON text for `jq -r` to turn raw again.
	const unsafe = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|\\u00(?:0[0-8bcef]|1[\da-f]|7f|[89][\da-f])/iu;

	it.each(['organizations', 'reuses', 'dataservices', 'datasets'])('list %s prints no control or escape sequence', async kind => {
		// The portal does send them: the test would pass vacuously otherwise.
		const wire = await (await fetch(`${sandbox.apiRoot}${kind}/?page_size=50`)).text();
		expect(wire).toMatch(unsafe);

		const result = await run(sandbox, ['list', kind, '--limit', '50']);
		expect(result.code).toBe(0);
		expect(result.lines).toHaveLength(50);
		expect(result.stdout).not.toMatch(unsafe);
	});

	it('get prints no control or escape sequence, nor does its error', async () => {
		const page = await (await fetch(`${sandbox.apiRoot}organizations/?page_size=50`)).json() as {data: Array<{slug: string; name: string}>};
		const hostile = page.data.find(organization => unsafe.test(JSON.stringify(organization.name)));
		expect(hostile).toBeDefined();

		const result = await run(sandbox, ['get', `organizations/${hostile!.slug}`]);
		expect(result.code).toBe(0);
		expect(result.stdout).not.toMatch(unsafe);
		expect(JSON.parse(result.stdout)).toMatchObject({slug: hostile!.slug});

		const missing = await run(sandbox, ['get', 'organizations/x\u001B]52;c;cm0K\u0007\u009B2J']);
		expect(missing.code).toBe(1);
		expect(missing.stderr).toMatch(/^udx: no organization "x/u);
		expect(missing.stderr).not.toMatch(unsafe);
	});
});
