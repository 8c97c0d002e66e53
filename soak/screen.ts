/**
 * Reading the app's screen as text, for the soak (pure). The oracle for unconfirmed mutations is
 * the frame — what a user would have seen — never the app's own state, so this parses what the
 * confirmation modals print (source/ui/confirm-modal.tsx, source/views/edit-modal.tsx).
 */

/** Where the keys go right now, as far as the screen tells: the monkey weighs its keys by it. */
export type Context =
	| 'home' | 'list' | 'filter' | 'detail' | 'pager' | 'palette' | 'login' | 'help'
	| 'delete' | 'restore' | 'edit-form' | 'edit-review' | 'edit-confirm' | 'edit-other' | 'crashed' | 'unknown';

export type ObjectKind = 'organization' | 'dataset' | 'reuse' | 'dataservice' | 'resource';

/** A typed confirmation as the screen shows it: the text asked for and the text typed. */
export type ShownConfirmation = {
	readonly action: 'delete' | 'edit';
	readonly kind: ObjectKind;
	/** From the modal's `id` line (a delete shows it; an edit does not), when not cut. */
	readonly id: string | null;
	/** What must be typed, re-joined from its wrapped lines: the slug (a resource's id) on the sandbox. */
	readonly expected: string;
	/** What the input line shows, without its cursor; its start cut to `…` when `truncated` (the input shows the end). */
	readonly typed: string;
	readonly truncated: boolean;
};

/** The y/N of an undo, as shown. */
export type ShownRestore = {readonly kind: ObjectKind; readonly id: string | null; readonly slug: string | null};

export type Screen = {
	readonly context: Context;
	readonly lines: readonly string[];
	readonly confirmation: ShownConfirmation | null;
	readonly restore: ShownRestore | null;
};

const titlePattern = /^(?:SANDBOX|DEMO|PRODUCTION)\s+(Delete|Edit|Restore) (organization|dataset|reuse|dataservice|resource)\b/u;
const prompts: Readonly<Record<string, 'delete' | 'edit'>> = {
	'type exactly this to confirm (Esc cancels):': 'delete',
	'type exactly this to send it (Esc goes back):': 'edit',
};

/** The inside of a line of a bordered box (`│ text │` → ` text `), or null for any other line. */
function boxed(line: string): string | null {
	const trimmed = line.trimEnd();
	return trimmed.length >= 2 && trimmed.startsWith('│') && trimmed.endsWith('│') ? trimmed.slice(1, -1) : null;
}

/** A `label     value` line of the modal's facts, when shown whole (a cut value ends with `…`). */
function fact(inner: ReadonlyArray<string | null>, label: string): string | null {
	const pattern = new RegExp(`^${label} {${10 - label.length}}(\\S+)$`, 'u');
	for (const line of inner) {
		const match = line === null ? null : pattern.exec(line.trim());
		if (match?.[1] !== undefined && !match[1].endsWith('…')) {
			return match[1];
		}
	}

	return null;
}

/** Ink's own error overlay (a render threw): ` ERROR  message` at the top, then the stack. */
export function isErrorOverlay(lines: readonly string[]): boolean {
	const first = lines.find(line => line.trim() !== '');
	return first !== undefined && /^\s*ERROR\s/u.test(first);
}

function readConfirmation(inner: ReadonlyArray<string | null>, kind: ObjectKind): ShownConfirmation | null {
	const promptIndex = inner.findIndex(line => line !== null && prompts[line.trim()] !== undefined);
	if (promptIndex === -1) {
		return null;
	}

	const action = prompts[inner[promptIndex]!.trim()]!;
	const expectedParts: string[] = [];
	for (let index = promptIndex + 1; index < inner.length; index++) {
		const line = inner[index];
		if (line === null || line === undefined) {
			return null;
		}

		// The input line: ` ✓ typed▮` — the cursor is an inverse space, a plain one once stripped.
		const input = /^ ([✓✗]) (.*)$/u.exec(line);
		if (input) {
			if (expectedParts.length === 0) {
				return null;
			}

			const typed = input[2]!.trimEnd();
			return {action, kind, id: action === 'delete' ? fact(inner, 'id') : null, expected: expectedParts.join(''), typed, truncated: typed.startsWith('…')};
		}

		// What must be typed is never cut: it wraps, and a slug has no spaces, so the parts join.
		expectedParts.push(line.trim());
	}

	// The input line is not on screen (the modal is cut by a short terminal).
	return null;
}

/** What the screen shows, from one frame (ANSI stripped). */
export function readScreen(frame: string): Screen {
	const lines = frame.split('\n');
	const none = {confirmation: null, restore: null};
	if (isErrorOverlay(lines)) {
		return {context: 'crashed', lines, ...none};
	}

	const inner = lines.map(line => boxed(line));
	const title = inner.map(line => (line === null ? null : titlePattern.exec(line.trim()))).find(match => match !== null);
	const text = frame;
	if (title) {
		const verb = title[1]!;
		const kind = title[2]! as ObjectKind;
		if (verb === 'Restore') {
			return {context: 'restore', lines, confirmation: null, restore: {kind, id: fact(inner, 'id'), slug: fact(inner, 'slug')}};
		}

		const confirmation = readConfirmation(inner, kind);
		if (verb === 'Delete') {
			return {context: 'delete', lines, confirmation, restore: null};
		}

		const context: Context = confirmation ? 'edit-confirm' : text.includes('Tab/↑↓ field') ? 'edit-form' : text.includes('Enter to confirm · Esc back to the form') ? 'edit-review' : 'edit-other';
		return {context, lines, confirmation, restore: null};
	}

	const context: Context = text.includes('Keys — Esc or ? to close')
		? 'help'
		: text.includes('Enter to open · Esc to cancel')
		? 'palette'
		: text.includes('your API key (kept in memory only)')
		? 'login'
		// The hint line (the last) of the `/` box: its keys are text.
		: /search the portal/u.test(lines.at(-1) ?? '')
		? 'filter'
		: /choose a list/u.test(text)
		? 'home'
		: /^line \d+ of \d+/mu.test(text)
		? 'pager'
		: /\be edit\b|\bJ json\b/u.test(text)
		? 'detail'
		: /\bloaded\b|\/ filter/u.test(text)
		? 'list'
		: 'unknown';
	return {context, lines, ...none};
}
