/**
 * What `y`, `Y`, `c` and `o` act on (pure): the id, the web page and the API URL of the object
 * under the cursor. The API URL is built from the configured portal, never taken from the
 * server's `uri`, so what is copied is what udx itself would call.
 */
import {objectUrl, resourceUrl, type ApiRoots} from '../api/endpoints.js';
import type {Item} from '../domain/types.js';

export type CopyWhat = 'id' | 'webUrl' | 'apiUrl';

export const copyLabels: Readonly<Record<CopyWhat, string>> = {id: 'id', webUrl: 'web URL', apiUrl: 'API URL'};

/** The web address of an object: its page; for a resource, which has no page of its own, its file. */
export function webPageOf(item: Item): string | null {
	return item.kind === 'resource' ? item.url : item.webUrl;
}

/** The text to copy, or why there is none. */
export function copyText(item: Item, what: CopyWhat, roots: ApiRoots): {readonly text: string} | {readonly refusal: string} {
	switch (what) {
		case 'id': {
			return {text: item.id};
		}

		case 'webUrl': {
			const url = webPageOf(item);
			return url ? {text: url} : {refusal: `this ${item.kind} has no web page on this portal`};
		}

		case 'apiUrl': {
			if (item.kind === 'resource') {
				return item.datasetId === null ? {refusal: 'this resource does not say which dataset it belongs to'} : {text: resourceUrl(roots, item.datasetId, item.id)};
			}

			return {text: objectUrl(roots, item.kind, item.id)};
		}
	}
}
