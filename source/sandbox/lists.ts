/**
 * Filtering and sorting of every list endpoint (API.md §3, §4). Each query returns the matching record indices in
 * the order the page should show them, or a 4xx Reply for an invalid argument.
 */
import type {Scope} from './serialize.js';
import {canEditOwned} from './serialize.js';
import {isObjectId} from './ids.js';
import {argumentError, message, unauthorized} from './replies.js';
import type {Reply} from './replies.js';
import {matchesAllWords, normalize, queryWords} from './text.js';
import type {World} from './world.js';

type Direction = {key: string; descending: boolean};

/** Parse `sort` against its choices (flask-restx reqparse error text, API.md §4). Null when absent. */
function parseSort(params: URLSearchParams, choices: readonly string[]): Direction | null | Reply {
	const raw = params.get('sort');
	if (raw === null || raw === '') {
		return null;
	}
	const descending = raw.startsWith('-');
	const key = descending ? raw.slice(1) : raw;
	if (!choices.includes(key)) {
		return argumentError('sort', `The field (and direction) on which sorting apply The value '${raw}' is not a valid choice for 'sort'.`);
	}
	return {key, descending};
}

function isReply(value: unknown): value is Reply {
	return typeof value === 'object' && value !== null && 'status' in value;
}

/** Sort indices in place by a numeric or string key; stable, so ties keep the incoming (newest-first) order. */
function sortBy(indices: number[], key: (index: number) => number | string, descending: boolean): void {
	indices.sort((a, b) => {
		const ka = key(a);
		const kb = key(b);
		if (ka === kb) {
			return 0;
		}
		const less = ka < kb ? -1 : 1;
		return descending ? -less : less;
	});
}

/** Boolean query args (flask-restx `inputs.boolean`). */
function parseBoolean(params: URLSearchParams, name: string): boolean | null | Reply {
	const raw = params.get(name);
	if (raw === null || raw === '') {
		return null;
	}
	const value = raw.toLowerCase();
	if (['true', '1', 'on', 'yes'].includes(value)) {
		return true;
	}
	if (['false', '0', 'off', 'no'].includes(value)) {
		return false;
	}
	return argumentError(name, `Invalid literal for boolean(): ${raw}`);
}

/** Relevance for `q` when no sort is given: words found in the title, a bonus for a title starting with the first. */
function relevance(title: string, words: readonly string[]): number {
	const normalized = normalize(title);
	let score = 0;
	for (const word of words) {
		if (normalized.includes(word)) {
			score += 2;
		}
	}
	return normalized.startsWith(words[0] ?? '\u0000') ? score + 1 : score;
}

/** Which list flavour: v1 Mongo list, ES search, or `/organizations/<org>/datasets/`. */
export type DatasetListMode = 'list' | 'search' | 'org';

const DATASET_SORTS = ['title', 'created', 'last_update', 'reuses', 'followers', 'views'];
const DATASET_SEARCH_SORTS = ['created', 'last_update', 'reuses', 'followers', 'views'];
const DATASET_BADGES = ['pivotal-data', 'spd', 'inspire', 'hvd', 'sl', 'sr'];

/** Datasets of a list or search (API.md §4). `orgIndex` is set for `/organizations/<org>/datasets/`. */
export function queryDatasets(world: World, scope: Scope, params: URLSearchParams, mode: DatasetListMode, orgIndex?: number): number[] | Reply {
	// Everything but the paging arguments decides the result; the viewer too (private/deleted visibility).
	const filters = [...params].filter(([key]) => key !== 'page' && key !== 'page_size');
	const key = JSON.stringify([mode, orgIndex ?? null, scope.viewer.userIndex, filters]);
	return world.cachedQuery(key, () => runDatasetQuery(world, scope, params, mode, orgIndex));
}

function runDatasetQuery(world: World, scope: Scope, params: URLSearchParams, mode: DatasetListMode, orgIndex?: number): number[] | Reply {
	const table = world.datasets;
	const sort = parseSort(params, mode === 'search' ? DATASET_SEARCH_SORTS : DATASET_SORTS);
	if (isReply(sort)) {
		return sort;
	}
	const viewer = scope.viewer;
	// `/organizations/<org>/datasets/` parses other filters but ignores them; deleted/archived are not filtered
	// out, private ones only for members (API.md §3, quirk §8.8).
	if (mode === 'org') {
		const bucket = world.orgDatasets(orgIndex ?? -1);
		const result: number[] = [];
		for (let k = bucket.length - 1; k >= 0; k--) {
			const index = bucket[k] ?? 0;
			if (!table.isPrivate(index) || table.canEdit(index, viewer)) {
				result.push(index);
			}
		}
		applyDatasetSort(world, result, sort, []);
		return result;
	}

	let candidates: number[] | null = null;
	const organization = params.get('organization');
	let organizations: Set<number> | null = null;
	if (organization) {
		if (mode === 'list') {
			if (!isObjectId(organization)) {
				return message(400, 'Organization arg must be an identifier');
			}
			const org = world.findOrganization(organization);
			candidates = org ? [...world.orgDatasets(org.index)].reverse() : [];
		} else {
			// Search: ids, `|`-separated OR (API.md §4).
			organizations = new Set(organization.split('|').map((id) => world.findOrganization(id)?.index ?? -1));
		}
	}
	const owner = params.get('owner');
	let ownerIndex: number | null = null;
	if (owner) {
		if (mode === 'list' && !isObjectId(owner)) {
			return message(400, 'Owner arg must be an identifier');
		}
		ownerIndex = world.findUser(owner)?.index ?? -1;
	}
	const dataservice = params.get('dataservice');
	if (dataservice) {
		if (!isObjectId(dataservice)) {
			return message(400, 'Dataservice arg must be an identifier');
		}
		const found = world.findDataservice(dataservice);
		const wanted = new Set(found ? found.datasets : []);
		candidates = (candidates ?? [...wanted].sort((a, b) => b - a)).filter((index) => wanted.has(index));
	}
	const reuse = params.get('reuse');
	if (reuse) {
		if (!isObjectId(reuse)) {
			return message(400, 'Reuse arg must be an identifier');
		}
		const found = world.findReuse(reuse);
		const wanted = new Set(found ? found.datasets : []);
		candidates = (candidates ?? [...wanted].sort((a, b) => b - a)).filter((index) => wanted.has(index));
	}
	const badge = params.get('badge');
	if (badge && !DATASET_BADGES.includes(badge)) {
		return argumentError('badge', `Filter by badge The value '${badge}' is not a valid choice for 'badge'.`);
	}
	const featured = parseBoolean(params, 'featured');
	if (isReply(featured)) {
		return featured;
	}
	// `archived`/`deleted`/`private` filters need a login (API.md §4: 401 if anonymous).
	const stateFilters: Array<['archived' | 'deleted' | 'private', boolean]> = [];
	for (const name of ['archived', 'deleted', 'private'] as const) {
		const value = parseBoolean(params, name);
		if (isReply(value)) {
			return value;
		}
		if (value !== null && mode === 'list') {
			if (viewer.userIndex === null) {
				return unauthorized();
			}
			stateFilters.push([name, value]);
		}
	}
	const words = queryWords(params.get('q') ?? '');
	const tags = params.getAll('tag').filter((tag) => tag.length > 0);
	const license = params.get('license');

	const result: number[] = [];
	const consider = (index: number) => {
		if (mode === 'search') {
			// The search index only holds public, live datasets.
			if (table.isPrivate(index) || table.isDeleted(index) || table.isArchived(index)) {
				return;
			}
		} else if (!table.listedFor(index, viewer)) {
			return;
		}
		if (organizations !== null && !organizations.has(table.org[index] ?? -1)) {
			return;
		}
		if (ownerIndex !== null && table.owner[index] !== ownerIndex) {
			return;
		}
		for (const [name, value] of stateFilters) {
			const actual = name === 'archived' ? table.isArchived(index) : name === 'deleted' ? table.isDeleted(index) : table.isPrivate(index);
			if (actual !== value) {
				return;
			}
		}
		if (featured !== null && table.isFeatured(index) !== featured) {
			return;
		}
		if (license && table.license(index) !== license) {
			return;
		}
		if (badge && !table.badges(index).includes(badge)) {
			return;
		}
		if (tags.length > 0) {
			const own = table.tags(index);
			for (const tag of tags) {
				if (!own.includes(tag)) {
					return;
				}
			}
		}
		if (words.length > 0 && !matchesAllWords(table.haystack(index), words)) {
			return;
		}
		result.push(index);
	};
	if (candidates === null) {
		for (let index = table.count - 1; index >= 0; index--) {
			consider(index);
		}
	} else {
		candidates.forEach(consider);
	}
	applyDatasetSort(world, result, sort, words);
	return result;
}

function applyDatasetSort(world: World, indices: number[], sort: Direction | null, words: readonly string[]): void {
	const table = world.datasets;
	if (sort === null) {
		if (words.length > 0) {
			const scores = new Map(indices.map((index) => [index, relevance(table.title(index), words)]));
			sortBy(indices, (index) => scores.get(index) ?? 0, true);
		}
		return; // Default `-created`: indices are already newest first.
	}
	switch (sort.key) {
		case 'created': {
			sortBy(indices, (index) => index, sort.descending);
			break;
		}
		case 'title': {
			sortBy(indices, (index) => table.title(index), sort.descending);
			break;
		}
		case 'last_update': {
			sortBy(indices, (index) => table.lastUpdateOf(index), sort.descending);
			break;
		}
		case 'reuses': {
			sortBy(indices, (index) => table.reuses[index] ?? 0, sort.descending);
			break;
		}
		case 'followers': {
			sortBy(indices, (index) => table.followers[index] ?? 0, sort.descending);
			break;
		}
		default: {
			sortBy(indices, (index) => table.views[index] ?? 0, sort.descending);
		}
	}
}

const ORG_SORTS = ['name', 'reuses', 'datasets', 'followers', 'views', 'created', 'last_modified'];
const ORG_SEARCH_SORTS = ['reuses', 'datasets', 'followers', 'views', 'created'];
const ORG_BADGES = ['public-service', 'certified', 'association', 'company', 'local-authority'];

/** Organizations of `/api/1/organizations/` or `/api/2/organizations/search/`; deleted ones are never listed. */
export function queryOrganizations(world: World, params: URLSearchParams, mode: 'list' | 'search'): number[] | Reply {
	const sort = parseSort(params, mode === 'search' ? ORG_SEARCH_SORTS : ORG_SORTS);
	if (isReply(sort)) {
		return sort;
	}
	const badge = params.get('badge');
	if (badge && !ORG_BADGES.includes(badge)) {
		return argumentError('badge', `Filter by badge The value '${badge}' is not a valid choice for 'badge'.`);
	}
	const words = queryWords(params.get('q') ?? '');
	const name = params.get('name');
	const businessNumber = params.get('business_number_id');
	const result: number[] = [];
	for (let index = world.organizations.length - 1; index >= 0; index--) {
		const org = world.organizations[index];
		if (!org || org.deleted !== null) {
			continue;
		}
		if (badge && !org.badges.includes(badge)) {
			continue;
		}
		if (name && org.name.toLowerCase() !== name.toLowerCase()) {
			continue;
		}
		if (businessNumber && org.businessNumberId !== businessNumber) {
			continue;
		}
		if (words.length > 0 && !matchesAllWords(normalize(`${org.name} ${org.acronym ?? ''} ${org.slug}`), words)) {
			continue;
		}
		result.push(index);
	}
	if (sort === null) {
		if (words.length > 0) {
			sortBy(result, (index) => relevance(`${world.organizations[index]?.acronym ?? ''} ${world.organizations[index]?.name ?? ''}`, words), true);
		}
		return result;
	}
	const orgs = world.organizations;
	const datasetCounts = sort.key === 'datasets' ? new Map(result.map((index) => [index, world.orgDatasets(index).length])) : null;
	const key: (index: number) => number | string = {
		name: (index: number) => orgs[index]?.name ?? '',
		reuses: (index: number) => world.counts('orgReuses', index),
		datasets: (index: number) => datasetCounts?.get(index) ?? 0,
		followers: (index: number) => orgs[index]?.followers ?? 0,
		views: (index: number) => orgs[index]?.views ?? 0,
		created: (index: number) => index,
		last_modified: (index: number) => orgs[index]?.lastModified ?? 0,
	}[sort.key] ?? ((index: number) => index);
	sortBy(result, key, sort.descending);
	return result;
}

const REUSE_SORTS = ['datasets', 'followers', 'views', 'title', 'created', 'last_modified'];
const REUSE_TYPES_CHOICES = ['api', 'application', 'idea', 'news_article', 'paper', 'post', 'visualization', 'hardware'];

/** Reuses of `/api/1/reuses/` (API.md §4) or `/api/2/reuses/search/`. */
export function queryReuses(world: World, scope: Scope, params: URLSearchParams, mode: 'list' | 'search'): number[] | Reply {
	const sort = parseSort(params, REUSE_SORTS);
	if (isReply(sort)) {
		return sort;
	}
	const filters: Array<[string, (id: string) => number]> = [
		['dataset', (id) => world.datasets.lookup(id)],
		['dataservice', (id) => world.findDataservice(id)?.index ?? -1],
		['owner', (id) => world.findUser(id)?.index ?? -1],
		['organization', (id) => world.findOrganization(id)?.index ?? -1],
	];
	const resolved = new Map<string, number>();
	for (const [name, find] of filters) {
		const value = params.get(name);
		if (value) {
			if (!isObjectId(value)) {
				return message(400, `\`${name}\` must be an identifier`);
			}
			resolved.set(name, find(value));
		}
	}
	const type = params.get('type');
	if (type && !REUSE_TYPES_CHOICES.includes(type)) {
		return argumentError('type', `The value '${type}' is not a valid choice for 'type'.`);
	}
	const featured = parseBoolean(params, 'featured');
	if (isReply(featured)) {
		return featured;
	}
	const topic = params.get('topic');
	const tags = params.getAll('tag').filter((tag) => tag.length > 0);
	const words = queryWords(params.get('q') ?? '');
	const result: number[] = [];
	for (let index = world.reuses.length - 1; index >= 0; index--) {
		const reuse = world.reuses[index];
		if (!reuse) {
			continue;
		}
		const hidden = reuse.private || reuse.deleted !== null || reuse.archived !== null;
		if (hidden && (mode === 'search' || !canEditOwned(scope, reuse))) {
			continue;
		}
		const dataset = resolved.get('dataset');
		if (dataset !== undefined && !reuse.datasets.includes(dataset)) {
			continue;
		}
		const dataservice = resolved.get('dataservice');
		if (dataservice !== undefined && !reuse.dataservices.includes(dataservice)) {
			continue;
		}
		const owner = resolved.get('owner');
		if (owner !== undefined && reuse.ownerIndex !== owner) {
			continue;
		}
		const organization = resolved.get('organization');
		if (organization !== undefined && reuse.orgIndex !== organization) {
			continue;
		}
		if ((type && reuse.type !== type) || (topic && reuse.topic !== topic) || (featured !== null && reuse.featured !== featured)) {
			continue;
		}
		if (tags.some((tag) => !reuse.tags.includes(tag))) {
			continue;
		}
		if (words.length > 0 && !matchesAllWords(normalize(`${reuse.title} ${reuse.slug}`), words)) {
			continue;
		}
		result.push(index);
	}
	if (sort === null) {
		if (words.length > 0) {
			sortBy(result, (index) => relevance(world.reuses[index]?.title ?? '', words), true);
		}
		return result;
	}
	const reuses = world.reuses;
	const key: (index: number) => number | string = {
		datasets: (index: number) => reuses[index]?.datasets.length ?? 0,
		followers: (index: number) => reuses[index]?.followers ?? 0,
		views: (index: number) => reuses[index]?.views ?? 0,
		title: (index: number) => reuses[index]?.title ?? '',
		created: (index: number) => index,
		last_modified: (index: number) => reuses[index]?.lastModified ?? 0,
	}[sort.key] ?? ((index: number) => index);
	sortBy(result, key, sort.descending);
	return result;
}

const DATASERVICE_SORTS = ['title', 'base_api_url', 'created', 'last_modified', 'followers', 'views'];

/** Dataservices of `/api/1/dataservices/` (API.md §4) or `/api/2/dataservices/search/`. */
export function queryDataservices(world: World, scope: Scope, params: URLSearchParams, mode: 'list' | 'search'): number[] | Reply {
	const sort = parseSort(params, DATASERVICE_SORTS);
	if (isReply(sort)) {
		return sort;
	}
	const filters: Array<[string, (id: string) => number]> = [
		['dataset', (id) => world.datasets.lookup(id)],
		['reuse', (id) => world.findReuse(id)?.index ?? -1],
		['owner', (id) => world.findUser(id)?.index ?? -1],
		['organization', (id) => world.findOrganization(id)?.index ?? -1],
	];
	const resolved = new Map<string, number>();
	for (const [name, find] of filters) {
		const value = params.get(name);
		if (value) {
			if (!isObjectId(value)) {
				return message(400, `\`${name}\` must be an identifier`);
			}
			resolved.set(name, find(value));
		}
	}
	const featured = parseBoolean(params, 'featured');
	if (isReply(featured)) {
		return featured;
	}
	const accessType = params.get('access_type');
	const tags = params.getAll('tag').filter((tag) => tag.length > 0);
	const words = queryWords(params.get('q') ?? '');
	const reuseIndex = resolved.get('reuse');
	const citing = reuseIndex === undefined ? null : new Set(world.reuses[reuseIndex]?.dataservices ?? []);
	const result: number[] = [];
	for (let index = world.dataservices.length - 1; index >= 0; index--) {
		const service = world.dataservices[index];
		if (!service) {
			continue;
		}
		const hidden = service.private || service.deletedAt !== null || service.archivedAt !== null;
		if (hidden && (mode === 'search' || service.deletedAt !== null || !canEditOwned(scope, service))) {
			continue;
		}
		const dataset = resolved.get('dataset');
		if (dataset !== undefined && !service.datasets.includes(dataset)) {
			continue;
		}
		if (citing !== null && !citing.has(index)) {
			continue;
		}
		const owner = resolved.get('owner');
		if (owner !== undefined && service.ownerIndex !== owner) {
			continue;
		}
		const organization = resolved.get('organization');
		if (organization !== undefined && service.orgIndex !== organization) {
			continue;
		}
		if ((accessType && service.accessType !== accessType) || (featured !== null && service.featured !== featured)) {
			continue;
		}
		if (tags.some((tag) => !service.tags.includes(tag))) {
			continue;
		}
		if (words.length > 0 && !matchesAllWords(normalize(`${service.title} ${service.acronym ?? ''} ${service.slug}`), words)) {
			continue;
		}
		result.push(index);
	}
	if (sort === null) {
		return result;
	}
	const services = world.dataservices;
	const key: (index: number) => number | string = {
		title: (index: number) => services[index]?.title ?? '',
		base_api_url: (index: number) => services[index]?.baseApiUrl ?? '',
		created: (index: number) => index,
		last_modified: (index: number) => services[index]?.metadataModifiedAt ?? 0,
		followers: (index: number) => services[index]?.followers ?? 0,
		views: (index: number) => services[index]?.views ?? 0,
	}[sort.key] ?? ((index: number) => index);
	sortBy(result, key, sort.descending);
	return result;
}

const USER_SORTS = ['last_name', 'first_name', 'datasets', 'reuses', 'followers', 'views', 'created'];

/** Users of `/api/1/users/` (sysadmin only; the caller checks that). Default order: newest first. */
export function queryUsers(world: World, params: URLSearchParams): number[] | Reply {
	const sort = parseSort(params, USER_SORTS);
	if (isReply(sort)) {
		return sort;
	}
	const words = queryWords(params.get('q') ?? '');
	const result: number[] = [];
	for (let index = world.users.length - 1; index >= 0; index--) {
		const user = world.users[index];
		if (user && (words.length === 0 || matchesAllWords(normalize(`${user.firstName} ${user.lastName} ${user.slug}`), words))) {
			result.push(index);
		}
	}
	if (sort === null) {
		return result;
	}
	const users = world.users;
	const key: (index: number) => number | string = {
		last_name: (index: number) => users[index]?.lastName ?? '',
		first_name: (index: number) => users[index]?.firstName ?? '',
		datasets: (index: number) => world.ownedDatasets(index),
		reuses: (index: number) => world.counts('userReuses', index),
		followers: (index: number) => users[index]?.followers ?? 0,
		views: (index: number) => users[index]?.followers ?? 0,
		created: (index: number) => index,
	}[sort.key] ?? ((index: number) => index);
	sortBy(result, key, sort.descending);
	return result;
}
