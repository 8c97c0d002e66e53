import {describe, expect, it} from 'vitest';
import {toDataset, toOrganization} from '../../source/api/to-domain.js';
import {catalogue} from '../../source/domain/list-source.js';
import type {Item, Page} from '../../source/domain/types.js';
import {bodyRows, initialState, reducer, wantsDetail, wantsPage, type Action} from '../../source/navigation/reducer.js';
import {breadcrumbs, detailFrame, listFrame, topFrame, type ListFrame, type NavigationState} from '../../source/navigation/screens.js';

const viewport = {columns: 100, rows: 30};
const org = (index: number) => toOrganization({id: `org-${index}`, slug: `org-${index}`, name: `Organization ${index}`, metrics: {datasets: index}});

function page(from: number, count: number, next: string | null, total = 47): Page<Item> {
	return {items: Array.from({length: count}, (_, index) => org(from + index)), page: 1, pageSize: 20, total, totalCapped: false, nextPageUrl: next, previousPageUrl: null};
}

function run(state: NavigationState, ...actions: Action[]): NavigationState {
	return actions.reduce(reducer, state);
}

function listState(rows = 0): NavigationState {
	let state = initialState([listFrame('Organizations', catalogue('organization'))], viewport);
	if (rows > 0) {
		state = run(state, {type: 'pageRequested', frameKey: 1}, {type: 'pageLoaded', frameKey: 1, page: page(0, rows, 'https://x/api/1/organizations/?page=2', 1000)});
	}

	return state;
}

const list = (state: NavigationState) => topFrame(state) as ListFrame;

describe('cursor and window', () => {
	it.each([
		[[{type: 'move', delta: 1}], 1],
		[[{type: 'move', delta: 3}], 3],
		[[{type: 'move', delta: -1}], 0],
		[[{type: 'moveTo', position: 'last'}], 99],
		[[{type: 'moveTo', position: 'last'}, {type: 'moveTo', position: 'first'}], 0],
		[[{type: 'movePage', direction: 1}], bodyRows(viewport) - 1],
		[[{type: 'movePage', direction: 1}, {type: 'movePage', direction: -1}], 0],
		[[{type: 'move', delta: 500}], 99],
	] as Array<[Action[], number]>)('%j → cursor %i', (actions, cursor) => {
		expect(list(run(listState(100), ...actions)).cursor).toBe(cursor);
	});

	it('keeps the cursor inside the window', () => {
		const visible = bodyRows(viewport) - 1;
		for (const delta of [1, 5, visible, visible + 3, 60]) {
			const frame = list(run(listState(100), {type: 'move', delta}));
			expect(frame.cursor).toBeGreaterThanOrEqual(frame.scroll);
			expect(frame.cursor).toBeLessThan(frame.scroll + visible);
		}
	});

	it('follows a resize', () => {
		const state = run(listState(100), {type: 'move', delta: 20}, {type: 'resize', viewport: {columns: 80, rows: 12}});
		const frame = list(state);
		expect(frame.cursor).toBe(20);
		expect(frame.cursor).toBeLessThan(frame.scroll + bodyRows({columns: 80, rows: 12}) - 1);
	});
});

describe('loading on scroll', () => {
	it('wants the first page at once, then the next when the cursor comes within a page of the end', () => {
		expect(wantsPage(listState())?.nextPageUrl).toBeUndefined();
		const loaded = listState(60);
		expect(wantsPage(loaded)).toBeNull();
		expect(wantsPage(run(loaded, {type: 'move', delta: 30}))).toBeNull();
		expect(wantsPage(run(loaded, {type: 'move', delta: 40}))?.nextPageUrl).toBe('https://x/api/1/organizations/?page=2');
		expect(wantsPage(run(loaded, {type: 'moveTo', position: 'last'}))).not.toBeNull();
	});

	it('never asks twice while a page is loading, nor after an error, nor past the end', () => {
		const near = run(listState(20), {type: 'moveTo', position: 'last'});
		expect(wantsPage(run(near, {type: 'pageRequested', frameKey: 1}))).toBeNull();
		expect(wantsPage(run(near, {type: 'pageRequested', frameKey: 1}, {type: 'pageFailed', frameKey: 1, message: 'boom'}))).toBeNull();
		expect(wantsPage(run(near, {type: 'pageLoaded', frameKey: 1, page: page(20, 7, null)}))).toBeNull();
	});

	it('appends pages, never twice the same row, and marks the end', () => {
		let state = listState(20);
		state = run(state, {type: 'pageLoaded', frameKey: 1, page: page(15, 20, 'p3')});
		expect(list(state).rows.map(row => row.id)).toEqual(Array.from({length: 35}, (_, index) => `org-${index}`));
		state = run(state, {type: 'pageLoaded', frameKey: 1, page: page(35, 12, null)});
		expect(list(state).rows).toHaveLength(47);
		expect(list(state).nextPageUrl).toBeNull();
	});

	it('treats a page with nothing new as the end', () => {
		expect(list(run(listState(20), {type: 'pageLoaded', frameKey: 1, page: page(0, 20, 'again')})).nextPageUrl).toBeNull();
	});

	it('keeps the rows when a page fails, and retry clears only the error', () => {
		const failed = run(listState(20), {type: 'pageRequested', frameKey: 1}, {type: 'pageFailed', frameKey: 1, message: 'server failed — r to retry'});
		expect(list(failed)).toMatchObject({error: 'server failed — r to retry', loading: false});
		expect(list(failed).rows).toHaveLength(20);
		const retried = run(failed, {type: 'refresh'});
		expect(list(retried).rows).toHaveLength(20);
		expect(list(retried).error).toBeNull();
		expect(wantsPage(run(retried, {type: 'moveTo', position: 'last'}))?.nextPageUrl).toBe('https://x/api/1/organizations/?page=2');
	});

	it('a plain refresh starts over', () => {
		const frame = list(run(listState(20), {type: 'move', delta: 5}, {type: 'refresh'}));
		expect(frame).toMatchObject({rows: [], cursor: 0, nextPageUrl: undefined});
	});

	it('drops an answer for a frame that is no longer on top', () => {
		const covered = run(listState(20), {type: 'open'});
		const after = run(covered, {type: 'pageLoaded', frameKey: 1, page: page(20, 20, null)});
		expect(after).toBe(covered);
		expect(run(after, {type: 'back'}).stack[0]).toMatchObject({rows: {length: 20}});
	});
});

describe('drilling down and back', () => {
	it('opens the row under the cursor, and back restores the list exactly', () => {
		const before = run(listState(100), {type: 'move', delta: 37});
		const opened = run(before, {type: 'open'});
		expect(topFrame(opened)).toMatchObject({type: 'detail', target: {kind: 'organization', id: 'org-37'}, title: 'Organization 37'});
		expect(wantsDetail(opened)).not.toBeNull();
		const back = run(opened, {type: 'back'});
		expect(back.stack.at(-1)).toBe(before.stack.at(-1));
	});

	it('a covered list stops loading (its request is aborted)', () => {
		const loading = run(listState(20), {type: 'pageRequested', frameKey: 1});
		const covered = run(loading, {type: 'open'});
		expect(covered.stack[0]).toMatchObject({loading: false});
	});

	it('opens the entries of a pane: an organization to its datasets', () => {
		let state = run(listState(5), {type: 'open'});
		const key = topFrame(state).key;
		state = run(state, {type: 'detailRequested', frameKey: key}, {type: 'detailLoaded', frameKey: key, item: toOrganization({id: 'org-0', name: 'Org', metrics: {datasets: 3}, members: [{user: {id: 'u1', first_name: 'Jane', last_name: 'Doe'}, role: 'admin'}]}), raw: {}});
		// Entries: Datasets, Reuses, Member: Jane Doe (no description).
		const datasets = run(state, {type: 'open'});
		expect(topFrame(datasets)).toMatchObject({type: 'list', title: 'Datasets', source: {kind: 'dataset', scope: 'organization', organizationId: 'org-0'}});
		expect(breadcrumbs(datasets, 'data.public.lu')).toEqual(['data.public.lu', 'Organizations', 'Organization 0', 'Datasets']);
		const member = run(state, {type: 'move', delta: 2}, {type: 'open'});
		expect(topFrame(member)).toMatchObject({type: 'detail', target: {kind: 'user', id: 'u1'}, title: 'Jane Doe'});
	});

	it('keeps the selected entry when the full object adds entries above it', () => {
		let state = run(listState(5), {type: 'open'}, {type: 'move', delta: 1});
		const key = topFrame(state).key;
		expect(topFrame(state)).toMatchObject({cursor: 1});
		state = run(state, {type: 'detailLoaded', frameKey: key, item: toOrganization({id: 'org-0', name: 'Org', description: 'About us.'}), raw: {}});
		// Entries now: Description, Datasets, Reuses — "Reuses" is still the one selected.
		expect(topFrame(state)).toMatchObject({cursor: 2});
	});

	it('opens a dataset\'s resources, and a resource knows its dataset', () => {
		const dataset = toDataset({id: 'd1', title: 'Bike lanes', resources: [{id: 'r1'}]});
		let state = initialState([detailFrame({kind: 'dataset', id: 'd1'}, 'Bike lanes', dataset)], viewport);
		state = run(state, {type: 'open'});
		expect(topFrame(state)).toMatchObject({type: 'list', source: {kind: 'resource', scope: 'dataset', datasetId: 'd1'}});
	});

	it('toggles the raw JSON and scrolls it', () => {
		let state = run(listState(3), {type: 'open'});
		const key = topFrame(state).key;
		state = run(state, {type: 'detailLoaded', frameKey: key, item: org(0), raw: Object.fromEntries(Array.from({length: 80}, (_, index) => [`k${index}`, index]))});
		state = run(state, {type: 'toggleJson'}, {type: 'move', delta: 10});
		expect(topFrame(state)).toMatchObject({showJson: true, scroll: 10, cursor: 0});
		expect(topFrame(run(state, {type: 'toggleJson'}))).toMatchObject({showJson: false, scroll: 0});
	});

	it('back at the bottom of the stack stays', () => {
		const state = listState(3);
		expect(run(state, {type: 'back'})).toBe(state);
	});
});

describe('modals', () => {
	it('edits the palette', () => {
		const state = run(listState(), {type: 'openModal', modal: {type: 'palette', text: '', error: null}}, {type: 'paletteInput', text: 'dat'});
		expect(state.modal).toEqual({type: 'palette', text: 'dat', error: null});
		expect(run(state, {type: 'paletteError', message: 'nope'}).modal).toMatchObject({error: 'nope'});
		expect(run(state, {type: 'closeModal'}).modal).toBeNull();
	});
});
