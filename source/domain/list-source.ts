import type {Kind} from './types.js';

/** The kinds that have a catalogue-wide list on a portal. */
export type CatalogueKind = Exclude<Kind, 'resource'>;

/** Query parameters of a list: server search, sort and filters (API.md §4). */
export type ListQuery = {
	readonly q?: string;
	readonly sort?: string;
	/** Filters such as `tag`, `organization` (an ObjectId), `dataset`; repeated values are ANDed. */
	readonly filters?: Readonly<Record<string, string | readonly string[]>>;
};

/**
 * What a list shows, as plain data: the navigator keeps it in a frame and the API layer turns it
 * into requests. Pages after the first are fetched by following `next_page`.
 */
export type ListSource =
	/** `GET /api/1/<kind>s/` with its query. */
	| {readonly kind: CatalogueKind; readonly scope: 'catalogue'; readonly query: ListQuery}
	/** `GET /api/2/<kind>s/search/`: the portal's full-text search (Elasticsearch, totals capped at 10,000). */
	| {readonly kind: 'organization' | 'dataset' | 'reuse' | 'dataservice'; readonly scope: 'search'; readonly query: ListQuery}
	/** `GET /api/1/organizations/<org>/datasets/` (paged; ignores filters, API.md §3). */
	| {readonly kind: 'dataset'; readonly scope: 'organization'; readonly organizationId: string}
	/** `GET /api/1/organizations/<org>/reuses/`: a bare array, one page (API.md §2.1). */
	| {readonly kind: 'reuse'; readonly scope: 'organization'; readonly organizationId: string}
	/** `GET /api/2/datasets/<dataset>/resources/`: paged by 50 (API.md §2.3). */
	| {readonly kind: 'resource'; readonly scope: 'dataset'; readonly datasetId: string};

/** A catalogue list with an optional query. */
export function catalogue(kind: CatalogueKind, query: ListQuery = {}): ListSource {
	return {kind, scope: 'catalogue', query};
}
