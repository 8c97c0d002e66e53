/**
 * Editing, as the app performs it: the form opens on a loaded pane; after the review and the
 * typed confirmation, the object is fetched again and the PUT is sent only if `last_modified`
 * has not moved since the form opened — once, never retried. 400s come back beside their fields.
 */
import {useCallback} from 'react';
import {ApiError, explainError} from '../api/errors.js';
import {editForm, patchOf} from './edit.js';
import {topFrame} from './screens.js';
import {useAudit, type MutationFlowOptions} from './use-audit.js';


export function useEditFlow({client, store, me, readOnly, keySource, auditLog}: MutationFlowOptions) {
	const record = useAudit(auditLog, client.host, me, store);

	const askEdit = useCallback(() => {
		const frame = topFrame(store.getState());
		if (readOnly) {
			store.dispatch({type: 'flash', message: 'read-only: udx was started with --read-only'});
			return;
		}

		if (frame.type !== 'detail' || !frame.loaded || frame.item === null) {
			store.dispatch({type: 'flash', message: frame.type === 'detail' ? 'wait for it to load' : 'open it first (Enter) to edit it'});
			return;
		}

		const form = editForm(frame.item, client.apiUrl, client.host, me, client.portalKind);
		if ('refusal' in form) {
			store.dispatch({type: 'flash', message: form.refusal});
			return;
		}

		store.dispatch({type: 'openModal', modal: {type: 'edit', target: form.target, fields: form.fields, focus: 0, step: 'form', typed: '', message: null, fieldErrors: {}}});
	}, [client, me, readOnly, store]);

	const confirmEdit = useCallback(() => {
		const modal = store.getState().modal;
		if (modal?.type !== 'edit' || modal.step !== 'confirm') {
			return;
		}

		const {target} = modal;
		const patch = patchOf(modal.fields);
		store.dispatch({type: 'editStep', step: 'sending', message: 'checking nobody changed it since you opened it…'});
		const send = async () => {
			const {item: current} = await client.get(target.kind, target.id);
			if (current.lastModified !== target.lastModified) {
				store.dispatch({type: 'editStep', step: 'conflict', message: `changed by someone else since you opened it (${current.lastModified ?? 'unknown'}): nothing was sent — Enter back to the form, Esc to close`});
				return;
			}

			store.dispatch({type: 'editStep', step: 'sending', message: `PUT ${target.url}…`});
			try {
				const {item, raw} = await client.update(target.kind, target.id, patch);
				record({method: 'PUT', url: target.url, status: 200, kind: target.kind, id: target.id, slug: target.slug});
				store.dispatch({type: 'closeModal'});
				store.dispatch({type: 'itemUpdated', item, raw});
				store.dispatch({type: 'flash', message: `saved ${target.name}: ${Object.keys(patch).join(', ')}`});
			} catch (error) {
				record({method: 'PUT', url: target.url, status: error instanceof ApiError ? error.status ?? 0 : 0, kind: target.kind, id: target.id, slug: target.slug});
				if (error instanceof ApiError && error.kind === 'validation') {
					// Both of udata's error shapes arrive flattened: shown beside their fields.
					store.dispatch({type: 'editStep', step: 'form', message: `refused: ${error.serverMessage ?? 'invalid'} — fix and Enter again`, fieldErrors: error.fieldErrors});
					return;
				}

				if (error instanceof ApiError && (error.kind === 'network' || error.kind === 'timeout')) {
					store.dispatch({type: 'editStep', step: 'failed', message: 'the connection failed mid-PUT: it may or may not have been applied — r on the pane to see, then edit again; nothing is resent — Esc'});
					return;
				}

				throw error;
			}
		};

		send().catch((error: unknown) => {
			store.dispatch({type: 'editStep', step: 'failed', message: `${explainError(error, {keySource, mutation: true})} — Esc`});
		});
	}, [client, keySource, record, store]);

	return {askEdit, confirmEdit};
}
