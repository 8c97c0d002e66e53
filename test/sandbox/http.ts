/**
 * A tiny HTTP helper for the sandbox tests: undici's `request`, with the body decoded as JSON when it is JSON.
 */
import {request} from 'undici';
import type {Sandbox} from '../../source/sandbox/server.js';

export type Call = {status: number; headers: Record<string, string | string[] | undefined>; text: string; json: any};

export type CallOptions = {method?: string; key?: string; fields?: string; body?: unknown; rawBody?: string; contentType?: string; headers?: Record<string, string>};

/** Call `path` (relative to the origin, or absolute) on a sandbox. Never throws on HTTP errors. */
export async function call(sandbox: Sandbox, path: string, options: CallOptions = {}): Promise<Call> {
	const headers: Record<string, string> = {accept: 'application/json', ...options.headers};
	if (options.key !== undefined) {
		headers['x-api-key'] = options.key;
	}
	if (options.fields !== undefined) {
		headers['x-fields'] = options.fields;
	}
	let body: string | undefined;
	if (options.rawBody !== undefined) {
		body = options.rawBody;
	} else if (options.body !== undefined) {
		body = JSON.stringify(options.body);
	}
	if (body !== undefined) {
		headers['content-type'] = options.contentType ?? 'application/json';
	}
	const url = path.startsWith('http') ? path : `${sandbox.origin}${path}`;
	const response = await request(url, {method: (options.method ?? 'GET') as 'GET', headers, body});
	const text = await response.body.text();
	let json: unknown;
	try {
		json = text === '' ? undefined : JSON.parse(text);
	} catch {
		json = undefined;
	}
	return {status: response.statusCode, headers: response.headers, text, json};
}
