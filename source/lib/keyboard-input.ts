/**
 * What reaches Ink from the keyboard, made safe (pure). Ink 6.8 throws on escape sequences its key
 * parser cannot name: a pasted colour code like `ESC[0m` or `ESC[5m` has its number read as a Ctrl
 * modifier with no key name, and useInput then calls `undefined.startsWith` (found by the soak:
 * one paste and udx crashed). Terminals also answer queries on stdin (OSC, DCS strings).
 *
 * Kept: text, and every key a terminal sends for a key udx or Ink reads — arrows, Home/End,
 * PgUp/PgDn, Insert/Delete, F1–F12, Shift+Tab, with their modifiers; Alt+key (ESC + a character);
 * a lone Esc. Dropped: every other CSI sequence, OSC/DCS/APC/PM/SOS strings, and C1 controls.
 */

/** CSI finals of the keys above (xterm, VT220, rxvt, the Linux console). */
const keyFinals = new Set(['A', 'B', 'C', 'D', 'E', 'F', 'H', 'P', 'Q', 'R', 'S', 'Z']);
/** `CSI n ~` keys: Home, Insert, Delete, End, PgUp, PgDn, Home, End (1–8), F1–F12 (11–24). */
const tildeKeys = new Set([1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 23, 24]);
const keyParameters = /^(?:\d{1,3}(?:;\d{1,3})?)?$/u;

function isKey(parameters: string, final: string): boolean {
	if (!keyParameters.test(parameters)) {
		return false;
	}

	if (final === '~') {
		return tildeKeys.has(Number(parameters.split(';')[0]));
	}

	// Letter keys take no number but xterm's modifier form `1;m`: a cursor position report
	// (`CSI row;col R`) is not F3.
	return keyFinals.has(final) && (parameters === '' || /^1;\d{1,2}$/u.test(parameters));
}

/** The keyboard input in `chunk` that is safe to hand to Ink. */
export function keyboardInput(chunk: string): string {
	// The common case, typed text and plain keys, untouched.
	// eslint-disable-next-line no-control-regex
	if (!/[\u001B\u0080-\u009F]/u.test(chunk)) {
		return chunk;
	}

	let kept = '';
	let index = 0;
	while (index < chunk.length) {
		const character = chunk[index]!;
		const code = character.charCodeAt(0);
		if (code >= 0x80 && code <= 0x9F) {
			index++;
			continue;
		}

		if (character !== '\u001B') {
			kept += character;
			index++;
			continue;
		}

		const next = chunk[index + 1];
		if (next === '[') {
			// CSI: parameters 0x30–0x3F, intermediates 0x20–0x2F, a final 0x40–0x7E.
			let end = index + 2;
			while (end < chunk.length && chunk.charCodeAt(end) >= 0x30 && chunk.charCodeAt(end) <= 0x3F) {
				end++;
			}

			const parameters = chunk.slice(index + 2, end);
			while (end < chunk.length && chunk.charCodeAt(end) >= 0x20 && chunk.charCodeAt(end) <= 0x2F) {
				end++;
			}

			const final = chunk[end];
			if (final === undefined || final.charCodeAt(0) < 0x40 || final.charCodeAt(0) > 0x7E) {
				// Cut off or malformed: nothing of it can be a key.
				index = final === undefined ? chunk.length : end;
				continue;
			}

			if (end === index + 2 + parameters.length && isKey(parameters, final)) {
				kept += chunk.slice(index, end + 1);
			}

			index = end + 1;
			continue;
		}

		if (next === 'O') {
			// SS3: F1–F4 and the keypad's arrows, Home and End on some terminals.
			const final = chunk[index + 2];
			if (final !== undefined && /[A-DFHP-S]/u.test(final)) {
				kept += chunk.slice(index, index + 3);
			}

			index += final === undefined ? 2 : 3;
			continue;
		}

		if (next === ']' || next === 'P' || next === '_' || next === '^' || next === 'X') {
			// A string (OSC, DCS, APC, PM, SOS) up to BEL or ESC \: a terminal's reply, never a key.
			let end = index + 2;
			while (end < chunk.length && chunk[end] !== '\u0007' && !(chunk[end] === '\u001B' && chunk[end + 1] === '\\')) {
				end++;
			}

			index = end >= chunk.length ? chunk.length : end + (chunk[end] === '\u0007' ? 1 : 2);
			continue;
		}

		// A lone Esc, or Alt+key.
		kept += character;
		index++;
	}

	return kept;
}

/**
 * `kept` cut after every lone Esc that has something after it. Ink reads ESC and the character
 * after it in one read as Alt+character, and for a character that is not a letter or digit it
 * drops the Esc altogether: Esc then `?` typed quickly (or coalesced over SSH) became a `?` typed
 * into the modal the Esc was meant to close. Handed to Ink a moment apart, each is a key.
 */
export function splitAfterLoneEscapes(kept: string): string[] {
	const parts: string[] = [];
	let start = 0;
	for (let index = 0; index < kept.length - 1; index++) {
		// What keyboardInput keeps after an ESC is a whole CSI or SS3 key, or anything else after a lone Esc.
		if (kept[index] === '\u001B' && kept[index + 1] !== '[' && kept[index + 1] !== 'O') {
			parts.push(kept.slice(start, index + 1));
			start = index + 1;
		}
	}

	parts.push(kept.slice(start));
	return parts;
}
