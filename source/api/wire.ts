/**
 * The JSON the udata API sends, key for key (API.md §5, §7). Every key is optional and may be
 * null: deployed versions differ (§9), masks drop keys (§1), and we never trust a server.
 * These types describe what we *hope* for; `to-domain.ts` checks every value it reads.
 */

export type WireMonthly = Record<string, number> | 0 | null;

export type WireLink = {rel?: string; href?: string; type?: string; total?: number};

export type WireBadge = {kind?: string};

export type WirePermissions = {edit?: boolean; delete?: boolean; members?: boolean; edit_resources?: boolean};

export type WireOrganizationRef = {
	id?: string;
	class?: string;
	name?: string;
	acronym?: string | null;
	slug?: string;
	uri?: string;
	page?: string | null;
};

export type WireUserRef = {
	id?: string;
	class?: string;
	slug?: string;
	first_name?: string;
	last_name?: string;
	uri?: string;
	page?: string | null;
};

export type WireMember = {
	user?: WireUserRef;
	role?: string;
	label?: string;
	since?: string;
};

export type WireOrganization = {
	id?: string;
	name?: string;
	acronym?: string | null;
	slug?: string;
	description?: string | null;
	url?: string | null;
	business_number_id?: string | null;
	members?: WireMember[];
	badges?: WireBadge[];
	created_at?: string;
	last_modified?: string;
	deleted?: string | null;
	metrics?: Record<string, number | WireMonthly>;
	permissions?: WirePermissions;
	uri?: string;
	page?: string | null;
};

export type WireResource = {
	id?: string;
	title?: string;
	description?: string | null;
	filetype?: string;
	type?: string;
	format?: string;
	url?: string;
	latest?: string;
	checksum?: {type?: string; value?: string} | null;
	filesize?: number | null;
	mime?: string | null;
	created_at?: string;
	last_modified?: string;
	metrics?: Record<string, number>;
};

export type WireDataset = {
	id?: string;
	title?: string;
	acronym?: string | null;
	slug?: string;
	description?: string | null;
	created_at?: string;
	last_modified?: string;
	last_update?: string;
	deleted?: string | null;
	archived?: string | null;
	private?: boolean;
	tags?: string[];
	badges?: WireBadge[];
	/** v1: every resource embedded; v2: a link object with `total` (API.md §5.3). */
	resources?: WireResource[] | WireLink;
	frequency?: string | {id?: string; label?: string} | null;
	license?: string | {id?: string; title?: string} | null;
	temporal_coverage?: {start?: string | null; end?: string | null} | null;
	quality?: {score?: number} | null;
	metrics?: Record<string, number | WireMonthly>;
	organization?: WireOrganizationRef | null;
	owner?: WireUserRef | null;
	permissions?: WirePermissions;
	uri?: string;
	page?: string | null;
};

export type WireReuse = {
	id?: string;
	title?: string;
	slug?: string;
	description?: string | null;
	type?: string;
	topic?: string;
	url?: string;
	tags?: string[];
	datasets?: Array<{id?: string; title?: string; slug?: string}> | WireLink;
	private?: boolean;
	deleted?: string | null;
	owner?: WireUserRef | null;
	organization?: WireOrganizationRef | null;
	metrics?: Record<string, number | WireMonthly>;
	created_at?: string;
	last_modified?: string;
	permissions?: WirePermissions;
	uri?: string;
	page?: string | null;
};

export type WireUser = {
	id?: string;
	slug?: string;
	first_name?: string;
	last_name?: string;
	about?: string | null;
	website?: string | null;
	roles?: string[];
	active?: boolean;
	since?: string;
	organizations?: WireOrganizationRef[];
	metrics?: Record<string, number>;
	permissions?: WirePermissions;
	uri?: string;
	page?: string | null;
};

export type WireDataservice = {
	id?: string;
	title?: string;
	acronym?: string | null;
	slug?: string;
	description?: string | null;
	base_api_url?: string | null;
	machine_documentation_url?: string | null;
	technical_documentation_url?: string | null;
	business_documentation_url?: string | null;
	format?: string | null;
	license?: string | null;
	availability?: number | null;
	tags?: string[];
	private?: boolean;
	created_at?: string;
	metadata_modified_at?: string;
	deleted_at?: string | null;
	datasets?: WireLink;
	organization?: WireOrganizationRef | null;
	owner?: WireUserRef | null;
	metrics?: Record<string, number | WireMonthly>;
	permissions?: WirePermissions;
	self_api_url?: string;
	self_web_url?: string | null;
};

/** A page (API.md §2.1). `total` is an integer, but old docs show a string: tolerate both. */
export type WirePage<T> = {
	data?: T[];
	page?: number;
	page_size?: number;
	total?: number | string;
	next_page?: string | null;
	previous_page?: string | null;
};

/** Error bodies (API.md §6.2): `{message}`, `{errors: {field: string | string[]}}`, or `{error, status}`. */
export type WireError = {
	message?: string;
	error?: string;
	errors?: Record<string, unknown>;
	status?: number;
};
