/**
 * The navigator as a pure reducer (STYLE.md §2): every key and every response is an action, so a
 * table of transitions tests all of it. No I/O here; `use-screen-data.ts` performs the loading that
 * `wantsPage` / `wantsDetail` ask for, and its answers come back as actions tagged with the frame
 * they belong to — an answer for a frame that is no longer on top is dropped.
 */
import {confirmationBox} from '../lib/confirmation-layout.js';
import type {Item, Page} from '../domain/types.js';
import type {EditStep} from './edit.js';
import {linksOf} from './links.js';
import {homeFrame, topFrame, visibleRows, type DetailFrame, type FilterHit, type Frame, type ListFrame, type Modal, type NavigationState, type NewFrame, type Viewport} from './screens.js';

export type Action =
	| {readonly type: 'push'; readonly frame: NewFrame}
	/** Replace the whole stack (`:datasets`). */
	| {readonly type: 'reset'; readonly frames: readonly NewFrame[]}
	| {readonly type: 'back'}
	| {readonly type: 'move'; readonly delta: number}
	| {readonly type: 'moveTo'; readonly position: 'first' | 'last'}
	| {readonly type: 'movePage'; readonly direction: 1 | -1}
	| {readonly type: 'open'}
	| {readonly type: 'refresh'}
	| {readonly type: 'toggleJson'}
	| {readonly type: 'pageRequested'; readonly frameKey: number}
	| {readonly type: 'pageLoaded'; readonly frameKey: number; readonly page: Page<Item>}
	| {readonly type: 'pageFailed'; readonly frameKey: number; readonly message: string}
	| {readonly type: 'detailRequested'; readonly frameKey: number}
	| {readonly type: 'detailLoaded'; readonly frameKey: number; readonly item: Item; readonly raw: unknown}
	| {readonly type: 'detailFailed'; readonly frameKey: number; readonly message: string}
	| {readonly type: 'resize'; readonly viewport: Viewport}
	| {readonly type: 'openModal'; readonly modal: Modal}
	| {readonly type: 'closeModal'}
	| {readonly type: 'paletteInput'; readonly text: string}
	| {readonly type: 'paletteError'; readonly message: string}
	| {readonly type: 'flash'; readonly message: string | null}
	/** `/`: open the local filter of the top list, or give its box the keys again. */
	| {readonly type: 'openFilter'}
	| {readonly type: 'filterInput'; readonly text: string}
	/** The matcher's answer for a query; dropped if the query has moved on or the frame is gone. */
	| {readonly type: 'filterApplied'; readonly frameKey: number; readonly query: string; readonly hits: readonly FilterHit[] | null}
	/** Tab: leave the box, keep the filter, browse its hits. */
	| {readonly type: 'leaveFilter'}
	/** Esc in the box: no filter, the cursor back where it was. */
	| {readonly type: 'closeFilter'}
	/** What is typed in the delete confirmation. */
	| {readonly type: 'confirmInput'; readonly text: string}
	/** A mutation modal moves on: sent, or failed with why. */
	| {readonly type: 'modalPhase'; readonly phase: 'sending' | 'failed'; readonly message: string | null}
	/** The edit form: a field's new text, the focused field, the step, what the portal said. */
	| {readonly type: 'editField'; readonly value: string}
	| {readonly type: 'editFocus'; readonly delta: number}
	| {readonly type: 'editStep'; readonly step: EditStep; readonly message: string | null; readonly fieldErrors?: Readonly<Record<string, readonly string[]>>}
	/** A pane's object changed on the portal (after an edit): show the new one. */
	| {readonly type: 'itemUpdated'; readonly item: Item; readonly raw: unknown}
	/** An object is gone from the portal: out of every loaded list, and its pane closed. */
	| {readonly type: 'removeItem'; readonly id: string};

/** Lines of the screen that are not list rows: header (2), column titles (1), footer (2), and one spare (INK-NOTES pitfall 5). */
export const chromeRows = 6;

/** How many rows of content fit. */
export function bodyRows(viewport: Viewport): number {
	return Math.max(1, viewport.rows - chromeRows);
}

/** The inside of a confirmation modal, which covers the body and the column-title line (app.tsx). */
export function modalBox(viewport: Viewport): {readonly inner: number; readonly rows: number} {
	return confirmationBox(viewport.columns, bodyRows(viewport) + 1);
}

/** Ask for the next page when the cursor comes within this many rows of the end (issue: "within a page"). */
export function prefetchDistance(viewport: Viewport): number {
	return Math.max(20, bodyRows(viewport));
}

export function initialState(frames: readonly NewFrame[], viewport: Viewport): NavigationState {
	const stack = (frames.length > 0 ? frames : [homeFrame([])]).map((frame, index) => ({...frame, key: index + 1}) as Frame);
	return {stack, modal: null, viewport, flash: null, nextKey: stack.length + 1};
}

/** Whether the top frame needs its next page now: first page, or the cursor is near the end. */
export function wantsPage(state: NavigationState): ListFrame | null {
	const frame = topFrame(state);
	if (frame.type !== 'list' || frame.loading || frame.error !== null || frame.nextPageUrl === null) {
		return null;
	}

	// Local search never loads more pages by itself: that is what server search is for.
	if (frame.nextPageUrl !== undefined && frame.filter !== null && frame.filter.query.trim() !== '') {
		return null;
	}

	if (frame.nextPageUrl === undefined || frame.cursor >= frame.rows.length - prefetchDistance(state.viewport)) {
		return frame;
	}

	return null;
}

/** Whether the top frame is a pane whose object must be fetched. */
export function wantsDetail(state: NavigationState): DetailFrame | null {
	const frame = topFrame(state);
	return frame.type === 'detail' && !frame.loaded && !frame.loading && frame.error === null ? frame : null;
}

function replaceTop(state: NavigationState, frame: Frame): NavigationState {
	return {...state, stack: [...state.stack.slice(0, -1), frame]};
}

/** Apply `update` to the frame with this key if it is on top; drop the action otherwise. */
function updateTopIfKey<T extends Frame['type']>(state: NavigationState, key: number, type: T, update: (frame: Extract<Frame, {type: T}>) => Frame): NavigationState {
	const frame = topFrame(state);
	if (frame.key !== key || frame.type !== type) {
		return state;
	}

	return replaceTop(state, update(frame as Extract<Frame, {type: T}>));
}

/** How many entries the cursor moves over in a frame. */
export function cursorLength(frame: Frame, viewport: Viewport): number {
	switch (frame.type) {
		case 'list': {
			return visibleRows(frame).length;
		}

		case 'detail': {
			return frame.showJson ? jsonLines(frame).length : frame.item ? linksOf(frame.item).length : 0;
		}

		case 'pager': {
			return Math.max(0, frame.text.split('\n').length - bodyRows(viewport) + 1);
		}

		case 'home': {
			return frame.entries.length;
		}
	}
}

/** The raw JSON of a pane as lines (pretty, already sanitised at the edge). */
export function jsonLines(frame: DetailFrame): string[] {
	return JSON.stringify(frame.raw ?? frame.item, null, 2).split('\n');
}

function clamp(value: number, min: number, max: number): number {
	return Math.min(Math.max(value, min), Math.max(min, max));
}

/** Keep the cursor in the list and the window around it. */
function placeCursor<F extends Frame>(frame: F, cursor: number, viewport: Viewport): F {
	const length = cursorLength(frame, viewport);
	const next = clamp(cursor, 0, length - 1);
	switch (frame.type) {
		case 'list': {
			// One line for the end/loading/error row, and one for the search box when it is open.
			const rows = Math.max(1, bodyRows(viewport) - 1 - (frame.filter ? 1 : 0));
			let {scroll} = frame;
			if (next < scroll) {
				scroll = next;
			} else if (next >= scroll + rows) {
				scroll = next - rows + 1;
			}

			return {...frame, cursor: next, scroll: clamp(scroll, 0, length - 1)};
		}

		case 'pager': {
			return {...frame, scroll: next};
		}

		case 'detail': {
			return frame.showJson ? {...frame, scroll: clamp(cursor, 0, length - bodyRows(viewport))} : {...frame, cursor: next};
		}

		case 'home': {
			return {...frame, cursor: next};
		}
	}

	return frame;
}

function position(frame: Frame): number {
	return frame.type === 'pager' || (frame.type === 'detail' && frame.showJson) ? frame.scroll : frame.cursor;
}

function push(state: NavigationState, frame: NewFrame): NavigationState {
	// A covered list stops loading: its request is aborted (k9s: a covered view is stopped).
	const covered = state.stack.map(item => item.type === 'list' && item.loading ? {...item, loading: false} : item);
	return {...state, stack: [...covered, {...frame, key: state.nextKey} as Frame], nextKey: state.nextKey + 1, flash: null};
}

function open(state: NavigationState): NavigationState {
	const frame = topFrame(state);
	if (frame.type === 'list') {
		const row = visibleRows(frame)[frame.cursor];
		if (row === undefined) {
			return state;
		}

		const target = row.kind === 'resource' ? {kind: row.kind, id: row.id, datasetId: row.datasetId ?? undefined} : {kind: row.kind, id: row.id};
		return push(state, {
			type: 'detail', title: titleOf(row), target, item: row, raw: null, loaded: false, loading: false, error: null, cursor: 0, showJson: false, scroll: 0,
		});
	}

	if (frame.type === 'detail' && frame.item && !frame.showJson) {
		const link = linksOf(frame.item)[frame.cursor];
		return link ? push(state, link.open) : state;
	}

	if (frame.type === 'home') {
		const entry = frame.entries[frame.cursor];
		return entry ? push(state, entry.open) : state;
	}

	return state;
}

function titleOf(item: Item): string {
	switch (item.kind) {
		case 'organization': {
			return item.acronym ?? item.name;
		}

		case 'user': {
			return `${item.firstName} ${item.lastName}`.trim() || item.slug;
		}

		default: {
			return item.title || item.id;
		}
	}
}

/** Make a frame fresh again: a refresh, or a retry after an error. */
function refreshed(frame: Frame): Frame {
	switch (frame.type) {
		case 'list': {
			// Retry after a failed page keeps the rows; a plain refresh starts over.
			return frame.error === null
				? {...frame, rows: [], total: null, totalCapped: false, nextPageUrl: undefined, loading: false, error: null, cursor: 0, scroll: 0}
				: {...frame, error: null};
		}

		case 'detail': {
			return {...frame, loaded: false, loading: false, error: null};
		}

		default: {
			return frame;
		}
	}
}

export function reducer(state: NavigationState, action: Action): NavigationState {
	switch (action.type) {
		case 'push': {
			return push(state, action.frame);
		}

		case 'reset': {
			const frames = action.frames.map((frame, index) => ({...frame, key: state.nextKey + index}) as Frame);
			return {...state, stack: frames, nextKey: state.nextKey + frames.length, modal: null, flash: null};
		}

		case 'back': {
			if (state.stack.length <= 1) {
				return state;
			}

			return {...state, stack: state.stack.slice(0, -1), flash: null};
		}

		// A flash is passing: the next move clears it, and the status line shows the counts again.
		case 'move': {
			const frame = topFrame(state);
			return replaceTop({...state, flash: null}, placeCursor(frame, position(frame) + action.delta, state.viewport));
		}

		case 'moveTo': {
			const frame = topFrame(state);
			return replaceTop({...state, flash: null}, placeCursor(frame, action.position === 'first' ? 0 : Number.MAX_SAFE_INTEGER, state.viewport));
		}

		case 'movePage': {
			const frame = topFrame(state);
			const step = Math.max(1, bodyRows(state.viewport) - 1);
			return replaceTop(state, placeCursor(frame, position(frame) + (action.direction * step), state.viewport));
		}

		case 'open': {
			return open(state);
		}

		case 'refresh': {
			return replaceTop({...state, flash: null}, refreshed(topFrame(state)));
		}

		case 'toggleJson': {
			const frame = topFrame(state);
			return frame.type === 'detail' ? replaceTop(state, {...frame, showJson: !frame.showJson, scroll: 0}) : state;
		}

		case 'pageRequested': {
			return updateTopIfKey(state, action.frameKey, 'list', frame => ({...frame, loading: true, error: null}));
		}

		case 'pageLoaded': {
			return updateTopIfKey(state, action.frameKey, 'list', frame => {
				// Never show a row twice, whatever the server's paging does (items shift between pages).
				const seen = new Set(frame.rows.map(row => row.id));
				const fresh = action.page.items.filter(item => !seen.has(item.id) && (seen.add(item.id), true));
				const rows = [...frame.rows, ...fresh];
				return {
					...frame,
					rows,
					total: action.page.total ?? frame.total,
					totalCapped: action.page.totalCapped || frame.totalCapped,
					// A page that brought nothing new is the end, or we would ask again forever.
					nextPageUrl: fresh.length === 0 && frame.rows.length > 0 ? null : action.page.nextPageUrl,
					loading: false,
					error: null,
				};
			});
		}

		case 'pageFailed': {
			return updateTopIfKey(state, action.frameKey, 'list', frame => ({...frame, loading: false, error: action.message}));
		}

		case 'detailRequested': {
			return updateTopIfKey(state, action.frameKey, 'detail', frame => ({...frame, loading: true, error: null}));
		}

		case 'detailLoaded': {
			return updateTopIfKey(state, action.frameKey, 'detail', frame => {
				// The pane first shows the list row; the full object may add entries (a description)
				// above the selected one. Keep the selection on the same entry, not the same index.
				const selected = frame.item ? linksOf(frame.item)[frame.cursor]?.label : undefined;
				const index = selected === undefined ? -1 : linksOf(action.item).findIndex(link => link.label === selected);
				return {...frame, item: action.item, raw: action.raw, loaded: true, loading: false, error: null, cursor: Math.max(0, index)};
			});
		}

		case 'detailFailed': {
			return updateTopIfKey(state, action.frameKey, 'detail', frame => ({...frame, loading: false, error: action.message}));
		}

		case 'resize': {
			const resized = {...state, viewport: action.viewport};
			const frame = topFrame(resized);
			return replaceTop(resized, placeCursor(frame, position(frame), action.viewport));
		}

		case 'openModal': {
			return {...state, modal: action.modal};
		}

		case 'closeModal': {
			return {...state, modal: null};
		}

		case 'paletteInput': {
			return state.modal?.type === 'palette' ? {...state, modal: {...state.modal, text: action.text, error: null}} : state;
		}

		case 'paletteError': {
			return state.modal?.type === 'palette' ? {...state, modal: {...state.modal, error: action.message}} : state;
		}

		case 'flash': {
			return {...state, flash: action.message};
		}

		case 'openFilter': {
			const frame = topFrame(state);
			if (frame.type !== 'list') {
				return state;
			}

			return replaceTop(state, frame.filter
				? {...frame, filter: {...frame.filter, editing: true}}
				: {...frame, filter: {query: '', editing: true, hits: null, hitsFor: null, saved: {cursor: frame.cursor, scroll: frame.scroll}}});
		}

		case 'filterInput': {
			const frame = topFrame(state);
			return frame.type === 'list' && frame.filter ? replaceTop(state, {...frame, filter: {...frame.filter, query: action.text}}) : state;
		}

		case 'filterApplied': {
			return updateTopIfKey(state, action.frameKey, 'list', frame => {
				if (frame.filter?.query !== action.query) {
					return frame;
				}

				const filter = {...frame.filter, hits: action.hits, hitsFor: action.query};
				// An empty query shows every row: the cursor stays. A new ranking puts the best hit
				// under the cursor, at the top.
				return action.hits === null
					? placeCursor({...frame, filter}, frame.cursor, state.viewport)
					: placeCursor({...frame, filter, cursor: 0, scroll: 0}, 0, state.viewport);
			});
		}

		case 'leaveFilter': {
			const frame = topFrame(state);
			if (frame.type !== 'list' || !frame.filter) {
				return state;
			}

			// Leaving an empty box is closing it.
			return frame.filter.query.trim() === ''
				? reducer(state, {type: 'closeFilter'})
				: replaceTop(state, {...frame, filter: {...frame.filter, editing: false}});
		}

		case 'confirmInput': {
			if (state.modal?.type === 'login') {
				return {...state, modal: {...state.modal, typed: action.text, message: null}};
			}

			return state.modal?.type === 'delete' && state.modal.phase === 'typing' ? {...state, modal: {...state.modal, typed: action.text}} : state;
		}

		case 'modalPhase': {
			if (state.modal?.type === 'delete' || state.modal?.type === 'restore') {
				return {...state, modal: {...state.modal, phase: action.phase, message: action.message}} as NavigationState;
			}

			if (state.modal?.type === 'login') {
				return {...state, modal: {...state.modal, message: action.message}};
			}

			return state;
		}

		case 'editField': {
			if (state.modal?.type !== 'edit') {
				return state;
			}

			if (state.modal.step === 'confirm') {
				return {...state, modal: {...state.modal, typed: action.value}};
			}

			if (state.modal.step !== 'form') {
				return state;
			}

			const {focus} = state.modal;
			return {...state, modal: {...state.modal, fields: state.modal.fields.map((item, index) => index === focus ? {...item, value: action.value} : item)}};
		}

		case 'editFocus': {
			if (state.modal?.type !== 'edit' || state.modal.step !== 'form') {
				return state;
			}

			const count = state.modal.fields.length;
			return {...state, modal: {...state.modal, focus: (state.modal.focus + action.delta + count) % count}};
		}

		case 'editStep': {
			if (state.modal?.type !== 'edit') {
				return state;
			}

			return {...state, modal: {...state.modal, step: action.step, message: action.message, fieldErrors: action.fieldErrors ?? state.modal.fieldErrors, typed: action.step === 'confirm' ? '' : state.modal.typed}};
		}

		case 'itemUpdated': {
			const stack = state.stack.map(frame => {
				if (frame.type === 'detail' && frame.target.id === action.item.id) {
					return {...frame, item: action.item, raw: action.raw, loaded: true};
				}

				if (frame.type === 'list' && frame.rows.some(row => row.id === action.item.id)) {
					return {...frame, rows: frame.rows.map(row => row.id === action.item.id ? action.item : row)};
				}

				return frame;
			});
			return {...state, stack};
		}

		case 'removeItem': {
			const stack = state.stack
				// Its own panes go (and what was opened from them).
				.filter((frame, index, all) => !all.slice(0, index + 1).some(item => item.type === 'detail' && item.target.id === action.id))
				.map(frame => {
					if (frame.type !== 'list' || !frame.rows.some(row => row.id === action.id)) {
						return frame;
					}

					const rows = frame.rows.filter(row => row.id !== action.id);
					// The filter's hits point into the rows: rank again.
					const filter = frame.filter ? {...frame.filter, hits: null, hitsFor: null} : null;
					const total = frame.total === null ? null : Math.max(0, frame.total - 1);
					return placeCursor({...frame, rows, filter, total}, frame.cursor, state.viewport);
				});
			return {...state, stack: stack.length > 0 ? stack : state.stack.slice(0, 1)};
		}

		case 'closeFilter': {
			const frame = topFrame(state);
			if (frame.type !== 'list' || !frame.filter) {
				return state;
			}

			const {saved} = frame.filter;
			return replaceTop(state, placeCursor({...frame, filter: null, cursor: saved.cursor, scroll: saved.scroll}, saved.cursor, state.viewport));
		}
	}
}
