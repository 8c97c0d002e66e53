/**
 * The navigator's state (STYLE.md §2, k9s' model/stack): a stack of frames, each keeping its own
 * cursor, scroll and loaded pages, so Back restores a view exactly with no refetch. Breadcrumbs are
 * derived from the stack. Pure data: no I/O, no React.
 */
import type {ListSource} from '../domain/list-source.js';
import type {Item, Kind} from '../domain/types.js';
import type {DeleteTarget} from './delete.js';
import type {EditField, EditStep, EditTarget} from './edit.js';

/** The home menu: the lists of a portal. */
export type HomeFrame = {
	readonly type: 'home';
	readonly key: number;
	readonly title: string;
	readonly entries: readonly HomeEntry[];
	readonly cursor: number;
};

/** One entry of the home menu. */
export type HomeEntry = {readonly label: string; readonly open: NewFrame};

/** A row that matches the local filter, and the ranges of its name to highlight. */
export type FilterHit = {readonly index: number; readonly highlights: ReadonlyArray<readonly [number, number]>};

/**
 * The local filter of a list (`/`): fuzzy over the rows already loaded. The query is state, so
 * typing is never lost; the hits come back from the matcher for a given query, and only the
 * hits for the current query are used.
 */
export type ListFilter = {
	readonly query: string;
	/** The box has the keys; Tab leaves it to browse the hits with j/k. */
	readonly editing: boolean;
	/** Rows matching `hitsFor`, best first; null until the first query is scored. */
	readonly hits: readonly FilterHit[] | null;
	readonly hitsFor: string | null;
	/** Where the cursor was before `/`: Esc puts it back. */
	readonly saved: {readonly cursor: number; readonly scroll: number};
};

export type ListFrame = {
	readonly type: 'list';
	readonly key: number;
	readonly title: string;
	readonly source: ListSource;
	readonly rows: readonly Item[];
	readonly total: number | null;
	readonly totalCapped: boolean;
	/** The next page to ask for: undefined before the first page, null at the end of the list. */
	readonly nextPageUrl: string | null | undefined;
	readonly loading: boolean;
	/** What went wrong loading the last page, in words; the rows already loaded stay. */
	readonly error: string | null;
	readonly cursor: number;
	/** Index of the first visible row. */
	readonly scroll: number;
	readonly filter: ListFilter | null;
};

/** What an object pane is about: enough to fetch it. */
export type DetailTarget = {
	readonly kind: Kind;
	readonly id: string;
	/** For a resource, the dataset it belongs to. */
	readonly datasetId?: string;
};

export type DetailFrame = {
	readonly type: 'detail';
	readonly key: number;
	readonly title: string;
	readonly target: DetailTarget;
	/** The object: the list row at first (instant title), the full object once loaded. */
	readonly item: Item | null;
	readonly raw: unknown;
	readonly loaded: boolean;
	readonly loading: boolean;
	readonly error: string | null;
	/** The selected entry among the pane's links. */
	readonly cursor: number;
	/** `J`: the raw JSON instead of the pane. */
	readonly showJson: boolean;
	/** Scroll of the JSON view. */
	readonly scroll: number;
};

/** Read-only text: a full description. */
export type PagerFrame = {
	readonly type: 'pager';
	readonly key: number;
	readonly title: string;
	readonly text: string;
	readonly scroll: number;
};

export type Frame = HomeFrame | ListFrame | DetailFrame | PagerFrame;

/** The `:` palette and the help overlay are modals: while one is open it owns every key. */
export type Modal =
	| {readonly type: 'help'}
	| {readonly type: 'palette'; readonly text: string; readonly error: string | null}
	/**
	 * The typed confirmation of a delete: Enter does nothing until `typed` matches exactly. Once
	 * sent (`sending`), no key can send it again; a failure stays on screen until Esc.
	 */
	| {readonly type: 'delete'; readonly target: DeleteTarget; readonly typed: string; readonly phase: 'typing' | 'sending' | 'failed'; readonly message: string | null}
	/**
	 * `e`: a form, then a review of old → new and the exact PUT, then the same typed confirmation
	 * as a delete. Nothing is sent before the typed text matches.
	 */
	| {readonly type: 'edit'; readonly target: EditTarget; readonly fields: readonly EditField[]; readonly focus: number; readonly step: EditStep; readonly typed: string; readonly message: string | null; readonly fieldErrors: Readonly<Record<string, readonly string[]>>}
	/** `:login`: an API key, typed masked, kept in memory only. */
	| {readonly type: 'login'; readonly typed: string; readonly message: string | null}
	/** Undo of a delete: restoring, so a plain y/N (issue: "itself confirmed by a plain y/N"). */
	| {readonly type: 'restore'; readonly target: DeleteTarget; readonly phase: 'asking' | 'sending' | 'failed'; readonly message: string | null};

export type Viewport = {readonly columns: number; readonly rows: number};

export type NavigationState = {
	readonly stack: readonly Frame[];
	readonly modal: Modal | null;
	readonly viewport: Viewport;
	/** A passing message for the status line ("deleted Insee", "unknown list :foo"). */
	readonly flash: string | null;
	readonly nextKey: number;
};

/** A frame as it is before it has a key. */
export type NewFrame =
	| Omit<HomeFrame, 'key'>
	| Omit<ListFrame, 'key'>
	| Omit<DetailFrame, 'key'>
	| Omit<PagerFrame, 'key'>;

export function listFrame(title: string, source: ListSource): Omit<ListFrame, 'key'> {
	return {type: 'list', title, source, rows: [], total: null, totalCapped: false, nextPageUrl: undefined, loading: false, error: null, cursor: 0, scroll: 0, filter: null};
}

export function detailFrame(target: DetailTarget, title: string, item: Item | null = null): Omit<DetailFrame, 'key'> {
	return {type: 'detail', title, target, item, raw: null, loaded: false, loading: false, error: null, cursor: 0, showJson: false, scroll: 0};
}

export function pagerFrame(title: string, text: string): Omit<PagerFrame, 'key'> {
	return {type: 'pager', title, text, scroll: 0};
}

export function homeFrame(entries: readonly HomeEntry[], title = 'Home'): Omit<HomeFrame, 'key'> {
	return {type: 'home', title, entries, cursor: 0};
}

/** The frame on top. */
export function topFrame(state: NavigationState): Frame {
	return state.stack.at(-1)!;
}

/** Breadcrumbs, derived from the stack: `data.public.lu › Organizations › Insee › Datasets`. */
export function breadcrumbs(state: NavigationState, host: string): string[] {
	return [host, ...state.stack.filter(frame => frame.type !== 'home').map(frame => frame.title)];
}

/** Whether a list is narrowed by its local filter right now (a query, and hits for it). */
export function isFiltered(frame: ListFrame): boolean {
	return frame.filter !== null && frame.filter.query.trim() !== '' && frame.filter.hits !== null;
}

/** The rows a list shows: all loaded rows, or the filter's hits in rank order. */
export function visibleRows(frame: ListFrame): readonly Item[] {
	if (!isFiltered(frame)) {
		return frame.rows;
	}

	return frame.filter!.hits!.map(hit => frame.rows[hit.index]).filter((row): row is Item => row !== undefined);
}

/** The object an action applies to: the row under the cursor of a list, or the object of a pane. */
export function selectedItem(frame: Frame): Item | undefined {
	return frame.type === 'list' ? visibleRows(frame)[frame.cursor] : frame.type === 'detail' ? frame.item ?? undefined : undefined;
}
