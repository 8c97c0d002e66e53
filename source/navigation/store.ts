/**
 * A reducer store whose state is current the moment an action is dispatched. Keys that arrive in
 * one chunk (":orgs", "jjj") are handled one after another, and each must see the state the one
 * before it left — React's useReducer only shows it on the next render. INK-NOTES pitfall 4: a
 * reducer-based input, every key a dispatched action, was the design that kept every keystroke.
 */
import {useCallback, useRef, useSyncExternalStore} from 'react';

export type Store<S, A> = {
	readonly getState: () => S;
	readonly dispatch: (action: A) => void;
	readonly subscribe: (listener: () => void) => () => void;
};

export function createStore<S, A>(reduce: (state: S, action: A) => S, initial: S): Store<S, A> {
	let state = initial;
	const listeners = new Set<() => void>();
	return {
		getState: () => state,
		dispatch(action) {
			const next = reduce(state, action);
			if (next !== state) {
				state = next;
				for (const listener of listeners) {
					listener();
				}
			}
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
	};
}

/** A store made once per component, and its current state. */
export function useStore<S, A>(reduce: (state: S, action: A) => S, initial: () => S): [S, Store<S, A>] {
	const store = useRef<Store<S, A> | null>(null);
	store.current ??= createStore(reduce, initial());
	const getState = useCallback(() => store.current!.getState(), []);
	const state = useSyncExternalStore(store.current.subscribe, getState, getState);
	return [state, store.current];
}
