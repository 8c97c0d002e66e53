/**
 * What an object's pane shows, as pure data: its fields and its metrics at a glance (issue:
 * "metrics at a glance … a sparkline per `*_by_months` series, and 'no data' where the API gives 0").
 */
import {userName, type Item, type MonthlySeries, type OrganizationRef, type UserRef} from '../domain/types.js';
import {formatBytes, formatCount, formatDate, sparkline} from '../lib/format.js';
import type {Field, Metric} from '../ui/detail-pane.js';

function field(label: string, value: string | null | undefined): Field[] {
	return value === null || value === undefined || value === '' ? [] : [{label, value}];
}

function trend(series: MonthlySeries): string {
	if (series === null) {
		return 'no data';
	}

	if (series.length === 0) {
		return '';
	}

	const first = series[0]!.month;
	const last = series.at(-1)!.month;
	return `${sparkline(series.map(point => point.value))} ${first}…${last}`;
}

function metric(label: string, value: number | null, series?: MonthlySeries): Metric[] {
	return [{label, value: formatCount(value), ...(series === undefined ? {} : {trend: trend(series)})}];
}

function producer(organization: OrganizationRef | null, owner: UserRef | null): Field[] {
	return [
		...field('Organization', organization ? `${organization.name}${organization.acronym ? ` (${organization.acronym})` : ''}` : null),
		...field('Owner', owner ? userName(owner) : null),
	];
}

/** The first line of a description, for the pane; Enter on its entry shows all. */
function excerpt(text: string | null): string | null {
	if (text === null) {
		return null;
	}

	const first = text.split('\n').find(line => line.trim() !== '');
	return first?.trim() ?? null;
}

function flags(item: {readonly deleted: string | null; readonly private?: boolean}): Field[] {
	const marks = [item.deleted ? `deleted ${formatDate(item.deleted)}` : '', item.private ? 'private' : ''].filter(Boolean);
	return field('Status', marks.join(' · '));
}

export function detailFields(item: Item): Field[] {
	switch (item.kind) {
		case 'organization': {
			return [
				...field('Name', item.name),
				...field('Acronym', item.acronym),
				...field('Slug', item.slug),
				...field('Id', item.id),
				...field('Website', item.url),
				...field('Badges', item.badges.join(', ')),
				...field('Created', formatDate(item.createdAt)),
				...field('Modified', formatDate(item.lastModified)),
				...flags(item),
				...field('Description', excerpt(item.description)),
			];
		}

		case 'dataset': {
			const coverage = item.temporalCoverage ? `${item.temporalCoverage.start ?? '…'} → ${item.temporalCoverage.end ?? '…'}` : null;
			return [
				...field('Title', item.title),
				...field('Slug', item.slug),
				...field('Id', item.id),
				...producer(item.organization, item.owner),
				...field('License', item.license),
				...field('Frequency', item.frequency),
				...field('Coverage', coverage),
				...field('Tags', item.tags.join(', ')),
				...field('Badges', item.badges.join(', ')),
				...field('Quality', item.qualityScore === null ? null : `${Math.round(item.qualityScore * 100)} %`),
				...field('Last update', formatDate(item.lastUpdate ?? item.lastModified)),
				...flags(item),
				...field('Description', excerpt(item.description)),
			];
		}

		case 'reuse': {
			return [
				...field('Title', item.title),
				...field('Slug', item.slug),
				...field('Type', item.type),
				...field('Topic', item.topic),
				...field('URL', item.url),
				...producer(item.organization, item.owner),
				...field('Tags', item.tags.join(', ')),
				...flags(item),
				...field('Description', excerpt(item.description)),
			];
		}

		case 'user': {
			return [
				...field('Name', userName(item)),
				...field('Slug', item.slug),
				...field('Id', item.id),
				...field('Roles', item.roles.join(', ')),
				...field('Website', item.website),
				...field('Since', formatDate(item.createdAt)),
				...field('About', excerpt(item.about)),
			];
		}

		case 'dataservice': {
			return [
				...field('Title', item.title),
				...field('Slug', item.slug),
				...field('Base API URL', item.baseApiUrl),
				...field('Machine docs', item.machineDocumentationUrl),
				...field('Technical docs', item.technicalDocumentationUrl),
				...field('Business docs', item.businessDocumentationUrl),
				...field('Format', item.format),
				...field('Availability', item.availability === null ? null : `${item.availability} %`),
				...producer(item.organization, item.owner),
				...flags(item),
				...field('Description', excerpt(item.description)),
			];
		}

		case 'resource': {
			return [
				...field('Title', item.title),
				...field('Id', item.id),
				...field('Format', item.format),
				...field('Type', item.type),
				...field('Size', formatBytes(item.filesize)),
				...field('MIME', item.mime),
				...field('URL', item.url),
				...field('Checksum', item.checksum ? `${item.checksum.type} ${item.checksum.value}` : null),
				...field('Downloads', item.downloads === null ? null : formatCount(item.downloads)),
				...field('Modified', formatDate(item.lastModified)),
			];
		}
	}
}

export function detailMetrics(item: Item): Metric[] {
	switch (item.kind) {
		case 'organization': {
			const {metrics} = item;
			return [
				...metric('Datasets', metrics.datasets, metrics.datasetsByMonths),
				...metric('Reuses', metrics.reuses, metrics.reusesByMonths),
				...metric('Followers', metrics.followers, metrics.datasetsFollowersByMonths),
				...metric('Members', metrics.members),
				...metric('Views', metrics.views),
				...metric('Dataservices', metrics.dataservices, metrics.dataservicesByMonths),
			];
		}

		case 'dataset': {
			const {metrics} = item;
			return [
				...metric('Views', metrics.views),
				...metric('Downloads', metrics.resourcesDownloads),
				...metric('Reuses', metrics.reuses, metrics.reusesByMonths),
				...metric('Followers', metrics.followers, metrics.followersByMonths),
			];
		}

		case 'reuse': {
			return [...metric('Views', item.metrics.views), ...metric('Datasets', item.metrics.datasets), ...metric('Followers', item.metrics.followers, item.metrics.followersByMonths)];
		}

		case 'user': {
			return [...metric('Datasets', item.metrics.datasets), ...metric('Reuses', item.metrics.reuses), ...metric('Followers', item.metrics.followers)];
		}

		case 'dataservice': {
			return [...metric('Views', item.metrics.views), ...metric('Reuses', item.metrics.reuses), ...metric('Followers', item.metrics.followers, item.metrics.followersByMonths)];
		}

		case 'resource': {
			return [];
		}
	}
}
