/**
 * Search, as the navigator sees it (pure): what a row is searched by locally, and which list a
 * query becomes on the server (`q=`, the v2 `/search/` endpoints where the portal has them).
 */
import type {ListSource} from '../domain/list-source.js';
import type {Item} from '../domain/types.js';
import {listFrame, type ListFrame, type NewFrame} from './screens.js';

/**
 * The texts a row is found by, its displayed name first (that is what gets highlighted):
 * organizations by name, acronym, slug; datasets and reuses by title, acronym, slug and
 * organization; users by first and last name and slug; dataservices by title and acronym.
 */
export function searchFields(item: Item): string[] {
	const present = (values: Array<string | null | undefined>) => values.filter((value): value is string => typeof value === 'string' && value !== '');
	switch (item.kind) {
		case 'organization': {
			return present([item.name, item.acronym, item.slug]);
		}

		case 'dataset': {
			return present([item.title, item.acronym, item.slug, item.organization?.name, item.organization?.acronym]);
		}

		case 'reuse': {
			return present([item.title, item.slug, item.organization?.name, item.organization?.acronym]);
		}

		case 'user': {
			return present([`${item.firstName} ${item.lastName}`.trim(), item.slug]);
		}

		case 'dataservice': {
			return present([item.title, item.acronym]);
		}

		case 'resource': {
			return present([item.title, item.format]);
		}
	}
}

/** The server search of a list's query, as its own frame; or why there is none. */
export function serverSearch(frame: ListFrame, query: string): {readonly frame: NewFrame} | {readonly error: string} {
	const source = searchSource(frame.source, query);
	if (source === null) {
		return {error: 'this list has no server search: / filters what is loaded'};
	}

	return {frame: listFrame(`search "${query}"`, source)};
}

function searchSource(source: ListSource, q: string): ListSource | null {
	switch (source.scope) {
		case 'catalogue': {
			// Users have no /search/ endpoint (API.md §3): their v1 list takes q (sysadmin only).
			return source.kind === 'user'
				? {kind: 'user', scope: 'catalogue', query: {...source.query, q}}
				: {kind: source.kind, scope: 'search', query: {...source.query, q}};
		}

		case 'search': {
			return {...source, query: {...source.query, q}};
		}

		case 'organization': {
			// An organization's list ignores filters (API.md §3): search the catalogue within it.
			return source.kind === 'dataset'
				? {kind: 'dataset', scope: 'search', query: {q, filters: {organization: source.organizationId}}}
				: {kind: 'reuse', scope: 'catalogue', query: {q, filters: {organization: source.organizationId}}};
		}

		case 'dataset': {
			return null;
		}
	}
}
