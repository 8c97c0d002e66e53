import {confirms} from '../domain/portal.js';
import type {Modal} from '../navigation/screens.js';
import {restoreCall} from '../navigation/delete.js';
import {ConfirmModal} from '../ui/confirm-modal.js';

const badges = {
	production: {label: 'PRODUCTION', tone: 'danger'},
	demo: {label: 'DEMO', tone: 'warning'},
	sandbox: {label: 'SANDBOX', tone: 'safe'},
} as const;

/** The delete confirmation, or the y/N of its undo. */
export function MutationModal({modal, width, height}: {readonly modal: Extract<Modal, {type: 'delete' | 'restore'}>; readonly width: number; readonly height: number}) {
	const {target} = modal;
	const facts: Array<readonly [string, string]> = [
		['portal', target.host],
		['what', `${target.kind} · ${target.name}`],
		['slug', target.slug],
		['id', target.id],
		...target.producer ? [['owner', target.producer] as const] : [],
		...target.webUrl ? [['web', target.webUrl] as const] : [],
	];
	const status = modal.message === null ? null : {text: modal.message, tone: modal.phase === 'failed' ? 'error' as const : 'working' as const};
	if (modal.type === 'restore') {
		return (
			<ConfirmModal
				title={`Restore ${target.kind} ${target.name}?`}
				badge={badges[target.portal]}
				facts={facts}
				consequences={['it comes back in lists and answers 200 to everyone again']}
				call={restoreCall(target)}
				input={null}
				question="restore it? y / N"
				status={status}
				width={width}
				height={height}
			/>
		);
	}

	return (
		<ConfirmModal
			title={`Delete ${target.kind} ${target.name}`}
			badge={badges[target.portal]}
			facts={facts}
			consequences={target.consequences}
			call={target.call}
			input={{expected: target.expected, typed: modal.typed, matches: confirms(modal.typed, target.expected)}}
			status={status}
			width={width}
			height={height}
		/>
	);
}
