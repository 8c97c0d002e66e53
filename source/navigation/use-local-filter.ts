/**
 * The local filter's matcher, off the keystroke's path: typing updates the query in the store at
 * once (nothing is lost, the box shows it), and the ranking runs after the frame is drawn, for the
 * latest query only — a key that arrives first cancels the pending run (a debounce that never
 * loses the last query). One warm index per list frame, extended as pages arrive.
 */
import {useEffect, useRef, type Dispatch} from 'react';
import type {Item} from '../domain/types.js';
import {FuzzyIndex} from '../lib/fuzzy.js';
import type {Action} from './reducer.js';
import {searchFields} from './search.js';
import {topFrame, type NavigationState} from './screens.js';

/** Rows indexed per turn of the event loop while warming up. */
const indexSlice = 2000;

type Indexed = {readonly index: FuzzyIndex; count: number; first: Item | undefined; last: Item | undefined};

export function useLocalFilter(state: NavigationState, getState: () => NavigationState, dispatch: Dispatch<Action>): void {
	const indexes = useRef(new Map<number, Indexed>());
	/** The frame's index, with every loaded row in it. */
	const indexRows = (key: number, rows: readonly Item[], limit = Number.POSITIVE_INFINITY): Indexed => {
		let entry = indexes.current.get(key);
		// Rows only grow as pages arrive; a refresh or a deleted row changes what is indexed at
		// which position: start over then.
		const stale = entry !== undefined && (rows.length < entry.count || (entry.count > 0 && (rows[0] !== entry.first || rows[entry.count - 1] !== entry.last)));
		if (entry === undefined || stale) {
			entry = {index: new FuzzyIndex(), count: 0, first: undefined, last: undefined};
			indexes.current.set(key, entry);
		}

		if (entry.count < rows.length) {
			const end = Math.min(rows.length, entry.count + limit);
			entry.index.add(rows.slice(entry.count, end).map(row => ({fields: searchFields(row)})));
			entry.count = end;
			entry.first = rows[0];
			entry.last = rows[end - 1];
		}

		return entry;
	};

	const top = topFrame(state);
	const filter = top.type === 'list' ? top.filter : null;
	const rowCount = top.type === 'list' ? top.rows.length : 0;

	useEffect(() => {
		// Forget the indexes of frames that left the stack.
		const live = new Set(state.stack.map(frame => frame.key));
		for (const key of indexes.current.keys()) {
			if (!live.has(key)) {
				indexes.current.delete(key);
			}
		}
	}, [state.stack]);

	// Keep the index warm: rows are indexed as their pages arrive, when the loop is idle, so the
	// first `/` on a long list does not pay for indexing them all at once.
	useEffect(() => {
		if (top.type !== 'list' || rowCount === 0) {
			return;
		}

		// In slices, one per turn of the loop: indexing never holds a key back for long (100,000
		// rows at once take ≈1.7 s; a slice of 2,000 ≈35 ms).
		let timer: NodeJS.Timeout | undefined;
		const step = () => {
			const current = topFrame(getState());
			if (current.type === 'list' && current.key === top.key) {
				const entry = indexRows(current.key, current.rows, indexSlice);
				if (entry.count < current.rows.length) {
					timer = setTimeout(step, 0);
				}
			}
		};

		timer = setTimeout(step, 0);
		return () => {
			clearTimeout(timer);
		};
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [top.key, rowCount]);

	useEffect(() => {
		if (filter === null) {
			return;
		}

		const timer = setTimeout(() => {
			const current = topFrame(getState());
			if (current.type !== 'list' || current.key !== top.key || current.filter === null) {
				return;
			}

			const {query} = current.filter;
			const entry = indexRows(current.key, current.rows);
			const hits = query.trim() === '' ? null : entry.index.search(query).map(hit => ({index: hit.index, highlights: hit.highlights}));
			dispatch({type: 'filterApplied', frameKey: current.key, query, hits});
		}, 0);
		return () => {
			clearTimeout(timer);
		};
		// Re-rank when the query or the rows change; the rest is read fresh when the timer fires.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [top.key, filter?.query, filter === null, rowCount]);
}
