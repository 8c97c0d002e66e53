/**
 * The object graph as the navigator walks it: from an object, the frames one can open
 * (org → its datasets, reuses, members → a user; dataset → resources, owner, reuses …).
 * Pure: the detail pane lists these, the reducer opens them.
 */
import {catalogue} from '../domain/list-source.js';
import {itemName, userName, type Item, type OrganizationRef, type UserRef} from '../domain/types.js';
import {detailFrame, listFrame, pagerFrame, type NewFrame} from './screens.js';

export type Link = {
	/** What the entry says ("Datasets"). */
	readonly label: string;
	/** A second column: a count, a role. */
	readonly detail: string;
	readonly open: NewFrame;
};

function count(value: number | null): string {
	return value === null ? '' : value.toLocaleString('en-US');
}

function organizationLink(organization: OrganizationRef): Link {
	return {label: `Organization: ${organization.name || organization.slug}`, detail: organization.acronym ?? '', open: detailFrame({kind: 'organization', id: organization.id}, organization.name || organization.slug)};
}

function ownerLink(owner: UserRef): Link {
	return {label: `Owner: ${userName(owner)}`, detail: '', open: detailFrame({kind: 'user', id: owner.id}, userName(owner))};
}

function producerLinks(item: {readonly organization: OrganizationRef | null; readonly owner: UserRef | null}): Link[] {
	return [
		...item.organization ? [organizationLink(item.organization)] : [],
		...item.owner ? [ownerLink(item.owner)] : [],
	];
}

function descriptionLink(title: string, text: string | null, label = 'Description'): Link[] {
	if (text === null || text.trim() === '') {
		return [];
	}

	const lines = text.split('\n').length;
	return [{label: `${label} (read all)`, detail: `${lines} line${lines === 1 ? '' : 's'}`, open: pagerFrame(`${title} · ${label.toLowerCase()}`, text)}];
}

/** The entries of an object's pane, in the order shown. */
export function linksOf(item: Item): Link[] {
	const name = itemName(item);
	switch (item.kind) {
		case 'organization': {
			return [
				...descriptionLink(name, item.description),
				{label: 'Datasets', detail: count(item.metrics.datasets), open: listFrame('Datasets', {kind: 'dataset', scope: 'organization', organizationId: item.id})},
				{label: 'Reuses', detail: count(item.metrics.reuses), open: listFrame('Reuses', {kind: 'reuse', scope: 'organization', organizationId: item.id})},
				...item.members.map(member => ({
					label: `Member: ${userName(member.user)}`,
					detail: member.role,
					open: detailFrame({kind: 'user', id: member.user.id}, userName(member.user)),
				})),
			];
		}

		case 'dataset': {
			return [
				...descriptionLink(name, item.description),
				...producerLinks(item),
				{label: 'Resources', detail: count(item.resourceCount), open: listFrame('Resources', {kind: 'resource', scope: 'dataset', datasetId: item.id})},
				{label: 'Reuses of this dataset', detail: count(item.metrics.reuses), open: listFrame('Reuses', catalogue('reuse', {filters: {dataset: item.id}}))},
			];
		}

		case 'reuse': {
			return [
				...descriptionLink(name, item.description),
				...producerLinks(item),
				...item.datasets.map(dataset => ({label: `Dataset: ${dataset.title || dataset.id}`, detail: '', open: detailFrame({kind: 'dataset', id: dataset.id}, dataset.title || dataset.id)})),
			];
		}

		case 'user': {
			return [
				...descriptionLink(name, item.about, 'About'),
				...item.organizations.map(organization => organizationLink(organization)),
				{label: 'Datasets', detail: count(item.metrics.datasets), open: listFrame('Datasets', catalogue('dataset', {filters: {owner: item.id}}))},
				{label: 'Reuses', detail: count(item.metrics.reuses), open: listFrame('Reuses', catalogue('reuse', {filters: {owner: item.id}}))},
			];
		}

		case 'dataservice': {
			return [
				...descriptionLink(name, item.description),
				...producerLinks(item),
				{label: 'Datasets', detail: count(item.datasetCount), open: listFrame('Datasets', catalogue('dataset', {filters: {dataservice: item.id}}))},
			];
		}

		case 'resource': {
			return [
				...descriptionLink(name, item.description),
				...item.datasetId ? [{label: 'Dataset', detail: '', open: detailFrame({kind: 'dataset', id: item.datasetId}, 'Dataset')}] : [],
			];
		}
	}
}
