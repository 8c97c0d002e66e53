/**
 * Every failure of the API layer is one `ApiError` (STYLE.md §6, octokit's RequestError): it keeps
 * the HTTP status, udata's own message and field errors, and the method and URL of the request,
 * with credentials redacted. `kind` says what went wrong in terms a view can act on.
 */
import {sanitizeLine} from '../lib/sanitize.js';

export type ApiErrorKind =
	| 'unauthorized' // 401: no key where one is needed, or the key was refused (invalid, revoked, expired)
	| 'forbidden' // 403
	| 'not-found' // 404
	| 'gone' // 410: soft-deleted (API.md §6.3)
	| 'validation' // 400: field errors or bad arguments
	| 'conflict' // 409
	| 'rate-limited' // 429
	| 'server' // 5xx
	| 'http' // any other non-2xx
	| 'network' // reset, refused, DNS, TLS
	| 'timeout' // no answer in time
	| 'decode' // the body was not the JSON we expected
	| 'aborted' // the caller aborted (a view was left)
	| 'unsafe'; // refused by us: a key to another origin or over plain http (see http.ts)

export type ApiErrorInit = {
	readonly kind: ApiErrorKind;
	readonly method: string;
	readonly url: string;
	readonly status?: number | undefined;
	readonly serverMessage?: string | undefined;
	readonly fieldErrors?: Readonly<Record<string, readonly string[]>> | undefined;
	readonly retryAfterMs?: number | undefined;
	readonly cause?: unknown;
	readonly message?: string;
};

/** Query parameters that could carry a credential: never shown, never logged. */
const secretParameter = /^(?:api[-_]?key|apikey|key|token|access[-_]?token|password)$/iu;

/** The URL as it may be shown: no userinfo, credential-like query values replaced. */
export function redactUrl(url: string): string {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return sanitizeLine(url);
	}

	parsed.username = '';
	parsed.password = '';
	for (const name of [...parsed.searchParams.keys()]) {
		if (secretParameter.test(name)) {
			parsed.searchParams.set(name, 'REDACTED');
		}
	}

	return sanitizeLine(parsed.toString());
}

export class ApiError extends Error {
	override readonly name = 'ApiError';
	readonly kind: ApiErrorKind;
	readonly status: number | undefined;
	/** udata's message, sanitised (`message`, or `error` on unknown routes, or an HTML title). */
	readonly serverMessage: string | undefined;
	/** Field errors of a 400, both of udata's shapes flattened to lists (API.md §6.2). */
	readonly fieldErrors: Readonly<Record<string, readonly string[]>>;
	readonly method: string;
	/** The request URL, redacted. */
	readonly url: string;
	/** For 429 and 503: how long the server asked us to wait. */
	readonly retryAfterMs: number | undefined;

	constructor(init: ApiErrorInit) {
		const url = redactUrl(init.url);
		super(init.message ?? describe(init.kind, init.status, init.serverMessage, init.method, url), {cause: init.cause});
		this.kind = init.kind;
		this.status = init.status;
		this.serverMessage = init.serverMessage;
		this.fieldErrors = init.fieldErrors ?? {};
		this.method = init.method;
		this.url = url;
		this.retryAfterMs = init.retryAfterMs;
	}
}

function describe(kind: ApiErrorKind, status: number | undefined, serverMessage: string | undefined, method: string, url: string): string {
	const what = `${method} ${url}`;
	const said = serverMessage ? `: ${serverMessage}` : '';
	switch (kind) {
		case 'network': {
			return `can't reach ${hostOf(url)}${said} (${what})`;
		}

		case 'timeout': {
			return `${hostOf(url)} did not answer in time (${what})`;
		}

		case 'aborted': {
			return `request aborted (${what})`;
		}

		case 'decode': {
			return `${hostOf(url)} sent a response that is not valid JSON (${what})`;
		}

		default: {
			return `${status ?? ''} ${kind}${said} (${what})`.trim();
		}
	}
}

export function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return url;
	}
}

/** The kind of an HTTP error status. */
export function kindOfStatus(status: number): ApiErrorKind {
	switch (status) {
		case 400:
		case 422: {
			return 'validation';
		}

		case 401: {
			return 'unauthorized';
		}

		case 403: {
			return 'forbidden';
		}

		case 404: {
			return 'not-found';
		}

		case 409: {
			return 'conflict';
		}

		case 410: {
			return 'gone';
		}

		case 429: {
			return 'rate-limited';
		}

		default: {
			return status >= 500 ? 'server' : 'http';
		}
	}
}

/**
 * Read udata's error body: `{"message"}`, `{"errors": {field: string | string[] | {...}}}`
 * (WTForms nests sub-forms), `{"error", "status"}` on unknown routes, or an HTML page from a proxy.
 */
export function parseErrorBody(body: string, contentType: string | undefined): {serverMessage?: string; fieldErrors: Record<string, string[]>} {
	const fieldErrors: Record<string, string[]> = {};
	const trimmed = body.trim();
	if (trimmed === '') {
		return {fieldErrors};
	}

	if (contentType?.includes('html') || trimmed.startsWith('<')) {
		const title = /<title[^>]*>([^<]*)<\/title>/iu.exec(trimmed)?.[1] ?? /<h1[^>]*>([^<]*)<\/h1>/iu.exec(trimmed)?.[1];
		return {serverMessage: title ? sanitizeLine(title) : 'an HTML error page', fieldErrors};
	}

	let parsed: unknown;
	try {
		parsed = JSON.parse(trimmed);
	} catch {
		return {serverMessage: sanitizeLine(trimmed.slice(0, 200)), fieldErrors};
	}

	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		return {fieldErrors};
	}

	const wire = parsed as Record<string, unknown>;
	const errors = wire['errors'];
	if (errors !== null && typeof errors === 'object' && !Array.isArray(errors)) {
		flattenFieldErrors(errors as Record<string, unknown>, '', fieldErrors);
	}

	const message = typeof wire['message'] === 'string' ? wire['message'] : typeof wire['error'] === 'string' ? wire['error'] : undefined;
	if (message !== undefined) {
		return {serverMessage: sanitizeLine(message), fieldErrors};
	}

	// WTForms bodies have no `message` (API.md §8.4): summarise the first field error.
	const first = Object.entries(fieldErrors)[0];
	return first ? {serverMessage: `${first[0]}: ${first[1].join(' ')}`, fieldErrors} : {fieldErrors};
}

function flattenFieldErrors(errors: Record<string, unknown>, prefix: string, into: Record<string, string[]>): void {
	for (const [rawField, value] of Object.entries(errors)) {
		const field = prefix + sanitizeLine(rawField);
		if (typeof value === 'string') {
			into[field] = [sanitizeLine(value)];
		} else if (Array.isArray(value)) {
			const messages: string[] = [];
			for (const item of value) {
				if (typeof item === 'string') {
					messages.push(sanitizeLine(item));
				} else if (item !== null && typeof item === 'object') {
					flattenFieldErrors(item as Record<string, unknown>, `${field}.`, into);
				}
			}

			if (messages.length > 0) {
				into[field] = messages;
			}
		} else if (value !== null && typeof value === 'object') {
			flattenFieldErrors(value as Record<string, unknown>, `${field}.`, into);
		}
	}
}

/** A sentence for the status line: what went wrong, in words a user can act on (issue: errors in words). */
export function explainError(error: unknown, options: {keySource?: string; mutation?: boolean} = {}): string {
	if (!(error instanceof ApiError)) {
		return error instanceof Error ? sanitizeLine(error.message) : 'unexpected error';
	}

	const host = hostOf(error.url);
	// `r` reloads a view; a mutation is never sent again by a key, so it has no "r to retry".
	const retry = options.mutation ? '' : ' — r to retry';
	switch (error.kind) {
		case 'unauthorized': {
			if (error.method === 'GET' && /\/api\/1\/users\/(?:\?|$)/u.test(error.url) && !(error.serverMessage && /token|key/iu.test(error.serverMessage))) {
				return 'listing users needs a sysadmin\'s API key: set UDATA_API_KEY';
			}

			return error.serverMessage && /token|key|inactive/iu.test(error.serverMessage)
				? `your API key was refused: ${error.serverMessage} — check ${options.keySource ?? 'UDATA_API_KEY'}`
				: 'this needs an API key: set UDATA_API_KEY';
		}

		case 'forbidden': {
			// The users list is the one read udata keeps for sysadmins (API.md §3).
			if (error.method === 'GET' && /\/api\/1\/users\/(?:\?|$)/u.test(error.url)) {
				return 'you can\'t list users (needs sysadmin)';
			}

			return `you can't do that: ${error.serverMessage ?? 'permission denied'}`;
		}

		case 'gone': {
			return `deleted: ${error.serverMessage ?? 'this object has been deleted'}`;
		}

		case 'not-found': {
			return 'not found';
		}

		case 'validation': {
			return `refused: ${error.serverMessage ?? 'invalid request'}`;
		}

		case 'rate-limited': {
			return `${host} is rate-limiting us${retry}`;
		}

		case 'server': {
			// The way out first: a long server message is cut at the terminal's edge.
			return `${host} failed (${error.status ?? 'server error'})${retry}${error.serverMessage ? ` · ${error.serverMessage}` : ''}`;
		}

		case 'network': {
			return `can't reach ${host}${retry}`;
		}

		case 'timeout': {
			return `${host} did not answer in time${retry}`;
		}

		case 'decode': {
			return `${host} sent a malformed response${retry}`;
		}

		case 'aborted': {
			return 'cancelled';
		}

		case 'unsafe': {
			return error.message;
		}

		default: {
			return `${error.status ?? ''} ${error.serverMessage ?? 'request failed'}`.trim();
		}
	}
}
