/**
 * The one function that performs I/O (STYLE.md §6). Everything about the wire lives here:
 * headers, the key's confinement to one origin, redirects, timeouts, retries, decoding, and the
 * mapping of every failure to an `ApiError`.
 */
import {setTimeout as sleep} from 'node:timers/promises';
import {Agent, EnvHttpProxyAgent, type Dispatcher} from 'undici';
import {ApiError, kindOfStatus, parseErrorBody, type ApiErrorKind} from './errors.js';

/** How GETs are retried. Mutations never are: a retried DELETE or PUT is a second mutation. */
export type RetryPolicy = {
	/** Retries after the first attempt. */
	readonly maxRetries: number;
	/** First backoff; doubles each retry, with jitter. */
	readonly baseDelayMs: number;
	/** Longest single wait, `Retry-After` included: a server asking for more is not waited for. */
	readonly maxDelayMs: number;
	/** Time budget for all attempts of one call. */
	readonly maxTotalMs: number;
};

export const defaultRetryPolicy: RetryPolicy = {maxRetries: 3, baseDelayMs: 250, maxDelayMs: 5000, maxTotalMs: 15_000};

export type HttpConfig = {
	/** Where the key may go: the configured API's origin (scheme, host, port). */
	readonly origin: string;
	readonly apiKey: string | undefined;
	readonly userAgent: string;
	readonly dispatcher: Dispatcher;
	readonly timeoutMs: number;
	readonly retry: RetryPolicy;
};

export type HttpRequest = {
	readonly method: 'GET' | 'PUT' | 'PATCH' | 'POST' | 'DELETE';
	/** Absolute URL; must be on the configured origin. */
	readonly url: string;
	/** flask-restx field mask (API.md §1). */
	readonly fields?: string | undefined;
	/** A JSON body. */
	readonly body?: unknown;
	readonly signal?: AbortSignal | undefined;
};

export type HttpResponse = {
	readonly status: number;
	/** Parsed JSON, or null for an empty body (DELETE → 204, API.md §6.3). */
	readonly body: unknown;
	readonly url: string;
};

const maxRedirects = 5;
const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const retryableStatuses = new Set([429, 500, 502, 503, 504]);
const resetCodes = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/**
 * A keep-alive agent: one TCP connection serves page after page (INK-NOTES: undici 7). One
 * connection per origin, because with more allowed undici 7 opens a second socket for the
 * request right after the first (measured: 2 connections for 100 sequential pages, 1 with this).
 * The app asks one portal for one thing at a time, and a left view's request is aborted, so
 * nothing waits behind a request nobody wants.
 */
export function createAgent(proxy: ProxySettings = {}): Dispatcher {
	const options = {keepAliveTimeout: 30_000, keepAliveMaxTimeout: 120_000, connections: 1};
	if (!proxy.httpProxy && !proxy.httpsProxy) {
		return new Agent(options);
	}

	// Every setting given explicitly ('' for none): undici would otherwise read process.env itself.
	return new EnvHttpProxyAgent({...options, httpProxy: proxy.httpProxy ?? '', httpsProxy: proxy.httpsProxy ?? '', noProxy: proxy.noProxy ?? ''});
}

/** The proxy a session goes through: `HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY` (curl's conventions). */
export type ProxySettings = {readonly httpProxy?: string | undefined; readonly httpsProxy?: string | undefined; readonly noProxy?: string | undefined};

/**
 * The proxy settings of an environment: the lowercase variable wins over the uppercase one, as
 * curl and undici read them; empty means unset.
 */
export function proxySettings(env: Readonly<Record<string, string | undefined>>): ProxySettings {
	const read = (name: string) => [env[name.toLowerCase()], env[name]].find(value => value !== undefined && value.trim() !== '')?.trim();
	return {httpProxy: read('HTTP_PROXY'), httpsProxy: read('HTTPS_PROXY'), noProxy: read('NO_PROXY')};
}


/**
 * Perform one API call. GETs are retried on 429, 5xx and connection resets within the policy;
 * other methods are sent exactly once whatever happens.
 */
export async function send(config: HttpConfig, request_: HttpRequest): Promise<HttpResponse> {
	const started = Date.now();
	const idempotent = request_.method === 'GET';
	for (let attempt = 0; ; attempt++) {
		try {
			// eslint-disable-next-line no-await-in-loop
			return await sendOnce(config, request_);
		} catch (error) {
			if (!(error instanceof ApiError) || !idempotent || attempt >= config.retry.maxRetries || !isRetryable(error)) {
				throw error;
			}

			const backoff = Math.min(config.retry.maxDelayMs, config.retry.baseDelayMs * (2 ** attempt) * (0.75 + (Math.random() / 2)));
			const wait = error.retryAfterMs ?? backoff;
			if (wait > config.retry.maxDelayMs || Date.now() - started + wait > config.retry.maxTotalMs) {
				throw error;
			}

			try {
				// eslint-disable-next-line no-await-in-loop
				await sleep(wait, undefined, {signal: request_.signal});
			} catch {
				throw new ApiError({kind: 'aborted', method: request_.method, url: request_.url});
			}
		}
	}
}

function isRetryable(error: ApiError): boolean {
	// A 200 whose body does not parse was cut short on the way: asking again is what helps.
	if (error.kind === 'decode') {
		return true;
	}

	if (error.status !== undefined) {
		return retryableStatuses.has(error.status);
	}

	return error.kind === 'network' && resetCodes.has(errorCode(error.cause) ?? '');
}

async function sendOnce(config: HttpConfig, request_: HttpRequest): Promise<HttpResponse> {
	let url = request_.url;
	for (let redirects = 0; ; redirects++) {
		assertSameOrigin(config, url, request_.method);
		const timeout = AbortSignal.timeout(config.timeoutMs);
		const signal = request_.signal ? AbortSignal.any([request_.signal, timeout]) : timeout;
		const headers: Record<string, string> = {
			accept: 'application/json',
			'user-agent': config.userAgent,
		};
		if (config.apiKey !== undefined) {
			headers['x-api-key'] = config.apiKey;
		}

		if (request_.fields !== undefined) {
			headers['x-fields'] = request_.fields;
		}

		let body: string | undefined;
		if (request_.body !== undefined) {
			body = JSON.stringify(request_.body);
			headers['content-type'] = 'application/json';
		}

		let response: Dispatcher.ResponseData;
		let text: string;
		try {
			// eslint-disable-next-line no-await-in-loop
			// dispatcher.request rather than undici's top-level request(): the bundle carries only
			// the dispatcher half of undici (scripts/undici-slim.cjs).
			const target = new URL(url);
			response = await config.dispatcher.request({origin: target.origin, path: `${target.pathname}${target.search}`, method: request_.method, headers, body, signal});
			// eslint-disable-next-line no-await-in-loop
			text = await response.body.text();
		} catch (error) {
			throw failure(error, request_, url, timeout);
		}

		const {statusCode: status} = response;
		if (redirectStatuses.has(status)) {
			const location = header(response.headers, 'location');
			// A 308 answers a non-canonical slug (API.md §1). Follow it for reads only: a mutation
			// sent to a redirected URL would be a second mutation by another name.
			if (location === undefined || request_.method !== 'GET' || redirects >= maxRedirects) {
				throw new ApiError({kind: 'http', status, method: request_.method, url, serverMessage: `redirected to ${location ?? 'nowhere'}`});
			}

			url = new URL(location, url).toString();
			continue;
		}

		if (status < 200 || status >= 300) {
			const {serverMessage, fieldErrors} = parseErrorBody(text, header(response.headers, 'content-type'));
			throw new ApiError({
				kind: kindOfStatus(status),
				status,
				method: request_.method,
				url,
				serverMessage,
				fieldErrors,
				retryAfterMs: parseRetryAfter(header(response.headers, 'retry-after')),
			});
		}

		if (text.trim() === '') {
			return {status, body: null, url};
		}

		try {
			return {status, body: JSON.parse(text) as unknown, url};
		} catch (error) {
			throw new ApiError({kind: 'decode', status, method: request_.method, url, cause: error});
		}
	}
}

/**
 * The key goes to the configured origin and nowhere else: a `next_page` or redirect that points
 * elsewhere is refused outright rather than followed anonymously, so a hostile or misconfigured
 * server can neither harvest the key nor feed us another site's data as its own.
 */
function assertSameOrigin(config: HttpConfig, url: string, method: string): void {
	let target: URL;
	try {
		target = new URL(url);
	} catch {
		throw new ApiError({kind: 'unsafe', method, url, message: `not a URL: ${url}`});
	}

	if (target.origin !== config.origin) {
		throw new ApiError({
			kind: 'unsafe',
			method,
			url,
			message: `refused to follow a link to another origin (${target.host}); udx only talks to ${new URL(config.origin).host}`,
		});
	}
}

function header(headers: Dispatcher.ResponseData['headers'], name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/** `Retry-After`: delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
	if (value === undefined || value.trim() === '') {
		return undefined;
	}

	if (/^\s*\d+\s*$/u.test(value)) {
		return Number(value) * 1000;
	}

	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function errorCode(error: unknown): string | undefined {
	if (error !== null && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
		return error.code;
	}

	return undefined;
}

function failure(error: unknown, request_: HttpRequest, url: string, timeout: AbortSignal): ApiError {
	const base = {method: request_.method, url, cause: error};
	if (request_.signal?.aborted) {
		return new ApiError({...base, kind: 'aborted'});
	}

	const code = errorCode(error);
	let kind: ApiErrorKind = 'network';
	if (timeout.aborted || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
		kind = 'timeout';
	}

	const detail = code ?? (error instanceof Error ? error.message : undefined);
	return new ApiError({...base, kind, serverMessage: detail});
}
