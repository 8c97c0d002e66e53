import {describe, expect, it} from 'vitest';
import {defaultLimit, parseBatchArgs} from '../../source/batch/args.js';
import {parseArgs} from '../../source/cli-args.js';

describe('parseArgs: get and list', () => {
	it.each([
		[['get', 'organizations/insee'], {}, {command: 'get', kind: 'organization', idOrSlug: 'insee', portal: {api: undefined, portal: undefined}}],
		[['get', 'orgs', 'insee'], {}, {command: 'get', kind: 'organization', idOrSlug: 'insee'}],
		[['get', 'datasets/5c4ae55a634f4117716d5656', '--api', 'https://www.data.gouv.fr/api/1/'], {}, {kind: 'dataset', idOrSlug: '5c4ae55a634f4117716d5656', portal: {api: 'https://www.data.gouv.fr/api/1/', portal: undefined}}],
		[['get', 'apis/x', '--portal', 'demo'], {}, {kind: 'dataservice', portal: {api: undefined, portal: 'demo'}}],
		[['get', '--api=https://a.example/api/1/', 'users/jane'], {}, {kind: 'user', portal: {api: 'https://a.example/api/1/', portal: undefined}}],
		[['list', 'datasets', '--portal=fr'], {}, {kind: 'dataset', portal: {api: undefined, portal: 'fr'}}],
		[['list', 'datasets'], {}, {command: 'list', kind: 'dataset', q: undefined, limit: defaultLimit, pageSize: 100}],
		[['list', 'datasets', '--q', ' velo ', '--limit', '30'], {}, {q: 'velo', limit: 30, pageSize: 30}],
		[['list', 'reuses', '--q=vélo', '--limit=250'], {}, {kind: 'reuse', q: 'vélo', limit: 250, pageSize: 100}],
		[['list', 'orgs', '--limit', 'all'], {}, {kind: 'organization', limit: undefined, pageSize: 100}],
		[['list', 'users', '--limit', '30', '--page-size', '7'], {}, {kind: 'user', limit: 30, pageSize: 7}],
		[['list', '--help'], {}, {command: 'help'}],
		[['get', '-h'], {}, {command: 'help'}],
	])('%j %j', (argv, env, expected) => {
		expect(parseArgs(argv, env)).toEqual(expect.objectContaining(expected));
	});

	it.each([
		[['get']],
		[['get', 'organizations']],
		[['get', 'organizations/']],
		[['get', 'widgets/x']],
		[['get', 'organizations/a/b']],
		[['get', 'organizations', 'a', 'b']],
		[['get', 'organizations/insee', '--limit', '3']],
		[['get', 'organizations/insee', '--pretty']],
		[['list']],
		[['list', 'widgets']],
		[['list', 'datasets', 'reuses']],
		[['list', 'datasets', '--query', 'velo']],
		[['list', 'datasets', '--q']],
		[['list', 'datasets', '--q', '  ']],
		[['list', 'datasets', '--limit', '0']],
		[['list', 'datasets', '--limit', '-3']],
		[['list', 'datasets', '--limit', '2.5']],
		[['list', 'datasets', '--limit']],
		[['list', 'datasets', '--page-size', '1001']],
		[['list', 'datasets', '--api']],
		[['list', 'datasets', '--demo']],
	])('%j is a usage error', argv => {
		expect(parseArgs(argv, {})).toMatchObject({command: 'error', message: expect.any(String)});
	});

	it('leaves the app\'s own parsing alone', () => {
		expect(parseArgs(['datasets'], {})).toMatchObject({command: 'app', list: 'dataset'});
		expect(parseBatchArgs(['datasets'])).toMatchObject({command: 'error'});
	});
});
