/**
 * PUT / PATCH / DELETE (API.md §6.3): auth, then 410 for deleted objects, then permissions, then validation in the
 * shape each endpoint family uses (api_fields strings with `message`, or WTForms lists without it).
 */
import {FREQUENCIES, LICENSES, REUSE_TOPICS, REUSE_TYPES} from './corpus.js';
import type {DatasetRecord, DataserviceRecord, OrgRecord, ReuseRecord} from './model.js';
import {forbidden, gone, noContent, notJson, ok, unauthorized} from './replies.js';
import type {Reply} from './replies.js';
import type {ApiRequest} from './request.js';
import {canEditOwned, dataservice, datasetV1, organization, resource, reuse} from './serialize.js';

type Body = Record<string, unknown>;

/** Parse a JSON object body; anything else is the §6.2 "expecting application/json" / "expecting a JSON object" 400. */
export function jsonBody(request: ApiRequest): {body: Body} | {reply: Reply} {
	const type = String(request.headers['content-type'] ?? '');
	if (!type.toLowerCase().includes('json')) {
		return {reply: notJson()};
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(request.body);
	} catch {
		return {reply: notJson()};
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		return {reply: {status: 400, json: {errors: {request: 'expecting a JSON object'}}}};
	}
	return {body: parsed as Body};
}

const URL_PATTERN = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

/** True when the body carries `"deleted": null` — the only way past the 410 of a PUT on a deleted object (§6.3). */
function undeletes(body: Body): boolean {
	return Object.hasOwn(body, 'deleted') && body['deleted'] === null;
}

/** api_fields validation errors: `{"errors": {field: string}, "message": string}` (API.md §6.2). */
function fieldErrors(kind: string, id: string, errors: Record<string, string>): Reply {
	const parts = Object.entries(errors).map(([field, text]) => `${text}: ['${field}']`);
	return {status: 400, json: {errors, message: `ValidationError (${kind}:${id}) (${parts.join(', ')})`}};
}

/** WTForms validation errors: `{"errors": {field: [string, …]}}`, no `message` (API.md §6.2, quirk §8.4). */
function formErrors(errors: Record<string, string[] | Record<string, string[]>>): Reply {
	return {status: 400, json: {errors}};
}

function pythonList(values: readonly string[]): string {
	return `[${values.map((value) => `'${value}'`).join(', ')}]`;
}

function requiredString(body: Body, field: string, errors: Record<string, string>): void {
	if (!Object.hasOwn(body, field)) {
		return;
	}
	const value = body[field];
	if (typeof value !== 'string') {
		errors[field] = value === null || value === undefined ? 'Field is required' : 'StringField only accepts string values';
	} else if (value.trim() === '') {
		errors[field] = 'Field is required';
	}
}

function optionalString(body: Body, field: string, errors: Record<string, string>): void {
	if (Object.hasOwn(body, field) && body[field] !== null && typeof body[field] !== 'string') {
		errors[field] = 'StringField only accepts string values';
	}
}

function urlField(body: Body, field: string, errors: Record<string, string>, required: boolean): void {
	if (!Object.hasOwn(body, field)) {
		return;
	}
	const value = body[field];
	if (value === null || value === '') {
		if (required) {
			errors[field] = 'Field is required';
		}
		return;
	}
	if (typeof value !== 'string' || !URL_PATTERN.test(value)) {
		errors[field] = `Invalid URL: ${String(value)}`;
	}
}

function stringList(body: Body, field: string): string[] | undefined | false {
	if (!Object.hasOwn(body, field)) {
		return undefined;
	}
	const value = body[field];
	if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
		return false;
	}
	return value.map((item: string) => item.trim()).filter((item) => item.length > 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Organizations

/** PUT /api/1/organizations/<org>/ — org admin or sysadmin; partial update; `deleted` is read-only (§6.3). */
export function updateOrganization(request: ApiRequest, org: OrgRecord): Reply {
	if (!request.user) {
		return unauthorized();
	}
	const parsed = jsonBody(request);
	if ('reply' in parsed) {
		return parsed.reply;
	}
	const body = parsed.body;
	// For organizations `"deleted": null` passes the 410 check without undeleting (§6.3).
	if (org.deleted !== null && !undeletes(body)) {
		return gone('Organization has been deleted');
	}
	if (!request.scope.viewer.sysadmin && request.world.roleIn(org.index, request.user.index) !== 'admin') {
		return forbidden();
	}
	const errors: Record<string, string> = {};
	requiredString(body, 'name', errors);
	requiredString(body, 'description', errors);
	optionalString(body, 'acronym', errors);
	urlField(body, 'url', errors, false);
	const siret = body['business_number_id'];
	if (Object.hasOwn(body, 'business_number_id') && siret !== null && siret !== '' && (typeof siret !== 'string' || !/^\d{14}$/.test(siret.replace(/\s/g, '')))) {
		errors['business_number_id'] = 'A siret number is made of 14 digits';
	}
	if (Object.hasOwn(body, 'extras') && (body['extras'] === null || typeof body['extras'] !== 'object' || Array.isArray(body['extras']))) {
		errors['extras'] = 'Wrong payload format, dict expected';
	}
	if (Object.keys(errors).length > 0) {
		const only = Object.values(errors);
		// udata's example puts the lone error's text in `message` (business_number_id); keep the mongoengine form otherwise.
		return errors['business_number_id'] && only.length === 1 ? {status: 400, json: {errors, message: errors['business_number_id']}} : fieldErrors('Organization', org.id, errors);
	}
	if (typeof body['name'] === 'string') {
		org.name = body['name'];
	}
	if (typeof body['description'] === 'string') {
		org.description = body['description'];
	}
	if (Object.hasOwn(body, 'acronym')) {
		org.acronym = (body['acronym'] as string | null) || null;
	}
	if (Object.hasOwn(body, 'url')) {
		org.url = (body['url'] as string | null) || null;
	}
	if (Object.hasOwn(body, 'business_number_id')) {
		org.businessNumberId = (body['business_number_id'] as string | null) || null;
	}
	if (Object.hasOwn(body, 'extras')) {
		org.extras = body['extras'] as Record<string, unknown>;
	}
	org.lastModified = request.now();
	request.world.touch();
	return ok(organization(request.scope, org));
}

/** DELETE /api/1/organizations/<org>/ — org admin or sysadmin; editors and others 403 (§6.3, [test]). */
export function deleteOrganization(request: ApiRequest, org: OrgRecord): Reply {
	if (!request.user) {
		return unauthorized();
	}
	if (org.deleted !== null) {
		return gone('Organization has been deleted');
	}
	if (!request.scope.viewer.sysadmin && request.world.roleIn(org.index, request.user.index) !== 'admin') {
		return forbidden();
	}
	org.deleted = request.now();
	request.world.touch();
	return noContent();
}

// ---------------------------------------------------------------------------------------------------------------
// Datasets and resources

const FREQUENCY_IDS = FREQUENCIES.map((item) => item.id);
const LICENSE_IDS = LICENSES.map((item) => item.id);
const REQUIRED = 'This field is required.';
const NOT_A_CHOICE = 'Not a valid choice.';

/** PUT /api/1/datasets/<dataset>/ — WTForms validation shape; `{"deleted": null}` restores (§6.3). */
export function updateDataset(request: ApiRequest, index: number): Reply {
	const {world} = request;
	if (!request.user) {
		return unauthorized();
	}
	const parsed = jsonBody(request);
	if ('reply' in parsed) {
		return parsed.reply;
	}
	const body = parsed.body;
	const table = world.datasets;
	if (table.isDeleted(index) && !undeletes(body)) {
		return gone('Dataset has been deleted');
	}
	if (!table.canEdit(index, request.scope.viewer)) {
		return forbidden();
	}
	const errors: Record<string, string[] | Record<string, string[]>> = {};
	for (const field of ['title', 'description']) {
		if (Object.hasOwn(body, field) && (typeof body[field] !== 'string' || (body[field] as string).trim() === '')) {
			errors[field] = [REQUIRED];
		}
	}
	for (const field of ['acronym', 'description_short']) {
		if (Object.hasOwn(body, field) && body[field] !== null && typeof body[field] !== 'string') {
			errors[field] = ['Not a valid string value.'];
		}
	}
	if (typeof body['description_short'] === 'string' && body['description_short'].length > 200) {
		errors['description_short'] = ['Field cannot be longer than 200 characters.'];
	}
	const tags = stringList(body, 'tags');
	if (tags === false) {
		errors['tags'] = ['Tags must be a list of strings.'];
	}
	if (Object.hasOwn(body, 'frequency') && !FREQUENCY_IDS.includes(String(body['frequency']))) {
		errors['frequency'] = [NOT_A_CHOICE];
	}
	if (Object.hasOwn(body, 'license') && body['license'] !== null && !LICENSE_IDS.includes(String(body['license']))) {
		errors['license'] = [NOT_A_CHOICE];
	}
	if (Object.hasOwn(body, 'private') && typeof body['private'] !== 'boolean') {
		errors['private'] = ['Not a valid boolean value.'];
	}
	const coverage = body['temporal_coverage'];
	if (Object.hasOwn(body, 'temporal_coverage') && coverage !== null) {
		const valid = typeof coverage === 'object' && !Array.isArray(coverage) && ['start', 'end'].every((key) => /^\d{4}-\d{2}-\d{2}$/.test(String((coverage as Record<string, unknown>)[key])));
		if (!valid) {
			// Sub-forms nest their errors (API.md §6.2: "nested for sub-forms").
			errors['temporal_coverage'] = {start: ['Not a valid date value.']};
		}
	}
	if (Object.keys(errors).length > 0) {
		return formErrors(errors);
	}
	const record = table.mutate(index, (dataset: DatasetRecord) => {
		if (typeof body['title'] === 'string') {
			dataset.title = body['title'];
		}
		if (typeof body['description'] === 'string') {
			dataset.description = body['description'];
		}
		if (Object.hasOwn(body, 'acronym')) {
			dataset.acronym = (body['acronym'] as string | null) || null;
		}
		if (Object.hasOwn(body, 'description_short')) {
			dataset.descriptionShort = (body['description_short'] as string | null) || null;
		}
		if (Array.isArray(tags)) {
			dataset.tags = tags;
		}
		if (typeof body['frequency'] === 'string') {
			dataset.frequency = body['frequency'];
		}
		if (Object.hasOwn(body, 'license')) {
			dataset.license = (body['license'] as string | null) ?? 'notspecified';
		}
		if (typeof body['private'] === 'boolean') {
			dataset.private = body['private'];
		}
		if (Object.hasOwn(body, 'temporal_coverage')) {
			dataset.temporalCoverage = (coverage as {start: string; end: string} | null) ?? null;
		}
		if (Object.hasOwn(body, 'extras') && body['extras'] !== null && typeof body['extras'] === 'object') {
			dataset.extras = body['extras'] as Record<string, unknown>;
		}
		if (undeletes(body)) {
			dataset.deleted = null;
		}
		dataset.lastModified = request.now();
	});
	return ok(datasetV1(request.scope, record));
}

/** DELETE /api/1/datasets/<dataset>/ — soft delete (§6.3). */
export function deleteDataset(request: ApiRequest, index: number): Reply {
	if (!request.user) {
		return unauthorized();
	}
	const table = request.world.datasets;
	if (table.isDeleted(index)) {
		return gone('Dataset has been deleted');
	}
	if (!table.canEdit(index, request.scope.viewer)) {
		return forbidden();
	}
	table.mutate(index, (dataset) => {
		dataset.deleted = request.now();
	});
	return noContent();
}

const RESOURCE_TYPES = ['main', 'documentation', 'update', 'api', 'code', 'other'];

/** PUT /api/1/datasets/<dataset>/resources/<rid>/ — WTForms shape. */
export function updateResource(request: ApiRequest, index: number, resourceId: string): Reply {
	if (!request.user) {
		return unauthorized();
	}
	const parsed = jsonBody(request);
	if ('reply' in parsed) {
		return parsed.reply;
	}
	const body = parsed.body;
	const table = request.world.datasets;
	if (table.isDeleted(index)) {
		return gone('Dataset has been deleted');
	}
	if (!table.canEdit(index, request.scope.viewer)) {
		return forbidden();
	}
	const current = table.get(index).resources.find((item) => item.id === resourceId);
	if (!current) {
		return {status: 404, json: {message: 'Resource does not exist'}};
	}
	if (Object.hasOwn(body, 'filetype') && body['filetype'] !== current.filetype) {
		return {status: 400, json: {message: 'Cannot modify filetype after creation'}};
	}
	const errors: Record<string, string[]> = {};
	if (Object.hasOwn(body, 'title') && (typeof body['title'] !== 'string' || body['title'].trim() === '')) {
		errors['title'] = [REQUIRED];
	}
	if (Object.hasOwn(body, 'url') && (typeof body['url'] !== 'string' || !URL_PATTERN.test(body['url']))) {
		errors['url'] = [typeof body['url'] === 'string' && body['url'] !== '' ? 'Invalid URL.' : REQUIRED];
	}
	if (Object.hasOwn(body, 'type') && !RESOURCE_TYPES.includes(String(body['type']))) {
		errors['type'] = [NOT_A_CHOICE];
	}
	if (Object.keys(errors).length > 0) {
		return formErrors(errors);
	}
	const now = request.now();
	let updated = current;
	table.mutate(index, (dataset) => {
		const target = dataset.resources.find((item) => item.id === resourceId);
		if (!target) {
			return;
		}
		for (const [field, key] of [['title', 'title'], ['description', 'description'], ['format', 'format'], ['mime', 'mime'], ['type', 'type']] as const) {
			if (Object.hasOwn(body, field)) {
				(target as Record<string, unknown>)[key] = body[field] ?? null;
			}
		}
		if (typeof body['url'] === 'string') {
			target.url = body['url'];
		}
		if (Object.hasOwn(body, 'extras') && body['extras'] !== null && typeof body['extras'] === 'object') {
			target.extras = body['extras'] as Record<string, unknown>;
		}
		target.lastModified = now;
		dataset.lastModified = now;
		dataset.lastUpdate = now;
		updated = target;
	});
	return ok(resource(request.scope, updated));
}

/** DELETE /api/1/datasets/<dataset>/resources/<rid>/ — a HARD delete (API.md §3, §6.3). */
export function deleteResource(request: ApiRequest, index: number, resourceId: string): Reply {
	if (!request.user) {
		return unauthorized();
	}
	const table = request.world.datasets;
	if (table.isDeleted(index)) {
		return gone('Dataset has been deleted');
	}
	if (!table.canEdit(index, request.scope.viewer)) {
		return forbidden();
	}
	if (!table.get(index).resources.some((item) => item.id === resourceId)) {
		return {status: 404, json: {message: 'Resource does not exist'}};
	}
	const now = request.now();
	table.mutate(index, (dataset) => {
		dataset.resources = dataset.resources.filter((item) => item.id !== resourceId);
		dataset.lastModified = now;
		dataset.lastUpdate = now;
	});
	return noContent();
}

// ---------------------------------------------------------------------------------------------------------------
// Reuses

/** PUT /api/1/reuses/<reuse>/ — api_fields validation shape; `{"deleted": null}` restores (§6.3). */
export function updateReuse(request: ApiRequest, record: ReuseRecord): Reply {
	if (!request.user) {
		return unauthorized();
	}
	const parsed = jsonBody(request);
	if ('reply' in parsed) {
		return parsed.reply;
	}
	const body = parsed.body;
	if (record.deleted !== null && !undeletes(body)) {
		return gone('This reuse has been deleted');
	}
	if (!canEditOwned(request.scope, record)) {
		return forbidden();
	}
	const errors: Record<string, string> = {};
	requiredString(body, 'title', errors);
	requiredString(body, 'description', errors);
	urlField(body, 'url', errors, true);
	if (Object.hasOwn(body, 'type') && !REUSE_TYPES.includes(String(body['type']))) {
		errors['type'] = `'${String(body['type'])}' is not a valid choice. Valid choices: ${pythonList(REUSE_TYPES)}`;
	}
	if (Object.hasOwn(body, 'topic') && !REUSE_TOPICS.includes(String(body['topic']))) {
		errors['topic'] = `'${String(body['topic'])}' is not a valid choice. Valid choices: ${pythonList(REUSE_TOPICS)}`;
	}
	const tags = stringList(body, 'tags');
	if (tags === false) {
		errors['tags'] = 'Tags must be a list of strings';
	}
	if (Object.hasOwn(body, 'private') && typeof body['private'] !== 'boolean') {
		errors['private'] = 'BooleanField only accepts boolean values';
	}
	let datasets: number[] | undefined;
	if (Object.hasOwn(body, 'datasets')) {
		const list = body['datasets'];
		const ids = Array.isArray(list) ? list.map((item: unknown) => (typeof item === 'string' ? item : typeof item === 'object' && item !== null ? String((item as {id?: unknown}).id) : '')) : null;
		const indices = ids?.map((id) => request.world.datasets.lookup(id)) ?? null;
		if (indices === null || indices.some((item) => item < 0)) {
			errors['datasets'] = 'Unknown dataset';
		} else {
			datasets = indices;
		}
	}
	if (Object.keys(errors).length > 0) {
		return fieldErrors('Reuse', record.id, errors);
	}
	if (typeof body['title'] === 'string') {
		record.title = body['title'];
	}
	if (typeof body['description'] === 'string') {
		record.description = body['description'];
	}
	if (typeof body['url'] === 'string') {
		record.url = body['url'];
	}
	if (typeof body['type'] === 'string') {
		record.type = body['type'];
	}
	if (typeof body['topic'] === 'string') {
		record.topic = body['topic'];
	}
	if (Array.isArray(tags)) {
		record.tags = tags;
	}
	if (typeof body['private'] === 'boolean') {
		record.private = body['private'];
	}
	if (datasets) {
		record.datasets = datasets;
	}
	if (Object.hasOwn(body, 'extras') && body['extras'] !== null && typeof body['extras'] === 'object') {
		record.extras = body['extras'] as Record<string, unknown>;
	}
	if (undeletes(body)) {
		record.deleted = null;
	}
	record.lastModified = request.now();
	request.world.touch();
	return ok(reuse(request.scope, record, 'full'));
}

/** DELETE /api/1/reuses/<reuse>/ — soft delete. */
export function deleteReuse(request: ApiRequest, record: ReuseRecord): Reply {
	if (!request.user) {
		return unauthorized();
	}
	if (record.deleted !== null) {
		return gone('This reuse has been deleted');
	}
	if (!canEditOwned(request.scope, record)) {
		return forbidden();
	}
	record.deleted = request.now();
	request.world.touch();
	return noContent();
}

// ---------------------------------------------------------------------------------------------------------------
// Dataservices

/** PATCH /api/1/dataservices/<ds>/ (PATCH, not PUT: quirk §8.9); deleted → 410 "dataservice has been deleted". */
export function patchDataservice(request: ApiRequest, record: DataserviceRecord): Reply {
	if (!request.user) {
		return unauthorized();
	}
	const parsed = jsonBody(request);
	if ('reply' in parsed) {
		return parsed.reply;
	}
	const body = parsed.body;
	if (record.deletedAt !== null) {
		return gone('dataservice has been deleted');
	}
	if (!canEditOwned(request.scope, record)) {
		return forbidden();
	}
	const errors: Record<string, string> = {};
	requiredString(body, 'title', errors);
	optionalString(body, 'description', errors);
	optionalString(body, 'acronym', errors);
	urlField(body, 'base_api_url', errors, false);
	for (const field of ['machine_documentation_url', 'technical_documentation_url', 'business_documentation_url']) {
		urlField(body, field, errors, false);
	}
	const tags = stringList(body, 'tags');
	if (tags === false) {
		errors['tags'] = 'Tags must be a list of strings';
	}
	if (Object.hasOwn(body, 'format') && !['REST', 'WMS', 'WSL'].includes(String(body['format']))) {
		errors['format'] = `'${String(body['format'])}' is not a valid choice. Valid choices: ['REST', 'WMS', 'WSL']`;
	}
	if (Object.hasOwn(body, 'private') && typeof body['private'] !== 'boolean') {
		errors['private'] = 'BooleanField only accepts boolean values';
	}
	if (Object.keys(errors).length > 0) {
		return fieldErrors('Dataservice', record.id, errors);
	}
	const strings: Array<[string, keyof DataserviceRecord]> = [
		['title', 'title'],
		['description', 'description'],
		['acronym', 'acronym'],
		['base_api_url', 'baseApiUrl'],
		['machine_documentation_url', 'machineDocumentationUrl'],
		['technical_documentation_url', 'technicalDocumentationUrl'],
		['business_documentation_url', 'businessDocumentationUrl'],
		['format', 'format'],
		['license', 'license'],
		['rate_limiting', 'rateLimiting'],
	];
	for (const [field, key] of strings) {
		if (Object.hasOwn(body, field)) {
			(record as Record<string, unknown>)[key] = body[field] ?? null;
		}
	}
	if (Array.isArray(tags)) {
		record.tags = tags;
	}
	if (typeof body['private'] === 'boolean') {
		record.private = body['private'];
	}
	record.metadataModifiedAt = request.now();
	request.world.touch();
	return ok(dataservice(request.scope, record));
}

/** DELETE /api/1/dataservices/<ds>/ — soft delete through `deleted_at`. */
export function deleteDataservice(request: ApiRequest, record: DataserviceRecord): Reply {
	if (!request.user) {
		return unauthorized();
	}
	if (record.deletedAt !== null) {
		return gone('dataservice has been deleted');
	}
	if (!canEditOwned(request.scope, record)) {
		return forbidden();
	}
	record.deletedAt = request.now();
	request.world.touch();
	return noContent();
}
