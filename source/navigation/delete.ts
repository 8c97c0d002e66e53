/**
 * What a delete is about, worked out before the modal opens (pure): the object, the portal and
 * its badge, the exact call, udata's real consequences (API.md §6.3), and the text to type.
 */
import {apiRoots, objectUrl, resourceUrl} from '../api/endpoints.js';
import {confirmationText, portalKind, type PortalKind} from '../domain/portal.js';
import {itemName, userName, type Item, type Kind, type User} from '../domain/types.js';

export type DeleteTarget = {
	readonly kind: Exclude<Kind, 'user'>;
	readonly id: string;
	readonly slug: string;
	readonly name: string;
	/** For a resource, its dataset. */
	readonly datasetId: string | null;
	readonly producer: string | null;
	readonly webUrl: string | null;
	readonly portal: PortalKind;
	readonly host: string;
	/** The exact request: `DELETE https://data.public.lu/api/1/datasets/<id>/`. */
	readonly call: string;
	/** What the user must type, exactly. */
	readonly expected: string;
	readonly consequences: readonly string[];
	/** Datasets and reuses come back with `PUT {"deleted": null}` (API.md §6.3). */
	readonly restorable: boolean;
};

function count(value: number | null, what: string): string {
	return value === null ? `? ${what}` : `${value.toLocaleString('en-US')} ${what}${value === 1 ? '' : 's'}`;
}

/** The delete of an item, or why there is none. */
/** `portal`: what the portal is (the config may say); by default from its URL. */
export function deleteTarget(item: Item, apiUrl: string, host: string, portal: PortalKind = portalKind(apiUrl)): DeleteTarget | {readonly refusal: string} {
	if (item.kind === 'user') {
		return {refusal: 'udx does not delete users (udata anonymises them; use the portal)'};
	}

	const roots = apiRoots(apiUrl);
	const base = {id: item.id, name: itemName(item) || item.id, portal, host};
	if (item.kind === 'resource') {
		if (item.datasetId === null) {
			return {refusal: 'this resource does not say which dataset it belongs to'};
		}

		// Resources have no slug: their id is what is typed.
		return {
			...base, kind: 'resource', slug: item.id, datasetId: item.datasetId, producer: null, webUrl: item.url,
			call: `DELETE ${resourceUrl(roots, item.datasetId, item.id)}`,
			expected: confirmationText(portal, host, item.id),
			consequences: ['hard delete: the resource is removed from its dataset and its file is deleted', 'this cannot be undone'],
			restorable: false,
		};
	}

	const producer = item.kind === 'organization'
		? null
		: item.organization ? item.organization.name : item.owner ? userName(item.owner) : null;
	const consequences = item.kind === 'organization'
		? [
			'soft delete: the organization disappears from lists and answers 410 to outsiders; its members and sysadmins still see it',
			`it has ${count(item.metrics.datasets, 'dataset')}, ${count(item.metrics.reuses, 'reuse')} and ${count(item.metrics.members, 'member')}`,
			'udx cannot restore an organization',
		]
		: item.kind === 'dataservice'
			? ['soft delete: the dataservice disappears from lists and answers 410 to outsiders', 'udx cannot restore a dataservice']
			: [`soft delete: the ${item.kind} disappears from lists and answers 410 to outsiders`, 'restorable: u to undo, right after'];
	return {
		...base,
		kind: item.kind,
		slug: item.slug,
		datasetId: null,
		producer,
		webUrl: item.webUrl,
		call: `DELETE ${objectUrl(roots, item.kind, item.id)}`,
		expected: confirmationText(portal, host, item.slug),
		consequences,
		restorable: item.kind === 'dataset' || item.kind === 'reuse',
	};
}

/**
 * Whether the user may delete an item, and why not: the object's own `permissions` where the
 * portal sends them (udata ≥ 15), else what `/me` tells (sysadmin; a member of its organization;
 * its owner). Undecidable cases are allowed: the portal has the last word, and a 403 is explained.
 */
export function deletePermission(item: Item, me: User | null): {readonly allowed: true} | {readonly allowed: false; readonly reason: string} {
	if (me === null) {
		return {allowed: false, reason: 'deleting needs an API key: set UDATA_API_KEY'};
	}

	if (item.kind !== 'resource' && item.kind !== 'user' && item.permissions?.delete === false) {
		return {allowed: false, reason: item.kind === 'organization' ? 'deleting an organization needs its admin role' : `deleting this ${item.kind} needs its owner, or an admin or editor of its organization`};
	}

	if (item.kind === 'user' || me.roles.includes('admin') || (item.kind !== 'resource' && item.permissions?.delete === true)) {
		return {allowed: true};
	}

	const memberOf = (id: string | undefined) => id !== undefined && me.organizations.some(organization => organization.id === id);
	switch (item.kind) {
		case 'organization': {
			// Only its admins may (API.md §6.3): what /me's reference says, else the role in the
			// member list when the object carries it; a bare membership stays undecided (allowed).
			const membership = me.organizations.find(organization => organization.id === item.id);
			const role = item.members.find(member => member.user.id === me.id)?.role;
			const refused = membership === undefined || membership.permissions?.delete === false || (role !== undefined && role !== 'admin');
			return refused ? {allowed: false, reason: 'deleting an organization needs its admin role'} : {allowed: true};
		}

		case 'resource': {
			return {allowed: true};
		}

		default: {
			return memberOf(item.organization?.id) || item.owner?.id === me.id
				? {allowed: true}
				: {allowed: false, reason: `deleting this ${item.kind} needs its owner, or an admin or editor of its organization`};
		}
	}
}

/** The exact request of an undo: `PUT <url> {"deleted": null}` (API.md §6.3). */
export function restoreCall(target: DeleteTarget): string {
	return `PUT ${target.call.slice(target.call.indexOf(' ') + 1)} {"deleted": null}`;
}
