/**
 * Local fuzzy search over the rows a list has loaded (issue 4), fast enough to run on every
 * keystroke at 100,000 rows. fuse.js is the matcher and the ranker, as the user chose; what this
 * module adds is the work fuse.js never has to do:
 *
 * - **Narrowing**: a row reaches fuse.js only if it can be proved that fuse.js might match it. Each
 *   query word gets the number of errors fuse.js allows it (`THRESHOLD` × length). A row is
 *   skipped when its character bigrams cannot hold the word with that many errors (q-gram lemma,
 *   and pigeonhole: with e errors one of e + 1 pieces of the word is intact); each field that
 *   survives is checked exactly: a substring of it, or within that many edits of a substring of it
 *   (a bit-parallel edit distance: the question fuse.js's bitap answers). When the query only grew
 *   and no word gained an allowed error, the previous query's candidates are a proven superset and
 *   only they are checked.
 * - **Less work per row for fuse.js**: fields no word can match are left out of what fuse.js scores
 *   (they add nothing to its score). A field is handed over as a short stand-in with the same
 *   outcome: the words it holds exactly, and for a word it holds with errors, the shortest piece of
 *   it with the fewest errors (fuse.js's score of a word is its error count over its length,
 *   wherever it is). Rows whose stand-ins are identical are scored once. fuse.js still computes
 *   every score, with the corpus statistics (TF-IDF document frequencies, field norms) of all the
 *   rows, so hits and scores are those of plain fuse.js over the same rows (the tests check it).
 * - **Folding once**: every field is lowercased and stripped of accents exactly as fuse.js does it,
 *   once, when added; fuse.js then runs case-sensitively over the folded text.
 *
 * The ranking a user expects is then layered over fuse.js's score: a field equal to the query
 * first, then a field starting with it (each by the field's position: the row's own name or acronym
 * before its organization's), then every word starting a word, then the rest; within each,
 * fuse.js's score, a shorter name, the row's order.
 *
 * Two fuse.js 7.5.0 internals are used, on the index's own instance only (fuse.js is pinned; the
 * tests compare hits and scores with plain fuse.js, so a change in them fails loudly):
 * `_invertedIndex` is set to statistics of all rows (its token search reads `fieldCount` and
 * `df.get(word)` from it), and `_getSearcher` is wrapped so a text shared by many records is
 * searched once.
 */
import Fuse from 'fuse.js';
import type {FuseIndex, FuseResult, IFuseOptions} from 'fuse.js';

/** One searchable row: fields[0] is the name shown in the list (highlighted); the others (acronym, slug, organization name…) are searched too. */
export type SearchDoc = {readonly fields: readonly string[]};

/** A hit: the row's index in the docs given, its rank score (lower is better), and the ranges of fields[0] to highlight, as [start, end) UTF-16 offsets into the ORIGINAL (not normalised) fields[0], sorted, non-overlapping. */
export type FuzzyHit = {readonly index: number; readonly score: number; readonly highlights: ReadonlyArray<readonly [number, number]>};

/**
 * fuse.js's threshold: one error per five characters ("accidnts" → "accidents", "qualte" →
 * "qualité"), none under five. The default, 0.6, let "lyon" match a third of a corpus; 0.25 (one
 * error in four letters) still let the four letters typed on the way to a word match mostly noise:
 * on the bench's corpus "inse" matched 3 times the rows holding it, "lyon" found London.
 */
const THRESHOLD = 0.2;

// fuse.js's options, shared by the reference and the index so both match and score alike. The
// name weighs twice the other fields: a word in the title says more than one in the slug.
const KEY_NAME = {name: 'name', weight: 2} as const;
const KEY_OTHER = {name: 'other', weight: 1} as const;
const KEY_ALL = {name: 'all', weight: 1} as const;
const matchOptions = {threshold: THRESHOLD, ignoreLocation: true, includeMatches: true, includeScore: true} as const;

/** Word queries: every word must match some field (any order), TF-IDF weighs the rarer words. */
const plainOptions: IFuseOptions<SearchDoc> = {
	...matchOptions,
	ignoreDiacritics: true,
	useTokenSearch: true,
	tokenMatch: 'all',
	keys: [{...KEY_NAME, getFn: doc => textOf(doc.fields[0])}, {...KEY_OTHER, getFn: doc => doc.fields.slice(1).map(textOf)}],
};

/**
 * Extended-syntax queries (`'exact ^prefix !not =equal suffix$ a|b`). Besides the name, fuse.js sees
 * all the fields as one text rather than a list: with a list, `!insee` would keep a row as soon as
 * one of its fields lacks "insee" (fuse.js keeps an inverted term if any element of an array
 * matches); as one text, it keeps only the rows where no field has it, which is what a user means.
 */
const extendedOptions: IFuseOptions<SearchDoc> = {
	...matchOptions,
	ignoreDiacritics: true,
	useExtendedSearch: true,
	keys: [{...KEY_NAME, getFn: doc => textOf(doc.fields[0])}, {...KEY_ALL, getFn: doc => doc.fields.map(textOf).join('\n')}],
};

/** The index's own fuse.js: the same as `plainOptions`, over text this module has already folded. */
const foldedOptions: IFuseOptions<never> = {
	...matchOptions,
	isCaseSensitive: true,
	ignoreDiacritics: false,
	useTokenSearch: true,
	tokenMatch: 'all',
	keys: [KEY_NAME, KEY_OTHER],
};

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

/** fuse.js's isBlank (`!value.trim().length`), without making the trimmed copy. */
function isBlank(text: string): boolean {
	const first = text.charCodeAt(0);
	// Nearly every field starts with a printable ASCII character.
	return !(first > 32 && first < 127) && !/\S/u.test(text);
}

// ---------------------------------------------------------------------------------------------
// Folding, exactly as fuse.js 7.5.0 does it (src/helpers/diacritics.ts and the analyzer): lower
// case, NFD, strip this list of combining marks, then a few letters NFD cannot decompose. The
// narrowing below proves "fuse.js cannot match this row" on folded text, so the fold must be
// fuse.js's to the character: this list is copied from it, not approximated with \p{M}.
// ---------------------------------------------------------------------------------------------
const COMBINING_MARKS = /[\u0300-\u036F\u0483-\u0489\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED\u0711\u0730-\u074A\u07A6-\u07B0\u07EB-\u07F3\u07FD\u0816-\u0819\u081B-\u0823\u0825-\u0827\u0829-\u082D\u0859-\u085B\u08D3-\u08E1\u08E3-\u0903\u093A-\u093C\u093E-\u094F\u0951-\u0957\u0962\u0963\u0981-\u0983\u09BC\u09BE-\u09C4\u09C7\u09C8\u09CB-\u09CD\u09D7\u09E2\u09E3\u09FE\u0A01-\u0A03\u0A3C\u0A3E-\u0A42\u0A47\u0A48\u0A4B-\u0A4D\u0A51\u0A70\u0A71\u0A75\u0A81-\u0A83\u0ABC\u0ABE-\u0AC5\u0AC7-\u0AC9\u0ACB-\u0ACD\u0AE2\u0AE3\u0AFA-\u0AFF\u0B01-\u0B03\u0B3C\u0B3E-\u0B44\u0B47\u0B48\u0B4B-\u0B4D\u0B56\u0B57\u0B62\u0B63\u0B82\u0BBE-\u0BC2\u0BC6-\u0BC8\u0BCA-\u0BCD\u0BD7\u0C00-\u0C04\u0C3E-\u0C44\u0C46-\u0C48\u0C4A-\u0C4D\u0C55\u0C56\u0C62\u0C63\u0C81-\u0C83\u0CBC\u0CBE-\u0CC4\u0CC6-\u0CC8\u0CCA-\u0CCD\u0CD5\u0CD6\u0CE2\u0CE3\u0D00-\u0D03\u0D3B\u0D3C\u0D3E-\u0D44\u0D46-\u0D48\u0D4A-\u0D4D\u0D57\u0D62\u0D63\u0D82\u0D83\u0DCA\u0DCF-\u0DD4\u0DD6\u0DD8-\u0DDF\u0DF2\u0DF3\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u0EB1\u0EB4-\u0EB9\u0EBB\u0EBC\u0EC8-\u0ECD\u0F18\u0F19\u0F35\u0F37\u0F39\u0F3E\u0F3F\u0F71-\u0F84\u0F86\u0F87\u0F8D-\u0F97\u0F99-\u0FBC\u0FC6\u102B-\u103E\u1056-\u1059\u105E-\u1060\u1062-\u1064\u1067-\u106D\u1071-\u1074\u1082-\u108D\u108F\u109A-\u109D\u135D-\u135F\u1712-\u1714\u1732-\u1734\u1752\u1753\u1772\u1773\u17B4-\u17D3\u17DD\u180B-\u180D\u1885\u1886\u18A9\u1920-\u192B\u1930-\u193B\u1A17-\u1A1B\u1A55-\u1A5E\u1A60-\u1A7C\u1A7F\u1AB0-\u1ABE\u1B00-\u1B04\u1B34-\u1B44\u1B6B-\u1B73\u1B80-\u1B82\u1BA1-\u1BAD\u1BE6-\u1BF3\u1C24-\u1C37\u1CD0-\u1CD2\u1CD4-\u1CE8\u1CED\u1CF2-\u1CF4\u1CF7-\u1CF9\u1DC0-\u1DF9\u1DFB-\u1DFF\u20D0-\u20F0\u2CEF-\u2CF1\u2D7F\u2DE0-\u2DFF\u302A-\u302F\u3099\u309A\uA66F-\uA672\uA674-\uA67D\uA69E\uA69F\uA6F0\uA6F1\uA802\uA806\uA80B\uA823-\uA827\uA880\uA881\uA8B4-\uA8C5\uA8E0-\uA8F1\uA8FF\uA926-\uA92D\uA947-\uA953\uA980-\uA983\uA9B3-\uA9C0\uA9E5\uAA29-\uAA36\uAA43\uAA4C\uAA4D\uAA7B-\uAA7D\uAAB0\uAAB2-\uAAB4\uAAB7\uAAB8\uAABE\uAABF\uAAC1\uAAEB-\uAAEF\uAAF5\uAAF6\uABE3-\uABEA\uABEC\uABED\uFB1E\uFE00-\uFE0F\uFE20-\uFE2F]/g;
const NON_DECOMPOSABLE: Readonly<Record<string, string>> = {ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ø: 'o', Ø: 'O', ħ: 'h', Ħ: 'H', ŧ: 't', Ŧ: 'T', ı: 'i', ß: 'ss'};
const NON_DECOMPOSABLE_RE = /[łŁđĐøØħĦŧŦıß]/g;
/** fuse.js's default tokenizer (search/token/analyzer.ts): what a "word" is, for it and for us. */
const TOKEN = /[\p{L}\p{M}\p{N}_]+/gu;
const TOKEN_CHAR = /^[\p{L}\p{M}\p{N}_]$/u;
const TOKEN_START = /[\p{L}\p{M}\p{N}_]/u;

// eslint-disable-next-line no-control-regex
const isAscii = (text: string): boolean => /^[\u0000-\u007F]*$/.test(text);

/** Lowercase, strip accents: fuse.js's `toLowerCase()` then `stripDiacritics()`. */
function fold(text: string): string {
	if (isAscii(text)) {
		// NFD leaves ASCII alone and it holds no mark: lowercasing is the whole fold.
		return text.toLowerCase();
	}

	return text.toLowerCase().normalize('NFD').replace(COMBINING_MARKS, '').replace(NON_DECOMPOSABLE_RE, ch => NON_DECOMPOSABLE[ch] ?? ch);
}

const foldedCodePoints = new Map<number, string>();
function foldCodePoint(code: number): string {
	let folded = foldedCodePoints.get(code);
	if (folded === undefined) {
		folded = fold(String.fromCodePoint(code));
		foldedCodePoints.set(code, folded);
	}

	return folded;
}

/**
 * Where each UTF-16 unit of `fold(original)` came from, as [start, end) pairs into `original`; null
 * when the fold kept every unit in place (all ASCII, and nearly every accented Latin title: "é" is
 * one unit before and after). Folding is done per code point to know where each unit came from;
 * when that differs in length from folding the whole text (context-dependent case rules), offsets
 * are spread proportionally: only highlights depend on it, never what matches.
 */
function offsetMap(original: string, folded: string): Int32Array | null {
	if (isAscii(original)) {
		return null;
	}

	// Most accented titles fold in place ("é" is one unit before and after): find out cheaply.
	let inPlace = folded.length === original.length;
	for (let at = 0; at < original.length && inPlace; at++) {
		const code = original.charCodeAt(at);
		if (code >= 128) {
			const point = original.codePointAt(at)!;
			const width = point > 0xFF_FF ? 2 : 1;
			inPlace = foldCodePoint(point).length === width;
			at += width - 1;
		}
	}

	if (inPlace) {
		return null;
	}

	const starts: number[] = [];
	const ends: number[] = [];
	for (let at = 0; at < original.length;) {
		const code = original.codePointAt(at)!;
		const width = code > 0xFF_FF ? 2 : 1;
		const piece = code < 128 ? original[at]! : foldCodePoint(code);
		for (let unit = 0; unit < piece.length; unit++) {
			// A unit that kept its place maps to itself; one that a fold made or merged, to its whole source.
			starts.push(piece.length === width ? at + unit : at);
			ends.push(piece.length === width ? at + unit + 1 : at + width);
		}

		at += width;
	}

	const map = new Int32Array(folded.length * 2);
	for (let unit = 0; unit < folded.length; unit++) {
		if (starts.length === folded.length) {
			map[unit * 2] = starts[unit]!;
			map[(unit * 2) + 1] = ends[unit]!;
		} else {
			map[unit * 2] = Math.floor((unit * original.length) / folded.length);
			map[(unit * 2) + 1] = Math.max(map[unit * 2]! + 1, Math.floor(((unit + 1) * original.length) / folded.length));
		}
	}

	return map;
}

const tokenCodePoints = new Map<number, boolean>();
/** Whether the code point is a word character for fuse.js's tokenizer. */
function isTokenCodePoint(code: number): boolean {
	if (code < 128) {
		return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || code === 95;
	}

	let is = tokenCodePoints.get(code);
	if (is === undefined) {
		is = TOKEN_CHAR.test(String.fromCodePoint(code));
		tokenCodePoints.set(code, is);
	}

	return is;
}

/** Width (1, 2) of the word character starting at `at`, 0 if it is not one. */
function tokenWidthAt(text: string, at: number): number {
	const code = text.codePointAt(at);
	if (code === undefined) {
		return 0;
	}

	return isTokenCodePoint(code) ? (code > 0xFF_FF ? 2 : 1) : 0;
}

/** Whether the character just before `at` is a word character (so `at` does not start a word). */
function tokenBefore(text: string, at: number): boolean {
	if (at <= 0) {
		return false;
	}

	const low = text.charCodeAt(at - 1);
	if (low >= 0xDC_00 && low <= 0xDF_FF && at >= 2) {
		const high = text.charCodeAt(at - 2);
		if (high >= 0xD8_00 && high <= 0xDB_FF) {
			return isTokenCodePoint(((high - 0xD8_00) * 0x4_00) + (low - 0xDC_00) + 0x1_00_00);
		}
	}

	return isTokenCodePoint(low);
}

/** First offset where `term` starts a word of `text`, -1 if it starts none. */
function wordStart(text: string, term: string): number {
	for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
		if (!tokenBefore(text, at)) {
			return at;
		}
	}

	return -1;
}

const NO_MATCH = 0;
const PREFIX = 1;
const EQUAL = 2;

/**
 * Whether `text`, read as its words, equals the query's words or starts with them (the last one may
 * end early: "lyon" starts "Lyonnaise des eaux"). Punctuation and spacing do not count, so
 * "qualite de l air" equals "Qualité de l'air". With `span`, the matched [start, end) is written to it.
 */
function compareWords(text: string, terms: readonly string[], span?: number[]): number {
	let at = 0;
	let start = -1;
	for (let index = 0; index < terms.length; index++) {
		while (at < text.length && tokenWidthAt(text, at) === 0) {
			at++;
		}

		const term = terms[index]!;
		if (at >= text.length || !text.startsWith(term, at)) {
			return NO_MATCH;
		}

		if (start < 0) {
			start = at;
		}

		at += term.length;
		const continues = at < text.length && tokenWidthAt(text, at) > 0;
		if (index < terms.length - 1) {
			if (continues) {
				return NO_MATCH;
			}

			continue;
		}

		if (span) {
			span[0] = start;
			span[1] = at;
		}

		if (continues) {
			return PREFIX;
		}

		while (at < text.length && tokenWidthAt(text, at) === 0) {
			at++;
		}

		return at >= text.length ? EQUAL : PREFIX;
	}

	return NO_MATCH;
}

// ---------------------------------------------------------------------------------------------
// The prefilter: per row, a bitset of the character bigrams (and single characters) of all its
// folded fields. If a word matches a substring with e edits, at least (length − 1 − 2e) of its
// bigrams occur in that substring (each edit breaks at most two), and one of e + 1 pieces of the
// word occurs in it intact (each edit touches one piece): rows failing either cannot match.
// ---------------------------------------------------------------------------------------------
const BIGRAM_BITS = 512;
const UNIGRAM_BITS = 64;
const WORDS = (BIGRAM_BITS + UNIGRAM_BITS) / 32;
const bigramBit = (first: number, second: number): number => Math.imul((first << 16) | second, 0x9E_37_79_B1) >>> 23;
/**
 * A code unit as one of 64 bits: exact for the ASCII word characters (a–z, 0–9, _), hashed into the
 * other 27 for the rest. A one-letter word is then decided from a text's masks alone, without
 * reading the text: the first keystroke of a query is the one with the most hits.
 */
function charBit(code: number): number {
	if (code >= 97 && code <= 122) {
		return code - 97;
	}

	if (code >= 48 && code <= 57) {
		return code - 48 + 26;
	}

	return code === 95 ? 36 : 37 + ((Math.imul(code, 0x9E_37_79_B1) >>> 0) % 27);
}

/** A string's characters as a 64-bit mask (low, high). */
function charMask(text: string): [number, number] {
	let low = 0;
	let high = 0;
	for (let at = 0; at < text.length; at++) {
		const bit = charBit(text.charCodeAt(at));
		if (bit < 32) {
			low |= 1 << bit;
		} else {
			high |= 1 << (bit - 32);
		}
	}

	return [low, high];
}

/** A bigram as one of the 128 bits of a text's own bigram mask (four ints per text). */
const textGramBit = (first: number, second: number): number => Math.imul((first << 16) | second, 0x85_EB_CA_6B) >>> 25;

/** The 128-bit bigram masks of a string's bigrams, as bit numbers. */
function textGramsOf(text: string): Int32Array {
	const grams = new Int32Array(Math.max(0, text.length - 1));
	for (let at = 1; at < text.length; at++) {
		grams[at - 1] = textGramBit(text.charCodeAt(at - 1), text.charCodeAt(at));
	}

	return grams;
}

/** How many code units charBit maps exactly (a–z, 0–9, _), and the "none" of #nameLetters. */
const EXACT_CHARS = 37;
const NO_LETTER = 255;
const isExactChar = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95;
const unigramBit = (code: number): number => BIGRAM_BITS + charBit(code);
/** Whether a 64-bit mask (two ints per text, at 2 × text) has a bit. */
const maskHas = (masks: Int32Array, text: number, bit: number): boolean => (masks[(text * 2) + (bit >>> 5)]! & (1 << (bit & 31))) !== 0;

function addGrams(bits: Uint32Array, base: number, text: string): void {
	let previous = -1;
	for (let at = 0; at < text.length; at++) {
		const code = text.charCodeAt(at);
		const unigram = unigramBit(code);
		bits[base + (unigram >>> 5)]! |= 1 << (unigram & 31);
		if (previous >= 0) {
			const bigram = bigramBit(previous, code);
			bits[base + (bigram >>> 5)]! |= 1 << (bigram & 31);
		}

		previous = code;
	}
}

/** Bits of a string's bigrams, one per position (its single character when it has one). */
function gramsOf(text: string): Int32Array {
	if (text.length === 1) {
		return Int32Array.of(unigramBit(text.charCodeAt(0)));
	}

	const grams = new Int32Array(Math.max(0, text.length - 1));
	for (let at = 1; at < text.length; at++) {
		grams[at - 1] = bigramBit(text.charCodeAt(at - 1), text.charCodeAt(at));
	}

	return grams;
}

/** fuse.js's bitap runs on at most 32 UTF-16 units; a longer word is split as it splits it. */
const MAX_BITS = 32;

/** One piece of a query word as fuse.js's bitap searches it, ready for the prefilter and the edit-distance checks. */
type Chunk = {
	readonly pattern: string;
	/** Errors fuse.js accepts: the largest e < length with e / length ≤ THRESHOLD. */
	readonly errors: number;
	readonly grams: Int32Array;
	/** How many of `grams` a row must have (q-gram lemma). */
	readonly need: number;
	/** errors + 1 pieces of the pattern, one of which a match holds intact; none when no error is allowed. */
	readonly pieces: readonly string[];
	readonly pieceGrams: readonly Int32Array[];
	/** The pieces' characters as 64-bit masks (low, high; see charBit): a text lacking one cannot hold that piece. */
	readonly pieceChars: Int32Array;
	/** The pieces' bigrams, and the pattern's, as bits of a text's bigram mask (see textGramBit). */
	readonly pieceTextGrams: readonly Int32Array[];
	readonly textGrams: Int32Array;
	/** Myers' pattern masks, forwards and backwards: ASCII in arrays, the rest in maps. */
	readonly ascii: Int32Array;
	readonly other: Map<number, number>;
	readonly reverseAscii: Int32Array;
	readonly reverseOther: Map<number, number>;
};

type Term = {
	readonly text: string;
	readonly chunks: readonly Chunk[];
	readonly long: boolean;
	readonly errors: number;
	/** For a one-letter word of an ASCII word character, its exact bit (see charBit); else -1. */
	readonly letter: number;
	/** Its characters as a 64-bit mask (low, high). */
	readonly chars: readonly [number, number];
};

/** Errors fuse.js's bitap accepts for a pattern of this length (search(): i / length ≤ threshold, i < length). */
function errorsFor(length: number): number {
	let errors = 0;
	while (errors + 1 < length && (errors + 1) / length <= THRESHOLD) {
		errors++;
	}

	return errors;
}

function patternMasks(pattern: string, reverse: boolean): [Int32Array, Map<number, number>] {
	const ascii = new Int32Array(128);
	const other = new Map<number, number>();
	for (let at = 0; at < pattern.length; at++) {
		const code = pattern.charCodeAt(at);
		const bit = 1 << (reverse ? pattern.length - 1 - at : at);
		if (code < 128) {
			ascii[code]! |= bit;
		} else {
			other.set(code, (other.get(code) ?? 0) | bit);
		}
	}

	return [ascii, other];
}

/**
 * Split a pattern into `count` contiguous pieces, choosing the cut points so the pieces are as rare
 * as the rows' bitsets say: a row is checked further if it may hold any piece, so rare pieces
 * ("ins" + "ee" rather than "in" + "see") leave fewer rows to check. `rowsWith` counts, per bit,
 * the rows whose bitset has it; a piece is no more frequent than its rarest bigram.
 */
function splitRarely(pattern: string, count: number, rowsWith: Int32Array | undefined): string[] {
	const length = pattern.length;
	const even = (piece: number) => pattern.slice(Math.floor((piece * length) / count), Math.floor(((piece + 1) * length) / count));
	if (!rowsWith || count > length) {
		return Array.from({length: count}, (_, piece) => even(piece));
	}

	const cost = (start: number, end: number): number => {
		if (end - start === 1) {
			return rowsWith[unigramBit(pattern.charCodeAt(start))]!;
		}

		let rarest = Number.POSITIVE_INFINITY;
		for (let at = start + 1; at < end; at++) {
			rarest = Math.min(rarest, rowsWith[bigramBit(pattern.charCodeAt(at - 1), pattern.charCodeAt(at))]!);
		}

		return rarest;
	};

	// best[pieces][end]: the least total cost of cutting pattern[0, end) into that many pieces.
	const best = Array.from({length: count + 1}, () => new Float64Array(length + 1).fill(Number.POSITIVE_INFINITY));
	const cut = Array.from({length: count + 1}, () => new Int32Array(length + 1));
	best[0]![0] = 0;
	for (let pieces = 1; pieces <= count; pieces++) {
		for (let end = pieces; end <= length - (count - pieces); end++) {
			for (let start = pieces - 1; start < end; start++) {
				const total = best[pieces - 1]![start]! + cost(start, end);
				if (total < best[pieces]![end]!) {
					best[pieces]![end] = total;
					cut[pieces]![end] = start;
				}
			}
		}
	}

	const pieces: string[] = [];
	for (let piece = count, end = length; piece > 0; piece--) {
		const start = cut[piece]![end]!;
		pieces.unshift(pattern.slice(start, end));
		end = start;
	}

	return pieces;
}

function makeChunk(pattern: string, rowsWith?: Int32Array): Chunk {
	const errors = errorsFor(pattern.length);
	const pieces = errors > 0 ? splitRarely(pattern, errors + 1, rowsWith) : [];

	const [ascii, other] = patternMasks(pattern, false);
	const [reverseAscii, reverseOther] = patternMasks(pattern, true);
	return {
		pattern,
		errors,
		grams: gramsOf(pattern),
		need: pattern.length === 1 ? 1 : pattern.length - 1 - (2 * errors),
		pieces,
		pieceGrams: pieces.map(piece => gramsOf(piece)),
		pieceChars: Int32Array.from(pieces.flatMap(piece => charMask(piece))),
		pieceTextGrams: pieces.map(piece => textGramsOf(piece)),
		textGrams: textGramsOf(pattern),
		ascii,
		other,
		reverseAscii,
		reverseOther,
	};
}

/** A query word, split into chunks the way fuse.js's BitapSearch splits a pattern longer than 32. */
function makeTerm(text: string, rowsWith?: Int32Array): Term {
	if (text.length <= MAX_BITS) {
		const chunk = makeChunk(text, rowsWith);
		const letter = text.length === 1 && isExactChar(text.charCodeAt(0)) ? charBit(text.charCodeAt(0)) : -1;
		return {text, chunks: [chunk], long: false, errors: chunk.errors, letter, chars: charMask(text)};
	}

	const chunks: Chunk[] = [];
	const remainder = text.length % MAX_BITS;
	for (let at = 0; at < text.length - remainder; at += MAX_BITS) {
		chunks.push(makeChunk(text.slice(at, at + MAX_BITS), rowsWith));
	}

	if (remainder) {
		chunks.push(makeChunk(text.slice(-MAX_BITS), rowsWith));
	}

	return {text, chunks, long: true, errors: errorsFor(MAX_BITS), letter: -1, chars: charMask(text)};
}

const hasBit = (bits: Uint32Array, base: number, bit: number): boolean => (bits[base + (bit >>> 5)]! & (1 << (bit & 31))) !== 0;

function gramsPass(bits: Uint32Array, base: number, chunk: Chunk): boolean {
	const {grams, need} = chunk;
	if (need > 0) {
		let have = 0;
		for (let index = 0; index < grams.length && have < need; index++) {
			if (hasBit(bits, base, grams[index]!)) {
				have++;
			} else if (have + (grams.length - index - 1) < need) {
				return false;
			}
		}

		if (have < need) {
			return false;
		}
	}

	const {pieceGrams} = chunk;
	if (pieceGrams.length === 0) {
		return true;
	}

	pieces: for (const piece of pieceGrams) {
		for (let index = 0; index < piece.length; index++) {
			if (!hasBit(bits, base, piece[index]!)) {
				continue pieces;
			}
		}

		return true;
	}

	return false;
}

/** Whether a row's bitset leaves room for the term: some chunk of it passes. */
function termGramsPass(bits: Uint32Array, base: number, term: Term): boolean {
	const {chunks} = term;
	for (let index = 0; index < chunks.length; index++) {
		if (gramsPass(bits, base, chunks[index]!)) {
			return true;
		}
	}

	return false;
}

/**
 * Myers' bit-parallel edit distance forwards over `text`, in its search form (a match may start
 * anywhere): the fewest edits to the pattern of any substring, and where the first substring with
 * that few ends. It stops at the first end within `enough` edits. Packed as edits × 2^32 + end.
 */
function searchForwards(chunk: Chunk, text: string, enough: number): number {
	const {ascii, other} = chunk;
	const length = chunk.pattern.length;
	const high = 1 << (length - 1);
	let positive = -1;
	let negative = 0;
	let score = length;
	let best = length + 1;
	let end = -1;
	for (let at = 0; at < text.length; at++) {
		const code = text.charCodeAt(at);
		const equal = code < 128 ? ascii[code]! : (other.get(code) ?? 0);
		const vertical = equal | negative;
		const horizontal = ((((equal & positive) + positive) ^ positive) | equal);
		let up = negative | ~(horizontal | positive);
		let down = positive & horizontal;
		if ((up & high) !== 0) {
			score++;
		} else if ((down & high) !== 0) {
			score--;
		}

		up <<= 1;
		down <<= 1;
		positive = down | ~(vertical | up);
		negative = up & vertical;
		if (score < best) {
			best = score;
			end = at + 1;
			if (best <= enough) {
				break;
			}
		}
	}

	return (best * 0x1_0000_0000) + end;
}

const editsOf = (packed: number) => Math.floor(packed / 0x1_0000_0000);

/**
 * Whether some substring of `text` is within `chunk.errors` edits of the pattern. It is the
 * question fuse.js's bitap answers, so a field that fails it is one fuse.js cannot match.
 */
function withinErrors(chunk: Chunk, text: string): boolean {
	return editsOf(searchForwards(chunk, text, chunk.errors)) <= chunk.errors;
}

/**
 * The shortest substring of `text` with the fewest edits to the pattern (the first such end, then the
 * latest start), packed as start × 2^16 + end; -1 when none is within the errors allowed. Forwards,
 * Myers' search finds the end and the error count; backwards from that end, its anchored form (each
 * skipped character costs an edit) finds the start.
 */
function bestWindow(chunk: Chunk, text: string): number {
	if (text.length >= 0x1_00_00) {
		return -1;
	}

	const length = chunk.pattern.length;
	const high = 1 << (length - 1);
	// The whole text: no end is good enough to stop at, the best one is wanted.
	const forwards = searchForwards(chunk, text, -1);
	const best = editsOf(forwards);
	const end = forwards - (best * 0x1_0000_0000);
	if (best > chunk.errors) {
		return -1;
	}

	let positive = -1;
	let negative = 0;
	let score = length;
	for (let at = end - 1; at >= 0; at--) {
		const code = text.charCodeAt(at);
		const equal = code < 128 ? chunk.reverseAscii[code]! : (chunk.reverseOther.get(code) ?? 0);
		const vertical = equal | negative;
		const horizontal = ((((equal & positive) + positive) ^ positive) | equal);
		let up = negative | ~(horizontal | positive);
		let down = positive & horizontal;
		if ((up & high) !== 0) {
			score++;
		} else if ((down & high) !== 0) {
			score--;
		}

		up = (up << 1) | 1;
		down <<= 1;
		positive = down | ~(vertical | up);
		negative = up & vertical;
		if (score <= best) {
			return (at * 0x1_00_00) + end;
		}
	}

	return end;
}

// How a field stands with a query word.
const UNKNOWN = 255;
const ABSENT = 0;
const CONTAINS = 1;
const EQUALS = 2;
const FUZZY = 3;

/**
 * How the text with this id stands with the word. Its character mask rules most texts out before
 * the text itself is read: a text lacking one of the word's characters cannot hold it exactly, and
 * lacking one of each piece's, cannot hold it with errors either.
 */
function termState(term: Term, texts: readonly string[], info: TextInfo, id: number): number {
	const low = info.chars[id * 2]!;
	const high = info.chars[(id * 2) + 1]!;
	const [termLow, termHigh] = term.chars;
	if ((low & termLow) === termLow && (high & termHigh) === termHigh && hasTextGrams(info, id, term.chunks[0]!.textGrams)) {
		const text = texts[id]!;
		if (info.length[id] === term.text.length && text === term.text) {
			return EQUALS;
		}

		if (text.includes(term.text)) {
			return CONTAINS;
		}
	}

	for (const chunk of term.chunks) {
		if (chunk.errors === 0) {
			continue;
		}

		const {pieceChars, pieces} = chunk;
		for (let piece = 0; piece < pieces.length; piece++) {
			const pieceLow = pieceChars[piece * 2]!;
			const pieceHigh = pieceChars[(piece * 2) + 1]!;
			if ((low & pieceLow) === pieceLow && (high & pieceHigh) === pieceHigh && hasTextGrams(info, id, chunk.pieceTextGrams[piece]!) && texts[id]!.includes(pieces[piece]!)) {
				if (withinErrors(chunk, texts[id]!)) {
					return FUZZY;
				}

				break;
			}
		}
	}

	return ABSENT;
}


// ---------------------------------------------------------------------------------------------
// Extended syntax: fuse.js's parser (search/extended/parseQuery.ts), as far as the narrowing
// needs it. Only queries without quotes or backslashes are narrowed; the others go to fuse.js
// over every row.
// ---------------------------------------------------------------------------------------------
const EXTENDED = /(?:^|\s)[=!'^]|\$(?:\s|$)|[|"]/u;

/** Whether fuse.js should read the query as extended syntax. */
function isExtended(query: string): boolean {
	return EXTENDED.test(query);
}

type ItemKind = 'equal' | 'include' | 'prefix' | 'suffix' | 'fuzzy' | 'inverse';
/** A positive item of an extended query: what a text must hold for fuse.js to match it. */
type Item = {readonly kind: Exclude<ItemKind, 'inverse'>; readonly term: Term};
const itemMatchers: ReadonlyArray<readonly [RegExp, ItemKind]> = [
	[/^=(.*)$/, 'equal'],
	[/^'(.*)$/, 'include'],
	[/^\^(.*)$/, 'prefix'],
	[/^!\^(.*)$/, 'inverse'],
	[/^!(.*)\$$/, 'inverse'],
	[/^(.*)\$$/, 'suffix'],
	[/^!(.*)$/, 'inverse'],
	[/^(.*)$/, 'fuzzy'],
];

/**
 * An extended query as fuse.js parses it: OR-groups of items; each group's positive items, and
 * whether rows can be narrowed to those holding some group's (not when a group is only negations:
 * nearly every row may match). Null for the queries this parser does not follow: quotes, escaped
 * pipes and NULs (fuse.js turns them into pipes).
 */
function extendedPlan(folded: string): {readonly groups: Item[][]; readonly narrow: boolean} | null {
	if (/["\\\u0000]/u.test(folded)) {
		return null;
	}

	const groups: Item[][] = [];
	let narrow = true;
	for (const group of folded.split('|')) {
		const items: Item[] = [];
		let any = false;
		for (const word of group.trim().split(' ')) {
			if (!word.trim()) {
				continue;
			}

			// As fuse.js: the first matcher whose pattern captures something (an empty capture falls through).
			for (const [pattern, kind] of itemMatchers) {
				const token = pattern.exec(word)?.[1];
				if (token) {
					any = true;
					if (kind !== 'inverse') {
						items.push({kind, term: makeTerm(token)});
					}

					break;
				}
			}
		}

		// A group without matchers never matches; one with only negations matches nearly anything.
		if (any) {
			narrow &&= items.length > 0;
			groups.push(items);
		}
	}

	return {groups, narrow};
}

// ---------------------------------------------------------------------------------------------
// Plain fuse.js, the bench's reference and the tests' oracle.
// ---------------------------------------------------------------------------------------------
type Plain = {readonly length: number; words?: Fuse<SearchDoc>; extended?: Fuse<SearchDoc>};
const plainCache = new WeakMap<readonly SearchDoc[], Plain>();

/** Plain fuse.js over the same docs with the same options, no narrowing: the bench's reference. */
export function plainFuseSearch(docs: readonly SearchDoc[], query: string): number[] {
	if (typeof query !== 'string' || !query.trim()) {
		return [];
	}

	// One fuse.js per docs array (rebuilt when its length changes), so repeated queries measure search, not indexing.
	let plain = plainCache.get(docs);
	if (plain?.length !== docs.length) {
		plain = {length: docs.length};
		plainCache.set(docs, plain);
	}

	try {
		if (isExtended(query)) {
			plain.extended ??= new Fuse(docs, extendedOptions);
			return plain.extended.search(query).map(result => result.refIndex);
		}

		plain.words ??= new Fuse(docs, plainOptions);
		return plain.words.search(query).map(result => result.refIndex);
	} catch {
		return [];
	}
}

const substringCache = new WeakMap<readonly SearchDoc[], readonly string[]>();

/** Substring scan (normalised, every word must appear): the bench's floor. */
export function substringSearch(docs: readonly SearchDoc[], query: string): number[] {
	const words = typeof query === 'string' ? fold(query).split(/\s+/u).filter(Boolean) : [];
	if (words.length === 0) {
		return [];
	}

	// Folded once per docs array (again when its length changes): the floor is the scan alone.
	let texts = substringCache.get(docs);
	if (texts?.length !== docs.length) {
		texts = docs.map(doc => fold((Array.isArray(doc?.fields) ? doc.fields : []).map(textOf).join('\n')));
		substringCache.set(docs, texts);
	}

	const hits: number[] = [];
	for (let index = 0; index < texts.length; index++) {
		const text = texts[index]!;
		if (words.every(word => text.includes(word))) {
			hits.push(index);
		}
	}

	return hits;
}

// ---------------------------------------------------------------------------------------------
// The index.
// ---------------------------------------------------------------------------------------------
type FoldedRecord = {i: number; $: Record<number, {v: string; n: number} | Array<{v: string; i: number; n: number}>>};
type IndexRecords = Parameters<FuseIndex<never>['setIndexRecords']>[0];
type InvertedIndex = NonNullable<Fuse<never>['_invertedIndex']>;
type Searcher = ReturnType<Fuse<never>['_getSearcher']>;

const EMPTY: ReadonlyArray<readonly [number, number]> = Object.freeze([]);
/** The name holds a surrogate pair (an emoji…): ranges must not split one. */
const NAME_PAIRS = 1;
/** The fold moved the name's characters: ranges go through its offset map. */
const NAME_MAPPED = 2;
// What fuse.js is given for a field: the words it holds exactly, a stand-in with windows, its text.
const GIVE_WORDS = 0;
const GIVE_STAND_IN = 1;
const GIVE_TEXT = 2;
const scratchSpan: number[] = [0, 0];
const singles: Array<Array<ReadonlyArray<readonly [number, number]> | undefined>> = [];

/** [[start, end]], shared between hits (frozen: a caller cannot change another hit's). */
function singleRange(start: number, end: number): ReadonlyArray<readonly [number, number]> {
	const width = end - start;
	// Names are short; past that, a fresh pair keeps the cache small.
	if (start >= 256 || width >= 64) {
		return [[start, end]];
	}

	const byStart = singles[start] ??= [];
	let ranges = byStart[width];
	if (!ranges) {
		ranges = Object.freeze([Object.freeze([start, end] as const)]);
		byStart[width] = ranges;
	}

	return ranges;
}

function grown<T extends Int32Array | Uint32Array | Uint16Array | Uint8Array>(array: T, needed: number, make: (length: number) => T): T {
	if (needed <= array.length) {
		return array;
	}

	const next = make(Math.max(needed, array.length * 2, 64));
	next.set(array);
	return next;
}

/** Hits in `order` (indices), stably sorted by `keys[hit]` in [0, buckets): a counting sort. */
function countingSort(order: Int32Array, keys: Int32Array | Uint32Array, buckets: number): Int32Array {
	const counts = new Int32Array(buckets + 1);
	for (let index = 0; index < order.length; index++) {
		counts[keys[order[index]!]! + 1]!++;
	}

	for (let bucket = 1; bucket <= buckets; bucket++) {
		counts[bucket]! += counts[bucket - 1]!;
	}

	const sorted = new Int32Array(order.length);
	for (let index = 0; index < order.length; index++) {
		const hit = order[index]!;
		sorted[counts[keys[hit]!]!++] = hit;
	}

	return sorted;
}

function sameSignature(pool: Int32Array, start: number, end: number, signature: Int32Array, length: number): boolean {
	if (end - start !== length) {
		return false;
	}

	for (let at = 0; at < length; at++) {
		if (pool[start + at] !== signature[at]) {
			return false;
		}
	}

	return true;
}

const isHighSurrogate = (code: number): boolean => code >= 0xD8_00 && code <= 0xDB_FF;
const isLowSurrogate = (code: number): boolean => code >= 0xDC_00 && code <= 0xDF_FF;

/** The fuse.js field norm of a text (norm.get of fuse.js's own index), as plain fuse.js computes it. */
const fuseNorm = Fuse.createIndex<never>([], []).norm;

/** Signatures (short lists of integers) each once: rows with equal ones share one fuse.js record. */
class Groups {
	/** Per group, the row it was first seen in: what fuse.js is given for it. */
	readonly rows: number[] = [];
	/** Open addressing: group + 1 per slot, 0 when free; kept under half full. */
	#table = new Int32Array(1024);
	#hashes: number[] = [];
	readonly #start: number[] = [0];
	#pool = new Int32Array(1024);

	/** The group of the first `length` integers of `signature`, new if unseen. */
	of(signature: Int32Array, length: number, row: number): number {
		let hash = 0x81_1C_9D_C5 ^ length;
		for (let at = 0; at < length; at++) {
			hash = Math.imul(hash ^ signature[at]!, 0x01_00_01_93);
		}

		const mask = this.#table.length - 1;
		let slot = hash & mask;
		for (let entry = this.#table[slot]!; entry !== 0; entry = this.#table[slot]!) {
			const group = entry - 1;
			if (this.#hashes[group] === hash && sameSignature(this.#pool, this.#start[group]!, this.#start[group + 1]!, signature, length)) {
				return group;
			}

			slot = (slot + 1) & mask;
		}

		const group = this.rows.length;
		this.rows.push(row);
		this.#hashes.push(hash);
		this.#table[slot] = group + 1;
		const end = this.#start[group]! + length;
		if (end > this.#pool.length) {
			const larger = new Int32Array(Math.max(this.#pool.length * 2, end));
			larger.set(this.#pool);
			this.#pool = larger;
		}

		this.#pool.set(signature.subarray(0, length), this.#start[group]!);
		this.#start.push(end);
		if (this.rows.length * 2 > this.#table.length) {
			this.#rehash();
		}

		return group;
	}

	#rehash(): void {
		const table = new Int32Array(this.#table.length * 2);
		const mask = table.length - 1;
		for (let group = 0; group < this.rows.length; group++) {
			let slot = this.#hashes[group]! & mask;
			while (table[slot] !== 0) {
				slot = (slot + 1) & mask;
			}

			table[slot] = group + 1;
		}

		this.#table = table;
	}
}

/** The candidates of a query, in row order, with what the pass over them found. */
type Pass = {
	readonly candidates: Int32Array;
	count: number;
	readonly rowGroup: Int32Array;
	/** The rank class (EQUAL_CLASS…) of each candidate. */
	readonly rowTier: Uint8Array;
	/** undefined for a name given whole to fuse.js: highlighted from its match. */
	readonly rowHighlights: Array<ReadonlyArray<readonly [number, number]> | undefined>;
	readonly groups: Groups;
};

function newPass(rows: number): Pass {
	// Sized once: filling a growing array costs more than the holes.
	// eslint-disable-next-line unicorn/no-new-array
	return {candidates: new Int32Array(rows), count: 0, rowGroup: new Int32Array(rows), rowTier: new Uint8Array(rows), rowHighlights: new Array<ReadonlyArray<readonly [number, number]> | undefined>(rows), groups: new Groups()};
}

/** What the index knows of each distinct text without reading it (arrays indexed by text id). */
type TextInfo = {
	/** The first code unit of its first word (0 if none) and where that word starts. */
	readonly first: Uint16Array;
	readonly firstAt: Uint16Array;
	/** 64-bit masks (two ints per text) of its characters and of its words' first characters (see charBit). */
	readonly chars: Int32Array;
	readonly initials: Int32Array;
	readonly flags: Uint8Array;
	/** Its length in UTF-16 units. */
	readonly length: Uint32Array;
	/** 128-bit masks (four ints per text) of its bigrams (see textGramBit). */
	readonly grams: Int32Array;
};

/** Whether a text's bigram mask has every bit listed. */
function hasTextGrams(info: TextInfo, text: number, grams: Int32Array): boolean {
	const base = text * 4;
	for (let index = 0; index < grams.length; index++) {
		const bit = grams[index]!;
		if ((info.grams[base + (bit >>> 5)]! & (1 << (bit & 31))) === 0) {
			return false;
		}
	}

	return true;
}

/**
 * Rank classes, best first: a field equal to the query (by the field's position: the row's own
 * name or acronym before its organization's), a field starting with it (likewise), every word
 * starting a word of some field, the rest.
 */
const EQUAL_CLASS = 0;
const PREFIX_CLASS = 64;
const WORD_STARTS_CLASS = 128;
const REST_CLASS = 129;
const CLASSES = 130;
const classOf = (base: number, field: number): number => base + Math.min(field, 63);

/** A hit's score: its rank class, then fuse.js's score (in [0, 1)), as one number, lower first. */
function rankScore(rankClass: number, fuseScore: number): number {
	if (rankClass < WORD_STARTS_CLASS) {
		return (rankClass >>> 6) + (((rankClass & 63) + fuseScore) / 64);
	}

	return (rankClass === WORD_STARTS_CLASS ? 2 : 3) + fuseScore;
}

/** The text is one character long. */
const TEXT_ONE_CHAR = 1;
/** The text's words are one word of one character (its words equal a one-letter query). */
const TEXT_ONE_LETTER_WORD = 2;

/** One query's working state: each word against each distinct text, computed when first needed. */
class Query {
	readonly states: Uint8Array[];
	/** Per word allowed errors, its best window in each text (see bestWindow), -2 until computed. */
	readonly windows: Array<Int32Array | undefined>;
	/** Per text, how it is given to fuse.js (see give), -2 until computed. */
	readonly gives: Int8Array;
	/** Stand-ins, each once: their ids go in the rows' signatures. */
	readonly standIns = new Map<string, number>();
	readonly standInOf = new Map<number, number>();

	/**
	 * Stand-ins are joined by a separator longer than the errors fuse.js allows any of the query's
	 * words, so none can match across it: every match in a stand-in is a match in one of its pieces,
	 * each a substring of the field. Absent words stay absent, a word's fewest errors its fewest.
	 */
	readonly separator: string;

	/** `grown`: the previous query, when each of its words is a prefix of this one's with the same allowed errors. */
	constructor(readonly words: readonly string[], readonly terms: readonly Term[], readonly texts: readonly string[], readonly info: TextInfo, grown?: Query) {
		this.separator = '\u0000'.repeat(Math.max(...terms.flatMap(term => term.chunks.map(chunk => chunk.errors))) + 1);
		this.states = terms.map((term, index) => {
			if (term.letter >= 0) {
				return new Uint8Array(0);
			}

			const states = new Uint8Array(texts.length).fill(UNKNOWN);
			// A text its shorter self was absent from cannot hold the grown word either.
			const before = grown?.states[index];
			if (before?.length === texts.length) {
				for (let text = 0; text < before.length; text++) {
					if (before[text] === ABSENT) {
						states[text] = ABSENT;
					}
				}
			}

			return states;
		});
		this.windows = terms.map(() => undefined);
		this.gives = new Int8Array(texts.length).fill(-2);
	}

	state(term: number, text: number): number {
		const {letter} = this.terms[term]!;
		if (letter >= 0) {
			// One letter: the text's masks say it all (a one-character text holding it is it).
			if (!maskHas(this.info.chars, text, letter)) {
				return ABSENT;
			}

			return (this.info.flags[text]! & TEXT_ONE_CHAR) === 0 ? CONTAINS : EQUALS;
		}

		const states = this.states[term]!;
		let value = states[text]!;
		if (value === UNKNOWN) {
			value = termState(this.terms[term]!, this.texts, this.info, text);
			states[text] = value;
		}

		return value;
	}

	window(term: number, text: number): number {
		let windows = this.windows[term];
		if (!windows) {
			windows = new Int32Array(this.texts.length).fill(-2);
			this.windows[term] = windows;
		}

		let window = windows[text]!;
		if (window === -2) {
			window = bestWindow(this.terms[term]!.chunks[0]!, this.texts[text]!);
			windows[text] = window;
		}

		return window;
	}

	#startText = -1;
	#startTerm = -1;
	#startAt = -1;

	/** Where a word starts a word of the text (wordStart), remembered for the last text asked: the tier and the highlight ask alike. */
	wordStart(term: number, text: number): number {
		if (this.#startText !== text || this.#startTerm !== term) {
			this.#startText = text;
			this.#startTerm = term;
			this.#startAt = wordStart(this.texts[text]!, this.words[term]!);
		}

		return this.#startAt;
	}

	/** How a field with this text is given to fuse.js (GIVE_*), -1 when no word may match it. */
	give(text: number): number {
		const known = this.gives[text]!;
		if (known !== -2) {
			return known;
		}

		const give = this.#give(text);
		this.gives[text] = give;
		return give;
	}

	#give(text: number): number {
		let give = -1;
		for (let term = 0; term < this.terms.length; term++) {
			const value = this.state(term, text);
			if (value === EQUALS || (value === FUZZY && (this.terms[term]!.long || this.window(term, text) < 0))) {
				// A field equal to a word is short already; a long word's chunks score on the whole text.
				return GIVE_TEXT;
			}

			if (value === FUZZY) {
				give = GIVE_STAND_IN;
			} else if (value === CONTAINS && give < 0) {
				give = GIVE_WORDS;
			}
		}

		return give;
	}

	/** The id of a field's stand-in (see standIn): equal stand-ins, equal ids. */
	standInId(text: number): number {
		let id = this.standInOf.get(text);
		if (id === undefined) {
			const standIn = this.standIn(text);
			id = this.standIns.get(standIn);
			if (id === undefined) {
				id = this.standIns.size;
				this.standIns.set(standIn, id);
			}

			this.standInOf.set(text, id);
		}

		return id;
	}

	/** The stand-in of a field: each word it holds exactly, each word it holds with errors as its best window. */
	standIn(text: number): string {
		const parts: string[] = [];
		const folded = this.texts[text]!;
		for (let term = 0; term < this.terms.length; term++) {
			const value = this.state(term, text);
			if (value === CONTAINS) {
				parts.push(this.terms[term]!.text);
			} else if (value === FUZZY) {
				const window = this.window(term, text);
				parts.push(folded.slice(Math.floor(window / 0x1_00_00), window % 0x1_00_00));
			}
		}

		return parts.join(this.separator) + this.separator;
	}
}

/** Rows loaded so far, folded and prefiltered once, searched per keystroke with fuse.js over what may match. */
export class FuzzyIndex {
	readonly #docs: SearchDoc[] = [];
	/** Per row, its first slot in the slot arrays; slots are its non-blank fields, in order. */
	#rowStart = new Int32Array(64);
	/** Per row, the length of its original name: shorter names rank first among equals. */
	#nameLength = new Uint32Array(64);
	/** Per row: NAME_PAIRS, NAME_MAPPED. */
	#nameFlags = new Uint8Array(64);
	/**
	 * Per row, for each ASCII word character (a–z, 0–9, _: the exact bits of charBit), where its
	 * name is highlighted for that one letter: the first word it starts, else its first occurrence
	 * (NO_LETTER if none, or past 254). The first keystroke then reads no name.
	 */
	#nameLetters = new Uint8Array(64 * EXACT_CHARS);
	#bits = new Uint32Array(64 * WORDS);
	#slotText = new Int32Array(256);
	/** fuse.js's key (0 name, 1 other) | the norm's id << 1. */
	#slotHead = new Int32Array(256);
	/** The field's position in its row (0: the name, fields[0]). */
	#slotField = new Uint16Array(256);
	#slots = 0;
	/** Folded field texts, each once; a row's slots point into it. */
	readonly #texts: string[] = [];
	#textTable = new Int32Array(1024);
	#textHash = new Int32Array(256);
	#info: TextInfo = {first: new Uint16Array(256), firstAt: new Uint16Array(256), chars: new Int32Array(512), initials: new Int32Array(512), flags: new Uint8Array(256), length: new Uint32Array(256), grams: new Int32Array(1024)};
	readonly #norms: number[] = [];
	readonly #normIds = new Map<number, number>();
	/** Offset maps of the names whose fold moved characters (see offsetMap). */
	readonly #nameMaps = new Map<number, Int32Array>();
	/** Per word, how many fields hold it: one counter object each, so a field costs one lookup per word. */
	readonly #wordFields = new Map<string, {fields: number}>();
	/**
	 * The corpus statistics fuse.js's token search reads (fieldCount, and df.get(word): its document
	 * frequencies), as its buildInvertedIndex would compute them over all rows.
	 */
	readonly #stats: InvertedIndex = {
		fieldCount: 0,
		df: {get: (word: string) => this.#wordFields.get(word)?.fields} as unknown as Map<string, number>,
		docFieldCount: new Map(),
		docTermFieldHits: new Map(),
	};
	/** Words of texts seen more than once (organization names, acronyms), so they are split once. */
	readonly #repeatedWords = new Map<number, readonly string[]>();
	#previous: {readonly terms: readonly Term[]; readonly rows: Int32Array; readonly size: number; readonly query: Query} | null = null;
	/** Per bit of the row bitsets, how many rows have it: how rare a bigram is. */
	readonly #rowsWith = new Int32Array(BIGRAM_BITS + UNIGRAM_BITS);
	#cached: {readonly key: string; readonly hits: readonly FuzzyHit[]} | null = null;

	constructor(docs?: readonly SearchDoc[]) {
		if (docs) {
			this.add(docs);
		}
	}

	/** Rows indexed so far. */
	get size(): number {
		return this.#docs.length;
	}

	/** Append rows (a list loaded one more page); indices continue. Keeps the index warm: no rebuild of what was there. */
	add(docs: readonly SearchDoc[]): void {
		if (!Array.isArray(docs)) {
			return;
		}

		const first = this.#docs.length;
		const rows = first + docs.length;
		this.#rowStart = grown(this.#rowStart, rows + 1, length => new Int32Array(length));
		this.#nameLength = grown(this.#nameLength, rows, length => new Uint32Array(length));
		this.#nameFlags = grown(this.#nameFlags, rows, length => new Uint8Array(length));
		this.#nameLetters = grown(this.#nameLetters, rows * EXACT_CHARS, length => new Uint8Array(length).fill(NO_LETTER));
		this.#bits = grown(this.#bits, rows * WORDS, length => new Uint32Array(length));
		for (let offset = 0; offset < docs.length; offset++) {
			const given = docs[offset] as SearchDoc | undefined;
			const doc: SearchDoc = Array.isArray(given?.fields) ? given! : {fields: []};
			const row = first + offset;
			this.#docs.push(doc);
			this.#rowStart[row] = this.#slots;
			const {fields} = doc;
			this.#nameLength[row] = textOf(fields[0]).length;
			for (let field = 0; field < fields.length; field++) {
				const original = textOf(fields[field]);
				// fuse.js skips blank values: no record, no statistics. Their characters still go in
				// the bitset, since an extended query reads all fields as one text, blanks included.
				if (isBlank(original)) {
					addGrams(this.#bits, row * WORDS, fold(original));
					continue;
				}

				const folded = fold(original);
				this.#addSlot(row, field, original, folded);
				if (field === 0) {
					this.#placeLetters(row, folded);
				}

				if (field === 0 && !isAscii(original)) {
					const map = offsetMap(original, folded);
					// Not /u: a surrogate is matched as a unit only without it.
					this.#nameFlags[row] = (/[\uD800-\uDBFF]/.test(original) ? NAME_PAIRS : 0) | (map ? NAME_MAPPED : 0);
					if (map) {
						this.#nameMaps.set(row, map);
					}
				}
			}
		}

		this.#rowStart[rows] = this.#slots;
		for (let row = first; row < rows; row++) {
			for (let word = 0; word < WORDS; word++) {
				for (let bits = this.#bits[(row * WORDS) + word]!; bits !== 0; bits &= bits - 1) {
					this.#rowsWith[(word * 32) + (31 - Math.clz32(bits & -bits))]!++;
				}
			}
		}

		this.#previous = null;
		this.#cached = null;
	}

	/** The id of a folded text, added if new (open addressing on its hash: cheaper than a Map of long strings). */
	#intern(folded: string): {text: number; added: boolean} {
		let hash = 0x81_1C_9D_C5;
		for (let at = 0; at < folded.length; at++) {
			hash = Math.imul(hash ^ folded.charCodeAt(at), 0x01_00_01_93);
		}

		let table = this.#textTable;
		let slot = hash & (table.length - 1);
		for (let entry = table[slot]!; entry !== 0; entry = table[slot]!) {
			if (this.#textHash[entry - 1] === hash && this.#texts[entry - 1] === folded) {
				return {text: entry - 1, added: false};
			}

			slot = (slot + 1) & (table.length - 1);
		}

		const text = this.#texts.length;
		this.#texts.push(folded);
		this.#textHash = grown(this.#textHash, text + 1, length => new Int32Array(length));
		this.#textHash[text] = hash;
		table[slot] = text + 1;
		if ((text + 1) * 2 > table.length) {
			table = new Int32Array(table.length * 2);
			for (let id = 0; id <= text; id++) {
				let at = this.#textHash[id]! & (table.length - 1);
				while (table[at] !== 0) {
					at = (at + 1) & (table.length - 1);
				}

				table[at] = id + 1;
			}

			this.#textTable = table;
		}

		return {text, added: true};
	}

	#addSlot(row: number, field: number, original: string, folded: string): void {
		const {text, added} = this.#intern(folded);
		let words: readonly string[] | undefined;
		if (added) {
			words = folded.match(TOKEN) ?? [];
			this.#describe(text, folded, words);
		} else {
			words = this.#repeatedWords.get(text);
			if (!words) {
				words = [...new Set(folded.match(TOKEN) ?? [])];
				this.#repeatedWords.set(text, words);
			}
		}

		// fuse.js's buildInvertedIndex: a field with words counts once, each distinct word once.
		if (words.length > 0) {
			this.#stats.fieldCount++;
			const counts = this.#wordFields;
			for (let index = 0; index < words.length; index++) {
				const word = words[index]!;
				if (added && index > 0 && words.indexOf(word) < index) {
					continue;
				}

				const count = counts.get(word);
				if (count) {
					count.fields++;
				} else {
					counts.set(word, {fields: 1});
				}
			}
		}

		const n = fuseNorm.get(original);
		let normId = this.#normIds.get(n);
		if (normId === undefined) {
			normId = this.#norms.length;
			this.#norms.push(n);
			this.#normIds.set(n, normId);
		}

		const slot = this.#slots++;
		this.#slotText = grown(this.#slotText, slot + 1, length => new Int32Array(length));
		this.#slotHead = grown(this.#slotHead, slot + 1, length => new Int32Array(length));
		this.#slotField = grown(this.#slotField, slot + 1, length => new Uint16Array(length));
		this.#slotText[slot] = text;
		this.#slotHead[slot] = (field === 0 ? 0 : 1) | (normId << 1);
		this.#slotField[slot] = field;
		addGrams(this.#bits, row * WORDS, folded);
	}

	/** Fill in #nameLetters for a row's folded name. */
	#placeLetters(row: number, name: string): void {
		const base = row * EXACT_CHARS;
		const starts = this.#nameLetters;
		let startsWord = 0;
		let startsWordHigh = 0;
		for (let at = 0; at < Math.min(name.length, NO_LETTER); at++) {
			const code = name.charCodeAt(at);
			if (!isExactChar(code)) {
				continue;
			}

			const bit = charBit(code);
			const seen = bit < 32 ? (startsWord & (1 << bit)) !== 0 : (startsWordHigh & (1 << (bit - 32))) !== 0;
			if (seen) {
				continue;
			}

			if (!tokenBefore(name, at)) {
				// A word starts here: it wins over an earlier occurrence inside a word.
				starts[base + bit] = at;
				if (bit < 32) {
					startsWord |= 1 << bit;
				} else {
					startsWordHigh |= 1 << (bit - 32);
				}
			} else if (starts[base + bit] === NO_LETTER) {
				starts[base + bit] = at;
			}
		}
	}

	/** Fill in what is known of a new text without reading it again (TextInfo). */
	#describe(text: number, folded: string, words: readonly string[]): void {
		let info = this.#info;
		if (text >= info.first.length) {
			info = {
				first: grown(info.first, text + 1, length => new Uint16Array(length)),
				firstAt: grown(info.firstAt, text + 1, length => new Uint16Array(length)),
				chars: grown(info.chars, (text + 1) * 2, length => new Int32Array(length)),
				initials: grown(info.initials, (text + 1) * 2, length => new Int32Array(length)),
				flags: grown(info.flags, text + 1, length => new Uint8Array(length)),
				length: grown(info.length, text + 1, length => new Uint32Array(length)),
				grams: grown(info.grams, (text + 1) * 4, length => new Int32Array(length)),
			};
			this.#info = info;
		}

		const lead = words[0];
		info.first[text] = lead?.charCodeAt(0) ?? 0;
		info.firstAt[text] = lead === undefined ? 0 : Math.min(folded.search(TOKEN_START), 0xFF_FF);
		let previous = -1;
		for (let at = 0; at < folded.length; at++) {
			const code = folded.charCodeAt(at);
			const bit = charBit(code);
			info.chars[(text * 2) + (bit >>> 5)]! |= 1 << (bit & 31);
			if (previous >= 0) {
				const gram = textGramBit(previous, code);
				info.grams[(text * 4) + (gram >>> 5)]! |= 1 << (gram & 31);
			}

			previous = code;
		}

		for (const word of words) {
			const bit = charBit(word.charCodeAt(0));
			info.initials[(text * 2) + (bit >>> 5)]! |= 1 << (bit & 31);
		}

		info.length[text] = folded.length;
		info.flags[text] = (folded.length === 1 ? TEXT_ONE_CHAR : 0) | (words.length === 1 && lead?.length === 1 ? TEXT_ONE_LETTER_WORD : 0);
	}

	/** Ranked hits for a query; '' or whitespace → [] (the caller shows all rows unfiltered). */
	search(query: string): FuzzyHit[] {
		if (typeof query !== 'string' || !query.trim() || this.#docs.length === 0) {
			return [];
		}

		try {
			const folded = fold(query);
			if (isExtended(query)) {
				return this.#searchExtended(query, folded);
			}

			const words = folded.match(TOKEN) ?? [];
			if (words.length === 0) {
				// No word: fuse.js's token search matches nothing either (an emoji, punctuation).
				return [];
			}

			const key = `${words.join(' ')}\u0000${this.#docs.length}`;
			if (this.#cached?.key !== key) {
				this.#cached = {key, hits: this.#searchWords(words)};
			}

			return [...this.#cached.hits];
		} catch {
			// A query must never take the list down; an unforeseen failure shows no hits.
			return [];
		}
	}

	/** Rows to check: all, or the previous query's candidates when they provably hold every hit of this one. */
	#baseRows(terms: readonly Term[]): Int32Array | null {
		const previous = this.#previous;
		if (previous?.size !== this.#docs.length || previous.terms.length > terms.length) {
			return null;
		}

		// A word that grew keeps the same allowed errors: any match of it contains a match of its
		// former self with no more errors. A word that gained an error (4, 8, 12… letters) may
		// match rows its shorter self could not ("lyo" exact, "lyon" with one typo): scan again.
		for (let index = 0; index < previous.terms.length; index++) {
			const before = previous.terms[index]!;
			const now = terms[index]!;
			if (before.long || now.long || !now.text.startsWith(before.text) || before.errors !== now.errors) {
				return null;
			}
		}

		return previous.rows;
	}

	#searchWords(words: readonly string[]): FuzzyHit[] {
		const terms = words.map(word => makeTerm(word, this.#rowsWith));
		const base = this.#baseRows(terms);
		const query = new Query(words, terms, this.#texts, this.#info, base ? this.#previous!.query : undefined);
		const pass = terms.length === 1 && terms[0]!.letter >= 0 ? this.#passLetter(query, base) : this.#passWords(query, base);
		this.#previous = {terms, rows: pass.candidates.slice(0, pass.count), size: this.#docs.length, query};
		return pass.count === 0 ? [] : this.#finish(query, pass);
	}

	/**
	 * One pass over the rows, so each row's data is read once: is it a candidate; what would fuse.js
	 * be given for it (its group); its tier; its highlights.
	 */
	#passWords(query: Query, base: Int32Array | null): Pass {
		const {terms} = query;
		const rowCount = base ? base.length : this.#docs.length;
		const bits = this.#bits;
		const rowStart = this.#rowStart;
		const slotText = this.#slotText;
		const slotHead = this.#slotHead;
		const termCount = terms.length;
		const maskWords = Math.ceil(termCount / 32);
		const pass = newPass(rowCount);
		let signature = new Int32Array(64);
		rows: for (let position = 0; position < rowCount; position++) {
			const row = base ? base[position]! : position;
			const bitBase = row * WORDS;
			for (let term = 0; term < termCount; term++) {
				if (!termGramsPass(bits, bitBase, terms[term]!)) {
					continue rows;
				}
			}

			const first = rowStart[row]!;
			const last = rowStart[row + 1]!;
			for (let term = 0; term < termCount; term++) {
				let found = false;
				for (let slot = first; slot < last && !found; slot++) {
					found = query.state(term, slotText[slot]!) !== ABSENT;
				}

				if (!found) {
					continue rows;
				}
			}

			if (signature.length < (last - first) * (1 + maskWords)) {
				signature = new Int32Array((last - first) * (1 + maskWords) * 2);
			}

			// The group: per field a word may match, its key and norm, and what stands in for it (the
			// words it holds, a stand-in's id, or its text).
			let length = 0;
			let nameWhole = false;
			for (let slot = first; slot < last; slot++) {
				const text = slotText[slot]!;
				const give = query.give(text);
				if (give < 0) {
					continue;
				}

				signature[length++] = slotHead[slot]! | (give << 17);
				if (give === GIVE_TEXT) {
					signature[length++] = text;
					nameWhole ||= slot === first && this.#slotField[slot] === 0;
				} else if (give === GIVE_STAND_IN) {
					signature[length++] = query.standInId(text);
				} else {
					for (let word = 0; word < maskWords; word++) {
						signature[length + word] = 0;
					}

					for (let term = 0; term < termCount; term++) {
						if (query.state(term, text) === CONTAINS) {
							signature[length + (term >>> 5)]! |= 1 << (term & 31);
						}
					}

					length += maskWords;
				}
			}

			const index = pass.count++;
			pass.candidates[index] = row;
			pass.rowGroup[index] = pass.groups.of(signature, length, row);
			pass.rowTier[index] = this.#tier(query, row);
			// A name given whole is highlighted from fuse.js's match, known once it has run.
			pass.rowHighlights[index] = nameWhole ? undefined : this.#highlights(query, row, undefined);
		}

		return pass;
	}

	/**
	 * The same pass for a one-letter query (the first keystroke, with nearly every row a hit), read
	 * from the texts' masks: only the name is read, to place its highlight.
	 */
	#passLetter(query: Query, base: Int32Array | null): Pass {
		const word = query.words[0]!;
		const code = word.charCodeAt(0);
		const {letter} = query.terms[0]!;
		const rowCount = base ? base.length : this.#docs.length;
		const bits = this.#bits;
		const unigram = unigramBit(code);
		const rowWord = unigram >>> 5;
		const rowMask = 1 << (unigram & 31);
		const charWord = letter >>> 5;
		const charMask = 1 << (letter & 31);
		const {chars, initials, first: firstCode, flags} = this.#info;
		const letters = this.#nameLetters;
		const rowStart = this.#rowStart;
		const slotText = this.#slotText;
		const slotHead = this.#slotHead;
		const texts = this.#texts;
		const pass = newPass(rowCount);
		let signature = new Int32Array(64);
		for (let position = 0; position < rowCount; position++) {
			const row = base ? base[position]! : position;
			if ((bits[(row * WORDS) + rowWord]! & rowMask) === 0) {
				continue;
			}

			const first = rowStart[row]!;
			const last = rowStart[row + 1]!;
			if (signature.length < (last - first) * 2) {
				signature = new Int32Array((last - first) * 4);
			}

			let length = 0;
			let rankClass = REST_CLASS;
			for (let slot = first; slot < last; slot++) {
				const text = slotText[slot]!;
				if ((chars[(text * 2) + charWord]! & charMask) === 0) {
					continue;
				}

				// As query.give: a one-character text is the letter (given whole), others hold it (its mask, 1).
				const whole = (flags[text]! & TEXT_ONE_CHAR) !== 0;
				signature[length++] = slotHead[slot]! | ((whole ? GIVE_TEXT : GIVE_WORDS) << 17);
				signature[length++] = whole ? text : 1;
				// As #tier: its first word starts with the letter (equal if that is all), or some word does.
				if (firstCode[text] === code) {
					rankClass = Math.min(rankClass, classOf((flags[text]! & TEXT_ONE_LETTER_WORD) === 0 ? PREFIX_CLASS : EQUAL_CLASS, this.#slotField[slot]!));
				} else if ((initials[(text * 2) + charWord]! & charMask) !== 0) {
					rankClass = Math.min(rankClass, WORD_STARTS_CLASS);
				}
			}

			if (length === 0) {
				continue;
			}

			const index = pass.count++;
			pass.candidates[index] = row;
			pass.rowGroup[index] = pass.groups.of(signature, length, row);
			pass.rowTier[index] = rankClass;
			let highlights = EMPTY;
			const name = slotText[first]!;
			if (first < last && this.#slotField[first] === 0 && (chars[(name * 2) + charWord]! & charMask) !== 0) {
				let at = letters[(row * EXACT_CHARS) + letter]!;
				if (at === NO_LETTER) {
					// A long name: read it.
					const text = texts[name]!;
					at = wordStart(text, word);
					if (at < 0) {
						at = text.indexOf(word);
					}
				}

				highlights = this.#range(row, at, at + 1);
			}

			pass.rowHighlights[index] = highlights;
		}

		return pass;
	}

	/** fuse.js scores the groups; the hits are ordered and made. */
	#finish(query: Query, pass: Pass): FuzzyHit[] {
		const {candidates, rowGroup, rowTier, rowHighlights} = pass;
		const candidateCount = pass.count;
		const groupRow = pass.groups.rows;
		const rowStart = this.#rowStart;
		const slotText = this.#slotText;
		// fuse.js over one record per group.
		const records = groupRow.map((row, group) => this.#record(query, row, group));
		const fuse = new Fuse<never>([], foldedOptions);
		// The corpus statistics of every row (fuse.js computes its TF-IDF weights from them), not
		// those of the records it is given: scores stay those of plain fuse.js over all rows.
		fuse._invertedIndex = this.#stats;
		// Groups share field texts (an organization's name, a stand-in): fuse.js's searcher gives the
		// same answer for the same text, so it is asked once per text.
		const searcherFor = fuse._getSearcher.bind(fuse);
		fuse._getSearcher = pattern => {
			const searcher = searcherFor(pattern);
			const answers = new Map<string, ReturnType<Searcher['searchIn']>>();
			return {
				searchIn(text: string) {
					let answer = answers.get(text);
					if (answer === undefined) {
						answer = searcher.searchIn(text);
						answers.set(text, answer);
					}

					return answer;
				},
			};
		};

		fuse.getIndex().setIndexRecords(records as unknown as IndexRecords);
		const groupScore = new Float64Array(groupRow.length).fill(Number.NaN);
		const groupName: Array<ReadonlyArray<readonly [number, number]> | undefined> = [];
		for (const result of fuse.search(query.words.join(' ')) as Array<FuseResult<never>>) {
			groupScore[result.refIndex] = Math.min(result.score ?? 0, 0.999_999);
			// fuse.js's match positions mean something in a name given whole, not in a stand-in.
			const name = result.matches?.find(match => match.key === KEY_NAME.name);
			const nameSlot = rowStart[groupRow[result.refIndex]!]!;
			if (name && this.#slotField[nameSlot] === 0 && query.give(slotText[nameSlot]!) === GIVE_TEXT) {
				groupName[result.refIndex] = name.indices;
			}
		}

		// fuse.js's scores as ranks (equal scores, equal ranks), for the counting sort.
		const scored = [...groupScore.keys()].filter(group => !Number.isNaN(groupScore[group]!));
		scored.sort((a, b) => groupScore[a]! - groupScore[b]!);
		const groupRank = new Int32Array(groupRow.length);
		let ranks = 0;
		for (let index = 0; index < scored.length; index++) {
			if (index > 0 && groupScore[scored[index]!]! !== groupScore[scored[index - 1]!]!) {
				ranks++;
			}

			groupRank[scored[index]!] = ranks;
		}

		ranks++;

		// The hits: candidates fuse.js matched, with their sort keys.
		const hitRow = new Int32Array(candidateCount);
		const hitScore = new Float64Array(candidateCount);
		const hitKey = new Int32Array(candidateCount);
		const hitLength = new Uint32Array(candidateCount);
		const hitPosition = new Int32Array(candidateCount);
		let hitCount = 0;
		let longestName = 0;
		for (let position = 0; position < candidateCount; position++) {
			const group = rowGroup[position]!;
			const score = groupScore[group]!;
			if (Number.isNaN(score)) {
				continue;
			}

			const row = candidates[position]!;
			const rankClass = rowTier[position]!;
			hitRow[hitCount] = row;
			hitScore[hitCount] = rankScore(rankClass, score);
			hitKey[hitCount] = (rankClass * ranks) + groupRank[group]!;
			hitLength[hitCount] = this.#nameLength[row]!;
			longestName = Math.max(longestName, this.#nameLength[row]!);
			hitPosition[hitCount] = position;
			rowHighlights[position] ??= this.#highlights(query, row, groupName[group]);
			hitCount++;
		}

		// Rank class, then fuse.js's score, then a shorter name, then row order: stable counting sorts, by
		// both keys at once when the buckets are few, else by length, then by tier and score.
		const lengths = longestName + 1;
		const identity = new Int32Array(hitCount);
		for (let hit = 0; hit < hitCount; hit++) {
			identity[hit] = hit;
		}

		let order: Int32Array;
		if (CLASSES * ranks * lengths <= Math.max(1 << 18, hitCount * 4)) {
			for (let hit = 0; hit < hitCount; hit++) {
				hitKey[hit] = (hitKey[hit]! * lengths) + hitLength[hit]!;
			}

			order = countingSort(identity, hitKey, CLASSES * ranks * lengths);
		} else {
			order = countingSort(countingSort(identity, hitLength, lengths), hitKey, CLASSES * ranks);
		}

		const result: FuzzyHit[] = new Array<FuzzyHit>(hitCount);
		for (let index = 0; index < hitCount; index++) {
			const hit = order[index]!;
			result[index] = {index: hitRow[hit]!, score: hitScore[hit]!, highlights: rowHighlights[hitPosition[hit]!]!};
		}

		return result;
	}

	/** What fuse.js is given for a group: its representative row's fields a word may match, or their stand-ins. */
	#record(query: Query, row: number, group: number): FoldedRecord {
		const record: FoldedRecord = {i: group, $: {}};
		const other: Array<{v: string; i: number; n: number}> = [];
		for (let slot = this.#rowStart[row]!, last = this.#rowStart[row + 1]!; slot < last; slot++) {
			const text = this.#slotText[slot]!;
			const give = query.give(text);
			if (give < 0) {
				continue;
			}

			let v: string;
			if (give === GIVE_TEXT) {
				v = this.#texts[text]!;
			} else if (give === GIVE_STAND_IN) {
				v = query.standIn(text);
			} else {
				const held = query.terms.filter((_, term) => query.state(term, text) === CONTAINS).map(term => term.text);
				v = held.join(query.separator) + query.separator;
			}

			const n = this.#norms[this.#slotHead[slot]! >>> 1]!;
			const field = this.#slotField[slot]!;
			if (field === 0) {
				record.$[0] = {v, n};
			} else {
				other.push({v, i: field - 1, n});
			}
		}

		if (other.length > 0) {
			record.$[1] = other;
		}

		return record;
	}

	/** The row's rank class: a field equal to the query, a field starting with it (each by the field's position), every word starting a word, the rest. */
	#tier(query: Query, row: number): number {
		const {terms, words} = query;
		const info = this.#info;
		const first = this.#rowStart[row]!;
		const last = this.#rowStart[row + 1]!;
		const lead = words[0]!.charCodeAt(0);
		const oneLetter = terms.length === 1 && terms[0]!.letter >= 0;
		let rankClass = REST_CLASS;
		for (let slot = first; slot < last; slot++) {
			const text = this.#slotText[slot]!;
			// Equal or a prefix: the text's first word starts with the first word, and it holds them all.
			if (info.first[text] !== lead) {
				continue;
			}

			const field = this.#slotField[slot]!;
			if (oneLetter) {
				// Its first word starts with the letter: equal if that is all there is.
				if ((info.flags[text]! & TEXT_ONE_LETTER_WORD) !== 0) {
					return classOf(EQUAL_CLASS, field);
				}

				rankClass = Math.min(rankClass, classOf(PREFIX_CLASS, field));
				continue;
			}

			let holdsAll = true;
			for (let term = 0; term < terms.length && holdsAll; term++) {
				const value = query.state(term, text);
				holdsAll = value === CONTAINS || value === EQUALS;
			}

			if (!holdsAll) {
				continue;
			}

			const loose = compareWords(this.#texts[text]!, words);
			if (loose === EQUAL) {
				// Slots are in field order: the first equal field is the best.
				return classOf(EQUAL_CLASS, field);
			}

			if (loose === PREFIX) {
				rankClass = Math.min(rankClass, classOf(PREFIX_CLASS, field));
			}
		}

		if (rankClass < REST_CLASS) {
			return rankClass;
		}

		for (let term = 0; term < terms.length; term++) {
			const {letter} = terms[term]!;
			const initial = charBit(words[term]!.charCodeAt(0));
			let found = false;
			for (let slot = first; slot < last && !found; slot++) {
				const text = this.#slotText[slot]!;
				if (!maskHas(info.initials, text, initial)) {
					continue;
				}

				// A letter some word starts with is a word start; a longer word must be found at one.
				found = letter >= 0 || ((query.state(term, text) === CONTAINS || query.state(term, text) === EQUALS) && query.wordStart(term, text) >= 0);
			}

			if (!found) {
				return REST_CLASS;
			}
		}

		return WORD_STARTS_CLASS;
	}

	/** Where to highlight a word the name holds exactly: its first word start, else its first occurrence. */
	#wordAt(query: Query, term: number, text: number): number {
		const info = this.#info;
		const word = query.words[term]!;
		const code = word.charCodeAt(0);
		if (query.terms[term]!.letter >= 0 && info.first[text] === code) {
			return info.firstAt[text]!;
		}

		const at = maskHas(info.initials, text, charBit(code)) ? query.wordStart(term, text) : -1;
		return at >= 0 ? at : this.#texts[text]!.indexOf(word);
	}

	/** Ranges of the original name: the query's words where the name holds them, its best windows, or fuse.js's match. */
	#highlights(query: Query, row: number, fuseIndices: ReadonlyArray<readonly [number, number]> | undefined): ReadonlyArray<readonly [number, number]> {
		const slot = this.#rowStart[row]!;
		if (slot >= this.#rowStart[row + 1]! || this.#slotField[slot] !== 0) {
			return EMPTY;
		}

		const {terms, words} = query;
		const text = this.#slotText[slot]!;
		if (terms.length === 1 && fuseIndices === undefined) {
			// One word (most keystrokes): one range, no words to compare.
			const value = query.state(0, text);
			if (value === CONTAINS || value === EQUALS) {
				const at = this.#wordAt(query, 0, text);
				return this.#range(row, at, at + words[0]!.length);
			}

			const window = value === FUZZY && !terms[0]!.long ? query.window(0, text) : -1;
			return window < 0 ? EMPTY : this.#range(row, Math.floor(window / 0x1_00_00), window % 0x1_00_00);
		}

		const name = this.#texts[text]!;
		const ranges: number[] = [];
		if (this.#info.first[text] === words[0]!.charCodeAt(0) && compareWords(name, words, scratchSpan) !== NO_MATCH) {
			ranges.push(scratchSpan[0]!, scratchSpan[1]!);
		} else if (fuseIndices) {
			for (const [start, end] of fuseIndices) {
				ranges.push(start, end + 1);
			}
		} else {
			for (let term = 0; term < terms.length; term++) {
				const value = query.state(term, text);
				if (value === CONTAINS || value === EQUALS) {
					const at = this.#wordAt(query, term, text);
					ranges.push(at, at + words[term]!.length);
				} else if (value === FUZZY && !terms[term]!.long) {
					const window = query.window(term, text);
					if (window >= 0) {
						ranges.push(Math.floor(window / 0x1_00_00), window % 0x1_00_00);
					}
				}
			}
		}

		return this.#toOriginal(row, ranges);
	}

	/** One folded range of a row's name, in the original. */
	#range(row: number, start: number, end: number): ReadonlyArray<readonly [number, number]> {
		return this.#nameFlags[row] === 0 ? singleRange(start, end) : this.#toOriginal(row, [start, end]);
	}

	/** Sort and merge folded [start, end) pairs (flat), and map them to the original name. */
	#toOriginal(row: number, ranges: number[]): ReadonlyArray<readonly [number, number]> {
		if (ranges.length === 0) {
			return EMPTY;
		}

		const flags = this.#nameFlags[row]!;
		if (ranges.length === 2 && flags === 0) {
			// The common case, one range in a name folded in place: a shared, frozen pair.
			return singleRange(ranges[0]!, ranges[1]!);
		}

		// Insertion sort: a handful of pairs at most.
		for (let at = 2; at < ranges.length; at += 2) {
			const start = ranges[at]!;
			const end = ranges[at + 1]!;
			let to = at;
			while (to > 0 && (ranges[to - 2]! > start || (ranges[to - 2] === start && ranges[to - 1]! > end))) {
				ranges[to] = ranges[to - 2]!;
				ranges[to + 1] = ranges[to - 1]!;
				to -= 2;
			}

			ranges[to] = start;
			ranges[to + 1] = end;
		}

		const map = (flags & NAME_MAPPED) === 0 ? undefined : this.#nameMaps.get(row);
		const original = (flags & NAME_PAIRS) === 0 ? '' : textOf(this.#docs[row]!.fields[0]);
		const length = this.#nameLength[row]!;
		const merged: Array<[number, number]> = [];
		for (let at = 0; at < ranges.length; at += 2) {
			let start = map ? map[ranges[at]! * 2] ?? length : ranges[at]!;
			let end = map ? map[((ranges[at + 1]! - 1) * 2) + 1] ?? length : ranges[at + 1]!;
			if (original) {
				// Never split a surrogate pair.
				if (start > 0 && isLowSurrogate(original.charCodeAt(start)) && isHighSurrogate(original.charCodeAt(start - 1))) {
					start--;
				}

				if (end < length && isLowSurrogate(original.charCodeAt(end)) && isHighSurrogate(original.charCodeAt(end - 1))) {
					end++;
				}
			}

			start = Math.min(Math.max(start, 0), length);
			end = Math.min(Math.max(end, start), length);
			if (end <= start) {
				continue;
			}

			const previous = merged.at(-1);
			if (previous && start <= previous[1]) {
				previous[1] = Math.max(previous[1], end);
			} else {
				merged.push([start, end]);
			}
		}

		return merged.length === 1 ? singleRange(merged[0]![0], merged[0]![1]) : merged;
	}

	#searchExtended(query: string, folded: string): FuzzyHit[] {
		const key = `\u0001${folded}\u0000${this.#docs.length}`;
		if (this.#cached?.key === key) {
			return [...this.#cached.hits];
		}

		const plan = extendedPlan(folded);
		const rows: number[] = [];
		for (let row = 0; row < this.#docs.length; row++) {
			if (!plan?.narrow || plan.groups.some(group => group.every(item => this.#mayHold(row, item)))) {
				rows.push(row);
			}
		}

		this.#previous = null;
		const docs = rows.map(row => this.#docs[row]!);
		// fuse.js as plain fuse.js runs it (its own folding, no stand-ins), over the rows it may match.
		const results = rows.length > 0 ? new Fuse(docs, extendedOptions).search(query) : [];
		const hits = results.map(result => {
			const row = rows[result.refIndex]!;
			let highlights = EMPTY;
			if (plan) {
				highlights = this.#itemHighlights(row, plan.groups);
			} else {
				// A query this module does not parse: fuse.js's own match on the name.
				const name = result.matches?.find(match => match.key === KEY_NAME.name);
				highlights = name ? this.#toOriginal(row, name.indices.flatMap(([start, end]) => [start, end + 1])) : EMPTY;
			}

			return {index: row, score: 3 + Math.min(result.score ?? 0, 0.999_999), highlights};
		});
		hits.sort((a, b) => (a.score - b.score) || (this.#nameLength[a.index]! - this.#nameLength[b.index]!) || (a.index - b.index));
		this.#cached = {key, hits};
		return [...hits];
	}

	/**
	 * Ranges of a row's name for an extended query: where the name holds its positive items (not
	 * fuse.js's match, which marks a whole name for a negation such as `!insee`).
	 */
	#itemHighlights(row: number, groups: readonly Item[][]): ReadonlyArray<readonly [number, number]> {
		const slot = this.#rowStart[row]!;
		if (slot >= this.#rowStart[row + 1]! || this.#slotField[slot] !== 0) {
			return EMPTY;
		}

		const name = this.#texts[this.#slotText[slot]!]!;
		const ranges: number[] = [];
		for (const item of groups.flat()) {
			const pattern = item.term.text;
			if (item.kind === 'equal' && name === pattern) {
				ranges.push(0, name.length);
			} else if (item.kind === 'prefix' && name.startsWith(pattern)) {
				ranges.push(0, pattern.length);
			} else if (item.kind === 'suffix' && name.endsWith(pattern)) {
				ranges.push(name.length - pattern.length, name.length);
			} else if (item.kind === 'include' || item.kind === 'fuzzy') {
				const at = name.indexOf(pattern);
				if (at >= 0) {
					ranges.push(at, at + pattern.length);
				} else if (item.kind === 'fuzzy' && !item.term.long && item.term.errors > 0) {
					const window = bestWindow(item.term.chunks[0]!, name);
					if (window >= 0) {
						ranges.push(Math.floor(window / 0x1_00_00), window % 0x1_00_00);
					}
				}
			}
		}

		return this.#toOriginal(row, ranges);
	}

	/** Whether a row may satisfy one positive item of an extended query, in one of fuse.js's texts (the name, all fields joined). */
	#mayHold(row: number, item: Item): boolean {
		if (!termGramsPass(this.#bits, row * WORDS, item.term)) {
			return false;
		}

		// fuse.js's text: every field folded, blanks included, joined by newlines.
		const {fields} = this.#docs[row]!;
		const parts: string[] = [];
		let slot = this.#rowStart[row]!;
		for (const field of fields) {
			const original = textOf(field);
			const text = isBlank(original) ? fold(original) : this.#texts[this.#slotText[slot++]!]!;
			if (text.includes(item.term.text)) {
				return true;
			}

			parts.push(text);
		}

		if (item.kind !== 'fuzzy') {
			return false;
		}

		// A fuzzy item is matched against the joined text: it may straddle two fields.
		const joined = parts.join('\n');
		return item.term.chunks.some(chunk => chunk.errors > 0 && withinErrors(chunk, joined));
	}
}
