/**
 * Hostile strings for `hostile: true` sandboxes: terminal escape sequences and other text that a TUI must neutralise
 * before printing (title changes, hyperlinks, clipboard writes, screen clears, cursor moves, device control strings,
 * C1 controls, BiDi overrides, NUL, and an absurdly long name).
 */

/** Individual payloads, each a distinct attack on a terminal. */
export const HOSTILE_PAYLOADS: readonly string[] = [
	'\u001b]0;pwned\u0007', // OSC 0: set window title, BEL-terminated
	'\u001b]2;x\u001b\\', // OSC 2: set window title, ST-terminated
	'\u001b]8;;https://evil.example/\u001b\\click me\u001b]8;;\u001b\\', // OSC 8 hyperlink
	'\u001b]52;c;cm0gLXJmIH4K\u0007', // OSC 52: write "rm -rf ~" to the clipboard
	'\u001b[2J', // CSI: clear screen
	'\u001b[10;10H', // CSI: cursor move
	'\u001bPq#0;2;0;0;0#1;2;100;100;0\u001b\\', // DCS (sixel-like)
	'\u009b31m', // C1 CSI
	'\u0090evil\u009c', // C1 DCS … C1 ST
	'\u0007', // BEL
	'\u202e', // RIGHT-TO-LEFT OVERRIDE
	'\u2066', // LEFT-TO-RIGHT ISOLATE
	'\u0000', // NUL
	'\r\u001b[K', // carriage return + erase line
];

/** A 10,000-character name (API.md has no length limit on names). */
export const HOSTILE_LONG_NAME = `${'Très long nom d’organisation '.repeat(400)}`.slice(0, 10_000);

/** Wrap a harmless text with a few payloads chosen by `variant`, so different fields carry different attacks. */
export function hostile(text: string, variant: number): string {
	const count = HOSTILE_PAYLOADS.length;
	const a = HOSTILE_PAYLOADS[variant % count] ?? '';
	const b = HOSTILE_PAYLOADS[(variant + 5) % count] ?? '';
	const c = HOSTILE_PAYLOADS[(variant + 9) % count] ?? '';
	return `${a}${text}${b} ${c}fin`;
}

/** Every payload in one string: for descriptions, where there is room. */
export function hostileAll(text: string): string {
	return `${text}\n\n${HOSTILE_PAYLOADS.map((payload, index) => `${index}:${payload}`).join(' ')}\n\u202eevil reversed text\u202c`;
}
