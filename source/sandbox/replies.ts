/**
 * Reply values and the exact error bodies of API.md §6.2 (Werkzeug default texts, udata's own messages).
 */

/** What a handler returns; `server.ts` writes it. JSON bodies are masked by `X-Fields` only on 2xx replies. */
export type Reply = {
	status: number;
	headers?: Record<string, string>;
	/** JSON body (serialised by the server). */
	json?: unknown;
	/** Raw body (with `contentType`). */
	text?: string;
	contentType?: string;
};

/** Werkzeug's default descriptions (API.md §6.2). */
export const MESSAGES = {
	notFound: 'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.',
	unauthorized:
		"The server could not verify that you are authorized to access the URL requested. You either supplied the wrong credentials (e.g. a bad password), or your browser doesn't understand how to supply the credentials required.",
	forbidden: 'You do not have the permission to modify that object.',
	methodNotAllowed: 'The method is not allowed for the requested URL.',
	badRequest: 'The browser (or proxy) sent a request that this server could not understand.',
	internal: 'The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.',
	unavailable: 'The server is temporarily unable to service your request due to maintenance downtime or capacity problems. Please try again later.',
	tooManyRequests: 'This user has exceeded an allotted request count. Try again later.',
	badGateway: 'The proxy server received an invalid response from an upstream server.',
	inputValidation: 'Input payload validation failed',
} as const;

/** `{"message": …}` with a status. */
export function message(status: number, text: string, headers?: Record<string, string>): Reply {
	return headers ? {status, json: {message: text}, headers} : {status, json: {message: text}};
}

/** 200 (or another 2xx) with a JSON body. */
export function ok(json: unknown, status = 200): Reply {
	return {status, json};
}

/** 204 with an empty body (API.md §6.3: DELETE answers must not be parsed as JSON). */
export function noContent(): Reply {
	return {status: 204};
}

/** 401 always carries `WWW-Authenticate: Bearer realm="uData"` (API.md §6.1). */
export function unauthorized(text: string = MESSAGES.unauthorized): Reply {
	return message(401, text, {'WWW-Authenticate': 'Bearer realm="uData"'});
}

export function forbidden(): Reply {
	return message(403, MESSAGES.forbidden);
}

/** 404 for an unknown object or a page past the end (API.md §2.4, §6.2). */
export function notFound(text: string = MESSAGES.notFound): Reply {
	return message(404, text);
}

/** 404 for an unknown route: the other shape, `{"error", "status"}` (API.md §6.2, quirk §8.5). */
export function unknownRoute(): Reply {
	return {status: 404, json: {error: MESSAGES.notFound, status: 404}};
}

export function methodNotAllowed(allowed: readonly string[]): Reply {
	return message(405, MESSAGES.methodNotAllowed, {Allow: [...allowed, 'HEAD', 'OPTIONS'].join(', ')});
}

/** flask-restx reqparse failure: `{"errors": {"<arg>": "<help> <reason>"}, "message": "Input payload validation failed"}`. */
export function argumentError(argument: string, text: string): Reply {
	return {status: 400, json: {errors: {[argument]: text}, message: MESSAGES.inputValidation}};
}

/** Body that is not JSON (API.md §6.2). */
export function notJson(): Reply {
	return {status: 400, json: {errors: {'Content-Type': 'expecting application/json'}}};
}

/** 410 for a deleted object, with the per-kind message of API.md §6.2. */
export function gone(text: string): Reply {
	return message(410, text);
}

/** 308 to the canonical URL (API.md §1: non-canonical slugs). */
export function redirect(location: string, status = 308): Reply {
	return {status, headers: {Location: location}, json: {message: `Redirecting to ${location}`}};
}
