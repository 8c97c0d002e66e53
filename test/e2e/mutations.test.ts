/**
 * End to end: deleting in a real terminal against `udx sandbox`, as each seeded user.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {request} from 'undici';
import {startSandboxProcess, cliPath, repoRoot, type SandboxProcess} from '../helpers/sandbox-process.js';
import {startTerminal, type Terminal} from '../helpers/terminal.js';

let sandbox: SandboxProcess;
let organization: {id: string; slug: string; name: string};

beforeAll(async () => {
	sandbox = await startSandboxProcess(['--seed', '9']);
	const fixtures = await (await request(`${sandbox.origin}/__sandbox/fixtures`)).body.json() as {fixtures: {organization: typeof organization}};
	organization = fixtures.fixtures.organization;
});

afterAll(async () => {
	await sandbox?.stop();
});

async function udx(key: string | undefined, args: string[]): Promise<Terminal> {
	return startTerminal({command: [process.execPath, cliPath, ...args, '--api', sandbox.apiRoot], cwd: repoRoot, env: {UDATA_API_KEY: key, UDATA_API: undefined, XDG_STATE_HOME: '/tmp/udx-e2e-state'}, columns: 110, rows: 32});
}

const deletes = async () => (await sandbox.requests()).filter(item => item.method === 'DELETE');

describe('deleting in a real terminal', () => {
	it('as the org admin: a wrong slug sends nothing, the right one exactly one DELETE, then 410', async () => {
		const terminal = await udx(sandbox.keys.orgAdmin, ['datasets']);
		try {
			await terminal.waitFor(frame => /\d+ of [\d,]+ loaded/u.test(frame) && frame.includes('Marc Schmit'));
			// The first dataset of the fixture organization, through the palette filter.
			await terminal.type(`:datasets organization=${organization.slug}`);
			await terminal.press('Enter');
			await terminal.waitFor(frame => frame.includes(`Datasets organization=${organization.slug}`) && /\d+ of [\d,]+ loaded/u.test(frame));
			await terminal.press('D');
			const modal = await terminal.waitFor('SANDBOX');
			const slug = /^│ slug\s+(\S+)/mu.exec(modal)?.[1];
			const id = /^│ id\s+(\S+)/mu.exec(modal)?.[1];
			expect(slug).toBeTruthy();
			await terminal.type(`${slug!.slice(0, -1)}x`);
			await terminal.press('Enter', 'Enter');
			await terminal.waitFor(`✗ ${slug!.slice(0, -1)}x`);
			expect(await deletes()).toHaveLength(0);
			for (let index = 0; index < slug!.length; index++) {
				// eslint-disable-next-line no-await-in-loop
				await terminal.press('BSpace');
			}

			await terminal.typeSlowly(slug!, 20);
			await terminal.waitFor(`✓ ${slug}`);
			// Enter twice in one chunk: the second arrives while the DELETE is in flight, for sure
			// (two separate presses may straddle the whole delete, and then the second opens a row).
			await terminal.type('\r\r');
			await terminal.waitFor(frame => frame.includes('deleted ') && frame.includes('u to undo'));
			const sent = await deletes();
			expect(sent).toHaveLength(1);
			expect(sent[0]!.url).toBe(`/api/1/datasets/${id}/`);
			const after = await request(`${sandbox.apiRoot}datasets/${id}/`);
			await after.body.dump();
			expect(after.statusCode).toBe(410);
			// Undo, with a plain y/N.
			await terminal.press('u');
			await terminal.waitFor('restore it? y / N');
			await terminal.press('y');
			await terminal.waitFor('restored ');
			const restored = await request(`${sandbox.apiRoot}datasets/${id}/`);
			await restored.body.dump();
			expect(restored.statusCode).toBe(200);
			await terminal.press('q');
			expect(await terminal.waitForExit()).toBe(0);
		} finally {
			await terminal.close();
		}
	});

	it('as the editor: deleting the organization is refused with the reason, nothing sent', async () => {
		const before = (await deletes()).length;
		const terminal = await udx(sandbox.keys.editor, ['organizations']);
		try {
			await terminal.waitFor(frame => /\d+ of [\d,]+ loaded/u.test(frame) && frame.includes('Léa Müller'));
			// Not on the first pages: search the portal for it, then D on the first result.
			await terminal.type('/');
			await terminal.type(organization.name);
			await terminal.press('Enter');
			await terminal.waitFor(frame => /server · [\d,+]+ results/u.test(frame) && frame.includes(organization.name));
			await terminal.press('D');
			await terminal.waitFor('deleting an organization needs its admin role');
			expect(await deletes()).toHaveLength(before);
		} finally {
			await terminal.close();
		}
	});

	it('without a key: D explains how to get one', async () => {
		const terminal = await udx(undefined, ['reuses']);
		try {
			await terminal.waitFor(/\d+ of [\d,]+ loaded/u);
			await terminal.press('D');
			await terminal.waitFor('deleting needs an API key: set UDATA_API_KEY');
		} finally {
			await terminal.close();
		}
	});
});

describe('editing in a real terminal', () => {
	it('as the org admin: review, minimal PUT, the change visible; then a conflict sends nothing', async () => {
		const terminal = await udx(sandbox.keys.orgAdmin, ['organizations']);
		try {
			await terminal.waitFor(frame => /\d+ of [\d,]+ loaded/u.test(frame) && frame.includes('Marc Schmit'));
			await terminal.type('/');
			await terminal.type(organization.name);
			await terminal.press('Enter');
			await terminal.waitFor(frame => /server · [\d,+]+ results/u.test(frame) && frame.includes(organization.name));
			await terminal.press('Enter');
			await terminal.waitFor(`organization · ${organization.slug}`);
			await terminal.press('e');
			await terminal.waitFor('Tab/↑↓ field');
			await terminal.press('Down', 'Down', ...Array.from({length: 60}, () => 'BSpace'));
			await terminal.type('https://vdl.example');
			await terminal.waitFor(/▸ Website\s+https:\/\/vdl\.example/u);
			await terminal.press('Enter');
			const review = await terminal.waitFor('1 change:');
			expect(review).toMatch(/url\s+\S+ → https:\/\/vdl\.example/u);
			expect(review).toContain('body  {"url":"https://vdl.example"}');
			await terminal.press('Enter');
			await terminal.typeSlowly(organization.slug, 20);
			await terminal.press('Enter');
			await terminal.waitFor('saved ');
			const puts = (await sandbox.requests()).filter(item => item.method === 'PUT' && item.url.startsWith('/api/1/organizations/'));
			expect(puts).toHaveLength(1);
			await terminal.waitFor(/Website\s+https:\/\/vdl\.example/u);

			// Someone else edits it while the form is open: nothing is sent.
			await terminal.press('e');
			await terminal.waitFor('Tab/↑↓ field');
			await terminal.press('Down');
			await terminal.type('Z');
			const other = await request(`${sandbox.apiRoot}organizations/${organization.id}/`, {method: 'PUT', headers: {'x-api-key': sandbox.keys.sysadmin, 'content-type': 'application/json'}, body: JSON.stringify({description: 'changed elsewhere'})});
			await other.body.dump();
			expect(other.statusCode).toBe(200);
			await terminal.press('Enter', 'Enter');
			await terminal.type(organization.slug);
			await terminal.press('Enter');
			await terminal.waitFor('changed by someone else since you opened it');
			expect((await sandbox.requests()).filter(item => item.method === 'PUT' && item.apiKey === sandbox.keys.orgAdmin && item.url.startsWith('/api/1/organizations/'))).toHaveLength(1);
		} finally {
			await terminal.close();
		}
	});
});
