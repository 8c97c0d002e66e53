/**
 * The columns of each kind of list (issue: "columns that fit the width, chosen per kind"), as pure
 * row mappers. The first column is the name and takes what the others leave; columns with a
 * lower priority are dropped first when the terminal is narrow.
 */
import {itemName, userName, type Item, type Kind, type OrganizationRef, type UserRef} from '../domain/types.js';
import {cellWidth, fit, formatBytes, formatCount, formatDate} from '../lib/format.js';

export type Column = {
	readonly title: string;
	/** Cells; the name column's is its minimum. */
	readonly width: number;
	readonly align: 'left' | 'right';
	/** Lower is kept longer; the name column is 0. */
	readonly priority: number;
	readonly value: (item: Item) => string;
};

const gap = 2;

function producer(item: {readonly organization: OrganizationRef | null; readonly owner: UserRef | null}): string {
	if (item.organization) {
		return item.organization.acronym ?? item.organization.name;
	}

	return item.owner ? userName(item.owner) : '–';
}

function as<K extends Kind>(kind: K, read: (item: Extract<Item, {kind: K}>) => string): (item: Item) => string {
	return item => item.kind === kind ? read(item as Extract<Item, {kind: K}>) : '';
}

const name: Column = {title: 'NAME', width: 16, align: 'left', priority: 0, value: item => itemName(item) || item.id};

export const columnsOf: {readonly [K in Kind]: readonly Column[]} = {
	organization: [
		name,
		{title: 'ACRONYM', width: 10, align: 'left', priority: 2, value: as('organization', org => org.acronym ?? '')},
		{title: 'DATASETS', width: 8, align: 'right', priority: 1, value: as('organization', org => formatCount(org.metrics.datasets))},
		{title: 'REUSES', width: 7, align: 'right', priority: 3, value: as('organization', org => formatCount(org.metrics.reuses))},
		{title: 'FOLLOWERS', width: 9, align: 'right', priority: 4, value: as('organization', org => formatCount(org.metrics.followers))},
		{title: 'VIEWS', width: 11, align: 'right', priority: 5, value: as('organization', org => formatCount(org.metrics.views))},
	],
	dataset: [
		{...name, title: 'TITLE'},
		{title: 'ORGANIZATION/OWNER', width: 22, align: 'left', priority: 1, value: as('dataset', producer)},
		{title: 'UPDATED', width: 10, align: 'left', priority: 2, value: as('dataset', dataset => formatDate(dataset.lastUpdate ?? dataset.lastModified))},
		{title: 'RES', width: 4, align: 'right', priority: 3, value: as('dataset', dataset => formatCount(dataset.resourceCount))},
	],
	reuse: [
		{...name, title: 'TITLE'},
		{title: 'TYPE', width: 13, align: 'left', priority: 2, value: as('reuse', reuse => reuse.type ?? '–')},
		{title: 'OWNER', width: 22, align: 'left', priority: 1, value: as('reuse', producer)},
	],
	user: [
		name,
		{title: 'ORGANIZATIONS', width: 30, align: 'left', priority: 1, value: as('user', user => user.organizations.map(org => org.acronym ?? org.name).join(', ') || '–')},
	],
	dataservice: [
		{...name, title: 'TITLE'},
		{title: 'ORGANIZATION', width: 24, align: 'left', priority: 1, value: as('dataservice', producer)},
	],
	resource: [
		{...name, title: 'TITLE'},
		{title: 'FORMAT', width: 7, align: 'left', priority: 1, value: as('resource', resource => resource.format ?? '–')},
		{title: 'TYPE', width: 13, align: 'left', priority: 3, value: as('resource', resource => resource.type ?? '–')},
		{title: 'SIZE', width: 9, align: 'right', priority: 2, value: as('resource', resource => formatBytes(resource.filesize))},
	],
};

export type Layout = {readonly columns: readonly Column[]; readonly widths: readonly number[]};

/** The columns that fit in `width` cells, and the width of each; the name column takes the rest. */
export function layoutColumns(kind: Kind, width: number): Layout {
	const [first, ...rest] = columnsOf[kind];
	let kept = [...rest];
	const used = () => kept.reduce((sum, column) => sum + column.width + gap, 0);
	while (kept.length > 0 && width - used() < first!.width) {
		const drop = kept.reduce((worst, column) => column.priority > worst.priority ? column : worst);
		kept = kept.filter(column => column !== drop);
	}

	const columns = [first!, ...kept];
	return {columns, widths: [Math.max(1, width - used()), ...kept.map(column => column.width)]};
}

/** One row of a list as text cells, fitted to the layout. */
export function rowCells(item: Item, layout: Layout): string[] {
	return layout.columns.map((column, index) => fit(column.value(item), layout.widths[index]!, column.align));
}

/** The header row. */
export function headerCells(layout: Layout): string[] {
	return layout.columns.map((column, index) => fit(column.title, layout.widths[index]!, column.align));
}

/** Join cells with the column gap. */
export function joinCells(cells: readonly string[]): string {
	return cells.join(' '.repeat(gap));
}

/** Exposed for tests: a row never exceeds its width. */
export function rowWidth(cells: readonly string[]): number {
	return cellWidth(joinCells(cells));
}
