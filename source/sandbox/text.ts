/**
 * Text helpers shared by seeding and search: accent-insensitive normalisation and udata-style slugs.
 */

// Combining-mark blocks, spelled out rather than `\p{M}`: this runs for every seeded name and `q` search, and the
// property escape is several times slower.
const COMBINING_MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const NON_ASCII = /[^\u0000-\u007f]/;
const NON_WORD = /[^\p{L}\p{N}]+/u;

/** Lower-case, strip accents (NFD + drop combining marks): "Qualité" and "QUALITE" both become "qualite". */
export function normalize(text: string): string {
	const lower = text.toLowerCase();
	if (!NON_ASCII.test(lower)) {
		return lower;
	}
	return lower.normalize('NFD').replace(COMBINING_MARKS, '').replaceAll('ß', 'ss');
}

/** Words of a query after normalisation; empty strings are dropped. */
export function queryWords(query: string): string[] {
	return normalize(query).split(NON_WORD).filter((word) => word.length > 0);
}

/**
 * A slug like udata's (python-slugify): accents stripped, lower-case, runs of anything else collapsed to `-`.
 * Control characters and escape sequences from hostile names are dropped with the rest.
 */
export function slugify(text: string, maxLength = 255): string {
	let slug = normalize(text).replace(/[^a-z0-9]+/g, '-');
	if (slug.startsWith('-')) {
		slug = slug.slice(1);
	}
	if (slug.length > maxLength) {
		slug = slug.slice(0, maxLength);
	}
	if (slug.endsWith('-')) {
		slug = slug.slice(0, -1);
	}
	return slug;
}

/** True when every query word occurs in the (already normalised) haystack: API.md §4 "every word required". */
export function matchesAllWords(normalizedHaystack: string, words: readonly string[]): boolean {
	for (const word of words) {
		if (!normalizedHaystack.includes(word)) {
			return false;
		}
	}
	return true;
}
