import {describe, expect, it} from 'vitest';
import {monthlySeries, toDataservice, toDataset, toOrganization, toPage, toResource, toReuse, toUser} from '../../source/api/to-domain.js';

// Hand-written in the shapes of real data.gouv.fr responses (API.md §5, §7, §9): values invented.
const organization = {
	acronym: 'VDE',
	badges: [{kind: 'public-service'}, {kind: 'certified'}],
	business_number_id: '21000000000000',
	created_at: '2014-04-17T18:21:21.523000+00:00',
	deleted: null,
	description: 'Open data of the city.\n\nSecond paragraph \u001B]0;pwned\u0007here.',
	extras: {'x:y': 'naive 2014-09-17T03:31:15.286000'},
	id: '5f1e6a3b9c8d7e6f5a4b3c2d',
	last_modified: '2026-08-01T08:00:00.123000+00:00',
	members: [
		{user: {id: '5f1e6a3b9c8d7e6f5a4b3c2e', class: 'User', slug: 'jane-doe', first_name: 'Jane', last_name: 'Doe', email: '***@exemple.example', last_login_at: '2025-08-06T13:46:55.423000'}, role: 'admin', since: '2024-03-01T10:00:00+00:00', label: 'Administrateur'},
		{user: {id: 'aa', slug: 'x'}, role: 'editor'},
		{role: 'editor'},
	],
	metrics: {
		dataservices: 0, dataservices_by_months: 0, datasets: 3, datasets_by_months: {'2026-08': 0, '2026-07': 1},
		datasets_followers_by_months: 0, members: 1, reuses: 0, reuses_by_months: 0, followers: 2, views: 150,
	},
	name: 'Ville d\'Exemple',
	page: 'https://www.data.gouv.fr/organizations/ville-d-exemple',
	slug: 'ville-d-exemple',
	uri: 'https://www.data.gouv.fr/api/1/organizations/ville-d-exemple/',
	url: null,
	teams: [],
	zone: null,
	permissions: {edit: false, delete: true, members: false, harvest: false, private: false},
};

describe('toOrganization', () => {
	it('maps a real-shaped organization', () => {
		const org = toOrganization(organization);
		expect(org).toMatchObject({
			kind: 'organization',
			id: '5f1e6a3b9c8d7e6f5a4b3c2d',
			slug: 'ville-d-exemple',
			name: 'Ville d\'Exemple',
			acronym: 'VDE',
			url: null,
			badges: ['public-service', 'certified'],
			permissions: {edit: false, delete: true},
			apiUrl: 'https://www.data.gouv.fr/api/1/organizations/ville-d-exemple/',
			webUrl: 'https://www.data.gouv.fr/organizations/ville-d-exemple',
		});
		expect(org.description).toBe('Open data of the city.\n\nSecond paragraph here.');
		expect(org.members).toHaveLength(2);
		expect(org.members[0]).toEqual({user: {id: '5f1e6a3b9c8d7e6f5a4b3c2e', slug: 'jane-doe', firstName: 'Jane', lastName: 'Doe'}, role: 'admin', label: 'Administrateur', since: '2024-03-01T10:00:00+00:00'});
		expect(org.metrics.datasets).toBe(3);
		expect(org.metrics.datasetsByMonths).toEqual([{month: '2026-07', value: 1}, {month: '2026-08', value: 0}]);
		// The integer-0 quirk (API.md §5.8) is "no data", not an empty series.
		expect(org.metrics.reusesByMonths).toBeNull();
		expect(org.metrics.dataservicesByMonths).toBeNull();
	});

	it('tolerates an old deployment: no permissions, metrics without by-months, empty object', () => {
		const org = toOrganization({id: 'x', name: 'Old', metrics: {datasets: 59, followers: 649, members: 15, reuses: 3, views: 3_325_184}});
		expect(org.permissions).toBeNull();
		expect(org.slug).toBe('x');
		expect(org.metrics.views).toBe(3_325_184);
		expect(org.metrics.dataservices).toBeNull();
		expect(org.metrics.datasetsByMonths).toBeNull();
		expect(toOrganization(null)).toMatchObject({id: '', name: '', members: [], badges: []});
		expect(toOrganization({id: 1, name: ['not a string'], badges: 'nope', members: {}})).toMatchObject({id: '1', name: '', badges: [], members: []});
	});

	it('sanitises one-line fields to one line', () => {
		expect(toOrganization({id: 'a', name: 'two\nlines\u001B[2J'}).name).toBe('two lines');
	});
});

describe('toDataset', () => {
	const v1 = {
		id: '64b0c0ffee0000000000abcd', title: 'Bike lanes', acronym: null, slug: 'bike-lanes', description: '…',
		created_at: '2025-01-02T03:04:05+00:00', last_modified: '2025-02-01T00:00:00+00:00', deleted: null, archived: null,
		private: false, tags: ['mobility', 'vélo', 7], badges: [], frequency: 'monthly', license: 'lov2',
		resources: [{id: 'r1'}, {id: 'r2'}], temporal_coverage: {start: '2024-01-01', end: '2024-12-31'},
		metrics: {discussions: 0, reuses: 0, reuses_by_months: 0, followers: 0, followers_by_months: {'2026-01': 2}, views: 12, resources_downloads: 3},
		organization: {id: '5f1e', class: 'Organization', name: 'Ville', acronym: null, slug: 'ville'},
		owner: null, last_update: '2025-02-01T00:00:00+00:00', quality: {license: true, score: 0.44},
	};

	it('maps v1 with embedded resources', () => {
		const dataset = toDataset(v1);
		expect(dataset).toMatchObject({
			kind: 'dataset', title: 'Bike lanes', organization: {id: '5f1e', slug: 'ville', name: 'Ville', acronym: null}, owner: null,
			license: 'lov2', frequency: 'monthly', tags: ['mobility', 'vélo', '7'], qualityScore: 0.44, resourceCount: 2,
			temporalCoverage: {start: '2024-01-01', end: '2024-12-31'}, lastUpdate: '2025-02-01T00:00:00+00:00',
		});
		expect(dataset.metrics).toMatchObject({views: 12, resourcesDownloads: 3, reusesByMonths: null, followersByMonths: [{month: '2026-01', value: 2}]});
	});

	it('maps v2: resources as a link, full objects for frequency and license', () => {
		const dataset = toDataset({...v1, resources: {rel: 'subsection', href: 'https://x/api/2/datasets/a/resources/?page=1&page_size=50', type: 'GET', total: 120}, frequency: {id: 'weekly', label: 'Weekly'}, license: {id: 'odc-odbl', title: 'ODbL'}});
		expect(dataset).toMatchObject({resourceCount: 120, frequency: 'weekly', license: 'odc-odbl'});
	});

	it('maps an owner instead of an organization', () => {
		expect(toDataset({id: 'd', owner: {id: 'u', slug: 'jane', first_name: 'Jane', last_name: 'Doe'}, organization: null}).owner).toEqual({id: 'u', slug: 'jane', firstName: 'Jane', lastName: 'Doe'});
	});
});

describe('other kinds', () => {
	it('maps a resource with checksum and downloads', () => {
		expect(toResource({id: 'r', title: 'lanes.csv', format: 'csv', filesize: 1024, checksum: {type: 'sha1', value: 'da39'}, metrics: {views: 3}}, 'd')).toMatchObject({
			kind: 'resource', title: 'lanes.csv', format: 'csv', filesize: 1024, checksum: {type: 'sha1', value: 'da39'}, downloads: 3, datasetId: 'd',
		});
		expect(toResource({id: 'r', metrics: {}, checksum: null}).downloads).toBeNull();
	});

	it('maps a reuse with reduced datasets', () => {
		expect(toReuse({id: 'r', title: 'Bike map', type: 'application', topic: 'transport_and_mobility', datasets: [{id: 'd1', title: 'Bike lanes', uri: 'u', page: 'p'}]})).toMatchObject({
			type: 'application', topic: 'transport_and_mobility', datasets: [{id: 'd1', title: 'Bike lanes', slug: null}],
		});
	});

	it('maps a user: since is the creation date', () => {
		expect(toUser({id: 'u', slug: 'jane-doe', first_name: 'Jane', last_name: 'Doe', since: '2023-05-01T09:00:00+00:00', organizations: [{id: 'o', name: 'Org', slug: 'org'}], metrics: {datasets: 2}})).toMatchObject({
			createdAt: '2023-05-01T09:00:00+00:00', organizations: [{id: 'o', slug: 'org'}], metrics: {datasets: 2, reuses: null},
		});
	});

	it('maps a dataservice: self_* links, deleted_at, metadata_modified_at', () => {
		expect(toDataservice({id: 's', title: 'API', self_api_url: 'https://x/api/1/dataservices/s/', self_web_url: 'https://x/dataservices/s', deleted_at: '2026-01-01T00:00:00+00:00', metadata_modified_at: '2025-01-01T00:00:00+00:00', datasets: {total: 4}, base_api_url: 'https://api.example'})).toMatchObject({
			apiUrl: 'https://x/api/1/dataservices/s/', webUrl: 'https://x/dataservices/s', deleted: '2026-01-01T00:00:00+00:00', lastModified: '2025-01-01T00:00:00+00:00', datasetCount: 4, baseApiUrl: 'https://api.example',
		});
	});
});

describe('toPage', () => {
	it('maps a page, with a string total tolerated', () => {
		const page = toPage({data: [{id: 'a'}], page: 2, page_size: 20, total: '41', next_page: 'https://x/api/1/organizations/?page=3', previous_page: 'https://x/api/1/organizations/?page=1'}, toOrganization);
		expect(page).toMatchObject({page: 2, pageSize: 20, total: 41, totalCapped: false, nextPageUrl: 'https://x/api/1/organizations/?page=3'});
		expect(page.items[0]?.id).toBe('a');
	});

	it('flags a saturated search total', () => {
		expect(toPage({data: [], total: 10_000}, toOrganization, true).totalCapped).toBe(true);
		expect(toPage({data: [], total: 9999}, toOrganization, true).totalCapped).toBe(false);
		expect(toPage({data: [], total: 74_202}, toOrganization, false).totalCapped).toBe(false);
	});

	it('wraps a bare array as one final page', () => {
		expect(toPage([{id: 'a'}, {id: 'b'}], toReuse)).toMatchObject({total: 2, nextPageUrl: null, page: 1});
	});

	it('reads a garbage body as an empty page', () => {
		expect(toPage('nope', toReuse)).toMatchObject({items: [], total: null, nextPageUrl: null});
	});
});

describe('monthlySeries', () => {
	it('sorts months and drops junk keys', () => {
		expect(monthlySeries({'2026-02': 1, '2025-12': 3, junk: 5, '2026-01': 'x'})).toEqual([{month: '2025-12', value: 3}, {month: '2026-02', value: 1}]);
		expect(monthlySeries(0)).toBeNull();
		expect(monthlySeries({})).toEqual([]);
	});
});
