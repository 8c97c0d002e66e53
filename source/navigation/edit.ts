/**
 * Editing, worked out as data (pure): the fields of a form per kind, the minimal body of the PUT
 * (only changed keys; an emptied field becomes null, as udata does, API.md §6.3), and the review.
 */
import {apiRoots, objectUrl} from '../api/endpoints.js';
import {confirmationText, portalKind, type PortalKind} from '../domain/portal.js';
import {itemName, type Item, type User} from '../domain/types.js';

export type EditableKind = 'organization' | 'dataset' | 'reuse';

export type EditField = {
	/** The wire key the PUT sends. */
	readonly key: string;
	readonly label: string;
	readonly original: string;
	readonly value: string;
	/** Tags are typed comma-separated and sent as a list. */
	readonly list?: boolean;
};

export type EditTarget = {
	readonly kind: EditableKind;
	readonly id: string;
	readonly slug: string;
	readonly name: string;
	readonly host: string;
	readonly portal: PortalKind;
	readonly url: string;
	readonly expected: string;
	/** When the form opened: a PUT is sent only if the object has not moved since. */
	readonly lastModified: string | null;
};

export type EditStep = 'form' | 'review' | 'confirm' | 'sending' | 'failed' | 'conflict';

function field(key: string, label: string, value: string | null | undefined, list = false): EditField {
	return {key, label, original: value ?? '', value: value ?? '', ...(list ? {list} : {})};
}

/** The form of an item, or why it cannot be edited here. */
export function editForm(item: Item, apiUrl: string, host: string, me: User | null, portal: PortalKind = portalKind(apiUrl)): {readonly target: EditTarget; readonly fields: EditField[]} | {readonly refusal: string} {
	if (me === null) {
		return {refusal: 'editing needs an API key: set UDATA_API_KEY or :login'};
	}

	if (item.kind !== 'organization' && item.kind !== 'dataset' && item.kind !== 'reuse') {
		return {refusal: `udx edits organizations, datasets and reuses, not ${item.kind}s`};
	}

	if (item.permissions?.edit === false) {
		return {refusal: item.kind === 'organization' ? 'editing an organization needs its admin role' : `editing this ${item.kind} needs its owner, or an admin or editor of its organization`};
	}

	const target: EditTarget = {
		kind: item.kind, id: item.id, slug: item.slug, name: itemName(item) || item.id, host, portal,
		url: objectUrl(apiRoots(apiUrl), item.kind, item.id),
		expected: confirmationText(portal, host, item.slug),
		lastModified: item.lastModified,
	};
	switch (item.kind) {
		case 'organization': {
			return {target, fields: [field('name', 'Name', item.name), field('acronym', 'Acronym', item.acronym), field('url', 'Website', item.url), field('description', 'Description', item.description)]};
		}

		case 'dataset': {
			return {target, fields: [field('title', 'Title', item.title), field('acronym', 'Acronym', item.acronym), field('description', 'Description', item.description), field('tags', 'Tags', item.tags.join(', '), true)]};
		}

		case 'reuse': {
			return {target, fields: [field('title', 'Title', item.title), field('url', 'URL', item.url), field('description', 'Description', item.description)]};
		}
	}
}

function tagsOf(text: string): string[] {
	return text.split(',').map(tag => tag.trim()).filter(tag => tag !== '');
}

/** The fields that changed (tags compared as lists). */
export function changedFields(fields: readonly EditField[]): EditField[] {
	return fields.filter(item => item.list ? tagsOf(item.value).join('\u0000') !== tagsOf(item.original).join('\u0000') : item.value !== item.original);
}

/** The minimal body: only changed keys; an emptied text field is null. */
export function patchOf(fields: readonly EditField[]): Record<string, unknown> {
	return Object.fromEntries(changedFields(fields).map(item => [item.key, item.list ? tagsOf(item.value) : (item.value.trim() === '' ? null : item.value)]));
}

/** What an edit's confirmation must show: its review (the changes, the call, the body) and the text to type. */
export function editEssentials(edit: {readonly target: EditTarget; readonly fields: readonly EditField[]}): {readonly call: null; readonly expected: string; readonly reviewRows: number} {
	return {call: null, expected: edit.target.expected, reviewRows: changedFields(edit.fields).length + 3};
}
