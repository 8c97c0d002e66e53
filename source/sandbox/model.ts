/**
 * Internal records of the sandbox's in-memory "database". They are not the wire format: timestamps are epoch
 * milliseconds, references are indices into the world's tables, and `serialize.ts` turns them into API.md §5 JSON.
 */
import type {Language} from './corpus.js';

/** Epoch milliseconds. */
export type Millis = number;

/** Organization member roles (API.md §5.2). */
export type MemberRole = 'admin' | 'editor' | 'partial_editor';

export type MemberRecord = {userIndex: number; role: MemberRole; since: Millis};

export type UserRecord = {
	index: number;
	id: string;
	slug: string;
	firstName: string;
	lastName: string;
	email: string;
	roles: string[];
	active: boolean;
	since: Millis;
	lastLoginAt: Millis | null;
	website: string | null;
	about: string | null;
	avatar: string | null;
	followers: number;
	following: number;
	hostile: boolean;
};

export type OrgRecord = {
	index: number;
	id: string;
	name: string;
	acronym: string | null;
	slug: string;
	description: string;
	url: string | null;
	logo: string | null;
	businessNumberId: string | null;
	members: MemberRecord[];
	badges: string[];
	extras: Record<string, unknown>;
	createdAt: Millis;
	lastModified: Millis;
	deleted: Millis | null;
	followers: number;
	views: number;
	language: Language;
	hostile: boolean;
};

export type ResourceRecord = {
	id: string;
	title: string;
	description: string | null;
	filetype: 'file' | 'remote';
	type: string;
	format: string;
	/** Absolute URL, or a path starting with `/` served by the sandbox itself (made absolute per request). */
	url: string;
	checksum: {type: string; value: string} | null;
	filesize: number | null;
	mime: string | null;
	createdAt: Millis;
	lastModified: Millis;
	views: number | null;
	extras: Record<string, unknown>;
	previewUrl: string | null;
	schema: {name: string; version: string | null; url: string | null} | null;
	harvest: Record<string, unknown> | null;
};

export type DatasetRecord = {
	index: number;
	id: string;
	slug: string;
	title: string;
	acronym: string | null;
	description: string;
	descriptionShort: string | null;
	createdAt: Millis;
	lastModified: Millis;
	lastUpdate: Millis;
	deleted: Millis | null;
	archived: Millis | null;
	private: boolean;
	featured: boolean;
	tags: string[];
	badges: string[];
	resources: ResourceRecord[];
	frequency: string;
	frequencyDate: Millis | null;
	extras: Record<string, unknown>;
	harvest: Record<string, unknown> | null;
	metrics: {discussions: number; discussionsOpen: number; reuses: number; dataservices: number; followers: number; views: number; resourcesDownloads: number};
	orgIndex: number | null;
	ownerIndex: number | null;
	schema: {name: string; version: string | null; url: string | null} | null;
	temporalCoverage: {start: string; end: string} | null;
	spatial: {geom: null; zones: string[]; granularity: string} | null;
	license: string;
	accessType: string;
	contactPoints: Array<Record<string, unknown>>;
	hostile: boolean;
};

export type ReuseRecord = {
	index: number;
	id: string;
	slug: string;
	title: string;
	description: string;
	type: string;
	url: string;
	image: string | null;
	datasets: number[];
	dataservices: number[];
	tags: string[];
	topic: string;
	private: boolean;
	featured: boolean;
	deleted: Millis | null;
	archived: Millis | null;
	orgIndex: number | null;
	ownerIndex: number | null;
	createdAt: Millis;
	lastModified: Millis;
	extras: Record<string, unknown>;
	badges: string[];
	discussions: number;
	followers: number;
	views: number;
	hostile: boolean;
};

export type DataserviceRecord = {
	index: number;
	id: string;
	slug: string;
	title: string;
	acronym: string | null;
	description: string;
	baseApiUrl: string;
	machineDocumentationUrl: string | null;
	technicalDocumentationUrl: string | null;
	businessDocumentationUrl: string | null;
	rateLimiting: string | null;
	rateLimitingUrl: string | null;
	availability: number | null;
	availabilityUrl: string | null;
	format: string;
	license: string | null;
	tags: string[];
	private: boolean;
	featured: boolean;
	extras: Record<string, unknown>;
	createdAt: Millis;
	metadataModifiedAt: Millis;
	deletedAt: Millis | null;
	archivedAt: Millis | null;
	datasets: number[];
	accessType: string;
	orgIndex: number | null;
	ownerIndex: number | null;
	discussions: number;
	followers: number;
	views: number;
	hostile: boolean;
};
