/** One place that records mutations in the audit log, for every flow that mutates. */
import {useCallback} from 'react';
import {appendAudit} from '../audit-log.js';
import type {Client} from '../api/client.js';
import type {User} from '../domain/types.js';
import type {Action} from './reducer.js';
import type {NavigationState} from './screens.js';
import type {Store} from './store.js';

export type Mutation = {readonly method: string; readonly url: string; readonly status: number; readonly kind: string; readonly id: string; readonly slug: string};

export function useAudit(auditLog: string | undefined, host: string, me: User | null, store: Store<NavigationState, Action>): (mutation: Mutation) => void {
	return useCallback((mutation: Mutation) => {
		if (auditLog === undefined) {
			return;
		}

		appendAudit(auditLog, {time: new Date().toISOString(), portal: host, user: me?.slug ?? null, ...mutation}).catch((error: unknown) => {
			store.dispatch({type: 'flash', message: `could not write the audit log: ${error instanceof Error ? error.message : String(error)}`});
		});
	}, [auditLog, host, me, store]);
}

/** What every mutating flow (delete, edit) works with. */
export type MutationFlowOptions = {
	readonly client: Client;
	readonly store: Store<NavigationState, Action>;
	readonly me: User | null;
	readonly readOnly: boolean;
	readonly keySource: string | undefined;
	readonly auditLog: string | undefined;
};
