import {describe, expect, it} from 'vitest';
import {toOrganization} from '../../source/api/to-domain.js';
import {catalogue} from '../../source/domain/list-source.js';
import {intentOfKey, scopeOf} from '../../source/navigation/dispatch-key.js';
import {initialState, reducer, wantsPage, type Action} from '../../source/navigation/reducer.js';
import {listFrame, topFrame, visibleRows, type ListFrame, type NavigationState} from '../../source/navigation/screens.js';
import {searchFields, serverSearch} from '../../source/navigation/search.js';
import {parsePalette} from '../../source/navigation/commands.js';

const viewport = {columns: 100, rows: 30};
const org = (index: number, name = `Organization ${index}`) => toOrganization({id: `org-${index}`, slug: `org-${index}`, name});

function loaded(count: number, next: string | null = 'https://x/api/1/organizations/?page=2'): NavigationState {
	const state = initialState([listFrame('Organizations', catalogue('organization'))], viewport);
	return reducer(state, {type: 'pageLoaded', frameKey: 1, page: {items: Array.from({length: count}, (_, index) => org(index)), page: 1, pageSize: 20, total: 1000, totalCapped: false, nextPageUrl: next, previousPageUrl: null}});
}

const run = (state: NavigationState, ...actions: Action[]) => actions.reduce(reducer, state);
const list = (state: NavigationState) => topFrame(state) as ListFrame;

/** Feed keys through intentOfKey, as the app does. */
function keys(state: NavigationState, ...names: string[]): NavigationState {
	let current = state;
	for (const name of names) {
		const intent = intentOfKey(current, name);
		if (intent.type === 'action') {
			current = reducer(current, intent.action);
		}
	}

	return current;
}

describe('the local filter', () => {
	it('/ opens the box, which takes printable keys as text (q and j included)', () => {
		const state = keys(loaded(30), 'j', 'j', '/', 'q', 'j', ':');
		expect(list(state).filter).toMatchObject({query: 'qj:', editing: true, saved: {cursor: 2}});
		expect(scopeOf(state)).toBe('input');
	});

	it('keeps the typed query whatever the matcher answers, and drops answers for an old query', () => {
		let state = keys(loaded(30), '/', 'a', 'b');
		state = run(state, {type: 'filterApplied', frameKey: 1, query: 'a', hits: [{index: 3, highlights: []}]});
		expect(list(state).filter).toMatchObject({query: 'ab', hits: null});
		state = run(state, {type: 'filterApplied', frameKey: 1, query: 'ab', hits: [{index: 7, highlights: [[0, 2]]}, {index: 2, highlights: []}]});
		expect(visibleRows(list(state)).map(row => row.id)).toEqual(['org-7', 'org-2']);
		expect(list(state).cursor).toBe(0);
	});

	it('arrows move through the hits while typing; Enter opens nothing but asks for a server search', () => {
		let state = keys(loaded(30), '/', 'o');
		state = run(state, {type: 'filterApplied', frameKey: 1, query: 'o', hits: [{index: 5, highlights: []}, {index: 9, highlights: []}]});
		state = keys(state, 'down');
		expect(list(state).cursor).toBe(1);
		expect(intentOfKey(state, 'enter')).toEqual({type: 'runSearch', query: 'o'});
	});

	it('Tab leaves the box to browse the hits; Enter then opens the hit', () => {
		let state = keys(loaded(30), '/', 'o');
		state = run(state, {type: 'filterApplied', frameKey: 1, query: 'o', hits: [{index: 5, highlights: []}, {index: 9, highlights: []}]});
		state = keys(state, 'tab', 'j', 'enter');
		expect(topFrame(state)).toMatchObject({type: 'detail', target: {id: 'org-9'}});
	});

	it('Esc clears the filter and puts the cursor back', () => {
		let state = keys(loaded(60), 'j', 'j', 'j', 'j', '/', 'x');
		state = run(state, {type: 'filterApplied', frameKey: 1, query: 'x', hits: [{index: 40, highlights: []}]});
		state = keys(state, 'escape');
		expect(list(state)).toMatchObject({filter: null, cursor: 4});
		// Browsing hits (after Tab), Esc clears the filter too, before it would go back.
		state = keys(state, '/', 'x', 'tab', 'escape');
		expect(list(state).filter).toBeNull();
		expect(state.stack).toHaveLength(1);
	});

	it('Backspace edits, and closes an empty box', () => {
		const state = keys(loaded(5), '/', 'a', 'b', 'backspace');
		expect(list(state).filter?.query).toBe('a');
		expect(list(keys(state, 'backspace', 'backspace')).filter).toBeNull();
	});

	it('never loads more pages by itself', () => {
		const near = run(loaded(20), {type: 'moveTo', position: 'last'});
		expect(wantsPage(near)).not.toBeNull();
		expect(wantsPage(keys(near, '/', 'x'))).toBeNull();
		// An empty box is no filter: scrolling still loads.
		expect(wantsPage(keys(near, '/'))).not.toBeNull();
	});

	it('an empty query keeps the cursor where it is', () => {
		const state = run(keys(loaded(30), 'j', 'j', '/'), {type: 'filterApplied', frameKey: 1, query: '', hits: null});
		expect(list(state).cursor).toBe(2);
	});
});

describe('what rows are searched by', () => {
	it('names first, then the other fields', () => {
		expect(searchFields(toOrganization({id: 'i', name: 'Institut national de la statistique', acronym: 'INSEE', slug: 'insee'}))).toEqual(['Institut national de la statistique', 'INSEE', 'insee']);
	});
});

describe('server search', () => {
	const frame = (source: Parameters<typeof listFrame>[1]) => ({...listFrame('x', source), key: 1}) as ListFrame;

	it.each([
		[catalogue('dataset', {filters: {tag: ['mobility']}}), {kind: 'dataset', scope: 'search', query: {q: 'vélos', filters: {tag: ['mobility']}}}],
		[catalogue('organization'), {kind: 'organization', scope: 'search', query: {q: 'vélos'}}],
		[catalogue('user'), {kind: 'user', scope: 'catalogue', query: {q: 'vélos'}}],
		[{kind: 'dataset', scope: 'organization', organizationId: 'o1'} as const, {kind: 'dataset', scope: 'search', query: {q: 'vélos', filters: {organization: 'o1'}}}],
		[{kind: 'reuse', scope: 'organization', organizationId: 'o1'} as const, {kind: 'reuse', scope: 'catalogue', query: {q: 'vélos', filters: {organization: 'o1'}}}],
	])('%j', (source, expected) => {
		const result = serverSearch(frame(source), 'vélos');
		expect(result).toMatchObject({frame: {type: 'list', title: 'search "vélos"', source: expected}});
	});

	it('a dataset\'s resources have none', () => {
		expect(serverSearch(frame({kind: 'resource', scope: 'dataset', datasetId: 'd'}), 'x')).toHaveProperty('error');
	});
});

describe('palette filters', () => {
	it('keeps ids and plain values, and lists the slugs to resolve', () => {
		expect(parsePalette(':datasets tag=mobility tag=velo organization=insee owner=5f1e6a3b9c8d7e6f5a4b3c2e')).toEqual({
			type: 'filtered', kind: 'dataset', title: 'Datasets tag=mobility tag=velo organization=insee owner=5f1e6a3b9c8d7e6f5a4b3c2e',
			filters: {tag: ['mobility', 'velo'], owner: ['5f1e6a3b9c8d7e6f5a4b3c2e']},
			resolve: [{parameter: 'organization', kind: 'organization', slug: 'insee'}],
		});
		expect(parsePalette('reuses dataset=bike-lanes')).toMatchObject({kind: 'reuse', resolve: [{parameter: 'dataset', kind: 'dataset', slug: 'bike-lanes'}]});
	});

	it.each(['datasets tag', 'datasets =x', 'widgets tag=x'])('%j is a clear error', text => {
		expect(parsePalette(text)).toMatchObject({type: 'error'});
	});
});

describe('the delete modal owns every key', () => {
	const target = {
		kind: 'dataset', id: 'd1', slug: 'bike-lanes', name: 'Bike lanes', datasetId: null, producer: null, webUrl: null,
		portal: 'sandbox', host: '127.0.0.1:1', call: 'DELETE http://127.0.0.1:1/api/1/datasets/d1/', expected: 'bike-lanes', consequences: [], restorable: true,
	} as const;
	const open = (typed: string, phase: 'typing' | 'sending' | 'failed' = 'typing'): NavigationState => ({...loaded(5), modal: {type: 'delete', target, typed, phase, message: null}});

	it.each([
		['', 'enter', {type: 'none'}],
		['bike-lane', 'enter', {type: 'none'}],
		['Bike-lanes', 'enter', {type: 'none'}],
		['bike-lanes', 'enter', {type: 'confirmDelete'}],
		[' bike-lanes ', 'enter', {type: 'confirmDelete'}],
		['bike', 'j', {type: 'action', action: {type: 'confirmInput', text: 'bikej'}}],
		['bike', 'q', {type: 'action', action: {type: 'confirmInput', text: 'bikeq'}}],
		['bike', 'D', {type: 'action', action: {type: 'confirmInput', text: 'bikeD'}}],
		['bike', 'backspace', {type: 'action', action: {type: 'confirmInput', text: 'bik'}}],
		['bike', 'down', {type: 'none'}],
		['bike', 'escape', {type: 'action', action: {type: 'closeModal'}}],
		['bike', 'ctrl-c', {type: 'quit'}],
	])('typed %j, key %s', (typed, key, intent) => {
		expect(intentOfKey(open(typed), key)).toEqual(intent);
	});

	it('once sent, neither Enter nor Esc can act', () => {
		expect(intentOfKey(open('bike-lanes', 'sending'), 'enter')).toEqual({type: 'none'});
		expect(intentOfKey(open('bike-lanes', 'sending'), 'escape')).toEqual({type: 'none'});
		expect(intentOfKey(open('bike-lanes', 'failed'), 'enter')).toEqual({type: 'none'});
		expect(intentOfKey(open('bike-lanes', 'failed'), 'escape')).toEqual({type: 'action', action: {type: 'closeModal'}});
	});

	it('removes a deleted object from every list, and closes its pane', () => {
		let state = keys(loaded(5), 'j', 'enter');
		expect(topFrame(state).type).toBe('detail');
		state = reducer(state, {type: 'removeItem', id: 'org-1'});
		expect(state.stack).toHaveLength(1);
		expect(list(state).rows.map(row => row.id)).toEqual(['org-0', 'org-2', 'org-3', 'org-4']);
		expect(list(state).total).toBe(999);
	});
});
