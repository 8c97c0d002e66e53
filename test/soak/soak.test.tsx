/**
 * The soak as part of `npm test`: 2,000 keys of the monkey (soak/monkey.ts) through the real app
 * against the faulty, hostile sandbox, and proof that its oracle for unconfirmed mutations can
 * fail. `npm run soak` runs 50,000.
 */
import {stripVTControlCharacters} from 'node:util';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import type {DeleteTarget} from '../../source/navigation/delete.js';
import type {NavigationState} from '../../source/navigation/screens.js';
import type {RecordedRequest} from '../../source/sandbox/server.js';
import {createTheme, ThemeProvider} from '../../source/ui/theme.js';
import {EditModal} from '../../source/views/edit-modal.js';
import {MutationModal} from '../../source/views/mutation-modal.js';
import {formatReport, runSoak, type SoakReport} from '../../soak/monkey.js';
import {Oracle} from '../../soak/oracle.js';
import {readScreen} from '../../soak/screen.js';

/** The report's problems, readably, for a failing assertion. */
function explain(report: SoakReport): string {
	return [formatReport(report), ...report.problems.map(problem => `${problem.kind} after key ${problem.key}: ${problem.detail}\n  last steps: ${problem.recent.slice(-15).join(' ')}`)].join('\n');
}

describe('the soak', () => {
	it('2,000 keys: no crash, no unhandled rejection, no unconfirmed mutation, no frame taller than the terminal', async () => {
		const report = await runSoak({keys: 2000, seed: 20_260_901});
		expect(report.keys).toBe(2000);
		const figures = {crashes: report.crashes, unhandledRejections: report.unhandledRejections, unconfirmedMutations: report.unconfirmedMutations, tallFrames: report.tallFrames};
		expect(figures, explain(report)).toEqual({crashes: 0, unhandledRejections: 0, unconfirmedMutations: 0, tallFrames: 0});
		// The oracle was exercised: the monkey typed the right confirmation, and the portal changed.
		expect(report.confirmedMutations, explain(report)).toBeGreaterThan(0);
	}, 120_000);

	it('its oracle fails on a DELETE nobody confirmed on screen', async () => {
		let sent: string | undefined;
		const report = await runSoak({
			keys: 120,
			seed: 7,
			async afterKey(key, sandbox) {
				if (key !== 40) {
					return;
				}

				// Behind the app's back, with the key that may: exactly what the oracle is there to catch.
				sent = `/api/1/datasets/${sandbox.fixtures.dataset.id}/`;
				await fetch(new URL(sent, sandbox.origin), {method: 'DELETE', headers: {'X-API-KEY': sandbox.users.sysadmin.apiKey}}).catch(() => undefined);
			},
		});
		expect(sent).toBeDefined();
		expect(report.unconfirmedMutations, explain(report)).toBeGreaterThanOrEqual(1);
		const caught = report.problems.find(problem => problem.kind === 'unconfirmed mutation' && problem.detail.startsWith(`DELETE ${sent} `));
		expect(caught, explain(report)).toBeDefined();
		// Judged with the requests that came in after key 40, not later.
		expect(caught!.key).toBeGreaterThanOrEqual(40);
		expect(caught!.key).toBeLessThanOrEqual(41);
	}, 60_000);
});

// The oracle itself, on frames of the real modals (so a change to what they print shows here
// first) and on requests as the sandbox records them.

const host = '127.0.0.1:4000';
const apiRoot = `http://${host}/api/1/`;
const datasetId = '0123456789abcdef01234567';
const slug = 'qualite-de-l-air-esch-sur-alzette-2024-mesures-horaires-par-station';

function deleteTarget(overrides: Partial<DeleteTarget> = {}): DeleteTarget {
	return {
		kind: 'dataset', id: datasetId, slug, name: 'Qualité de l’air — Esch-sur-Alzette 2024', datasetId: null, producer: 'AEV', webUrl: null,
		portal: 'sandbox', host, call: `DELETE ${apiRoot}datasets/${datasetId}/`, expected: slug,
		consequences: ['soft delete: the dataset disappears from lists and answers 410 to outsiders'], restorable: true, ...overrides,
	};
}

/** One frame of a modal as the app draws it (the body's box only), ANSI stripped. */
async function frameOf(modal: NonNullable<NavigationState['modal']>, width = 100, height = 24): Promise<string> {
	const body = modal.type === 'edit'
		? <EditModal modal={modal} width={width} height={height} />
		: modal.type === 'delete' || modal.type === 'restore' ? <MutationModal modal={modal} width={width} height={height} /> : null;
	const instance = render(<ThemeProvider theme={createTheme(false)}>{body}</ThemeProvider>);
	for (let round = 0; round < 20 && !instance.lastFrame(); round++) {
		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setImmediate(resolve);
		});
	}

	const frame = stripVTControlCharacters(instance.lastFrame() ?? '');
	instance.unmount();
	return frame;
}

const deleting = (typed: string, target = deleteTarget()) => frameOf({type: 'delete', target, typed, phase: 'typing', message: null});

function request(method: string, path: string, body = ''): RecordedRequest {
	return {method, url: path, apiKey: 'k', headers: {}, body, status: 204, at: Date.now()};
}

describe('the soak\'s oracle', () => {
	it('reads a delete confirmation off the screen: the slug across its wrapped lines, the typed text, the id', async () => {
		const screen = readScreen(await deleting(`  ${slug}`, deleteTarget()));
		expect(screen.context).toBe('delete');
		expect(screen.confirmation).toEqual({action: 'delete', kind: 'dataset', id: datasetId, expected: slug, typed: `  ${slug}`, truncated: false});
		const narrow = readScreen(await frameOf({type: 'delete', target: deleteTarget(), typed: slug, phase: 'typing', message: null}, 48, 30));
		expect(narrow.confirmation).toMatchObject({expected: slug, truncated: true});
	});

	it('credits one request per confirmation, for that object, after Enter on the exact text', async () => {
		const log: RecordedRequest[] = [];
		const oracle = new Oracle(log, async () => null);
		const wrong = readScreen(await deleting(`${slug}x`));
		expect(oracle.beforePress(wrong, '\r', 0)).toBeNull();
		const right = readScreen(await deleting(slug));
		oracle.observe(right);
		expect(oracle.beforePress(right, '\r', 1)).toMatchObject({action: 'delete', id: datasetId});
		// Enter again in the same modal is not worth a second request.
		expect(oracle.beforePress(right, '\r', 2)).toBeNull();
		log.push(request('DELETE', `/api/1/datasets/${datasetId}/`), request('DELETE', `/api/1/datasets/${datasetId}/`), request('DELETE', '/api/1/datasets/ffffffffffffffffffffffff/'));
		const verdicts = await oracle.check();
		expect(verdicts.map(verdict => verdict.reason === null)).toEqual([true, false, false]);
		expect(log).toHaveLength(0);
	});

	it('follows a typed text the screen cuts, key by key, and believes it only where the screen agrees', async () => {
		const oracle = new Oracle([], async () => null);
		const target = deleteTarget();
		const typing = async (typed: string) => readScreen(await frameOf({type: 'delete', target, typed, phase: 'typing', message: null}, 48, 30));
		// 48 columns leave 40 cells for the typed text: past that, the screen shows `…` and its end.
		const cut = await typing(slug);
		expect(cut.confirmation?.truncated).toBe(true);
		oracle.observe(await typing(''));
		for (let index = 0; index < slug.length; index++) {
			// eslint-disable-next-line no-await-in-loop
			oracle.beforePress(index > 40 ? cut : await typing(slug.slice(0, index)), slug[index]!, index);
		}

		expect(oracle.beforePress(cut, '\r', 1)).toMatchObject({hidden: true});
		// A typed text never seen whole, nor followed key by key, is not believed.
		const other = new Oracle([], async () => null);
		other.observe(readScreen(await frameOf({type: 'delete', target, typed: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', phase: 'typing', message: null}, 48, 30)));
		expect(other.beforePress(cut, '\r', 1)).toBeNull();
	});

	it('a y on the undo\'s y/N credits its PUT {"deleted": null}, not an edit of the same object', async () => {
		const log: RecordedRequest[] = [];
		const oracle = new Oracle(log, async () => slug);
		const screen = readScreen(await frameOf({type: 'restore', target: deleteTarget(), phase: 'asking', message: null}));
		expect(screen.restore).toEqual({kind: 'dataset', id: datasetId, slug});
		expect(oracle.beforePress(screen, 'y', 0)).toMatchObject({action: 'restore', id: datasetId});
		log.push(request('PUT', `/api/1/datasets/${datasetId}/`, '{"title":"x"}'), request('PUT', `/api/1/datasets/${datasetId}/`, '{"deleted":null}'));
		expect((await oracle.check()).map(verdict => verdict.reason === null)).toEqual([false, true]);
	});

	it('an edit is credited by the slug typed in its confirm step, the PUT\'s id resolved through the portal', async () => {
		const log: RecordedRequest[] = [];
		const oracle = new Oracle(log, async (kind, id) => (kind === 'dataset' && id === datasetId ? slug : null));
		const target = {kind: 'dataset' as const, id: datasetId, slug, name: 'Qualité', host, portal: 'sandbox' as const, url: `${apiRoot}datasets/${datasetId}/`, expected: slug, lastModified: null};
		const fields = [{key: 'title', label: 'Title', original: 'Qualité', value: 'Qualité!'}];
		const screen = readScreen(await frameOf({type: 'edit', target, fields, focus: 0, step: 'confirm', typed: slug, message: null, fieldErrors: {}}));
		expect(screen.context).toBe('edit-confirm');
		expect(oracle.beforePress(screen, '\r', 0)).toMatchObject({action: 'edit', slug});
		log.push(request('PUT', `/api/1/datasets/${datasetId}/`, '{"title":"Qualité!"}'), request('PATCH', '/api/1/dataservices/aaaaaaaaaaaaaaaaaaaaaaaa/', '{}'), request('POST', '/api/1/datasets/'));
		expect((await oracle.check()).map(verdict => verdict.reason === null)).toEqual([true, false, false]);
	});
});
