import {describe, expect, it} from 'vitest';
import {ApiError, explainError, parseErrorBody, redactUrl} from '../../source/api/errors.js';
import {parseRetryAfter} from '../../source/api/http.js';
import {apiRoots, followableUrl, pageNumberOf} from '../../source/api/endpoints.js';

describe('parseErrorBody reads both of udata\'s shapes and the odd ones (API.md §6.2)', () => {
	it.each([
		['message', '{"message": "Organization has been deleted"}', 'Organization has been deleted', {}],
		['api_fields validation', '{"errors": {"business_number_id": "A siret number is made of 14 digits"}, "message": "A siret number is made of 14 digits"}', 'A siret number is made of 14 digits', {business_number_id: ['A siret number is made of 14 digits']}],
		['WTForms validation, no message', '{"errors": {"title": ["This field is required."]}}', 'title: This field is required.', {title: ['This field is required.']}],
		['WTForms nested sub-form', '{"errors": {"temporal_coverage": [{"start": ["Invalid date"]}]}}', 'temporal_coverage.start: Invalid date', {'temporal_coverage.start': ['Invalid date']}],
		['unknown route', '{"error": "The requested URL was not found on the server.", "status": 404}', 'The requested URL was not found on the server.', {}],
		['hostile message', '{"message": "bad \\u001b]0;pwned\\u0007 key"}', 'bad key', {}],
	])('%s', (_name, body, message, fields) => {
		const parsed = parseErrorBody(body, 'application/json');
		expect(parsed.serverMessage).toBe(message);
		expect(parsed.fieldErrors).toEqual(fields);
	});

	it('reads an HTML proxy page by its title', () => {
		expect(parseErrorBody('<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>', 'text/html').serverMessage).toBe('502 Bad Gateway');
	});

	it('survives an empty or truncated body', () => {
		expect(parseErrorBody('', undefined)).toEqual({fieldErrors: {}});
		expect(parseErrorBody('{"message": "tru', 'application/json').serverMessage).toBe('{"message": "tru');
	});
});

describe('redactUrl', () => {
	it('hides userinfo and credential-like parameters', () => {
		expect(redactUrl('https://me:secret@data.public.lu/api/1/x/?api_key=abc&q=velo&token=t')).toBe('https://data.public.lu/api/1/x/?api_key=REDACTED&q=velo&token=REDACTED');
	});
});

describe('explainError says it in words', () => {
	const error = (init: Partial<ConstructorParameters<typeof ApiError>[0]>) => new ApiError({kind: 'server', method: 'GET', url: 'https://data.public.lu/api/1/organizations/', ...init});
	it.each([
		[error({kind: 'unauthorized', status: 401, serverMessage: 'Invalid API token'}), 'your API key was refused: Invalid API token — check UDATA_API_KEY'],
		[error({kind: 'network'}), 'can\'t reach data.public.lu — r to retry'],
		[error({kind: 'forbidden', status: 403, url: 'https://data.public.lu/api/1/users/?page_size=20', serverMessage: 'You do not have the permission to modify that object.'}), 'you can\'t list users (needs sysadmin)'],
		[error({kind: 'forbidden', status: 403, method: 'DELETE', url: 'https://data.public.lu/api/1/organizations/x/', serverMessage: 'You do not have the permission to modify that object.'}), 'you can\'t do that: You do not have the permission to modify that object.'],
		[error({kind: 'unauthorized', status: 401, url: 'https://data.public.lu/api/1/users/'}), 'listing users needs a sysadmin\'s API key: set UDATA_API_KEY'],
		[error({kind: 'gone', status: 410, serverMessage: 'Dataset has been deleted'}), 'deleted: Dataset has been deleted'],
		[error({kind: 'server', status: 502, serverMessage: '502 Bad Gateway'}), 'data.public.lu failed (502) — r to retry · 502 Bad Gateway'],
	])('%#', (input, expected) => {
		expect(explainError(input)).toBe(expected);
	});
});

describe('parseRetryAfter', () => {
	it('reads seconds and dates', () => {
		expect(parseRetryAfter('3')).toBe(3000);
		expect(parseRetryAfter('0')).toBe(0);
		expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
		expect(parseRetryAfter('soon')).toBeUndefined();
		expect(parseRetryAfter(undefined)).toBeUndefined();
	});
});

describe('endpoints', () => {
	it('derives v2 from v1', () => {
		expect(apiRoots('https://data.public.lu/api/1/')).toEqual({v1: 'https://data.public.lu/api/1/', v2: 'https://data.public.lu/api/2/'});
		expect(apiRoots('https://data.public.lu/api/1')).toEqual({v1: 'https://data.public.lu/api/1/', v2: 'https://data.public.lu/api/2/'});
	});

	it('follows a next_page on the same host with the configured scheme, leaves other hosts alone', () => {
		expect(followableUrl('http://data.public.lu/api/1/x/?page=2', 'https://data.public.lu')).toBe('https://data.public.lu/api/1/x/?page=2');
		expect(followableUrl('https://evil.example/api/1/x/?page=2', 'https://data.public.lu')).toBe('https://evil.example/api/1/x/?page=2');
	});

	it('reads page numbers', () => {
		expect(pageNumberOf('https://x/?page=3')).toBe(3);
		expect(pageNumberOf('https://x/')).toBe(1);
		expect(pageNumberOf('nope')).toBe(1);
	});
});
