/**
 * Routing and read handlers of the udata API (API.md §3). Writes live in `writes.ts`, list queries in `lists.ts`.
 */
import {FREQUENCIES, LICENSES} from './corpus.js';
import {parseResourceId} from './ids.js';
import {queryDataservices, queryDatasets, queryOrganizations, queryReuses, queryUsers} from './lists.js';
import type {DataserviceRecord, OrgRecord, ReuseRecord} from './model.js';
import {isReply, pageObject, parsePageArgs} from './paging.js';
import type {PageArgs} from './paging.js';
import {forbidden, gone, message, methodNotAllowed, notFound, ok, redirect, unauthorized, unknownRoute} from './replies.js';
import type {Reply} from './replies.js';
import type {ApiRequest} from './request.js';
import {canEditOwned, dataservice, datasetV1, datasetV2, organization, resource, reuse, user} from './serialize.js';
import {slugify} from './text.js';
import {deleteDataservice, deleteDataset, deleteOrganization, deleteResource, deleteReuse, patchDataservice, updateDataset, updateOrganization, updateResource, updateReuse} from './writes.js';

type Handler = (request: ApiRequest, parts: string[]) => Reply;
type Route = {pattern: RegExp; methods: Partial<Record<'GET' | 'PUT' | 'PATCH' | 'DELETE' | 'POST', Handler>>; allow?: string[]};

/** Elasticsearch's result window (API.md §2.3, §2.4). */
const SEARCH_WINDOW = 10_000;

// ---------------------------------------------------------------------------------------------------------------
// Page helpers

/** A Mongo-backed page: a page past the last one with no items is a 404; page 1 empty is 200 (API.md §2.4). */
function mongoPage(request: ApiRequest, indices: number[] | Reply, render: (index: number) => unknown, path = request.path, defaultPageSize = 20): Reply {
	if (isReply(indices)) {
		return indices;
	}
	const args = parsePageArgs(request.params, defaultPageSize);
	if (isReply(args)) {
		return args;
	}
	const start = (args.page - 1) * args.pageSize;
	const slice = indices.slice(start, start + args.pageSize);
	if (slice.length === 0 && args.page > 1) {
		return notFound();
	}
	return ok(pageObject(slice.map(render), args, indices.length, request.scope.origin, path, request.params));
}

/**
 * A search page with Elasticsearch semantics (API.md §2.4, quirk §8.1): `page × page_size > 10000` → 400, `total`
 * capped at 10000, no 404 past the end (empty data), and `page` reported as 1 when nothing matched.
 */
function searchPage(request: ApiRequest, query: (args: PageArgs) => number[] | Reply, render: (index: number) => unknown): Reply {
	const args = parsePageArgs(request.params, 20);
	if (isReply(args)) {
		return args;
	}
	if (args.page * args.pageSize > SEARCH_WINDOW) {
		const maximum = Math.floor(SEARCH_WINDOW / args.pageSize);
		return message(400, `Result window is too large: page ${args.page} with page_size ${args.pageSize} exceeds the maximum of ${SEARCH_WINDOW} results. Maximum page for this page_size is ${maximum}.`);
	}
	const indices = query(args);
	if (isReply(indices)) {
		return indices;
	}
	const total = Math.min(indices.length, SEARCH_WINDOW);
	const start = (args.page - 1) * args.pageSize;
	const slice = indices.slice(start, Math.min(start + args.pageSize, SEARCH_WINDOW));
	const reported = total === 0 ? {...args, page: 1} : args;
	return ok(pageObject(slice.map(render), reported, total, request.scope.origin, request.path, request.params));
}

// ---------------------------------------------------------------------------------------------------------------
// Lookups (id first, then slug; non-canonical slug → 308: API.md §1)

function canonicalRedirect(request: ApiRequest, raw: string, slug: string): Reply {
	const path = request.path.replace(`/${encodeURIComponent(raw)}/`, `/${slug}/`).replace(`/${raw}/`, `/${slug}/`);
	return redirect(`${request.scope.origin}${path}${request.url.search}`);
}

function findOrg(request: ApiRequest, raw: string): OrgRecord | Reply {
	const found = request.world.findOrganization(raw);
	if (found) {
		return found;
	}
	const slug = slugify(raw);
	if (slug !== raw && request.world.findOrganization(slug)) {
		return canonicalRedirect(request, raw, slug);
	}
	return notFound();
}

function findDatasetIndex(request: ApiRequest, raw: string): number | Reply {
	const table = request.world.datasets;
	const index = table.lookup(raw);
	if (index >= 0) {
		return index;
	}
	const slug = slugify(raw);
	if (slug !== raw && slug.length > 0 && table.lookup(slug) >= 0) {
		return canonicalRedirect(request, raw, slug);
	}
	return notFound();
}

function findReuse(request: ApiRequest, raw: string): ReuseRecord | Reply {
	const found = request.world.findReuse(raw);
	if (found) {
		return found;
	}
	const slug = slugify(raw);
	if (slug !== raw && request.world.findReuse(slug)) {
		return canonicalRedirect(request, raw, slug);
	}
	return notFound();
}

function findDataservice(request: ApiRequest, raw: string): DataserviceRecord | Reply {
	const found = request.world.findDataservice(raw);
	if (found) {
		return found;
	}
	const slug = slugify(raw);
	if (slug !== raw && request.world.findDataservice(slug)) {
		return canonicalRedirect(request, raw, slug);
	}
	return notFound();
}

/** Records never have a `status` key, replies always do. */
function isRecordReply<T extends object>(value: T | Reply): value is Reply {
	return 'status' in value && !('id' in value);
}

/** A dataset the caller may read: private & not allowed → 404, deleted & not allowed → 410 (API.md §3). */
function readableDataset(request: ApiRequest, raw: string): number | Reply {
	const index = findDatasetIndex(request, raw);
	if (typeof index !== 'number') {
		return index;
	}
	const table = request.world.datasets;
	const allowed = table.canEdit(index, request.scope.viewer);
	if (table.isPrivate(index) && !allowed) {
		return notFound();
	}
	if (table.isDeleted(index) && !allowed) {
		return gone('Dataset has been deleted');
	}
	return index;
}

// ---------------------------------------------------------------------------------------------------------------
// Handlers

function isOrgInsider(request: ApiRequest, org: OrgRecord): boolean {
	return request.scope.viewer.sysadmin || request.world.roleIn(org.index, request.scope.viewer.userIndex) !== null;
}

const getOrganization: Handler = (request, [raw = '']) => {
	const org = findOrg(request, raw);
	if (isRecordReply(org)) {
		return org;
	}
	// Deleted: 410 for outsiders, 200 with `deleted` set for members and sysadmins (§3, §6.3).
	if (org.deleted !== null && !isOrgInsider(request, org)) {
		return gone('Organization has been deleted');
	}
	return ok(organization(request.scope, org));
};

const orgDatasets: Handler = (request, [raw = '']) => {
	const org = findOrg(request, raw);
	if (isRecordReply(org)) {
		return org;
	}
	const table = request.world.datasets;
	// Path params are re-serialised from the resolved object: next_page carries the slug (API.md §2.2).
	const path = `/api/1/organizations/${org.slug}/datasets/`;
	return mongoPage(request, queryDatasets(request.world, request.scope, request.params, 'org', org.index), (index) => datasetV1(request.scope, table.get(index)), path);
};

/** A bare JSON array, not a Page (API.md §2.1, quirk §8.8); private reuses only for members. */
const orgReuses: Handler = (request, [raw = '']) => {
	const org = findOrg(request, raw);
	if (isRecordReply(org)) {
		return org;
	}
	const insider = isOrgInsider(request, org);
	const items = request.world.reuses.filter((item) => item.orgIndex === org.index && (insider || (!item.private && item.deleted === null)));
	return ok(items.reverse().map((item) => reuse(request.scope, item, 'list')));
};

const orgSuggest: Handler = (request) => {
	const size = Number.parseInt(request.params.get('size') ?? '10', 10);
	const found = queryOrganizations(request.world, new URLSearchParams({q: request.params.get('q') ?? ''}), 'list');
	if (isReply(found)) {
		return found;
	}
	return ok(
		found.slice(0, Number.isFinite(size) && size > 0 ? size : 10).map((index) => {
			const org = request.world.organizations[index] as OrgRecord;
			return {id: org.id, name: org.name, acronym: org.acronym, slug: org.slug, image_url: org.logo, page: `${request.scope.origin}/organizations/${org.slug}`};
		}),
	);
};

const getDataset =
	(version: 1 | 2): Handler =>
	(request, [raw = '']) => {
		const index = readableDataset(request, raw);
		if (typeof index !== 'number') {
			return index;
		}
		const record = request.world.datasets.get(index);
		return ok(version === 1 ? datasetV1(request.scope, record) : datasetV2(request.scope, record));
	};

const getResource: Handler = (request, [raw = '', rid = '']) => {
	const index = readableDataset(request, raw);
	if (typeof index !== 'number') {
		return index;
	}
	const found = request.world.datasets.get(index).resources.find((item) => item.id === rid);
	return found ? ok(resource(request.scope, found)) : {status: 404, json: {message: 'Resource does not exist'}};
};

function locateResource(request: ApiRequest, rid: string): {index: number; found: ReturnType<typeof resource>} | null {
	const decoded = parseResourceId(rid);
	const table = request.world.datasets;
	if (!decoded || decoded.datasetIndex >= table.count) {
		return null;
	}
	const record = table.get(decoded.datasetIndex);
	const found = record.resources.find((item) => item.id === rid);
	return found ? {index: decoded.datasetIndex, found: resource(request.scope, found)} : null;
}

/** `/api/1/datasets/r/<rid>`: 302 to the file, 404 "Resource not found" ([test] in API.md §3). */
const resourceRedirect: Handler = (request, [rid = '']) => {
	const located = locateResource(request, rid);
	if (!located) {
		return notFound('Resource not found');
	}
	return {status: 302, headers: {Location: String(located.found['url'])}, text: '', contentType: 'text/html; charset=utf-8'};
};

const v2ResourceById: Handler = (request, [rid = '']) => {
	const located = locateResource(request, rid);
	if (!located) {
		return notFound();
	}
	return ok({resource: located.found, dataset_id: request.world.datasets.id(located.index)});
};

/**
 * `/api/2/datasets/<d>/resources/`: page size 50, empty page past the end, and links built by hand with the dataset
 * **id** and an unencoded `q` (API.md §2.2 exception, §2.4).
 */
const v2Resources: Handler = (request, [raw = '']) => {
	const index = readableDataset(request, raw);
	if (typeof index !== 'number') {
		return index;
	}
	const args = parsePageArgs(request.params, 50);
	if (isReply(args)) {
		return args;
	}
	const record = request.world.datasets.get(index);
	const type = request.params.get('type');
	const q = request.params.get('q');
	const needle = q ? q.toLowerCase() : null;
	const matching = record.resources.filter((item) => (!type || item.type === type) && (!needle || item.title.toLowerCase().includes(needle)));
	const start = (args.page - 1) * args.pageSize;
	const slice = matching.slice(start, start + args.pageSize);
	const link = (page: number) => `${request.scope.origin}/api/2/datasets/${record.id}/resources/?page=${page}&page_size=${args.pageSize}${type ? `&type=${type}` : ''}${q ? `&q=${q}` : ''}`;
	return ok({
		data: slice.map((item) => resource(request.scope, item)),
		next_page: start + args.pageSize < matching.length ? link(args.page + 1) : null,
		page: args.page,
		page_size: args.pageSize,
		previous_page: args.page > 1 ? link(args.page - 1) : null,
		total: matching.length,
	});
};

const datasetsList =
	(version: 1 | 2): Handler =>
	(request) => {
		const table = request.world.datasets;
		const render = version === 1 ? (index: number) => datasetV1(request.scope, table.get(index)) : (index: number) => datasetV2(request.scope, table.get(index));
		return mongoPage(request, queryDatasets(request.world, request.scope, request.params, 'list'), render);
	};

const datasetsSearch: Handler = (request) => {
	const table = request.world.datasets;
	return searchPage(request, () => queryDatasets(request.world, request.scope, request.params, 'search'), (index) => datasetV2(request.scope, table.get(index)));
};

const organizationsList: Handler = (request) => {
	const orgs = request.world.organizations;
	return mongoPage(request, queryOrganizations(request.world, request.params, 'list'), (index) => organization(request.scope, orgs[index] as OrgRecord));
};

const organizationsSearch: Handler = (request) => {
	const orgs = request.world.organizations;
	return searchPage(request, () => queryOrganizations(request.world, request.params, 'search'), (index) => organization(request.scope, orgs[index] as OrgRecord));
};

const reusesList =
	(shape: 'list' | 'v2'): Handler =>
	(request) => {
		const reuses = request.world.reuses;
		return mongoPage(request, queryReuses(request.world, request.scope, request.params, 'list'), (index) => reuse(request.scope, reuses[index] as ReuseRecord, shape));
	};

const reusesSearch: Handler = (request) => {
	const reuses = request.world.reuses;
	return searchPage(request, () => queryReuses(request.world, request.scope, request.params, 'search'), (index) => reuse(request.scope, reuses[index] as ReuseRecord, 'v2'));
};

const getReuse: Handler = (request, [raw = '']) => {
	const found = findReuse(request, raw);
	if (isRecordReply(found)) {
		return found;
	}
	const allowed = canEditOwned(request.scope, found);
	if (found.private && !allowed) {
		return notFound();
	}
	if (found.deleted !== null && !allowed) {
		return gone('This reuse has been deleted');
	}
	return ok(reuse(request.scope, found, 'full'));
};

const dataservicesList: Handler = (request) => {
	const services = request.world.dataservices;
	return mongoPage(request, queryDataservices(request.world, request.scope, request.params, 'list'), (index) => dataservice(request.scope, services[index] as DataserviceRecord));
};

const dataservicesSearch: Handler = (request) => {
	const services = request.world.dataservices;
	return searchPage(request, () => queryDataservices(request.world, request.scope, request.params, 'search'), (index) => dataservice(request.scope, services[index] as DataserviceRecord));
};

const getDataservice: Handler = (request, [raw = '']) => {
	const found = findDataservice(request, raw);
	if (isRecordReply(found)) {
		return found;
	}
	const allowed = canEditOwned(request.scope, found);
	if (found.deletedAt !== null && !allowed) {
		return gone('Dataservice has been deleted');
	}
	if (found.private && !allowed) {
		return notFound();
	}
	return ok(dataservice(request.scope, found));
};

/** `/api/1/users/`: sysadmin only — anonymous 401 (Werkzeug text), others 403 (API.md §3, v8.0.1+). */
const usersList: Handler = (request) => {
	if (!request.user) {
		return unauthorized();
	}
	if (!request.scope.viewer.sysadmin) {
		return forbidden();
	}
	const users = request.world.users;
	return mongoPage(request, queryUsers(request.world, request.params), (index) => user(request.scope, users[index]!));
};

const getUser: Handler = (request, [raw = '']) => {
	const found = request.world.findUser(raw);
	if (!found) {
		return notFound();
	}
	if (!found.active) {
		return gone('User is not active');
	}
	return ok(user(request.scope, found));
};

const me: Handler = (request) => (request.user ? ok(user(request.scope, request.user)) : unauthorized());

const communityResources: Handler = (request) => mongoPage(request, [], () => null);

const licenses: Handler = () =>
	ok(LICENSES.map((license) => ({id: license.id, title: license.title, url: license.url, alternate_urls: [], alternate_titles: [], maintainer: null, flags: license.flags})));

const frequencies: Handler = () => ok(FREQUENCIES.map((frequency) => ({id: frequency.id, label: frequency.label})));

const roles: Handler = (request) => {
	const fr = request.scope.lang === 'fr';
	return ok([
		{id: 'admin', label: fr ? 'Administrateur' : 'Administrator'},
		{id: 'editor', label: fr ? 'Éditeur' : 'Editor'},
		{id: 'partial_editor', label: fr ? 'Éditeur partiel' : 'Partial editor'},
	]);
};

const orgBadges: Handler = () => ok({'public-service': 'Public Service', certified: 'Certified', association: 'Association', company: 'Company', 'local-authority': 'Local authority'});

const site: Handler = (request) => {
	const {world} = request;
	return ok({
		id: 'udata-sandbox',
		title: 'udata sandbox',
		metrics: {
			datasets: world.datasets.count,
			organizations: world.organizations.length,
			reuses: world.reuses.length,
			dataservices: world.dataservices.length,
			users: world.users.length,
			discussions: 0,
			followers: 0,
		},
	});
};

const notAllowed: Handler = () => methodNotAllowed(['POST', 'PUT']);

const seg = '([^/]+)';

/** The route table. Specific paths come before `<id-or-slug>` patterns. */
const ROUTES: Route[] = [
	{pattern: /^\/api\/1\/site\/$/, methods: {GET: site}},
	{pattern: /^\/api\/1\/organizations\/$/, methods: {GET: organizationsList}},
	{pattern: /^\/api\/1\/organizations\/roles\/$/, methods: {GET: roles}},
	{pattern: /^\/api\/1\/organizations\/badges\/$/, methods: {GET: orgBadges}},
	{pattern: /^\/api\/1\/organizations\/suggest\/$/, methods: {GET: orgSuggest}},
	{pattern: new RegExp(`^/api/1/organizations/${seg}/$`), methods: {GET: getOrganization, PUT: (request, [raw = '']) => withRecord(findOrg(request, raw), (org) => updateOrganization(request, org)), DELETE: (request, [raw = '']) => withRecord(findOrg(request, raw), (org) => deleteOrganization(request, org))}},
	{pattern: new RegExp(`^/api/1/organizations/${seg}/datasets/$`), methods: {GET: orgDatasets}},
	{pattern: new RegExp(`^/api/1/organizations/${seg}/reuses/$`), methods: {GET: orgReuses}},
	{pattern: /^\/api\/1\/datasets\/$/, methods: {GET: datasetsList(1)}},
	{pattern: /^\/api\/1\/datasets\/licenses\/$/, methods: {GET: licenses}},
	{pattern: /^\/api\/1\/datasets\/frequencies\/$/, methods: {GET: frequencies}},
	{pattern: /^\/api\/1\/datasets\/community_resources\/$/, methods: {GET: communityResources}},
	{pattern: new RegExp(`^/api/1/datasets/r/${seg}$`), methods: {GET: resourceRedirect}},
	{pattern: new RegExp(`^/api/1/datasets/${seg}/$`), methods: {GET: getDataset(1), PUT: (request, [raw = '']) => withIndex(findDatasetIndex(request, raw), (index) => updateDataset(request, index)), DELETE: (request, [raw = '']) => withIndex(findDatasetIndex(request, raw), (index) => deleteDataset(request, index))}},
	// v1 has no GET on the resources collection (only POST create-remote and PUT reorder): 405 (API.md §3, quirk §8.10).
	{pattern: new RegExp(`^/api/1/datasets/${seg}/resources/$`), methods: {}, allow: ['POST', 'PUT']},
	{
		pattern: new RegExp(`^/api/1/datasets/${seg}/resources/${seg}/$`),
		methods: {
			GET: getResource,
			PUT: (request, [raw = '', rid = '']) => withIndex(findDatasetIndex(request, raw), (index) => updateResource(request, index, rid)),
			DELETE: (request, [raw = '', rid = '']) => withIndex(findDatasetIndex(request, raw), (index) => deleteResource(request, index, rid)),
		},
	},
	{pattern: /^\/api\/2\/datasets\/$/, methods: {GET: datasetsList(2)}},
	{pattern: /^\/api\/2\/datasets\/search\/$/, methods: {GET: datasetsSearch}},
	{pattern: new RegExp(`^/api/2/datasets/resources/${seg}/$`), methods: {GET: v2ResourceById}},
	{pattern: new RegExp(`^/api/2/datasets/${seg}/$`), methods: {GET: getDataset(2)}},
	{pattern: new RegExp(`^/api/2/datasets/${seg}/resources/$`), methods: {GET: v2Resources}},
	{pattern: /^\/api\/2\/organizations\/search\/$/, methods: {GET: organizationsSearch}},
	{pattern: /^\/api\/1\/reuses\/$/, methods: {GET: reusesList('list')}},
	{pattern: new RegExp(`^/api/1/reuses/${seg}/$`), methods: {GET: getReuse, PUT: (request, [raw = '']) => withRecord(findReuse(request, raw), (item) => updateReuse(request, item)), DELETE: (request, [raw = '']) => withRecord(findReuse(request, raw), (item) => deleteReuse(request, item))}},
	{pattern: /^\/api\/2\/reuses\/$/, methods: {GET: reusesList('v2')}},
	{pattern: /^\/api\/2\/reuses\/search\/$/, methods: {GET: reusesSearch}},
	{pattern: /^\/api\/1\/users\/$/, methods: {GET: usersList}},
	{pattern: new RegExp(`^/api/1/users/${seg}/$`), methods: {GET: getUser}},
	{pattern: /^\/api\/1\/me\/$/, methods: {GET: me}},
	{pattern: /^\/api\/1\/dataservices\/$/, methods: {GET: dataservicesList}},
	// Dataservices take PATCH, not PUT (quirk §8.9).
	{pattern: new RegExp(`^/api/1/dataservices/${seg}/$`), methods: {GET: getDataservice, PATCH: (request, [raw = '']) => withRecord(findDataservice(request, raw), (item) => patchDataservice(request, item)), DELETE: (request, [raw = '']) => withRecord(findDataservice(request, raw), (item) => deleteDataservice(request, item))}},
	{pattern: /^\/api\/2\/dataservices\/search\/$/, methods: {GET: dataservicesSearch}},
];

function withRecord<T extends object>(found: T | Reply, then: (record: T) => Reply): Reply {
	return isRecordReply(found) ? found : then(found);
}

function withIndex(found: number | Reply, then: (index: number) => Reply): Reply {
	return typeof found === 'number' ? then(found) : found;
}

function match(path: string): {route: Route; parts: string[]} | null {
	for (const route of ROUTES) {
		const found = route.pattern.exec(path);
		if (found) {
			return {route, parts: found.slice(1).map((part) => safeDecode(part))};
		}
	}
	return null;
}

function safeDecode(part: string): string {
	try {
		return decodeURIComponent(part);
	} catch {
		return part;
	}
}

/** Dispatch one `/api/` request. Unknown routes get the `{"error","status"}` 404; a missing trailing slash a 308. */
export function handleApi(request: ApiRequest): Reply {
	const found = match(request.path);
	if (!found) {
		if (!request.path.endsWith('/') && match(`${request.path}/`)) {
			return redirect(`${request.scope.origin}${request.path}/${request.url.search}`);
		}
		return unknownRoute();
	}
	const method = request.method === 'HEAD' ? 'GET' : request.method;
	const allowed = Object.keys(found.route.methods);
	if (method === 'OPTIONS') {
		return {status: 200, headers: {Allow: [...allowed, 'HEAD', 'OPTIONS'].join(', ')}, text: '', contentType: 'text/html; charset=utf-8'};
	}
	const handler = found.route.methods[method as keyof Route['methods']];
	if (!handler) {
		return found.route.allow ? notAllowed(request, found.parts) : methodNotAllowed(allowed);
	}
	return handler(request, found.parts);
}
