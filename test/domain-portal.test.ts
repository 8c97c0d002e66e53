import {describe, expect, it} from 'vitest';
import {confirmationText, confirms, portalKind} from '../source/domain/portal.js';

describe('portalKind', () => {
	it.each([
		['http://127.0.0.1:4321/api/1/', 'sandbox'],
		['http://localhost:8080/api/1/', 'sandbox'],
		['http://[::1]:8080/api/1/', 'sandbox'],
		['https://demo.data.gouv.fr/api/1/', 'demo'],
		['https://data.public.lu/api/1/', 'production'],
		['https://www.data.gouv.fr/api/1/', 'production'],
		['https://demography.example/api/1/', 'production'],
		['not a url', 'production'],
	])('%s is %s', (url, kind) => {
		expect(portalKind(url)).toBe(kind);
	});
});

describe('the typed confirmation', () => {
	it('is the slug on the sandbox, host/slug elsewhere', () => {
		expect(confirmationText('sandbox', '127.0.0.1:4321', 'insee')).toBe('insee');
		expect(confirmationText('production', 'data.public.lu', 'insee')).toBe('data.public.lu/insee');
		expect(confirmationText('demo', 'demo.data.gouv.fr', 'insee')).toBe('demo.data.gouv.fr/insee');
	});

	it.each([
		['insee', 'insee', true],
		['  insee  ', 'insee', true],
		['', 'insee', false],
		['inse', 'insee', false],
		['INSEE', 'insee', false],
		['insee2', 'insee', false],
		['in see', 'insee', false],
		['', '', false],
	])('%j against %j → %s', (typed, expected, result) => {
		expect(confirms(typed, expected)).toBe(result);
	});
});
