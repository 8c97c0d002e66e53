/**
 * Deleting, as the app performs it: the checks before the modal opens, the one DELETE once the
 * typed confirmation matches, the verification, the undo, and the audit line of each mutation.
 * Mutations are never retried: a lost connection is resolved with a GET, never a second DELETE.
 */
import {useCallback, useState} from 'react';
import {ApiError, explainError} from '../api/errors.js';
import {deletePermission, deleteTarget, type DeleteTarget} from './delete.js';
import {selectedItem, topFrame} from './screens.js';
import {useAudit, type MutationFlowOptions} from './use-audit.js';


export function useDeleteFlow({client, store, me, readOnly, keySource, auditLog}: MutationFlowOptions) {
	const [lastDeleted, setLastDeleted] = useState<DeleteTarget | null>(null);

	const record = useAudit(auditLog, client.host, me, store);
	const audit = useCallback((method: string, target: DeleteTarget, status: number) => {
		record({method, url: target.call.slice(target.call.indexOf(' ') + 1), status, kind: target.kind, id: target.id, slug: target.slug});
	}, [record]);

	const askDelete = useCallback(() => {
		const current = store.getState();
		const item = selectedItem(topFrame(current));
		if (item === undefined) {
			return;
		}

		if (readOnly) {
			store.dispatch({type: 'flash', message: 'read-only: udx was started with --read-only'});
			return;
		}

		const permission = deletePermission(item, me);
		if (!permission.allowed) {
			store.dispatch({type: 'flash', message: permission.reason});
			return;
		}

		const target = deleteTarget(item, client.apiUrl, client.host, client.portalKind);
		if ('refusal' in target) {
			store.dispatch({type: 'flash', message: target.refusal});
			return;
		}

		store.dispatch({type: 'openModal', modal: {type: 'delete', target, typed: '', phase: 'typing', message: null}});
	}, [client, me, readOnly, store]);

	const confirmDelete = useCallback(() => {
		const modal = store.getState().modal;
		if (modal?.type !== 'delete' || modal.phase !== 'typing') {
			return;
		}

		// The phase changes before anything is sent: a second Enter finds 'sending' and does nothing.
		store.dispatch({type: 'modalPhase', phase: 'sending', message: `sending ${modal.target.call}…`});
		const {target} = modal;
		const send = target.kind === 'resource' ? client.removeResource(target.datasetId!, target.id) : client.remove(target.kind, target.id);
		const verify = async (): Promise<boolean> => {
			// Gone means 410 (or 404 for a resource), or 200 with `deleted` set for members and sysadmins.
			try {
				if (target.kind === 'resource') {
					await client.getResource(target.datasetId!, target.id);
					return false;
				}

				const {item} = await client.get(target.kind, target.id);
				return 'deleted' in item && item.deleted !== null;
			} catch (error) {
				if (error instanceof ApiError && (error.kind === 'gone' || error.kind === 'not-found')) {
					return true;
				}

				throw error;
			}
		};

		const done = () => {
			store.dispatch({type: 'closeModal'});
			store.dispatch({type: 'removeItem', id: target.id});
			setLastDeleted(target.restorable ? target : null);
			store.dispatch({type: 'flash', message: `deleted ${target.name}${target.restorable ? ' — u to undo' : ''}`});
		};

		send.then(
			async () => {
				audit('DELETE', target, 204);
				store.dispatch({type: 'modalPhase', phase: 'sending', message: 'deleted; checking with the portal…'});
				try {
					if (await verify()) {
						done();
					} else {
						store.dispatch({type: 'modalPhase', phase: 'failed', message: 'the portal answered 204 but the object is still there — Esc'});
					}
				} catch (error) {
					done();
					store.dispatch({type: 'flash', message: `deleted ${target.name}, but checking failed: ${explainError(error, {keySource})}`});
				}
			},
			async (error: unknown) => {
				const status = error instanceof ApiError ? error.status ?? 0 : 0;
				audit('DELETE', target, status);
				// A connection lost mid-DELETE: the outcome is unknown. Find out with a GET; never resend.
				if (error instanceof ApiError && (error.kind === 'network' || error.kind === 'timeout')) {
					try {
						if (await verify()) {
							done();
							return;
						}

						store.dispatch({type: 'modalPhase', phase: 'failed', message: `nothing was deleted (the connection failed) — Esc, then D to try again · ${target.name} is still there`});
					} catch {
						store.dispatch({type: 'modalPhase', phase: 'failed', message: 'the outcome is unknown: the connection failed and the portal can\'t be reached to check — Esc'});
					}

					return;
				}

				store.dispatch({type: 'modalPhase', phase: 'failed', message: `nothing was deleted — ${explainError(error, {keySource, mutation: true})} — Esc`});
			},
		);
	}, [audit, client, keySource, store]);

	const askUndo = useCallback(() => {
		if (lastDeleted === null) {
			store.dispatch({type: 'flash', message: 'nothing to undo'});
			return;
		}

		store.dispatch({type: 'openModal', modal: {type: 'restore', target: lastDeleted, phase: 'asking', message: null}});
	}, [lastDeleted, store]);

	const confirmRestore = useCallback(() => {
		const modal = store.getState().modal;
		if (modal?.type !== 'restore' || modal.phase !== 'asking' || (modal.target.kind !== 'dataset' && modal.target.kind !== 'reuse')) {
			return;
		}

		const {target} = modal;
		store.dispatch({type: 'modalPhase', phase: 'sending', message: `PUT {"deleted": null} to ${target.name}…`});
		client.restore(target.kind as 'dataset' | 'reuse', target.id).then(
			() => {
				audit('PUT', target, 200);
				setLastDeleted(null);
				store.dispatch({type: 'closeModal'});
				store.dispatch({type: 'flash', message: `restored ${target.name} — r to refresh the list`});
			},
			(error: unknown) => {
				audit('PUT', target, error instanceof ApiError ? error.status ?? 0 : 0);
				store.dispatch({type: 'modalPhase', phase: 'failed', message: `nothing was restored — ${explainError(error, {keySource, mutation: true})} — Esc`});
			},
		);
	}, [audit, client, keySource, store]);


	return {askDelete, confirmDelete, askUndo, confirmRestore};
}
