/**
 * Make untrusted text safe to put on a terminal.
 *
 * Everything a udata server sends is untrusted: an organization name can carry an OSC 52 sequence
 * that writes the user's clipboard, an OSC 0 that renames their terminal, a CSI that clears the
 * screen or moves the cursor over our frame, or a BiDi override that makes `evil.example` read as
 * something else. We strip all of that once, where wire data becomes domain data (STYLE.md §8),
 * and keep every printable character: accents, CJK, emoji (with their ZWJ sequences) survive.
 */

// Sequences first, so that their printable payload ("0;pwned" in an OSC) goes with them.
// ESC- and C1-introduced strings: OSC (ESC ] / 0x9D), DCS (ESC P / 0x90), SOS (ESC X / 0x98),
// PM (ESC ^ / 0x9E), APC (ESC _ / 0x9F), each ended by BEL, ST (ESC \ or 0x9C), or the end of
// the text (an unterminated string would swallow what follows on a real terminal too).
const controlString = /(?:\u001B[\]PX^_]|[\u0090\u0098\u009D\u009E\u009F])[^\u0007\u009C\u001B]*(?:\u0007|\u009C|\u001B\\|(?=\u001B)|$)/gu;
// CSI: ESC [ or 0x9B, parameter bytes 0x30–0x3F, intermediates 0x20–0x2F, one final byte 0x40–0x7E.
const controlSequence = /(?:\u001B\[|\u009B)[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]?/gu;
// Any other escape: ESC, optional intermediates, one final byte (ESC c resets the terminal).
const otherEscape = /\u001B[\u0020-\u002F]*[\u0030-\u007E]?/gu;
// Remaining C0 controls but tab and newline, DEL, and C1 controls.
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;
// BiDi embeddings, overrides, isolates and marks (Trojan Source, CVE-2021-42574).
const bidiControl = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
// Lone surrogates cannot be printed and break width computations.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/**
 * Strip control and escape sequences from text that may span lines (descriptions).
 * Keeps newlines and tabs; a carriage return becomes a newline, since a bare CR lets text
 * overwrite what was drawn before it on the same line.
 */
export function sanitizeText(text: string): string {
	// Fast path: most strings from a portal are plain.
	// eslint-disable-next-line no-control-regex
	if (!/[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/u.test(text)) {
		return text;
	}

	return text
		.replace(/\r\n?/gu, '\n')
		.replace(controlString, '')
		.replace(controlSequence, '')
		.replace(otherEscape, '')
		.replace(controlCharacter, '')
		.replace(bidiControl, '')
		.replace(loneSurrogate, '\uFFFD');
}

/** Like {@link sanitizeText}, for text shown on one line: whitespace runs, newlines included, become one space. */
export function sanitizeLine(text: string): string {
	return sanitizeText(text).replace(/\s+/gu, ' ').trim();
}

/** Sanitise every string (keys included) in a parsed JSON value, for the raw JSON view. */
export function sanitizeJson(value: unknown): unknown {
	if (typeof value === 'string') {
		return sanitizeText(value);
	}

	if (Array.isArray(value)) {
		return value.map(item => sanitizeJson(item));
	}

	if (value !== null && typeof value === 'object') {
		const clean: Record<string, unknown> = {};
		for (const [key, item] of Object.entries(value)) {
			clean[sanitizeLine(key)] = sanitizeJson(item);
		}

		return clean;
	}

	return value;
}
