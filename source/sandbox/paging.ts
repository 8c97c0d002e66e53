/**
 * Pagination (API.md §2): argument parsing with flask-restx's exact errors, and Page objects whose `next_page` /
 * `previous_page` are absolute URLs copying every incoming query parameter.
 */
import {argumentError} from './replies.js';
import type {Reply} from './replies.js';

/** Parsed paging arguments. */
export type PageArgs = {page: number; pageSize: number};

const INTEGER = /^\s*[+-]?\d+\s*$/;

/**
 * `inputs.positive` semantics (v17.0.3+, API.md §2.3): a non-integer → "<help> abc is not a valid integer"; < 1 →
 * "<help> Invalid page_size: 0. page_size must be a positive integer". `page` is parsed first, so it wins.
 */
export function parsePageArgs(params: URLSearchParams, defaultPageSize: number): PageArgs | Reply {
	const specs: Array<[name: 'page' | 'page_size', help: string, fallback: number]> = [
		['page', 'The page to fetch', 1],
		['page_size', 'The page size to fetch', defaultPageSize],
	];
	const values: number[] = [];
	for (const [name, help, fallback] of specs) {
		const raw = params.get(name);
		if (raw === null) {
			values.push(fallback);
			continue;
		}
		if (!INTEGER.test(raw)) {
			return argumentError(name, `${help} ${raw} is not a valid integer`);
		}
		const value = Number.parseInt(raw.trim(), 10);
		if (value < 1) {
			return argumentError(name, `${help} Invalid ${name}: ${value}. ${name} must be a positive integer`);
		}
		values.push(value);
	}
	return {page: values[0] ?? 1, pageSize: values[1] ?? defaultPageSize};
}

/** True when `parsePageArgs` failed. */
export function isReply(value: PageArgs | Reply | unknown): value is Reply {
	return typeof value === 'object' && value !== null && 'status' in value;
}

/**
 * Link to another page (API.md §2.2): absolute, every query parameter copied in order (repeated ones stay
 * repeated, unknown ones too), `page` replaced in place or appended, `page_size` only if the caller sent it.
 */
export function pageUrl(origin: string, path: string, params: URLSearchParams, page: number): string {
	const out = new URLSearchParams();
	let replaced = false;
	for (const [key, value] of params) {
		if (key === 'page') {
			if (!replaced) {
				out.append('page', String(page));
				replaced = true;
			}
			continue;
		}
		out.append(key, value);
	}
	if (!replaced) {
		out.append('page', String(page));
	}
	return `${origin}${path}?${out.toString()}`;
}

/** A Page object (API.md §2.1). `total` decides `next_page` (null once `page >= ceil(total / page_size)`). */
export function pageObject(data: unknown[], args: PageArgs, total: number, origin: string, path: string, params: URLSearchParams): Record<string, unknown> {
	const lastPage = Math.ceil(total / args.pageSize);
	return {
		data,
		page: args.page,
		page_size: args.pageSize,
		total,
		next_page: args.page < lastPage ? pageUrl(origin, path, params, args.page + 1) : null,
		previous_page: args.page > 1 ? pageUrl(origin, path, params, args.page - 1) : null,
	};
}
