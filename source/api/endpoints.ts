/**
 * Building requests is pure (octokit's endpoint/parse): a list source, a kind or an id in,
 * a URL and a field mask out. No I/O here.
 */
import type {CatalogueKind, ListQuery, ListSource} from '../domain/list-source.js';
import type {Kind} from '../domain/types.js';

/** The API roots of a portal: v1 as configured, v2 derived from it (`…/api/1/` → `…/api/2/`). */
export type ApiRoots = {readonly v1: string; readonly v2: string};

export function apiRoots(apiUrl: string): ApiRoots {
	const v1 = new URL(apiUrl);
	if (!v1.pathname.endsWith('/')) {
		v1.pathname += '/';
	}

	v1.search = '';
	v1.hash = '';
	const v2 = new URL(v1);
	v2.pathname = /\/1\/$/u.test(v1.pathname) ? v1.pathname.replace(/\/1\/$/u, '/2/') : new URL('../2/', v1).pathname;
	return {v1: v1.toString(), v2: v2.toString()};
}

/** The collection path of each kind (API.md §3). */
export const collectionOf: {readonly [K in CatalogueKind]: string} = {
	organization: 'organizations',
	dataset: 'datasets',
	reuse: 'reuses',
	user: 'users',
	dataservice: 'dataservices',
};

// Field masks: lists ask only for what a list row shows (API.md §1; v1 dataset lists otherwise
// embed every resource of every dataset). Servers that ignore masks still work: we map full objects.
const organizationRef = 'organization{id,name,acronym,slug}';
const userRef = 'owner{id,slug,first_name,last_name}';
const common = 'id,slug,uri,page,created_at,last_modified,deleted,permissions';

/** The fields of one list row of each kind. */
export const rowFields: {readonly [K in Kind]: string} = {
	organization: `${common},name,acronym,badges,metrics{datasets,reuses,followers,views,members,dataservices}`,
	// v1 embeds resources: ask for their ids only, to count them.
	dataset: `${common},title,acronym,last_update,private,archived,${organizationRef},${userRef},resources{id},metrics{views,followers,reuses}`,
	reuse: `${common},title,type,topic,private,${organizationRef},${userRef},metrics{views,followers,datasets}`,
	user: 'id,slug,uri,page,since,first_name,last_name,organizations{id,name,acronym,slug},metrics{datasets,reuses,followers}',
	dataservice: `id,slug,self_api_url,self_web_url,created_at,metadata_modified_at,deleted_at,permissions,title,acronym,format,${organizationRef},${userRef}`,
	resource: 'id,title,description,filetype,type,format,url,latest,checksum,filesize,mime,created_at,last_modified,metrics',
};

/** v2 search items carry `resources` as a link object with a `total` (API.md §5.3). */
const searchRowFields: Partial<Record<Kind, string>> = {
	dataset: rowFields.dataset.replace('resources{id}', 'resources'),
};

const pageFields = (items: string) => `data{${items}},page,page_size,total,next_page,previous_page`;

export type ListRequest = {
	readonly url: string;
	readonly fields: string;
	/** A search endpoint: totals saturate at 10,000 and deep pages are refused (API.md §2.4). */
	readonly search: boolean;
};

function withQuery(base: string, query: ListQuery, pageSize: number | undefined): string {
	const url = new URL(base);
	if (query.q !== undefined && query.q.trim() !== '') {
		url.searchParams.set('q', query.q.trim());
	}

	if (query.sort !== undefined && query.sort !== '') {
		url.searchParams.set('sort', query.sort);
	}

	for (const [name, value] of Object.entries(query.filters ?? {})) {
		for (const item of typeof value === 'string' ? [value] : value) {
			url.searchParams.append(name, item);
		}
	}

	if (pageSize !== undefined) {
		url.searchParams.set('page_size', String(pageSize));
	}

	return url.toString();
}

/** The first-page request of a list source. */
export function listRequest(roots: ApiRoots, source: ListSource, pageSize?: number): ListRequest {
	switch (source.scope) {
		case 'catalogue': {
			return {url: withQuery(`${roots.v1}${collectionOf[source.kind]}/`, source.query, pageSize), fields: pageFields(rowFields[source.kind]), search: false};
		}

		case 'search': {
			const fields = searchRowFields[source.kind] ?? rowFields[source.kind];
			return {url: withQuery(`${roots.v2}${collectionOf[source.kind]}/search/`, source.query, pageSize), fields: pageFields(fields), search: true};
		}

		case 'organization': {
			const base = `${roots.v1}organizations/${encodeURIComponent(source.organizationId)}/${source.kind === 'dataset' ? 'datasets' : 'reuses'}/`;
			// The reuses of an organization are a bare array: the mask applies to its items.
			return source.kind === 'dataset'
				? {url: withQuery(base, {}, pageSize), fields: pageFields(rowFields.dataset), search: false}
				: {url: base, fields: rowFields.reuse, search: false};
		}

		case 'dataset': {
			return {url: withQuery(`${roots.v2}datasets/${encodeURIComponent(source.datasetId)}/resources/`, {}, pageSize), fields: pageFields(rowFields.resource), search: false};
		}
	}
}

/** The URL of one object. */
export function objectUrl(roots: ApiRoots, kind: CatalogueKind, idOrSlug: string): string {
	return `${roots.v1}${collectionOf[kind]}/${encodeURIComponent(idOrSlug)}/`;
}

/** The URL of one resource of a dataset (v1 has GET, PUT and DELETE on it, API.md §3). */
export function resourceUrl(roots: ApiRoots, datasetId: string, resourceId: string): string {
	return `${roots.v1}datasets/${encodeURIComponent(datasetId)}/resources/${encodeURIComponent(resourceId)}/`;
}

/**
 * Where a `next_page` link may be followed. udata builds it from the request's scheme and host
 * (API.md §2.2), so a portal behind a misconfigured proxy can say `http://` for an `https://` API:
 * same host, so we follow it on the configured origin. A link to another host is returned as is,
 * and the HTTP layer refuses it (the key never leaves the configured origin).
 */
export function followableUrl(link: string, origin: string): string {
	let url: URL;
	try {
		url = new URL(link, origin);
	} catch {
		return link;
	}

	const configured = new URL(origin);
	if (url.hostname === configured.hostname && url.origin !== configured.origin) {
		url.protocol = configured.protocol;
		url.port = configured.port;
	}

	return url.toString();
}

/** The page number a URL asks for (1 when it does not say). */
export function pageNumberOf(url: string): number {
	try {
		const page = Number(new URL(url).searchParams.get('page') ?? '1');
		return Number.isInteger(page) && page > 0 ? page : 1;
	} catch {
		return 1;
	}
}
