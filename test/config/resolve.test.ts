import {describe, expect, it} from 'vitest';
import {emptyConfig, parseConfig, type Config} from '../../source/config/config-file.js';
import {knownPortals, portalByName, portalNames, resolveActivePortal, sameApiRoot, type PortalFlags, type Resolution} from '../../source/config/resolve.js';
import type {Env} from '../../source/config/paths.js';

const home = '/home/ada';
const lu = 'https://data.public.lu/api/1/';
const fr = 'https://www.data.gouv.fr/api/1/';
const work = 'https://data.example.org/api/1/';

function config(value: unknown): Config {
	const result = parseConfig(JSON.stringify(value), {path: '/home/ada/.config/udata-explorer/config.json', home});
	if ('error' in result) {
		throw new Error(result.error);
	}

	return result.config;
}

const withWork = config({
	defaultPortal: 'work',
	portals: {
		work: {api: work, keyEnv: 'WORK_UDATA_KEY', pageSize: 50},
		lu: {keyFile: '~/.config/udata-explorer/lu.key', readOnly: true},
		local: {api: 'http://127.0.0.1:7000/api/1/', production: false},
		staging: {api: 'https://staging.example.org/api/1/', production: false},
	},
});

function portal(resolution: Resolution) {
	if ('error' in resolution) {
		throw new Error(resolution.error);
	}

	return resolution.portal;
}

describe('which portal: --api > --portal > UDATA_API > defaultPortal > lu', () => {
	it.each<[string, Config, Env, PortalFlags, {name: string | null; apiUrl: string; chosenBy: string}]>([
		['nothing at all', emptyConfig, {}, {}, {name: 'lu', apiUrl: lu, chosenBy: 'built-in default'}],
		['defaultPortal', withWork, {}, {}, {name: 'work', apiUrl: work, chosenBy: 'defaultPortal'}],
		['UDATA_API over defaultPortal', withWork, {UDATA_API: fr}, {}, {name: null, apiUrl: fr, chosenBy: 'UDATA_API'}],
		['an empty UDATA_API is unset', withWork, {UDATA_API: ''}, {}, {name: 'work', apiUrl: work, chosenBy: 'defaultPortal'}],
		['--portal over UDATA_API', withWork, {UDATA_API: fr}, {portal: 'demo'}, {name: 'demo', apiUrl: 'https://demo.data.gouv.fr/api/1/', chosenBy: '--portal'}],
		['--api over everything', withWork, {UDATA_API: fr}, {api: 'https://other.example/api/1/'}, {name: null, apiUrl: 'https://other.example/api/1/', chosenBy: '--api'}],
		['--portal of a config portal', withWork, {}, {portal: 'work'}, {name: 'work', apiUrl: work, chosenBy: '--portal'}],
	])('%s', (_what, config, env, flags, expected) => {
		expect(portal(resolveActivePortal(config, env, flags))).toMatchObject(expected);
	});

	it('refuses --api with --portal rather than guess', () => {
		expect(resolveActivePortal(emptyConfig, {}, {api: fr, portal: 'lu'})).toEqual({error: '--api and --portal both name a portal: keep one'});
	});

	it('refuses an unknown --portal, listing the known names', () => {
		expect(resolveActivePortal(withWork, {}, {portal: 'wrok'})).toEqual({error: 'unknown portal "wrok": the portals are lu, fr, demo, work, local, staging'});
	});

	it.each([
		[{api: 'data.example.org'}, {}, '--api must be an http(s) URL such as "https://data.example.org/api/1/", not "data.example.org"'],
		[{}, {UDATA_API: 'file:///etc/passwd'}, 'UDATA_API must be an http(s) URL such as "https://data.example.org/api/1/", not "file:///etc/passwd"'],
	])('refuses a bad URL %j %j', (flags, env, error) => {
		expect(resolveActivePortal(emptyConfig, env, flags)).toEqual({error});
	});
});

describe('production, read-only and page size', () => {
	it.each([
		['lu', emptyConfig, true, 'production'],
		['fr', emptyConfig, true, 'production'],
		['demo', emptyConfig, false, 'demo'],
		// Inferred from the URL when the config does not say.
		['work', withWork, true, 'production'],
		['local', withWork, false, 'sandbox'],
		// Not production, but remote: still a demo, so deletes are typed as host/slug.
		['staging', withWork, false, 'demo'],
	])('%s is production: %s (%s)', (name, config, production, kind) => {
		expect(portal(portalByName(config, name, {}))).toMatchObject({production, kind});
	});

	it('judges a built-in whose api the config replaces by the new URL, unless it says', () => {
		expect(portal(portalByName(config({portals: {lu: {api: 'http://localhost:8080/api/1/'}}}), 'lu', {}))).toMatchObject({production: false, kind: 'sandbox'});
		expect(portal(portalByName(config({portals: {demo: {production: true}}}), 'demo', {}))).toMatchObject({production: true, kind: 'production'});
	});

	it.each([
		['a bare URL', {api: 'https://data.example.org/api/1/'}, true],
		['a loopback URL', {api: 'http://127.0.0.1:4321/api/1/'}, false],
		['a demo URL', {api: 'https://demo.data.gouv.fr/api/1/'}, false],
	])('infers production for %s', (_what, flags, production) => {
		expect(portal(resolveActivePortal(emptyConfig, {}, flags)).production).toBe(production);
	});

	it('takes readOnly from the portal or --read-only, and --page-size over the portal\'s', () => {
		expect(portal(portalByName(withWork, 'lu', {}))).toMatchObject({readOnly: true, pageSize: undefined});
		expect(portal(portalByName(withWork, 'work', {}))).toMatchObject({readOnly: false, pageSize: 50});
		expect(portal(portalByName(withWork, 'work', {}, {readOnly: true, pageSize: 10}))).toMatchObject({readOnly: true, pageSize: 10});
		expect(portal(resolveActivePortal(withWork, {}, {api: fr, readOnly: true}))).toMatchObject({readOnly: true});
		expect(portal(resolveActivePortal(withWork, {}, {api: fr}))).toMatchObject({readOnly: false});
	});
});

describe('where the key comes from', () => {
	const apiKey = {UDATA_API_KEY: 'k'};
	const file = {type: 'file', path: '/home/ada/.config/udata-explorer/lu.key'};
	it.each<[string, Config, Env, PortalFlags, object, boolean]>([
		['--api with UDATA_API_KEY', withWork, apiKey, {api: work}, {type: 'env', variable: 'UDATA_API_KEY'}, false],
		['--api without a key', withWork, {}, {api: work}, {type: 'none'}, false],
		['--api with an empty UDATA_API_KEY', withWork, {UDATA_API_KEY: ''}, {api: work}, {type: 'none'}, false],
		['UDATA_API with UDATA_API_KEY', withWork, {...apiKey, UDATA_API: fr}, {}, {type: 'env', variable: 'UDATA_API_KEY'}, false],
		['the built-in default lu with UDATA_API_KEY', emptyConfig, apiKey, {}, {type: 'env', variable: 'UDATA_API_KEY'}, false],
		['the built-in default lu without', emptyConfig, {}, {}, {type: 'none'}, false],
		['a profile with keyEnv', withWork, {}, {}, {type: 'env', variable: 'WORK_UDATA_KEY'}, false],
		['a profile with keyFile', withWork, {}, {portal: 'lu'}, file, false],
		// UDATA_API_KEY is data.public.lu's when UDATA_API is unset: it wins there, as env does…
		['--portal lu with UDATA_API_KEY', withWork, apiKey, {portal: 'lu'}, {type: 'env', variable: 'UDATA_API_KEY'}, false],
		// …and never goes to another portal by name.
		['--portal fr with UDATA_API_KEY', withWork, apiKey, {portal: 'fr'}, {type: 'none'}, true],
		['defaultPortal work with UDATA_API_KEY', withWork, apiKey, {}, {type: 'env', variable: 'WORK_UDATA_KEY'}, true],
		// With UDATA_API set, UDATA_API_KEY is that portal's, not data.public.lu's.
		['--portal lu with UDATA_API_KEY for UDATA_API=fr', withWork, {...apiKey, UDATA_API: fr}, {portal: 'lu'}, file, true],
		['--portal fr with UDATA_API_KEY for UDATA_API=fr (no final slash)', withWork, {...apiKey, UDATA_API: 'https://WWW.data.gouv.fr/api/1'}, {portal: 'fr'}, {type: 'env', variable: 'UDATA_API_KEY'}, false],
	])('%s', (_what, config, env, flags, keySource, apiKeyEnvUnused) => {
		expect(portal(resolveActivePortal(config, env, flags))).toMatchObject({keySource, apiKeyEnvUnused});
	});

	it('switching with :portal follows the same rule', () => {
		expect(portal(portalByName(withWork, 'fr', apiKey))).toMatchObject({name: 'fr', keySource: {type: 'none'}, chosenBy: ':portal', apiKeyEnvUnused: true});
		expect(portal(portalByName(withWork, 'lu', apiKey))).toMatchObject({keySource: {type: 'env', variable: 'UDATA_API_KEY'}});
		expect(portalByName(withWork, 'nope', {})).toEqual({error: 'unknown portal "nope": the portals are lu, fr, demo, work, local, staging'});
	});
});

describe('the known portals', () => {
	it('are the built-ins, then the config\'s in file order', () => {
		expect(portalNames(emptyConfig)).toEqual(['lu', 'fr', 'demo']);
		expect(portalNames(withWork)).toEqual(['lu', 'fr', 'demo', 'work', 'local', 'staging']);
		expect(knownPortals(withWork).map(portal => portal.origin)).toEqual(['built-in, changed by the config', 'built-in', 'built-in', 'config', 'config', 'config']);
	});

	it.each([
		[lu, 'https://data.public.lu/api/1', true],
		[lu, 'https://DATA.public.lu:443/api/1/', true],
		[lu, 'https://data.public.lu/api/2/', false],
		[lu, 'http://data.public.lu/api/1/', false],
		[lu, 'not a url', false],
	])('sameApiRoot(%s, %s) is %s', (a, b, same) => {
		expect(sameApiRoot(a, b)).toBe(same);
	});
});
