/**
 * `X-Fields` masks (API.md §1 "Field selection"): flask-restx syntax, e.g.
 * `data{id,name,metrics{datasets}},total,next_page`. Unknown names are skipped; `*` keeps every other field.
 */

/** A parsed mask: field name → nested mask (or null for "the whole value"). */
export type Mask = Map<string, Mask | null>;

/** Thrown on unbalanced braces; the server answers 400 like flask-restx's `ParseError`. */
export class MaskParseError extends Error {}

/** Parse a mask; surrounding braces (`{a,b}`) are accepted like flask-restx does. */
export function parseMask(source: string): Mask {
	let text = source.trim();
	if (text.startsWith('{') && text.endsWith('}') && matchingBrace(text, 0) === text.length - 1) {
		text = text.slice(1, -1);
	}
	const [mask, end] = parseLevel(text, 0);
	if (end !== text.length) {
		throw new MaskParseError(`Unexpected closing bracket at position ${end}`);
	}
	return mask;
}

function matchingBrace(text: string, open: number): number {
	let depth = 0;
	for (let i = open; i < text.length; i++) {
		if (text[i] === '{') {
			depth++;
		} else if (text[i] === '}') {
			depth--;
			if (depth === 0) {
				return i;
			}
		}
	}
	return -1;
}

function parseLevel(text: string, start: number): [Mask, number] {
	const mask: Mask = new Map();
	let name = '';
	let i = start;
	const flush = (nested: Mask | null) => {
		const trimmed = name.trim();
		if (trimmed.length > 0) {
			mask.set(trimmed, nested);
		} else if (nested !== null) {
			throw new MaskParseError('Unexpected opening bracket');
		}
		name = '';
	};
	while (i < text.length) {
		const char = text[i];
		if (char === ',') {
			flush(null);
			i++;
		} else if (char === '{') {
			const [nested, end] = parseLevel(text, i + 1);
			if (text[end] !== '}') {
				throw new MaskParseError('Missing closing bracket');
			}
			flush(nested);
			i = end + 1;
			// A nested mask ends a field: skip to the next separator.
			while (i < text.length && text[i] === ' ') {
				i++;
			}
		} else if (char === '}') {
			break;
		} else {
			name += char;
			i++;
		}
	}
	flush(null);
	return [mask, i];
}

/** Apply a mask to a value: objects keep only masked keys (in their own order), arrays are masked item by item. */
export function applyMask(value: unknown, mask: Mask): unknown {
	if (Array.isArray(value)) {
		return value.map((item) => applyMask(item, mask));
	}
	if (value === null || typeof value !== 'object') {
		return value;
	}
	const wildcard = mask.has('*');
	const out: Record<string, unknown> = {};
	for (const [key, item] of Object.entries(value)) {
		if (!mask.has(key)) {
			if (wildcard) {
				out[key] = item;
			}
			continue;
		}
		const nested = mask.get(key) ?? null;
		out[key] = nested === null ? item : applyMask(item, nested);
	}
	return out;
}
