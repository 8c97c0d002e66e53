/**
 * Wire → domain, at the edge (STYLE.md §6, §8). Every value is checked before it is used, every
 * string is made terminal-safe here so no view can forget, and anything missing becomes null.
 */
import {sanitizeLine, sanitizeText} from '../lib/sanitize.js';
import type {
	Dataservice,
	Dataset,
	DatasetRef,
	Kind,
	Member,
	MonthlySeries,
	Organization,
	OrganizationRef,
	Page,
	Permissions,
	Resource,
	Reuse,
	User,
	UserRef,
	ItemOf,
} from '../domain/types.js';

type Json = Record<string, unknown>;

function record(value: unknown): Json {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Json : {};
}

function recordOrNull(value: unknown): Json | null {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Json : null;
}

/** A one-line string, sanitised, or null. Numbers are accepted (ids sometimes come as numbers). */
function line(value: unknown): string | null {
	if (typeof value === 'string') {
		return sanitizeLine(value);
	}

	return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
}

/** A multi-line string (descriptions), sanitised, or null. */
function text(value: unknown): string | null {
	return typeof value === 'string' ? sanitizeText(value) : null;
}

function number(value: unknown): number | null {
	if (typeof value === 'number' && Number.isFinite(value)) {
		return value;
	}

	// Some old deployments send counts as strings (API.md §2.1 note on `total`).
	if (typeof value === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/u.test(value)) {
		return Number(value);
	}

	return null;
}

function boolean(value: unknown): boolean | null {
	return typeof value === 'boolean' ? value : null;
}

function lines(value: unknown): string[] {
	if (!Array.isArray(value)) {
		return [];
	}

	return value.map(item => line(item)).filter((item): item is string => item !== null && item !== '');
}

function badges(value: unknown): string[] {
	if (!Array.isArray(value)) {
		return [];
	}

	return value.map(badge => line(record(badge)['kind'])).filter((kind): kind is string => kind !== null);
}

/** `*_by_months`: an object `{"YYYY-MM": n}`, or the integer 0 when never computed (API.md §5.8). */
export function monthlySeries(value: unknown): MonthlySeries {
	const series = recordOrNull(value);
	if (series === null) {
		return null;
	}

	return Object.entries(series)
		.filter(([month, count]) => /^\d{4}-\d{2}$/u.test(month) && number(count) !== null)
		.map(([month, count]) => ({month, value: number(count)!}))
		.sort((a, b) => a.month.localeCompare(b.month));
}

function permissions(value: unknown): Permissions | null {
	const wire = recordOrNull(value);
	if (wire === null) {
		return null;
	}

	return {edit: boolean(wire['edit']), delete: boolean(wire['delete'])};
}

function organizationRef(value: unknown): OrganizationRef | null {
	const wire = recordOrNull(value);
	const id = line(wire?.['id']);
	if (wire === null || id === null) {
		return null;
	}

	return {id, slug: line(wire['slug']) ?? id, name: line(wire['name']) ?? '', acronym: line(wire['acronym']), permissions: permissions(wire['permissions'])};
}

function userRef(value: unknown): UserRef | null {
	const wire = recordOrNull(value);
	const id = line(wire?.['id']);
	if (wire === null || id === null) {
		return null;
	}

	return {id, slug: line(wire['slug']) ?? id, firstName: line(wire['first_name']) ?? '', lastName: line(wire['last_name']) ?? ''};
}

function common(wire: Json) {
	const id = line(wire['id']) ?? '';
	return {
		id,
		slug: line(wire['slug']) ?? id,
		createdAt: line(wire['created_at']),
		lastModified: line(wire['last_modified']),
		deleted: line(wire['deleted']),
		permissions: permissions(wire['permissions']),
		apiUrl: line(wire['uri']),
		webUrl: line(wire['page']),
	};
}

function member(value: unknown): Member | null {
	const wire = record(value);
	const user = userRef(wire['user']);
	if (user === null) {
		return null;
	}

	return {user, role: line(wire['role']) ?? 'editor', label: line(wire['label']), since: line(wire['since'])};
}

export function toOrganization(value: unknown): Organization {
	const wire = record(value);
	const metrics = record(wire['metrics']);
	return {
		kind: 'organization',
		...common(wire),
		name: line(wire['name']) ?? '',
		acronym: line(wire['acronym']),
		description: text(wire['description']),
		url: line(wire['url']),
		badges: badges(wire['badges']),
		businessNumberId: line(wire['business_number_id']),
		members: Array.isArray(wire['members']) ? wire['members'].map(item => member(item)).filter((item): item is Member => item !== null) : [],
		metrics: {
			datasets: number(metrics['datasets']),
			reuses: number(metrics['reuses']),
			followers: number(metrics['followers']),
			members: number(metrics['members']),
			views: number(metrics['views']),
			dataservices: number(metrics['dataservices']),
			datasetsByMonths: monthlySeries(metrics['datasets_by_months']),
			reusesByMonths: monthlySeries(metrics['reuses_by_months']),
			dataservicesByMonths: monthlySeries(metrics['dataservices_by_months']),
			datasetsFollowersByMonths: monthlySeries(metrics['datasets_followers_by_months']),
			datasetsReusesByMonths: monthlySeries(metrics['datasets_reuses_by_months']),
			reusesFollowersByMonths: monthlySeries(metrics['reuses_followers_by_months']),
		},
	};
}

/** `frequency` and `license` are ids, or objects with `X-Get-Datasets-Full-Objects` (API.md §1). */
function idOrObject(value: unknown): string | null {
	const object = recordOrNull(value);
	return object === null ? line(value) : line(object['id']);
}

export function toResource(value: unknown, datasetId: string | null = null): Resource {
	const wire = record(value);
	const checksum = recordOrNull(wire['checksum']);
	const checksumValue = line(checksum?.['value']);
	return {
		kind: 'resource',
		id: line(wire['id']) ?? '',
		title: line(wire['title']) ?? '',
		description: text(wire['description']),
		filetype: line(wire['filetype']),
		type: line(wire['type']),
		format: line(wire['format']),
		url: line(wire['url']),
		latest: line(wire['latest']),
		checksum: checksumValue === null ? null : {type: line(checksum?.['type']) ?? '', value: checksumValue},
		filesize: number(wire['filesize']),
		mime: line(wire['mime']),
		createdAt: line(wire['created_at']),
		lastModified: line(wire['last_modified']),
		downloads: number(record(wire['metrics'])['views']),
		datasetId,
	};
}

function resourceCount(value: unknown): number | null {
	if (Array.isArray(value)) {
		return value.length;
	}

	return number(recordOrNull(value)?.['total']);
}

export function toDataset(value: unknown): Dataset {
	const wire = record(value);
	const metrics = record(wire['metrics']);
	const coverage = recordOrNull(wire['temporal_coverage']);
	return {
		kind: 'dataset',
		...common(wire),
		title: line(wire['title']) ?? '',
		acronym: line(wire['acronym']),
		description: text(wire['description']),
		organization: organizationRef(wire['organization']),
		owner: userRef(wire['owner']),
		license: idOrObject(wire['license']),
		frequency: idOrObject(wire['frequency']),
		temporalCoverage: coverage === null ? null : {start: line(coverage['start']), end: line(coverage['end'])},
		tags: lines(wire['tags']),
		badges: badges(wire['badges']),
		qualityScore: number(recordOrNull(wire['quality'])?.['score']),
		private: boolean(wire['private']) ?? false,
		archived: line(wire['archived']),
		lastUpdate: line(wire['last_update']),
		resourceCount: resourceCount(wire['resources']),
		metrics: {
			views: number(metrics['views']),
			followers: number(metrics['followers']),
			reuses: number(metrics['reuses']),
			discussions: number(metrics['discussions']),
			resourcesDownloads: number(metrics['resources_downloads']),
			dataservices: number(metrics['dataservices']),
			reusesByMonths: monthlySeries(metrics['reuses_by_months']),
			followersByMonths: monthlySeries(metrics['followers_by_months']),
		},
	};
}

function datasetRefs(value: unknown): DatasetRef[] {
	if (!Array.isArray(value)) {
		return [];
	}

	return value.flatMap(item => {
		const wire = record(item);
		const id = line(wire['id']);
		return id === null ? [] : [{id, title: line(wire['title']) ?? '', slug: line(wire['slug'])}];
	});
}

export function toReuse(value: unknown): Reuse {
	const wire = record(value);
	const metrics = record(wire['metrics']);
	return {
		kind: 'reuse',
		...common(wire),
		title: line(wire['title']) ?? '',
		description: text(wire['description']),
		type: line(wire['type']),
		topic: line(wire['topic']),
		url: line(wire['url']),
		tags: lines(wire['tags']),
		organization: organizationRef(wire['organization']),
		owner: userRef(wire['owner']),
		datasets: datasetRefs(wire['datasets']),
		private: boolean(wire['private']) ?? false,
		metrics: {
			views: number(metrics['views']),
			followers: number(metrics['followers']),
			datasets: number(metrics['datasets']),
			discussions: number(metrics['discussions']),
			followersByMonths: monthlySeries(metrics['followers_by_months']),
		},
	};
}

export function toUser(value: unknown): User {
	const wire = record(value);
	const metrics = record(wire['metrics']);
	return {
		kind: 'user',
		...common(wire),
		// Users have `since` rather than `created_at` (API.md §5.6).
		createdAt: line(wire['since']) ?? line(wire['created_at']),
		firstName: line(wire['first_name']) ?? '',
		lastName: line(wire['last_name']) ?? '',
		about: text(wire['about']),
		website: line(wire['website']),
		roles: lines(wire['roles']),
		active: boolean(wire['active']),
		organizations: Array.isArray(wire['organizations'])
			? wire['organizations'].map(item => organizationRef(item)).filter((item): item is OrganizationRef => item !== null)
			: [],
		metrics: {
			datasets: number(metrics['datasets']),
			reuses: number(metrics['reuses']),
			dataservices: number(metrics['dataservices']),
			followers: number(metrics['followers']),
			following: number(metrics['following']),
		},
	};
}

export function toDataservice(value: unknown): Dataservice {
	const wire = record(value);
	const metrics = record(wire['metrics']);
	return {
		kind: 'dataservice',
		...common(wire),
		// Dataservices name their timestamps and links differently (API.md §8.9).
		lastModified: line(wire['metadata_modified_at']) ?? line(wire['last_modified']),
		deleted: line(wire['deleted_at']) ?? line(wire['deleted']),
		apiUrl: line(wire['self_api_url']) ?? line(wire['uri']),
		webUrl: line(wire['self_web_url']) ?? line(wire['page']),
		title: line(wire['title']) ?? '',
		acronym: line(wire['acronym']),
		description: text(wire['description']),
		baseApiUrl: line(wire['base_api_url']),
		machineDocumentationUrl: line(wire['machine_documentation_url']),
		technicalDocumentationUrl: line(wire['technical_documentation_url']),
		businessDocumentationUrl: line(wire['business_documentation_url']),
		format: line(wire['format']),
		license: line(wire['license']),
		availability: number(wire['availability']),
		tags: lines(wire['tags']),
		organization: organizationRef(wire['organization']),
		owner: userRef(wire['owner']),
		datasetCount: number(recordOrNull(wire['datasets'])?.['total']),
		private: boolean(wire['private']) ?? false,
		metrics: {
			views: number(metrics['views']),
			followers: number(metrics['followers']),
			reuses: number(metrics['reuses']),
			discussions: number(metrics['discussions']),
			followersByMonths: monthlySeries(metrics['followers_by_months']),
		},
	};
}

/** The mapper of each kind. */
export const toDomain: {readonly [K in Kind]: (value: unknown) => ItemOf<K>} = {
	organization: toOrganization,
	dataset: toDataset,
	reuse: toReuse,
	user: toUser,
	dataservice: toDataservice,
	resource: value => toResource(value),
};

/** The search window of udata's Elasticsearch: totals saturate here (API.md §2.4, §8.1). */
export const searchTotalCap = 10_000;

/**
 * A Page object (API.md §2.1) or a bare array (§2.1, "Not paginated") into a domain Page.
 * `capped` says the endpoint is a search whose total saturates at 10,000.
 */
export function toPage<T>(value: unknown, mapItem: (item: unknown) => T, capped = false): Page<T> {
	if (Array.isArray(value)) {
		return {items: value.map(item => mapItem(item)), page: 1, pageSize: null, total: value.length, totalCapped: false, nextPageUrl: null, previousPageUrl: null};
	}

	const wire = record(value);
	const data = Array.isArray(wire['data']) ? wire['data'] : [];
	const total = number(wire['total']);
	return {
		items: data.map(item => mapItem(item)),
		page: number(wire['page']) ?? 1,
		pageSize: number(wire['page_size']),
		total,
		totalCapped: capped && total !== null && total >= searchTotalCap,
		nextPageUrl: typeof wire['next_page'] === 'string' && wire['next_page'] !== '' ? wire['next_page'] : null,
		previousPageUrl: typeof wire['previous_page'] === 'string' && wire['previous_page'] !== '' ? wire['previous_page'] : null,
	};
}
