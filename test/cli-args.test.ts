import {describe, expect, it} from 'vitest';
import {defaultApiUrl, parseArgs} from '../source/cli-args.js';

describe('parseArgs', () => {
	it.each([
		[[], {}, {command: 'app', list: undefined, apiUrl: defaultApiUrl, apiUrlFrom: 'default', demo: false, color: true}],
		[['organizations'], {}, {command: 'app', list: 'organization'}],
		[['datasets', '--api', 'https://www.data.gouv.fr/api/1/'], {}, {list: 'dataset', apiUrl: 'https://www.data.gouv.fr/api/1/', apiUrlFrom: 'flag'}],
		[['--api=https://demo.data.gouv.fr/api/1/'], {}, {apiUrl: 'https://demo.data.gouv.fr/api/1/'}],
		[[], {UDATA_API: 'https://demo.data.gouv.fr/api/1/'}, {apiUrl: 'https://demo.data.gouv.fr/api/1/', apiUrlFrom: 'env'}],
		[['--api', 'https://a.example/api/1/'], {UDATA_API: 'https://b.example/api/1/'}, {apiUrl: 'https://a.example/api/1/'}],
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
	])('%j is a usage error', argv => {
		expect(parseArgs(argv, {})).toMatchObject({command: 'error'});
	});
});
