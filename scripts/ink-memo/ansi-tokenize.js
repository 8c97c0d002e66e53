// @alcalzone/ansi-tokenize, remembered where Ink calls it once per line per frame
// (ink/build/output.js: styledCharsFromTokens(tokenize(line)), cached only for one frame): the
// lines of a list are the same frame after frame. Ink only reads what these return (it copies the
// characters into its grid), so sharing them across frames is safe. Bounded caches.
import {styledCharsFromTokens as charsOf, tokenize as tokensOf} from '../../node_modules/@alcalzone/ansi-tokenize/build/index.js';

export * from '../../node_modules/@alcalzone/ansi-tokenize/build/index.js';

// About 17 screens of 30 lines: enough to scroll back and forth, ≈5 MB at most (each character is
// two small objects), not a copy of everything ever shown.
const limit = 512;
const tokensByLine = new Map();
const charsByTokens = new WeakMap();

export function tokenize(text, endChar) {
	if (endChar !== undefined) {
		return tokensOf(text, endChar);
	}

	let tokens = tokensByLine.get(text);
	if (tokens === undefined) {
		tokens = tokensOf(text);
		if (tokensByLine.size >= limit) {
			tokensByLine.clear();
		}

		tokensByLine.set(text, tokens);
	}

	return tokens;
}

export function styledCharsFromTokens(tokens) {
	let chars = charsByTokens.get(tokens);
	if (chars === undefined) {
		chars = charsOf(tokens);
		charsByTokens.set(tokens, chars);
	}

	return chars;
}
