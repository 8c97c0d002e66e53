/**
 * Records → wire JSON, key for key as API.md §5 lists them (and §7 orders them): snake_case keys, absolute `uri`/`page`
 * built from the request's origin, `+00:00` datetimes, `self_api_url`/`self_web_url` for dataservices.
 */
import type {Viewer} from './datasets.js';
import {MONTH_KEYS, isoDateTime, naiveDateTime} from './ids.js';
import type {DataserviceRecord, DatasetRecord, MemberRecord, Millis, OrgRecord, ResourceRecord, ReuseRecord, UserRecord} from './model.js';
import {hash32, mulberry32} from './random.js';
import type {World} from './world.js';

/** Everything a serializer needs to know about the request. */
export type Scope = {
	origin: string;
	world: World;
	user: UserRecord | null;
	viewer: Viewer;
	/** `?lang=` (API.md §1: labels are localised; invalid values fall back to the default). */
	lang: 'en' | 'fr';
	/** True when an `X-Fields` mask is present: fields hidden by default (org `presentation_blocs`, v1 dataset
	 * `community_resources`) are then emitted so the mask can select them (API.md §1). */
	hidden: boolean;
};

type Json = Record<string, unknown>;

const ROLE_LABELS = {
	en: {admin: 'Administrator', editor: 'Editor', partial_editor: 'Partial editor'},
	fr: {admin: 'Administrateur', editor: 'Éditeur', partial_editor: 'Éditeur partiel'},
} as const;

function iso(ms: Millis | null): string | null {
	return ms === null ? null : isoDateTime(ms);
}

function absolute(scope: Scope, url: string): string {
	return url.startsWith('/') ? `${scope.origin}${url}` : url;
}

function thumbnail(url: string | null, size: number): string | null {
	return url === null ? null : url.replace('-original', `-${size}`);
}

/**
 * A `*_by_months` series over the 13 months before the reference date — or the integer 0 for about a quarter of
 * them, the "never computed" quirk of API.md §5.8.
 */
function byMonths(scope: Scope, kind: string, index: number, key: string, scale: number): Json | 0 {
	const next = mulberry32(hash32(scope.world.seed, 'months', kind, index, key));
	if (next() < 0.25) {
		return 0;
	}
	const series: Json = {};
	for (const month of MONTH_KEYS) {
		series[month] = Math.floor(Math.pow(next(), 3) * scale);
	}
	return series;
}

function isSysadmin(scope: Scope): boolean {
	return scope.viewer.sysadmin;
}

/** UserReference (API.md §5.6). */
export function userReference(scope: Scope, user: UserRecord): Json {
	return {
		id: user.id,
		class: 'User',
		slug: user.slug,
		first_name: user.firstName,
		last_name: user.lastName,
		avatar: user.avatar,
		avatar_thumbnail: thumbnail(user.avatar, 500),
		uri: `${scope.origin}/api/1/users/${user.slug}/`,
		page: `${scope.origin}/users/${user.slug}`,
	};
}

function ownerReference(scope: Scope, ownerIndex: number | null): Json | null {
	const user = ownerIndex === null ? undefined : scope.world.users[ownerIndex];
	return user ? userReference(scope, user) : null;
}

/** The caller's permissions on an organization (API.md §5.1, v15+). */
export function orgPermissions(scope: Scope, org: OrgRecord): Json {
	const role = scope.world.roleIn(org.index, scope.viewer.userIndex);
	const admin = isSysadmin(scope) || role === 'admin';
	const member = isSysadmin(scope) || role !== null;
	return {edit: admin, delete: admin, members: admin, harvest: member, private: member};
}

/** OrganizationReference (API.md §5.1). */
export function orgReference(scope: Scope, org: OrgRecord): Json {
	return {
		id: org.id,
		class: 'Organization',
		name: org.name,
		acronym: org.acronym,
		slug: org.slug,
		logo: org.logo,
		logo_thumbnail: thumbnail(org.logo, 100),
		badges: org.badges.map((kind) => ({kind})),
		permissions: orgPermissions(scope, org),
		uri: `${scope.origin}/api/1/organizations/${org.slug}/`,
		page: `${scope.origin}/organizations/${org.slug}`,
	};
}

function orgRef(scope: Scope, orgIndex: number | null): Json | null {
	const org = orgIndex === null ? undefined : scope.world.organizations[orgIndex];
	return org ? orgReference(scope, org) : null;
}

/** Member emails: full for sysadmin or self, partly masked for fellow members, `***@domain` otherwise (§5.2). */
function memberEmail(scope: Scope, org: OrgRecord, user: UserRecord): string {
	if (isSysadmin(scope) || scope.viewer.userIndex === user.index) {
		return user.email;
	}
	const [local = '', domain = ''] = user.email.split('@');
	if (scope.world.roleIn(org.index, scope.viewer.userIndex) !== null) {
		return `${local.slice(0, 2)}****@${domain}`;
	}
	return `***@${domain}`;
}

function member(scope: Scope, org: OrgRecord, record: MemberRecord): Json | null {
	const user = scope.world.users[record.userIndex];
	if (!user) {
		return null;
	}
	const insider = isSysadmin(scope) || scope.viewer.userIndex === user.index || scope.world.roleIn(org.index, scope.viewer.userIndex) !== null;
	return {
		user: {
			...userReference(scope, user),
			email: memberEmail(scope, org, user),
			// Older accounts carry a naive datetime here (API.md §1, capture).
			last_login_at: insider && user.lastLoginAt !== null ? naiveDateTime(user.lastLoginAt) : null,
		},
		role: record.role,
		since: isoDateTime(record.since),
		label: ROLE_LABELS[scope.lang][record.role],
	};
}

/** Public, non-deleted datasets of an organization (its `metrics.datasets`). */
function orgDatasetCount(scope: Scope, org: OrgRecord): number {
	const table = scope.world.datasets;
	let count = 0;
	for (const index of scope.world.orgDatasets(org.index)) {
		if (!table.isPrivate(index) && !table.isDeleted(index)) {
			count++;
		}
	}
	return count;
}

/** Organization (API.md §5.1, current key set). */
export function organization(scope: Scope, org: OrgRecord): Json {
	const kind = 'org';
	const json: Json = {
		id: org.id,
		name: org.name,
		acronym: org.acronym,
		slug: org.slug,
		description: org.description,
		url: org.url,
		image_url: org.logo,
		logo: org.logo,
		logo_thumbnail: thumbnail(org.logo, 100),
		business_number_id: org.businessNumberId,
		members: org.members.map((record) => member(scope, org, record)).filter((item) => item !== null),
		teams: [],
		ext: {},
		zone: null,
		extras: org.extras,
		presentation_blocs_published_at: null,
		deleted: iso(org.deleted),
		metrics: {
			dataservices: scope.world.counts('orgDataservices', org.index),
			dataservices_by_months: byMonths(scope, kind, org.index, 'dataservices', 2),
			datasets: orgDatasetCount(scope, org),
			datasets_by_months: byMonths(scope, kind, org.index, 'datasets', 4),
			datasets_followers_by_months: byMonths(scope, kind, org.index, 'datasets_followers', 12),
			datasets_reuses_by_months: byMonths(scope, kind, org.index, 'datasets_reuses', 6),
			members: org.members.length,
			reuses: scope.world.counts('orgReuses', org.index),
			reuses_by_months: byMonths(scope, kind, org.index, 'reuses', 3),
			reuses_followers_by_months: byMonths(scope, kind, org.index, 'reuses_followers', 5),
			followers: org.followers,
			views: org.views,
		},
		badges: org.badges.map((badge) => ({kind: badge})),
		created_at: isoDateTime(org.createdAt),
		last_modified: isoDateTime(org.lastModified),
		permissions: orgPermissions(scope, org),
		uri: `${scope.origin}/api/1/organizations/${org.slug}/`,
		page: `${scope.origin}/organizations/${org.slug}`,
	};
	if (scope.hidden) {
		json['presentation_blocs'] = [];
	}
	return json;
}

/** Resource (API.md §5.4). */
export function resource(scope: Scope, record: ResourceRecord): Json {
	return {
		id: record.id,
		title: record.title,
		description: record.description,
		filetype: record.filetype,
		type: record.type,
		format: record.format,
		url: absolute(scope, record.url),
		latest: `${scope.origin}/api/1/datasets/r/${record.id}`,
		checksum: record.checksum,
		filesize: record.filesize,
		mime: record.mime,
		created_at: isoDateTime(record.createdAt),
		last_modified: isoDateTime(record.lastModified),
		// Raw stored dict: `{}` or `{"views": N}` (API.md §5.8).
		metrics: record.views === null ? {} : {views: record.views},
		harvest: record.harvest,
		extras: record.extras,
		preview_url: record.previewUrl,
		schema: record.schema,
		internal: {created_at_internal: isoDateTime(record.createdAt), last_modified_internal: isoDateTime(record.lastModified)},
	};
}

const OPEN_FORMATS = new Set(['csv', 'json', 'geojson', 'xml', 'parquet', 'gtfs', 'gbfs', 'kml', 'gml', 'sdmx', 'netcdf']);

function quality(dataset: DatasetRecord): Json {
	const checks = {
		license: dataset.license !== 'notspecified',
		temporal_coverage: dataset.temporalCoverage !== null,
		spatial: dataset.spatial !== null,
		update_frequency: dataset.frequency !== 'unknown',
		update_fulfilled_in_time: hash32(dataset.id) % 3 !== 0,
		dataset_description_quality: dataset.description.length > 100,
		has_resources: dataset.resources.length > 0,
		has_open_format: dataset.resources.some((item) => OPEN_FORMATS.has(item.format)),
		all_resources_available: dataset.resources.length > 0 && dataset.resources.every((item) => item.extras['check:available'] !== false),
		resources_documentation: dataset.resources.some((item) => item.description !== null || item.type === 'documentation'),
	};
	const passed = Object.values(checks).filter(Boolean).length;
	return {...checks, score: Math.round((passed / 10) * 100) / 100};
}

/** Whether the caller may edit a dataset (owner, member of its org, sysadmin: API.md §6.3). */
export function datasetPermissions(scope: Scope, dataset: DatasetRecord): Json {
	const can = scope.world.datasets.canEdit(dataset.index, scope.viewer);
	return {delete: can, edit: can, edit_resources: can};
}

function datasetBody(scope: Scope, dataset: DatasetRecord, resources: Json): Json {
	return {
		id: dataset.id,
		title: dataset.title,
		acronym: dataset.acronym,
		slug: dataset.slug,
		description: dataset.description,
		description_short: dataset.descriptionShort,
		created_at: isoDateTime(dataset.createdAt),
		last_modified: isoDateTime(dataset.lastModified),
		deleted: iso(dataset.deleted),
		archived: iso(dataset.archived),
		private: dataset.private,
		featured: dataset.featured,
		tags: dataset.tags,
		badges: dataset.badges.map((kind) => ({kind})),
		...resources,
		frequency: dataset.frequency,
		frequency_date: iso(dataset.frequencyDate),
		extras: dataset.extras,
		harvest: dataset.harvest,
		metrics: {
			discussions: dataset.metrics.discussions,
			discussions_open: dataset.metrics.discussionsOpen,
			reuses: dataset.metrics.reuses,
			reuses_by_months: byMonths(scope, 'dataset', dataset.index, 'reuses', 2),
			dataservices: dataset.metrics.dataservices,
			followers: dataset.metrics.followers,
			followers_by_months: byMonths(scope, 'dataset', dataset.index, 'followers', 6),
			views: dataset.metrics.views,
			resources_downloads: dataset.metrics.resourcesDownloads,
		},
		organization: orgRef(scope, dataset.orgIndex),
		owner: ownerReference(scope, dataset.ownerIndex),
	};
}

function datasetTail(scope: Scope, dataset: DatasetRecord): Json {
	return {
		temporal_coverage: dataset.temporalCoverage,
		spatial: dataset.spatial,
		license: dataset.license,
		access_type: dataset.accessType,
		access_audiences: [],
		authorization_request_url: null,
		access_type_reason_category: null,
		access_type_reason: null,
		uri: `${scope.origin}/api/1/datasets/${dataset.slug}/`,
		page: `${scope.origin}/datasets/${dataset.slug}`,
		last_update: isoDateTime(dataset.lastUpdate),
		quality: quality(dataset),
		internal: {created_at_internal: isoDateTime(dataset.createdAt), last_modified_internal: isoDateTime(dataset.lastModified)},
		contact_points: dataset.contactPoints,
		permissions: datasetPermissions(scope, dataset),
	};
}

/** Dataset v1 (API.md §5.3): every resource embedded. */
export function datasetV1(scope: Scope, dataset: DatasetRecord): Json {
	const resources: Json = {resources: dataset.resources.map((item) => resource(scope, item))};
	if (scope.hidden) {
		resources['community_resources'] = [];
	}
	return {...datasetBody(scope, dataset, resources), schema: dataset.schema, ...datasetTail(scope, dataset)};
}

/** Dataset v2 (API.md §5.3 "v2 differences"): resources as subsection links, no `schema`. */
export function datasetV2(scope: Scope, dataset: DatasetRecord): Json {
	const links: Json = {
		resources: {rel: 'subsection', href: `${scope.origin}/api/2/datasets/${dataset.id}/resources/?page=1&page_size=50`, type: 'GET', total: dataset.resources.length},
		community_resources: {rel: 'subsection', href: `${scope.origin}/api/1/datasets/community_resources/?dataset=${dataset.id}&page=1&page_size=50`, type: 'GET', total: 0},
	};
	return {...datasetBody(scope, dataset, links), ...datasetTail(scope, dataset)};
}

/** The reduced dataset of reuse list items: `{id, title, uri, page}` (API.md §3 `GET /api/1/reuses/`). */
function datasetStub(scope: Scope, index: number): Json {
	const table = scope.world.datasets;
	const slug = table.slug(index);
	return {id: table.id(index), title: table.title(index), uri: `${scope.origin}/api/1/datasets/${slug}/`, page: `${scope.origin}/datasets/${slug}`};
}

function dataserviceStub(scope: Scope, index: number): Json | null {
	const service = scope.world.dataservices[index];
	if (!service) {
		return null;
	}
	return {id: service.id, class: 'Dataservice', title: service.title, self_api_url: `${scope.origin}/api/1/dataservices/${service.slug}/`, self_web_url: `${scope.origin}/dataservices/${service.slug}`};
}

/** Whether the caller may edit a reuse or dataservice (owner, member of its org, sysadmin). */
export function canEditOwned(scope: Scope, item: {orgIndex: number | null; ownerIndex: number | null}): boolean {
	if (scope.viewer.sysadmin) {
		return true;
	}
	if (item.ownerIndex !== null && item.ownerIndex === scope.viewer.userIndex) {
		return true;
	}
	return item.orgIndex !== null && scope.viewer.memberOrgs.has(item.orgIndex);
}

/**
 * Reuse (API.md §5.5). `shape`: `full` embeds Dataset v1 objects (GET), `list` reduces them to `{id,title,uri,page}`,
 * `v2` turns `datasets`/`dataservices` into subsection links.
 */
export function reuse(scope: Scope, record: ReuseRecord, shape: 'full' | 'list' | 'v2'): Json {
	let datasets: unknown;
	let dataservices: unknown;
	if (shape === 'v2') {
		datasets = {rel: 'subsection', href: `${scope.origin}/api/2/datasets/?reuse=${record.id}&page=1&page_size=50`, type: 'GET', total: record.datasets.length};
		dataservices = {rel: 'subsection', href: `${scope.origin}/api/1/dataservices/?reuse=${record.id}&page=1&page_size=50`, type: 'GET', total: record.dataservices.length};
	} else {
		datasets = shape === 'full' ? record.datasets.map((index) => datasetV1(scope, scope.world.datasets.get(index))) : record.datasets.map((index) => datasetStub(scope, index));
		dataservices = record.dataservices.map((index) => dataserviceStub(scope, index)).filter((item) => item !== null);
	}
	const can = canEditOwned(scope, record);
	return {
		id: record.id,
		title: record.title,
		slug: record.slug,
		description: record.description,
		type: record.type,
		url: record.url,
		image: record.image,
		image_thumbnail: thumbnail(record.image, 500),
		datasets,
		dataservices,
		tags: record.tags,
		topic: record.topic,
		private: record.private,
		extras: record.extras,
		featured: record.featured,
		deleted: iso(record.deleted),
		archived: iso(record.archived),
		owner: ownerReference(scope, record.ownerIndex),
		organization: orgRef(scope, record.orgIndex),
		metrics: {
			discussions: record.discussions,
			discussions_open: Math.min(record.discussions, 1),
			datasets: record.datasets.length,
			followers: record.followers,
			followers_by_months: byMonths(scope, 'reuse', record.index, 'followers', 4),
			views: record.views,
		},
		badges: record.badges.map((kind) => ({kind})),
		created_at: isoDateTime(record.createdAt),
		last_modified: isoDateTime(record.lastModified),
		uri: `${scope.origin}/api/1/reuses/${record.slug}/`,
		page: `${scope.origin}/reuses/${record.slug}`,
		permissions: {delete: can, edit: can},
	};
}

/** User (API.md §5.6); `email` and `last_login_at` only for the user themself or a sysadmin. */
export function user(scope: Scope, record: UserRecord): Json {
	const privileged = isSysadmin(scope) || scope.viewer.userIndex === record.index;
	return {
		id: record.id,
		slug: record.slug,
		email: privileged ? record.email : null,
		active: record.active,
		roles: record.roles,
		first_name: record.firstName,
		last_name: record.lastName,
		avatar: record.avatar,
		avatar_thumbnail: thumbnail(record.avatar, 500),
		website: record.website,
		about: record.about,
		since: isoDateTime(record.since),
		password_rotation_demanded: null,
		password_rotation_performed: null,
		last_login_at: privileged ? iso(record.lastLoginAt) : null,
		metrics: {
			datasets: scope.world.ownedDatasets(record.index),
			reuses: scope.world.counts('userReuses', record.index),
			dataservices: scope.world.counts('userDataservices', record.index),
			following: record.following,
			followers: record.followers,
		},
		uri: `${scope.origin}/api/1/users/${record.slug}/`,
		page: `${scope.origin}/users/${record.slug}`,
		organizations: scope.world.memberOrgs(record.index).map((orgIndex) => orgRef(scope, orgIndex)).filter((item) => item !== null),
	};
}

/** Dataservice (API.md §5.7): `self_api_url`/`self_web_url` instead of `uri`/`page`, `datasets` as a link. */
export function dataservice(scope: Scope, record: DataserviceRecord): Json {
	const can = canEditOwned(scope, record);
	return {
		id: record.id,
		title: record.title,
		acronym: record.acronym,
		slug: record.slug,
		description: record.description,
		base_api_url: record.baseApiUrl,
		machine_documentation_url: record.machineDocumentationUrl,
		technical_documentation_url: record.technicalDocumentationUrl,
		business_documentation_url: record.businessDocumentationUrl,
		rate_limiting: record.rateLimiting,
		rate_limiting_url: record.rateLimitingUrl,
		availability: record.availability,
		availability_url: record.availabilityUrl,
		format: record.format,
		license: record.license,
		tags: record.tags,
		private: record.private,
		extras: record.extras,
		featured: record.featured,
		contact_points: [],
		created_at: isoDateTime(record.createdAt),
		metadata_modified_at: isoDateTime(record.metadataModifiedAt),
		deleted_at: iso(record.deletedAt),
		archived_at: iso(record.archivedAt),
		datasets: {rel: 'subsection', href: `${scope.origin}/api/1/datasets/?dataservice=${record.id}`, type: 'GET', total: record.datasets.length},
		harvest: null,
		access_type: record.accessType,
		access_audiences: [],
		authorization_request_url: record.accessType === 'restricted' ? `https://demande.example.lu/${record.slug}` : null,
		access_type_reason_category: null,
		access_type_reason: null,
		metrics: {
			discussions: record.discussions,
			discussions_open: Math.min(record.discussions, 1),
			followers: record.followers,
			followers_by_months: byMonths(scope, 'dataservice', record.index, 'followers', 3),
			reuses: record.index % 4,
			views: record.views,
		},
		badges: [],
		owner: ownerReference(scope, record.ownerIndex),
		organization: orgRef(scope, record.orgIndex),
		permissions: {delete: can, edit: can},
		self_api_url: `${scope.origin}/api/1/dataservices/${record.slug}/`,
		self_web_url: `${scope.origin}/dataservices/${record.slug}`,
	};
}
