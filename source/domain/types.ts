/**
 * The objects of a udata portal as the app sees them: camelCase, sanitised, every field present
 * (null where the server did not send it — deployed udata versions differ, API.md §9).
 * Imports nothing from other layers.
 */

/** The kinds of object the explorer knows. */
export type Kind = 'organization' | 'dataset' | 'reuse' | 'user' | 'dataservice' | 'resource';

/** One month of a `*_by_months` series, oldest first. */
export type MonthlyValue = {readonly month: string; readonly value: number};

/**
 * A `*_by_months` metric. `null` means "no data": udata sends the integer 0 when the series was
 * never computed (API.md §5.8, seen live).
 */
export type MonthlySeries = readonly MonthlyValue[] | null;

/** What the caller may do to an object, as the portal says (API.md §5, `permissions`). */
export type Permissions = {
	readonly edit: boolean | null;
	readonly delete: boolean | null;
};

/** A reference to an organization embedded in another object. */
export type OrganizationRef = {
	readonly id: string;
	readonly slug: string;
	readonly name: string;
	readonly acronym: string | null;
	/** What the caller may do to that organization, where the portal says (udata ≥ 15, in `/me`'s list too). */
	readonly permissions?: Permissions | null;
};

/** A reference to a user embedded in another object. */
export type UserRef = {
	readonly id: string;
	readonly slug: string;
	readonly firstName: string;
	readonly lastName: string;
};

/** Fields every top-level object has. */
type Common = {
	readonly id: string;
	readonly slug: string;
	readonly createdAt: string | null;
	readonly lastModified: string | null;
	/** When it was soft-deleted (API.md §6.3), or null. */
	readonly deleted: string | null;
	readonly permissions: Permissions | null;
	/** API URL of the object (`uri`, or `self_api_url` for dataservices). */
	readonly apiUrl: string | null;
	/** Web page of the object (`page`, or `self_web_url`); null on portals with no front end. */
	readonly webUrl: string | null;
};

export type MemberRole = 'admin' | 'editor' | 'partial_editor' | string;

export type Member = {
	readonly user: UserRef;
	readonly role: MemberRole;
	/** The portal's translated label for the role ("Administrateur"). */
	readonly label: string | null;
	readonly since: string | null;
};

export type OrganizationMetrics = {
	readonly datasets: number | null;
	readonly reuses: number | null;
	readonly followers: number | null;
	readonly members: number | null;
	readonly views: number | null;
	readonly dataservices: number | null;
	readonly datasetsByMonths: MonthlySeries;
	readonly reusesByMonths: MonthlySeries;
	readonly dataservicesByMonths: MonthlySeries;
	readonly datasetsFollowersByMonths: MonthlySeries;
	readonly datasetsReusesByMonths: MonthlySeries;
	readonly reusesFollowersByMonths: MonthlySeries;
};

export type Organization = Common & {
	readonly kind: 'organization';
	readonly name: string;
	readonly acronym: string | null;
	readonly description: string | null;
	readonly url: string | null;
	readonly badges: readonly string[];
	readonly businessNumberId: string | null;
	readonly members: readonly Member[];
	readonly metrics: OrganizationMetrics;
};

export type Checksum = {readonly type: string; readonly value: string};

export type Resource = {
	readonly kind: 'resource';
	readonly id: string;
	readonly title: string;
	readonly description: string | null;
	readonly filetype: string | null;
	readonly type: string | null;
	readonly format: string | null;
	readonly url: string | null;
	readonly latest: string | null;
	readonly checksum: Checksum | null;
	readonly filesize: number | null;
	readonly mime: string | null;
	readonly createdAt: string | null;
	readonly lastModified: string | null;
	/** Downloads, from the resource's raw `metrics.views` (API.md §5.8). */
	readonly downloads: number | null;
	/** The dataset it belongs to, where known. */
	readonly datasetId: string | null;
};

export type DatasetMetrics = {
	readonly views: number | null;
	readonly followers: number | null;
	readonly reuses: number | null;
	readonly discussions: number | null;
	readonly resourcesDownloads: number | null;
	readonly dataservices: number | null;
	readonly reusesByMonths: MonthlySeries;
	readonly followersByMonths: MonthlySeries;
};

export type Dataset = Common & {
	readonly kind: 'dataset';
	readonly title: string;
	readonly acronym: string | null;
	readonly description: string | null;
	readonly organization: OrganizationRef | null;
	readonly owner: UserRef | null;
	readonly license: string | null;
	readonly frequency: string | null;
	readonly temporalCoverage: {readonly start: string | null; readonly end: string | null} | null;
	readonly tags: readonly string[];
	readonly badges: readonly string[];
	readonly qualityScore: number | null;
	readonly private: boolean;
	readonly archived: string | null;
	readonly lastUpdate: string | null;
	/** Number of resources: the v1 embedded array's length, or the v2 link's `total`. */
	readonly resourceCount: number | null;
	readonly metrics: DatasetMetrics;
};

/** A dataset as a reuse lists it. */
export type DatasetRef = {readonly id: string; readonly title: string; readonly slug: string | null};

export type Reuse = Common & {
	readonly kind: 'reuse';
	readonly title: string;
	readonly description: string | null;
	readonly type: string | null;
	readonly topic: string | null;
	readonly url: string | null;
	readonly tags: readonly string[];
	readonly organization: OrganizationRef | null;
	readonly owner: UserRef | null;
	readonly datasets: readonly DatasetRef[];
	readonly private: boolean;
	readonly metrics: {
		readonly views: number | null;
		readonly followers: number | null;
		readonly datasets: number | null;
		readonly discussions: number | null;
		readonly followersByMonths: MonthlySeries;
	};
};

export type User = Common & {
	readonly kind: 'user';
	readonly firstName: string;
	readonly lastName: string;
	readonly about: string | null;
	readonly website: string | null;
	readonly roles: readonly string[];
	readonly active: boolean | null;
	readonly organizations: readonly OrganizationRef[];
	readonly metrics: {
		readonly datasets: number | null;
		readonly reuses: number | null;
		readonly dataservices: number | null;
		readonly followers: number | null;
		readonly following: number | null;
	};
};

export type Dataservice = Common & {
	readonly kind: 'dataservice';
	readonly title: string;
	readonly acronym: string | null;
	readonly description: string | null;
	readonly baseApiUrl: string | null;
	readonly machineDocumentationUrl: string | null;
	readonly technicalDocumentationUrl: string | null;
	readonly businessDocumentationUrl: string | null;
	readonly format: string | null;
	readonly license: string | null;
	readonly availability: number | null;
	readonly tags: readonly string[];
	readonly organization: OrganizationRef | null;
	readonly owner: UserRef | null;
	/** Number of datasets behind the service (its `datasets` link's `total`). */
	readonly datasetCount: number | null;
	readonly private: boolean;
	readonly metrics: {
		readonly views: number | null;
		readonly followers: number | null;
		readonly reuses: number | null;
		readonly discussions: number | null;
		readonly followersByMonths: MonthlySeries;
	};
};

/** Any object the explorer shows. */
export type Item = Organization | Dataset | Reuse | User | Dataservice | Resource;

/** The item type of a kind. */
export type ItemOf<K extends Kind> = Extract<Item, {kind: K}>;

/**
 * One page of a list. `total` is null when the server did not say; `totalCapped` is true when it
 * is a search total saturated at 10,000 (API.md §2.4), shown as "10,000+".
 */
export type Page<T> = {
	readonly items: readonly T[];
	readonly page: number;
	readonly pageSize: number | null;
	readonly total: number | null;
	readonly totalCapped: boolean;
	readonly nextPageUrl: string | null;
	readonly previousPageUrl: string | null;
};

/** The display name of a user or user reference. */
export function userName(user: {readonly firstName: string; readonly lastName: string; readonly slug: string}): string {
	const name = `${user.firstName} ${user.lastName}`.trim();
	return name === '' ? user.slug : name;
}

/** The display name of any item. */
export function itemName(item: Item): string {
	switch (item.kind) {
		case 'organization': {
			return item.name;
		}

		case 'user': {
			return userName(item);
		}

		default: {
			return item.title;
		}
	}
}
