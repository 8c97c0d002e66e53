/**
 * The udata client: typed resources over the one I/O function. No React, no process.*, no UI:
 * views receive data through it and know nothing of HTTP.
 */
import type {Dispatcher} from 'undici';
import type {CatalogueKind, ListQuery, ListSource} from '../domain/list-source.js';
import type {Dataservice, Dataset, ItemOf, Kind, Organization, Page, Resource, Reuse, User} from '../domain/types.js';
import {sanitizeJson} from '../lib/sanitize.js';
import {apiRoots, followableUrl, listRequest, objectUrl, pageNumberOf, resourceUrl, rowFields, type ApiRoots} from './endpoints.js';
import {ApiError} from './errors.js';
import {isLoopbackHost, portalKind, type PortalKind} from '../domain/portal.js';
import {createAgent, defaultRetryPolicy, send, type HttpConfig, type ProxySettings, type RetryPolicy} from './http.js';
import {toDomain, toPage, toResource} from './to-domain.js';

export type ClientOptions = {
	/** The API root, e.g. `https://data.public.lu/api/1/`. */
	readonly apiUrl: string;
	/** Sent as `X-API-KEY`, to this API's origin only. */
	readonly apiKey?: string | undefined;
	readonly userAgent?: string;
	/** An undici dispatcher (a proxy agent, a test agent); by default a keep-alive Agent the client owns. */
	readonly dispatcher?: Dispatcher;
	/** Where the client's own agent goes through (HTTPS_PROXY, HTTP_PROXY, NO_PROXY); ignored with a dispatcher and for a loopback portal. */
	readonly proxy?: ProxySettings;
	/** What the portal is, where the config says (badge, confirmation); by default from its URL. */
	readonly portalKind?: PortalKind;
	/** Per-request timeout (headers and body), default 20 s. */
	readonly timeoutMs?: number;
	readonly retry?: Partial<RetryPolicy>;
};

export type CallOptions = {readonly signal?: AbortSignal | undefined};

export type ListOptions = CallOptions & {
	/** Follow this `next_page` link instead of asking for the first page. */
	readonly pageUrl?: string | undefined;
	readonly pageSize?: number | undefined;
};

/** An object and its raw JSON (sanitised), for the detail pane's JSON view. */
export type Detail<T> = {readonly item: T; readonly raw: unknown};

/** A partial update: only the keys sent change (API.md §6.3). `null` empties a field. */
export type Patch = Readonly<Record<string, unknown>>;

export type Client = {
	readonly apiUrl: string;
	readonly roots: ApiRoots;
	readonly origin: string;
	readonly host: string;
	readonly hasKey: boolean;
	/** Production, demo or sandbox: the colour of a mutation's badge and what its confirmation types. */
	readonly portalKind: PortalKind;
	/** One page of a list: the first, or the one `pageUrl` points to. A 404 after the first page is the end (API.md §2.4). */
	list<S extends ListSource>(source: S, options?: ListOptions): Promise<Page<ItemOf<S['kind']>>>;
	/** Every page of a list, following `next_page` until it is null. */
	pages<S extends ListSource>(source: S, options?: ListOptions): AsyncGenerator<Page<ItemOf<S['kind']>>>;
	/**
	 * Every page of a list as the portal sends it, for `udx list`'s JSON lines: no field mask (so
	 * `jq .metrics` sees every key) and items sanitised but not mapped to the domain.
	 */
	wirePages(source: ListSource, options?: ListOptions): AsyncGenerator<Page<unknown>>;
	get<K extends CatalogueKind>(kind: K, idOrSlug: string, options?: CallOptions): Promise<Detail<ItemOf<K>>>;
	getResource(datasetId: string, resourceId: string, options?: CallOptions): Promise<Detail<Resource>>;
	/** `PUT` (`PATCH` for dataservices, API.md §8.9) with only the changed keys. Sent once. */
	update<K extends CatalogueKind>(kind: K, id: string, patch: Patch, options?: CallOptions): Promise<Detail<ItemOf<K>>>;
	/** `DELETE`: soft for objects, hard for resources (API.md §6.3). Sent once. */
	remove(kind: CatalogueKind, id: string, options?: CallOptions): Promise<void>;
	removeResource(datasetId: string, resourceId: string, options?: CallOptions): Promise<void>;
	/** Undo a soft delete of a dataset or reuse: `PUT {"deleted": null}` (API.md §6.3). */
	restore(kind: 'dataset' | 'reuse', id: string, options?: CallOptions): Promise<Detail<Dataset | Reuse>>;
	/** `GET /me/`: who the key belongs to. */
	me(options?: CallOptions): Promise<Detail<User>>;
	organizations: {
		list(query?: ListQuery, options?: ListOptions): Promise<Page<Organization>>;
		get(idOrSlug: string, options?: CallOptions): Promise<Detail<Organization>>;
		datasets(organizationId: string, options?: ListOptions): Promise<Page<Dataset>>;
		reuses(organizationId: string, options?: CallOptions): Promise<Page<Reuse>>;
	};
	datasets: {
		list(query?: ListQuery, options?: ListOptions): Promise<Page<Dataset>>;
		get(idOrSlug: string, options?: CallOptions): Promise<Detail<Dataset>>;
		resources(datasetId: string, options?: ListOptions): Promise<Page<Resource>>;
	};
	reuses: {
		list(query?: ListQuery, options?: ListOptions): Promise<Page<Reuse>>;
		get(idOrSlug: string, options?: CallOptions): Promise<Detail<Reuse>>;
	};
	users: {
		/** Sysadmin only (API.md §3): others get 401/403. */
		list(query?: ListQuery, options?: ListOptions): Promise<Page<User>>;
		get(idOrSlug: string, options?: CallOptions): Promise<Detail<User>>;
	};
	dataservices: {
		list(query?: ListQuery, options?: ListOptions): Promise<Page<Dataservice>>;
		get(idOrSlug: string, options?: CallOptions): Promise<Detail<Dataservice>>;
	};
	/** Close the client's own connections (not an injected dispatcher's). */
	close(): Promise<void>;
};

export const defaultUserAgent = 'udata-explorer (+https://www.npmjs.com/package/udata-explorer)';

/** Thrown at creation when a configuration would put the key at risk. */
export class UnsafeConfigError extends Error {
	override readonly name = 'UnsafeConfigError';
}

export function createClient(options: ClientOptions): Client {
	let parsed: URL;
	try {
		parsed = new URL(options.apiUrl);
	} catch {
		throw new UnsafeConfigError(`not an API URL: ${options.apiUrl} (expected something like https://data.public.lu/api/1/)`);
	}

	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
		throw new UnsafeConfigError(`not an http(s) API URL: ${parsed.protocol}`);
	}

	const apiKey = options.apiKey === undefined || options.apiKey.trim() === '' ? undefined : options.apiKey.trim();
	// A key over plain http can be read by anyone on the path; loopback never leaves the machine.
	if (apiKey !== undefined && parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname)) {
		throw new UnsafeConfigError(`refusing to send the API key over plain http to ${parsed.host}: use https`);
	}

	const roots = apiRoots(options.apiUrl);
	// A loopback portal (the sandbox) is never proxied, as Go's net/http does: a corporate proxy
	// cannot reach this machine's 127.0.0.1, and the key has no reason to travel there.
	const ownAgent = options.dispatcher === undefined ? createAgent(isLoopbackHost(parsed.hostname) ? {} : options.proxy) : undefined;
	let agentClosed = false;
	const config: HttpConfig = {
		origin: parsed.origin,
		apiKey,
		userAgent: options.userAgent ?? defaultUserAgent,
		dispatcher: options.dispatcher ?? ownAgent!,
		timeoutMs: options.timeoutMs ?? 20_000,
		retry: {...defaultRetryPolicy, ...options.retry},
	};

	async function getJson(url: string, fields: string | undefined, signal: AbortSignal | undefined): Promise<unknown> {
		return (await send(config, {method: 'GET', url, fields, signal})).body;
	}

	async function list<S extends ListSource>(source: S, listOptions: ListOptions = {}): Promise<Page<ItemOf<S['kind']>>> {
		const mapItem = source.kind === 'resource'
			? (item: unknown) => toResource(item, source.scope === 'dataset' ? source.datasetId : null)
			: toDomain[source.kind];
		return fetchPage(source, listOptions, mapItem as (item: unknown) => ItemOf<S['kind']>, true);
	}

	/** One page, masked to list rows or not, its items mapped by `mapItem`. */
	async function fetchPage<T>(source: ListSource, listOptions: ListOptions, mapItem: (item: unknown) => T, masked: boolean): Promise<Page<T>> {
		const first = listRequest(roots, source, listOptions.pageSize);
		const url = listOptions.pageUrl === undefined ? first.url : followableUrl(listOptions.pageUrl, config.origin);
		try {
			const body = await getJson(url, masked ? first.fields : undefined, listOptions.signal);
			return toPage(body, mapItem, first.search);
		} catch (error) {
			// A portal without the v2 search service (no route: 404; "Search endpoint not enabled":
			// 501, API.md §6.2) still searches through its v1 list's `q`.
			if (source.scope === 'search' && listOptions.pageUrl === undefined && error instanceof ApiError && (error.status === 404 || error.status === 501)) {
				return fetchPage({kind: source.kind, scope: 'catalogue', query: source.query}, listOptions, mapItem, masked);
			}

			// Past the last page Mongo-backed lists answer 404 (API.md §2.4): that is the end, not an error.
			if (error instanceof ApiError && error.kind === 'not-found' && pageNumberOf(url) > 1) {
				return {items: [], page: pageNumberOf(url), pageSize: listOptions.pageSize ?? null, total: null, totalCapped: false, nextPageUrl: null, previousPageUrl: null};
			}

			throw error;
		}
	}

	async function * pages<S extends ListSource>(source: S, listOptions: ListOptions = {}): AsyncGenerator<Page<ItemOf<S['kind']>>> {
		yield * follow(async pageUrl => list(source, {...listOptions, pageUrl}), listOptions.pageUrl);
	}

	async function * follow<T>(fetch: (pageUrl: string | undefined) => Promise<Page<T>>, start: string | undefined): AsyncGenerator<Page<T>> {
		let pageUrl = start;
		const seen = new Set<string>();
		for (;;) {
			// eslint-disable-next-line no-await-in-loop
			const page = await fetch(pageUrl);
			yield page;
			// A server that links a page to itself would loop forever.
			if (page.nextPageUrl === null || seen.has(page.nextPageUrl)) {
				return;
			}

			seen.add(page.nextPageUrl);
			pageUrl = page.nextPageUrl;
		}
	}

	async function get<K extends CatalogueKind>(kind: K, idOrSlug: string, callOptions: CallOptions = {}): Promise<Detail<ItemOf<K>>> {
		const body = await getJson(objectUrl(roots, kind, idOrSlug), undefined, callOptions.signal);
		return {item: toDomain[kind](body) as ItemOf<K>, raw: sanitizeJson(body)};
	}

	async function update<K extends CatalogueKind>(kind: K, id: string, patch: Patch, callOptions: CallOptions = {}): Promise<Detail<ItemOf<K>>> {
		const method = kind === 'dataservice' ? 'PATCH' : 'PUT';
		const {body} = await send(config, {method, url: objectUrl(roots, kind, id), body: patch, signal: callOptions.signal});
		return {item: toDomain[kind](body) as ItemOf<K>, raw: sanitizeJson(body)};
	}

	const catalogueList = <K extends CatalogueKind>(kind: K) =>
		async (query: ListQuery = {}, listOptions?: ListOptions) => list({kind, scope: 'catalogue', query} as const, listOptions) as Promise<Page<ItemOf<K>>>;

	return {
		apiUrl: roots.v1,
		roots,
		origin: config.origin,
		host: parsed.host,
		hasKey: apiKey !== undefined,
		portalKind: options.portalKind ?? portalKind(options.apiUrl),
		list,
		pages,
		wirePages: (source, listOptions = {}) => follow(async pageUrl => fetchPage(source, {...listOptions, pageUrl}, sanitizeJson, false), listOptions.pageUrl),
		get,
		async getResource(datasetId, resourceId, callOptions = {}) {
			const body = await getJson(resourceUrl(roots, datasetId, resourceId), undefined, callOptions.signal);
			return {item: toResource(body, datasetId), raw: sanitizeJson(body)};
		},
		update,
		async remove(kind, id, callOptions = {}) {
			await send(config, {method: 'DELETE', url: objectUrl(roots, kind, id), signal: callOptions.signal});
		},
		async removeResource(datasetId, resourceId, callOptions = {}) {
			await send(config, {method: 'DELETE', url: resourceUrl(roots, datasetId, resourceId), signal: callOptions.signal});
		},
		async restore(kind, id, callOptions) {
			return update(kind, id, {deleted: null}, callOptions);
		},
		async me(callOptions = {}) {
			const body = await getJson(`${roots.v1}me/`, undefined, callOptions.signal);
			return {item: toDomain.user(body), raw: sanitizeJson(body)};
		},
		organizations: {
			list: catalogueList('organization'),
			get: async (idOrSlug, callOptions) => get('organization', idOrSlug, callOptions),
			datasets: async (organizationId, listOptions) => list({kind: 'dataset', scope: 'organization', organizationId}, listOptions),
			reuses: async (organizationId, callOptions) => list({kind: 'reuse', scope: 'organization', organizationId}, callOptions),
		},
		datasets: {
			list: catalogueList('dataset'),
			get: async (idOrSlug, callOptions) => get('dataset', idOrSlug, callOptions),
			resources: async (datasetId, listOptions) => list({kind: 'resource', scope: 'dataset', datasetId}, listOptions),
		},
		reuses: {
			list: catalogueList('reuse'),
			get: async (idOrSlug, callOptions) => get('reuse', idOrSlug, callOptions),
		},
		users: {
			list: catalogueList('user'),
			get: async (idOrSlug, callOptions) => get('user', idOrSlug, callOptions),
		},
		dataservices: {
			list: catalogueList('dataservice'),
			get: async (idOrSlug, callOptions) => get('dataservice', idOrSlug, callOptions),
		},
		async close() {
			// Idempotent: a client may be closed by its owner and again on shutdown.
			if (ownAgent && !agentClosed) {
				agentClosed = true;
				await ownAgent.close();
			}
		},
	};
}

/** Kinds whose fields a list row needs, exported for benchmarks comparing masked and unmasked pages. */
export const listFields: Readonly<Record<Kind, string>> = rowFields;
