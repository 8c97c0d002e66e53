/**
 * `y` `Y` `c` copy the id, the web URL and the API URL of the object under the cursor, and `o`
 * opens its page: through the app, against the sandbox, with the clipboard's terminal half real.
 */
import {describe, expect, it} from 'vitest';
import {objectUrl} from '../../source/api/endpoints.js';
import {listFrame} from '../../source/navigation/screens.js';
import {createClipboard, osc52} from '../../source/system/clipboard.js';
import {keys} from '../helpers/render-app.js';
import {sandboxSuite} from '../helpers/sandbox-suite.js';

const suite = sandboxSuite({seed: 5});

function setup() {
	const written: string[] = [];
	const opened: string[] = [];
	const clipboard = createClipboard({writeToTerminal: bytes => written.push(bytes), platform: 'linux', env: {PATH: ''}});
	const openUrl = async (url: string) => {
		opened.push(url);
		return {opened: true as const, command: 'test-browser'};
	};

	return {written, opened, clipboard, openUrl};
}

describe('copy and open', () => {
	it('copies the id, the web URL and the API URL of the selected row, over OSC 52', async () => {
		const {written, clipboard, openUrl, opened} = setup();
		const client = suite.clientAs(undefined);
		const {organization} = suite.sandbox.fixtures;
		const app = await suite.render({client, clipboard, openUrl, initial: [listFrame('Datasets', {kind: 'dataset', scope: 'organization', organizationId: organization.id})]});
		await app.waitFor('loaded');
		// The fixture dataset may not be first: open the first row and read it from its pane.
		await app.press(keys.enter);
		const pane = await app.waitFor(frame => /dataset · \S+/u.test(frame));
		const slug = /dataset · (\S+)/u.exec(pane)![1]!;
		const item = (await client.get('dataset', slug)).item;
		await app.press('y');
		await app.waitFor(`copied the id: ${item.id}`);
		await app.press('Y');
		await app.waitFor('copied the web URL');
		await app.press('c');
		const apiUrl = objectUrl(client.roots, 'dataset', item.id);
		await app.waitFor(frame => frame.includes('copied the API URL') && frame.includes(apiUrl.slice(0, 30)));
		expect(written).toEqual([osc52(item.id), osc52(item.webUrl!), osc52(apiUrl)]);
		await app.press('o');
		await app.waitFor(`opened ${item.webUrl!.slice(0, 30)}`);
		expect(opened).toEqual([item.webUrl]);
	});

	it('copies from a list row without opening it', async () => {
		const {written, clipboard} = setup();
		const client = suite.clientAs(undefined);
		const app = await suite.render({client, clipboard, initial: [listFrame('Organizations', {kind: 'organization', scope: 'catalogue', query: {q: suite.sandbox.fixtures.organization.name}})]});
		await app.waitFor(suite.sandbox.fixtures.organization.name.slice(0, 20));
		await app.press('y');
		await app.waitFor('copied the id');
		expect(written).toHaveLength(1);
		const id = Buffer.from(/52;c;([^\u0007]+)/u.exec(written[0]!)![1]!, 'base64').toString('utf8');
		expect(id).toMatch(/^[\da-f]{24}$/u);
		// No browser in this session: o says so, with the URL.
		await app.press('o');
		await app.waitFor('opening a browser is not available here');
	});
});
