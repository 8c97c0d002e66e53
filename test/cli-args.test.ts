import {describe, expect, it} from 'vitest';
import {parseArgs} from '../source/cli-args.js';

describe('parseArgs', () => {
	it.each([
		// Which portal these make is the config's business (test/config/resolve.test.ts).
		[[], {}, {command: 'app', list: undefined, portal: {api: undefined, portal: undefined}, demo: false, color: true}],
		[['organizations'], {}, {command: 'app', list: 'organization'}],
		[['datasets', '--api', 'https://www.data.gouv.fr/api/1/'], {}, {list: 'dataset', portal: {api: 'https://www.data.gouv.fr/api/1/', portal: undefined}}],
		[['--api=https://demo.data.gouv.fr/api/1/'], {}, {portal: {api: 'https://demo.data.gouv.fr/api/1/'}}],
		[['--portal', 'fr', 'reuses'], {}, {list: 'reuse', portal: {api: undefined, portal: 'fr'}}],
		[['--portal=work'], {}, {portal: {portal: 'work'}}],
		[['info'], {}, {command: 'info', portal: {api: undefined, portal: undefined}}],
		[['info', '--portal', 'fr'], {}, {command: 'info', portal: {portal: 'fr'}}],
		[['--demo', 'reuses'], {}, {demo: true, list: 'reuse'}],
		[['--no-color'], {}, {color: false}],
		[[], {NO_COLOR: '1'}, {color: false}],
		[['--page-size', '50'], {}, {pageSize: 50}],
		[['--help'], {}, {command: 'help'}],
		[['-v'], {}, {command: 'version'}],
		[['sandbox', '--port', '0'], {}, {command: 'sandbox', args: ['--port', '0']}],
	])('%j %j', (argv, env, expected) => {
		expect(parseArgs(argv, env)).toMatchObject(expected);
	});

	it.each([
		[['--apy', 'x']],
		[['--api']],
		[['widgets']],
		[['orgs', 'datasets']],
		[['--page-size', '0']],
		[['--page-size', 'lots']],
		[['--demo', '--api', 'https://x/api/1/']],
		[['--demo', '--portal', 'fr']],
		[['--portal']],
		[['info', 'datasets']],
		[['info', '--demo']],
	])('%j is a usage error', argv => {
		expect(parseArgs(argv, {})).toMatchObject({command: 'error'});
	});
});
