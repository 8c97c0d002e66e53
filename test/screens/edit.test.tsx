import {describe, expect, it} from 'vitest';
import {detailFrame} from '../../source/navigation/screens.js';
import {keys, type RenderedApp} from '../helpers/render-app.js';
import {sandboxSuite} from '../helpers/sandbox-suite.js';

const suite = sandboxSuite({seed: 13});
const clientAs = (key: string | undefined) => suite.clientAs(key);
let app: RenderedApp | undefined;

const puts = () => suite.sandbox.requests.filter(request => request.method === 'PUT');

async function clearAndType(rendered: RenderedApp, length: number, text: string): Promise<void> {
	for (let index = 0; index < length; index++) {
		// eslint-disable-next-line no-await-in-loop
		await rendered.press(keys.backspace);
	}

	for (const character of text) {
		// eslint-disable-next-line no-await-in-loop
		await rendered.press(character);
	}
}

/** The fixture organization's pane, as its admin, with the edit form open. */
async function openForm(): Promise<{acronym: string; slug: string}> {
	const admin = clientAs(suite.sandbox.users.orgAdmin.apiKey);
	const {item} = await admin.organizations.get(suite.sandbox.fixtures.organization.id);
	app = await suite.render({client: admin, initial: [detailFrame({kind: 'organization', id: item.id}, item.name)]});
	await app.waitFor(frame => frame.includes(`organization · ${item.slug}`) && frame.includes('Marc Schmit'));
	await app.press('e');
	await app.waitFor('Tab/↑↓ field');
	return {acronym: item.acronym ?? '', slug: item.slug};
}

describe('edit, reviewed and confirmed', () => {
	it('reviews old → new with the minimal PUT, sends it once after the typed slug, and shows the change', async () => {
		const {acronym, slug} = await openForm();
		await app!.press(keys.down);
		await clearAndType(app!, acronym.length, 'VDLX');
		await app!.press(keys.enter);
		const review = await app!.waitFor('1 change:');
		expect(review).toMatch(new RegExp(`acronym\\s+${acronym || '\\(empty\\)'} → VDLX`, 'u'));
		expect(review).toContain('{"acronym":"VDLX"}');
		await app!.press(keys.enter);
		await app!.waitFor('type exactly this to send it');
		await app!.press(keys.enter);
		expect(puts()).toHaveLength(0);
		for (const character of slug) {
			// eslint-disable-next-line no-await-in-loop
			await app!.press(character);
		}

		await app!.press(keys.enter, keys.enter);
		await app!.waitFor('saved ');
		expect(puts()).toHaveLength(1);
		expect(JSON.parse(puts()[0]!.body)).toEqual({acronym: 'VDLX'});
		expect(app!.frame()).toMatch(/Acronym\s+VDLX/u);
	});

	it('an emptied field becomes null; a 400 comes back beside its field', async () => {
		const {slug} = await openForm();
		const {item} = await clientAs(undefined).organizations.get(suite.sandbox.fixtures.organization.id);
		await clearAndType(app!, item.name.length, '');
		await app!.press(keys.enter);
		const review = await app!.waitFor('1 change:');
		expect(review).toMatch(/name\s+.+ → null/u);
		expect(review).toContain('{"name":null}');
		await app!.press(keys.enter);
		for (const character of slug) {
			// eslint-disable-next-line no-await-in-loop
			await app!.press(character);
		}

		await app!.press(keys.enter);
		const refused = await app!.waitFor('refused:');
		expect(refused).toMatch(/✗ /u);
		expect(puts()).toHaveLength(1);
	});

	it('sends nothing when someone else changed it since the form opened', async () => {
		const {slug} = await openForm();
		await app!.press(keys.down);
		await clearAndType(app!, 10, 'MINE');
		// Meanwhile, the sysadmin edits the organization.
		await clientAs(suite.sandbox.users.sysadmin.apiKey).update('organization', suite.sandbox.fixtures.organization.id, {url: 'https://someone-else.example'});
		suite.sandbox.clearRequests();
		await app!.press(keys.enter, keys.enter);
		for (const character of slug) {
			// eslint-disable-next-line no-await-in-loop
			await app!.press(character);
		}

		await app!.press(keys.enter);
		await app!.waitFor('changed by someone else since you opened it');
		expect(puts()).toHaveLength(0);
	});

	it('an outsider is told why, and no form opens', async () => {
		const outsider = clientAs(suite.sandbox.users.outsider.apiKey);
		app = await suite.render({client: outsider, initial: [detailFrame({kind: 'organization', id: suite.sandbox.fixtures.organization.id}, 'Org')]});
		await app.waitFor(frame => frame.includes('organization · ') && frame.includes('Tom Weber'));
		await app.press('e');
		await app.waitFor('editing an organization needs its admin role');
	});
});
