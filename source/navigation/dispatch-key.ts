/**
 * Key → what to do, in layers (STYLE.md §3): modal > text input > view > global, and the first
 * layer that knows a key consumes it. Pure: the app performs what comes out.
 */
import {bindingFor, type CommandId, type KeyName, type Scope} from './keymap.js';
import type {Action} from './reducer.js';
import {confirms} from '../domain/portal.js';
import {changedFields, editEssentials, type EditStep} from './edit.js';
import {confirmationFits} from '../lib/confirmation-layout.js';
import {restoreCall} from './delete.js';
import {modalBox} from './reducer.js';
import type {CopyWhat} from './copy.js';
import {topFrame, type NavigationState} from './screens.js';

export type Intent =
	| {readonly type: 'action'; readonly action: Action}
	| {readonly type: 'quit'}
	/** Run what the `:` palette holds. */
	| {readonly type: 'runPalette'; readonly text: string}
	/** Send the search box's query to the portal (`q=`). */
	| {readonly type: 'runSearch'; readonly query: string}
	/** `D`: open the typed confirmation for the object under the cursor (or say why not). */
	| {readonly type: 'askDelete'}
	/** The confirmation matches and Enter was pressed: send the DELETE, once. */
	| {readonly type: 'confirmDelete'}
	| {readonly type: 'askUndo'}
	| {readonly type: 'confirmRestore'}
	| {readonly type: 'askEdit'}
	/** The edit's confirmation matches: re-check, then send the PUT, once. */
	| {readonly type: 'confirmEdit'}
	/** `y` `Y` `c`: copy the id, web URL or API URL of the object under the cursor. */
	| {readonly type: 'copy'; readonly what: CopyWhat}
	/** `o`: open its web page in the browser. */
	| {readonly type: 'openWeb'}
	/** Try the key typed in `:login`. */
	| {readonly type: 'runLogin'; readonly key: string}
	| {readonly type: 'none'};

const none: Intent = {type: 'none'};
const act = (action: Action): Intent => ({type: 'action', action});

/** The scope the top of the screen is in. */
export function scopeOf(state: NavigationState): Scope {
	if (state.modal?.type === 'palette' || state.modal?.type === 'login') {
		return 'input';
	}

	if (state.modal !== null) {
		return 'modal';
	}

	const frame = topFrame(state);
	return frame.type === 'list' && frame.filter?.editing ? 'input' : frame.type;
}

/** Whether a key is a character a text input takes. */
function printable(key: KeyName): boolean {
	return [...key].length === 1 && !/[\u0000-\u001F\u007F]/u.test(key);
}

function commandIntent(id: CommandId): Intent {
	switch (id) {
		case 'nav.down': {
			return act({type: 'move', delta: 1});
		}

		case 'nav.up': {
			return act({type: 'move', delta: -1});
		}

		case 'nav.top': {
			return act({type: 'moveTo', position: 'first'});
		}

		case 'nav.bottom': {
			return act({type: 'moveTo', position: 'last'});
		}

		case 'nav.pageDown': {
			return act({type: 'movePage', direction: 1});
		}

		case 'nav.pageUp': {
			return act({type: 'movePage', direction: -1});
		}

		case 'nav.open': {
			return act({type: 'open'});
		}

		case 'nav.back': {
			return act({type: 'back'});
		}

		case 'nav.refresh':
		case 'nav.retry': {
			return act({type: 'refresh'});
		}

		case 'view.json': {
			return act({type: 'toggleJson'});
		}

		case 'view.switch': {
			return act({type: 'openModal', modal: {type: 'palette', text: '', error: null}});
		}

		case 'app.help': {
			return act({type: 'openModal', modal: {type: 'help'}});
		}

		case 'app.quit':
		case 'app.forceQuit': {
			return {type: 'quit'};
		}

		case 'search.open': {
			return act({type: 'openFilter'});
		}

		case 'item.delete': {
			return {type: 'askDelete'};
		}

		case 'item.undo': {
			return {type: 'askUndo'};
		}

		case 'item.edit': {
			return {type: 'askEdit'};
		}

		case 'item.copyId': {
			return {type: 'copy', what: 'id'};
		}

		case 'item.copyWebUrl': {
			return {type: 'copy', what: 'webUrl'};
		}

		case 'item.copyApiUrl': {
			return {type: 'copy', what: 'apiUrl'};
		}

		case 'item.openWeb': {
			return {type: 'openWeb'};
		}

		// Reached only through the search box's own handling above.
		case 'search.server':
		case 'search.browse':
		case 'search.clear': {
			return none;
		}
	}
}

export type KeyOptions = {
	/**
	 * Whether this key may confirm a mutation: false when it came with other keys in one read (a
	 * paste, `uy`), so a pasted `slug⏎` or a `y` after `u` never sends anything — the confirmation
	 * must be a key of its own, pressed once what it confirms is on screen (found by the soak).
	 */
	readonly confirmable?: boolean;
};

/** What one key does now. */
export function intentOfKey(state: NavigationState, key: KeyName, options: KeyOptions = {}): Intent {
	const confirmable = options.confirmable ?? true;
	if (key === 'ctrl-c') {
		return {type: 'quit'};
	}

	const scope = scopeOf(state);
	if (state.modal?.type === 'palette') {
		const {text} = state.modal;
		if (key === 'escape') {
			return act({type: 'closeModal'});
		}

		if (key === 'enter') {
			return {type: 'runPalette', text};
		}

		if (key === 'backspace') {
			return text === '' ? act({type: 'closeModal'}) : act({type: 'paletteInput', text: [...text].slice(0, -1).join('')});
		}

		return printable(key) ? act({type: 'paletteInput', text: text + key}) : none;
	}

	// The delete confirmation owns every key while it is open: nothing reaches beneath it.
	if (state.modal?.type === 'delete') {
		const {typed, phase, target} = state.modal;
		if (key === 'escape') {
			return phase === 'sending' ? none : act({type: 'closeModal'});
		}

		if (phase !== 'typing') {
			return none;
		}

		if (key === 'enter') {
			// Inert until the text matches exactly, when it came with other keys, and when the
			// terminal is too short to show the whole confirmation.
			return confirmable && confirms(typed, target.expected) && confirmationFits({call: target.call, expected: target.expected}, modalBox(state.viewport)) ? {type: 'confirmDelete'} : none;
		}

		if (key === 'backspace') {
			return act({type: 'confirmInput', text: [...typed].slice(0, -1).join('')});
		}

		return printable(key) ? act({type: 'confirmInput', text: typed + key}) : none;
	}

	if (state.modal?.type === 'edit') {
		return editIntent(state.modal, key, confirmable && confirmationFits(editEssentials(state.modal), modalBox(state.viewport)));
	}

	if (state.modal?.type === 'login') {
		const {typed} = state.modal;
		switch (key) {
			case 'escape': {
				return act({type: 'closeModal'});
			}

			case 'enter': {
				return typed.trim() === '' ? none : {type: 'runLogin', key: typed.trim()};
			}

			case 'backspace': {
				return act({type: 'confirmInput', text: [...typed].slice(0, -1).join('')});
			}

			default: {
				return printable(key) ? act({type: 'confirmInput', text: typed + key}) : none;
			}
		}
	}

	if (state.modal?.type === 'restore') {
		const {phase} = state.modal;
		if (phase === 'sending') {
			return none;
		}

		if (!confirmable) {
			return none;
		}

		if (phase === 'asking' && (key === 'y' || key === 'Y')) {
			return confirmationFits({call: restoreCall(state.modal.target), expected: null}, modalBox(state.viewport)) ? {type: 'confirmRestore'} : none;
		}

		// No is the default: n, Esc, Enter, anything else.
		return key === 'n' || key === 'N' || key === 'escape' || key === 'enter' ? act({type: 'closeModal'}) : none;
	}

	const top = topFrame(state);
	if (state.modal === null && top.type === 'list' && top.filter?.editing) {
		const {query} = top.filter;
		switch (key) {
			case 'escape': {
				return act({type: 'closeFilter'});
			}

			case 'enter': {
				return query.trim() === '' ? act({type: 'closeFilter'}) : {type: 'runSearch', query: query.trim()};
			}

			case 'tab': {
				return act({type: 'leaveFilter'});
			}

			case 'backspace': {
				return query === '' ? act({type: 'closeFilter'}) : act({type: 'filterInput', text: [...query].slice(0, -1).join('')});
			}

			// Arrows still move through the hits while typing; letters are text.
			case 'up':
			case 'down':
			case 'pageUp':
			case 'pageDown': {
				const binding = bindingFor(key, 'list');
				return binding ? commandIntent(binding.id) : none;
			}

			default: {
				return printable(key) ? act({type: 'filterInput', text: query + key}) : none;
			}
		}
	}

	// Browsing a filter's hits, Esc clears the filter before it goes back.
	if (state.modal === null && top.type === 'list' && top.filter && key === 'escape') {
		return act({type: 'closeFilter'});
	}

	if (state.modal?.type === 'help') {
		// The help shadows everything beneath it; these close it.
		return key === 'escape' || key === '?' || key === 'q' || key === 'enter' ? act({type: 'closeModal'}) : none;
	}

	const binding = bindingFor(key, scope);
	if (binding === undefined) {
		return none;
	}

	return commandIntent(binding.id);
}

/** The edit modal's keys: a form (Tab/arrows between fields), a review, a typed confirmation. */
function editIntent(modal: Extract<NonNullable<NavigationState['modal']>, {type: 'edit'}>, key: KeyName, confirmable: boolean): Intent {
	const step = (next: EditStep, message: string | null = null): Intent => act({type: 'editStep', step: next, message});
	switch (modal.step) {
		case 'form': {
			const value = modal.fields[modal.focus]?.value ?? '';
			switch (key) {
				case 'escape': {
					return act({type: 'closeModal'});
				}

				case 'enter': {
					return changedFields(modal.fields).length === 0 ? step('form', 'nothing changed yet') : step('review');
				}

				case 'tab':
				case 'down': {
					return act({type: 'editFocus', delta: 1});
				}

				case 'up': {
					return act({type: 'editFocus', delta: -1});
				}

				case 'backspace': {
					return act({type: 'editField', value: [...value].slice(0, -1).join('')});
				}

				default: {
					return printable(key) ? act({type: 'editField', value: value + key}) : none;
				}
			}
		}

		case 'review': {
			return key === 'enter' ? step('confirm') : key === 'escape' ? step('form') : none;
		}

		case 'confirm': {
			switch (key) {
				case 'escape': {
					return step('review');
				}

				case 'enter': {
					return confirmable && confirms(modal.typed, modal.target.expected) ? {type: 'confirmEdit'} : none;
				}

				case 'backspace': {
					return act({type: 'editField', value: [...modal.typed].slice(0, -1).join('')});
				}

				default: {
					return printable(key) ? act({type: 'editField', value: modal.typed + key}) : none;
				}
			}
		}

		case 'sending': {
			return none;
		}

		case 'failed':
		case 'conflict': {
			return key === 'escape' ? act({type: 'closeModal'}) : key === 'enter' ? step('form') : none;
		}
	}
}
