/**
 * Loading, keyed by the top frame (STYLE.md §2): the reducer says what is wanted, this hook asks
 * the client and dispatches the answer tagged with the frame's key. When a frame is covered or
 * popped, its requests are aborted; an answer that still arrives is dropped by the reducer.
 */
import {useEffect, useRef, type Dispatch} from 'react';
import type {Client} from '../api/client.js';
import {ApiError, explainError} from '../api/errors.js';
import type {Item} from '../domain/types.js';
import {wantsDetail, wantsPage, type Action} from './reducer.js';
import {topFrame, type DetailFrame, type NavigationState} from './screens.js';

export type ScreenDataOptions = {
	/** Where the key came from, for "check UDATA_API_KEY". */
	readonly keySource?: string;
	readonly pageSize?: number;
};

async function fetchDetail(client: Client, frame: DetailFrame, signal: AbortSignal): Promise<{item: Item; raw: unknown}> {
	const {target} = frame;
	if (target.kind === 'resource') {
		if (target.datasetId === undefined) {
			throw new Error('this resource does not say which dataset it belongs to');
		}

		return client.getResource(target.datasetId, target.id, {signal});
	}

	return client.get(target.kind, target.id, {signal});
}

export function useScreenData(state: NavigationState, client: Client, dispatch: Dispatch<Action>, options: ScreenDataOptions = {}): void {
	const top = topFrame(state);
	const controller = useRef<AbortController | null>(null);

	// One AbortController per top frame and client: covering or leaving the frame, or changing
	// client (a refused key, going on anonymously), aborts all it asked for.
	useEffect(() => {
		const own = new AbortController();
		controller.current = own;
		return () => {
			own.abort();
		};
	}, [top.key, client]);

	const page = wantsPage(state);
	const pageUrl = page?.nextPageUrl;
	useEffect(() => {
		if (page === null || controller.current === null) {
			return;
		}

		const {signal} = controller.current;
		dispatch({type: 'pageRequested', frameKey: page.key});
		client.list(page.source, {pageUrl: pageUrl ?? undefined, pageSize: options.pageSize, signal}).then(
			result => {
				dispatch({type: 'pageLoaded', frameKey: page.key, page: result});
			},
			(error: unknown) => {
				if (!signal.aborted && !(error instanceof ApiError && error.kind === 'aborted')) {
					dispatch({type: 'pageFailed', frameKey: page.key, message: explainError(error, {keySource: options.keySource})});
				}
			},
		);
		// The request depends on which frame and which page only; cursor moves must not restart it.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [page?.key, pageUrl, page !== null]);

	const detail = wantsDetail(state);
	useEffect(() => {
		if (detail === null || controller.current === null) {
			return;
		}

		const {signal} = controller.current;
		dispatch({type: 'detailRequested', frameKey: detail.key});
		fetchDetail(client, detail, signal).then(
			({item, raw}) => {
				dispatch({type: 'detailLoaded', frameKey: detail.key, item, raw});
			},
			(error: unknown) => {
				if (!signal.aborted && !(error instanceof ApiError && error.kind === 'aborted')) {
					dispatch({type: 'detailFailed', frameKey: detail.key, message: explainError(error, {keySource: options.keySource})});
				}
			},
		);
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [detail?.key, detail !== null]);
}
