/**
 * THE keymap (STYLE.md §3, gemini-cli's keyBindings, k9s' actions): every binding lives here with
 * a stable id. Dispatch, the footer hints and the `?` help all read this one table, so a key shown
 * is a key that works.
 *
 * Safety rule (developers' brief): a destructive action is never on a key next to, a double of, or
 * a chord of a navigation key — `D` deletes, never `d`, `dd` or `ctrl-d`. `keymap.test.ts` checks it.
 */

/** Where a binding applies, innermost first: the first scope that matches a key consumes it. */
export type Scope = 'modal' | 'input' | 'list' | 'detail' | 'pager' | 'home' | 'global';

/** A key as the keymap names it: a printable character, or a named key. */
export type KeyName =
	| 'up' | 'down' | 'left' | 'right' | 'pageUp' | 'pageDown' | 'home' | 'end'
	| 'enter' | 'escape' | 'backspace' | 'tab' | 'ctrl-c'
	| (string & {});

export type CommandId =
	| 'nav.down' | 'nav.up' | 'nav.top' | 'nav.bottom' | 'nav.pageDown' | 'nav.pageUp'
	| 'nav.open' | 'nav.back' | 'nav.refresh' | 'nav.retry'
	| 'view.json' | 'view.switch' | 'app.help' | 'app.quit' | 'app.forceQuit'
	| 'search.open' | 'search.server' | 'search.browse' | 'search.clear'
	| 'item.delete' | 'item.undo' | 'item.edit'
	| 'item.copyId' | 'item.copyWebUrl' | 'item.copyApiUrl' | 'item.openWeb';

export type Binding = {
	readonly id: CommandId;
	readonly keys: readonly KeyName[];
	/** Short label for the footer and help. */
	readonly label: string;
	readonly scopes: readonly Scope[];
	/** Shown in the footer hint bar (the help lists every binding). */
	readonly hint: boolean;
	/** Mutates data on the portal: only ever reachable through a confirmed modal (STYLE.md §4). */
	readonly dangerous: boolean;
	/** Plain-character bindings that may arrive coalesced ("jjj", INK-NOTES pitfall 3) and repeat. */
	readonly repeatable?: boolean;
};

const browse: readonly Scope[] = ['list', 'detail', 'pager', 'home'];

export const keymap: readonly Binding[] = [
	{id: 'nav.down', keys: ['j', 'down'], label: 'down', scopes: browse, hint: false, dangerous: false, repeatable: true},
	{id: 'nav.up', keys: ['k', 'up'], label: 'up', scopes: browse, hint: false, dangerous: false, repeatable: true},
	{id: 'nav.top', keys: ['g', 'home'], label: 'top', scopes: browse, hint: false, dangerous: false},
	{id: 'nav.bottom', keys: ['G', 'end'], label: 'bottom', scopes: browse, hint: false, dangerous: false},
	{id: 'nav.pageDown', keys: ['pageDown'], label: 'page down', scopes: browse, hint: false, dangerous: false},
	{id: 'nav.pageUp', keys: ['pageUp'], label: 'page up', scopes: browse, hint: false, dangerous: false},
	{id: 'nav.open', keys: ['enter'], label: 'open', scopes: ['list', 'detail', 'home'], hint: true, dangerous: false},
	{id: 'nav.back', keys: ['escape', 'backspace'], label: 'back', scopes: ['list', 'detail', 'pager'], hint: true, dangerous: false},
	{id: 'nav.refresh', keys: ['r'], label: 'refresh', scopes: ['list', 'detail'], hint: true, dangerous: false},
	{id: 'search.open', keys: ['/'], label: 'filter', scopes: ['list'], hint: true, dangerous: false},
	// In the search box ('input' scope, where printable keys are text):
	{id: 'search.server', keys: ['enter'], label: 'search the portal', scopes: ['input'], hint: true, dangerous: false},
	{id: 'search.browse', keys: ['tab'], label: 'browse hits', scopes: ['input'], hint: true, dangerous: false},
	{id: 'search.clear', keys: ['escape'], label: 'clear', scopes: ['input'], hint: true, dangerous: false},
	// Shift+d: never d, dd or a ctrl chord (the safety rule above); it only opens the typed confirmation.
	{id: 'item.delete', keys: ['D'], label: 'delete', scopes: ['list', 'detail'], hint: true, dangerous: true},
	// Opens a form; nothing is sent before a review and the typed confirmation.
	{id: 'item.edit', keys: ['e'], label: 'edit', scopes: ['detail'], hint: true, dangerous: false},
	// Restoring is a mutation too, so it asks y/N; not dangerous: it undoes a delete.
	{id: 'item.undo', keys: ['u'], label: 'undo delete', scopes: ['list', 'detail'], hint: false, dangerous: false},
	// Shell habits: copy over OSC 52 (works over SSH) and open the page in the browser.
	{id: 'item.copyId', keys: ['y'], label: 'copy id', scopes: ['list', 'detail'], hint: false, dangerous: false},
	{id: 'item.copyWebUrl', keys: ['Y'], label: 'copy web URL', scopes: ['list', 'detail'], hint: false, dangerous: false},
	{id: 'item.copyApiUrl', keys: ['c'], label: 'copy API URL', scopes: ['list', 'detail'], hint: false, dangerous: false},
	{id: 'item.openWeb', keys: ['o'], label: 'open in browser', scopes: ['list', 'detail'], hint: false, dangerous: false},
	{id: 'view.json', keys: ['J'], label: 'json', scopes: ['detail', 'pager'], hint: true, dangerous: false},
	{id: 'view.switch', keys: [':'], label: 'switch', scopes: ['global'], hint: true, dangerous: false},
	{id: 'app.help', keys: ['?'], label: 'help', scopes: ['global'], hint: true, dangerous: false},
	{id: 'app.quit', keys: ['q'], label: 'quit', scopes: ['global'], hint: true, dangerous: false},
	{id: 'app.forceQuit', keys: ['ctrl-c'], label: 'quit', scopes: ['global', 'input', 'modal'], hint: false, dangerous: false},
];

/** What Ink's `useInput` hands us, reduced to what we read. */
export type RawKey = {
	readonly upArrow?: boolean;
	readonly downArrow?: boolean;
	readonly leftArrow?: boolean;
	readonly rightArrow?: boolean;
	readonly pageUp?: boolean;
	readonly pageDown?: boolean;
	readonly home?: boolean;
	readonly end?: boolean;
	readonly return?: boolean;
	readonly escape?: boolean;
	readonly backspace?: boolean;
	readonly delete?: boolean;
	readonly tab?: boolean;
	readonly ctrl?: boolean;
	readonly meta?: boolean;
	readonly shift?: boolean;
};

/**
 * Turn one `useInput` call into key names. Plain characters that arrived in one chunk come as a
 * string ("jjj"): each character is a key. A named key comes alone.
 */
export function keyNames(input: string, key: RawKey): KeyName[] {
	if (key.upArrow) {
		return ['up'];
	}

	if (key.downArrow) {
		return ['down'];
	}

	if (key.leftArrow) {
		return ['left'];
	}

	if (key.rightArrow) {
		return ['right'];
	}

	if (key.pageUp) {
		return ['pageUp'];
	}

	if (key.pageDown) {
		return ['pageDown'];
	}

	if (key.home) {
		return ['home'];
	}

	if (key.end) {
		return ['end'];
	}

	if (key.return) {
		return ['enter'];
	}

	if (key.escape) {
		return ['escape'];
	}

	// Terminals send DEL (0x7F) for Backspace; Ink reports it as `delete`.
	if (key.backspace || key.delete) {
		return ['backspace'];
	}

	if (key.tab) {
		return ['tab'];
	}

	if (key.ctrl) {
		return input === 'c' ? ['ctrl-c'] : [`ctrl-${input}`];
	}

	// Meta+char is ESC then char (INK-NOTES pitfall 3): treat it as Escape followed by the char.
	if (key.meta && input.length > 0) {
		return ['escape', ...[...input]];
	}

	// Control characters inside a coalesced chunk ("jj\r" when keys come faster than a read)
	// are keys too: Ink only names them when they arrive alone.
	return [...input].map(character => chunkKeys[character] ?? character);
}

const chunkKeys: Readonly<Record<string, KeyName>> = {
	'\r': 'enter',
	'\n': 'enter',
	'\t': 'tab',
	'\u007F': 'backspace',
	'\b': 'backspace',
	'\u001B': 'escape',
};

/** The binding a key triggers in a scope, if any. */
export function bindingFor(key: KeyName, scope: Scope): Binding | undefined {
	return keymap.find(binding => binding.keys.includes(key) && binding.scopes.includes(scope))
		?? keymap.find(binding => binding.keys.includes(key) && binding.scopes.includes('global'));
}

/** The bindings shown as hints in a scope, in table order. */
export function hintsFor(scope: Scope): Binding[] {
	// In a text input, printable keys are text: the global ones (q, :, ?) are not hints there.
	return keymap.filter(binding => binding.hint && (binding.scopes.includes(scope) || (scope !== 'input' && binding.scopes.includes('global'))));
}

/** How a key is written in hints and help. */
export function keyLabel(key: KeyName): string {
	const labels: Record<string, string> = {
		up: '↑', down: '↓', left: '←', right: '→', pageUp: 'PgUp', pageDown: 'PgDn', home: 'Home', end: 'End',
		enter: 'Enter', escape: 'Esc', backspace: 'Bksp', tab: 'Tab', 'ctrl-c': 'Ctrl+C',
	};
	return labels[key] ?? key;
}

// QWERTY neighbours of each letter: a destructive key must not sit next to a navigation key.
const qwertyRows = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
function neighbours(letter: string): string[] {
	const lower = letter.toLowerCase();
	const row = qwertyRows.findIndex(keys => keys.includes(lower));
	if (row === -1) {
		return [];
	}

	// Same-row neighbours: the slip of a finger along the home row (h and l beside j and k).
	const keys = qwertyRows[row]!;
	const column = keys.indexOf(lower);
	return [keys[column - 1], keys[column + 1]].filter((key): key is string => key !== undefined);
}

/**
 * Why a binding would break the safety rule, or nothing: a dangerous key must be a single
 * capital letter (needs Shift), must not be a navigation key in another case or a double or
 * chord of one, and must not be a keyboard neighbour of one.
 */
export function dangerousKeyProblems(binding: Binding, table: readonly Binding[] = keymap): string[] {
	if (!binding.dangerous) {
		return [];
	}

	const navigation = table.filter(other => !other.dangerous && other.id.startsWith('nav.')).flatMap(other => other.keys).filter(key => [...key].length === 1);
	const problems: string[] = [];
	for (const key of binding.keys) {
		if (!/^[A-Z]$/u.test(key)) {
			problems.push(`${binding.id}: ${key} is not a single Shift+letter`);
			continue;
		}

		if (navigation.includes(key.toLowerCase())) {
			problems.push(`${binding.id}: ${key} is ${key.toLowerCase()} with Shift, a navigation key`);
		}

		const close = neighbours(key).filter(neighbour => navigation.includes(neighbour));
		if (close.length > 0) {
			problems.push(`${binding.id}: ${key} is next to navigation key(s) ${close.join(', ')}`);
		}
	}

	return problems;
}
