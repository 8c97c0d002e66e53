/**
 * Identifiers and timestamps in udata's wire formats: ObjectIds (API.md §1, 24 hex chars), resource UUIDs, and
 * ISO 8601 datetimes with `+00:00` (API.md §1 "Datetimes").
 */
import {hash32} from './random.js';
import type {Millis} from './model.js';

/** The fixed "now" of seeded data (so `*_by_months` series and dates are deterministic; see API.md §5.8). */
export const REFERENCE_DATE: Millis = Date.UTC(2026, 8, 1);

/** Oldest seeded creation date. */
export const EPOCH_START: Millis = Date.UTC(2014, 0, 6);

const DAY = 86_400_000;

/** One day in milliseconds. */
export const ONE_DAY = DAY;

/**
 * The 10-hex "process random" middle of the ObjectIds of one collection: real ObjectIds share it within one
 * process, and it lets `indexFromObjectId` reject ids of other collections or seeds.
 */
export function objectIdSalt(seed: number, collection: string): string {
	return (hash32(seed, collection, 'a').toString(16).padStart(8, '0') + hash32(seed, collection, 'b').toString(16).padStart(8, '0')).slice(0, 10);
}

/** ObjectId = 4-byte creation second + 5-byte salt + 3-byte counter (here: the record's index). */
export function makeObjectId(createdAt: Millis, salt: string, index: number): string {
	const seconds = Math.floor(createdAt / 1000).toString(16).padStart(8, '0').slice(-8);
	return `${seconds}${salt}${index.toString(16).padStart(6, '0')}`;
}

const OBJECT_ID = /^[0-9a-f]{24}$/;

/** True for a syntactically valid ObjectId (API.md §1: list filters require one). */
export function isObjectId(value: string): boolean {
	return OBJECT_ID.test(value);
}

/** The record index encoded in an ObjectId of this collection, or -1. The caller still compares the full id. */
export function indexFromObjectId(id: string, salt: string): number {
	if (!OBJECT_ID.test(id) || id.slice(8, 18) !== salt) {
		return -1;
	}
	return Number.parseInt(id.slice(18), 16);
}

/**
 * A deterministic v4-looking UUID whose last group encodes the dataset index (6 hex) and resource index (3 hex), so a
 * resource id alone finds its dataset (`/api/1/datasets/r/<rid>`, `/api/2/datasets/resources/<rid>/`).
 */
export function makeResourceId(seed: number, datasetIndex: number, resourceIndex: number): string {
	const a = hash32(seed, 'rid', datasetIndex, resourceIndex).toString(16).padStart(8, '0');
	const b = hash32(seed, 'rid2', datasetIndex, resourceIndex).toString(16).padStart(8, '0');
	const variant = '89ab'[hash32(seed, 'rid3', datasetIndex, resourceIndex) % 4] ?? '8';
	const tail = `${datasetIndex.toString(16).padStart(6, '0')}${resourceIndex.toString(16).padStart(3, '0')}${a.slice(5, 8)}`;
	return `${a}-${b.slice(0, 4)}-4${b.slice(4, 7)}-${variant}${a.slice(0, 3)}-${tail}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Decode `makeResourceId`; null when the string is not a UUID. The caller still verifies the id exists. */
export function parseResourceId(id: string): {datasetIndex: number; resourceIndex: number} | null {
	if (!UUID.test(id)) {
		return null;
	}
	const tail = id.slice(24);
	return {datasetIndex: Number.parseInt(tail.slice(0, 6), 16), resourceIndex: Number.parseInt(tail.slice(6, 9), 16)};
}

/** ISO 8601 with offset; the fraction (microseconds) is omitted when zero, as udata's `ISODateTime` does. */
export function isoDateTime(ms: Millis): string {
	const iso = new Date(ms).toISOString(); // 2025-01-02T03:04:05.123Z
	const millis = iso.slice(20, 23);
	const base = iso.slice(0, 19);
	return millis === '000' ? `${base}+00:00` : `${base}.${millis}000+00:00`;
}

/** Naive ISO datetime (no offset), as found inside free-form `extras` and older member `last_login_at` (API.md §1). */
export function naiveDateTime(ms: Millis): string {
	return isoDateTime(ms).replace('+00:00', '');
}

/** `YYYY-MM-DD`. */
export function isoDate(ms: Millis): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/** The 13 `YYYY-MM` keys of a `*_by_months` series ending with the reference month (API.md §5.8). */
export const MONTH_KEYS: readonly string[] = (() => {
	const keys: string[] = [];
	const reference = new Date(REFERENCE_DATE);
	for (let back = 12; back >= 0; back--) {
		const date = new Date(Date.UTC(reference.getUTCFullYear(), reference.getUTCMonth() - back, 1));
		keys.push(date.toISOString().slice(0, 7));
	}
	return keys;
})();
