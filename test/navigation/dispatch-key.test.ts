import {describe, expect, it} from 'vitest';
import {catalogue} from '../../source/domain/list-source.js';
import {intentOfKey, scopeOf} from '../../source/navigation/dispatch-key.js';
import {initialState, reducer} from '../../source/navigation/reducer.js';
import {homeFrame, listFrame, type NavigationState} from '../../source/navigation/screens.js';
import {parsePalette} from '../../source/navigation/commands.js';
import {deleteTarget} from '../../source/navigation/delete.js';
import {toDataset} from '../../source/api/to-domain.js';

const viewport = {columns: 100, rows: 30};
const listState = initialState([listFrame('Organizations', catalogue('organization'))], viewport);
const withModal = (modal: NavigationState['modal']) => ({...listState, modal});

describe('intentOfKey: layers, the first that knows a key consumes it', () => {
	it.each([
		['j', {type: 'action', action: {type: 'move', delta: 1}}],
		['G', {type: 'action', action: {type: 'moveTo', position: 'last'}}],
		['enter', {type: 'action', action: {type: 'open'}}],
		['escape', {type: 'action', action: {type: 'back'}}],
		['r', {type: 'action', action: {type: 'refresh'}}],
		[':', {type: 'action', action: {type: 'openModal', modal: {type: 'palette', text: '', error: null}}}],
		['?', {type: 'action', action: {type: 'openModal', modal: {type: 'help'}}}],
		['q', {type: 'quit'}],
		['ctrl-c', {type: 'quit'}],
		['x', {type: 'none'}],
		['d', {type: 'none'}],
	])('list: %s', (key, intent) => {
		expect(intentOfKey(listState, key)).toEqual(intent);
	});

	it.each([
		['o', {type: 'action', action: {type: 'paletteInput', text: 'dso'}}],
		['q', {type: 'action', action: {type: 'paletteInput', text: 'dsq'}}],
		['j', {type: 'action', action: {type: 'paletteInput', text: 'dsj'}}],
		['backspace', {type: 'action', action: {type: 'paletteInput', text: 'd'}}],
		['enter', {type: 'runPalette', text: 'ds'}],
		['escape', {type: 'action', action: {type: 'closeModal'}}],
		['down', {type: 'none'}],
		['ctrl-c', {type: 'quit'}],
	])('the palette takes printable keys as text: %s', (key, intent) => {
		expect(intentOfKey(withModal({type: 'palette', text: 'ds', error: null}), key)).toEqual(intent);
	});

	it('backspace on an empty palette closes it', () => {
		expect(intentOfKey(withModal({type: 'palette', text: '', error: null}), 'backspace')).toEqual({type: 'action', action: {type: 'closeModal'}});
	});

	it.each(['j', 'enter', 'r', 'x', ':'])('the help shadows %s', key => {
		expect(intentOfKey(withModal({type: 'help'}), key).type === 'quit').toBe(false);
		expect(intentOfKey(withModal({type: 'help'}), key)).not.toMatchObject({action: {type: 'move'}});
	});

	it('a palette typed in one chunk lands in the palette, key after key', () => {
		let state: NavigationState = listState;
		for (const key of [':', 'd', 'a', 't', 'a']) {
			const intent = intentOfKey(state, key);
			if (intent.type === 'action') {
				state = reducer(state, intent.action);
			}
		}

		expect(state.modal).toEqual({type: 'palette', text: 'data', error: null});
		expect(scopeOf(state)).toBe('input');
	});

	it('moves and opens on the home menu like anywhere else', () => {
		const home = initialState([homeFrame([])], viewport);
		expect(intentOfKey(home, 'j')).toEqual({type: 'action', action: {type: 'move', delta: 1}});
		expect(intentOfKey(home, 'enter')).toEqual({type: 'action', action: {type: 'open'}});
		expect(intentOfKey(home, 'q')).toEqual({type: 'quit'});
	});
});

describe('parsePalette', () => {
	it.each([
		['orgs', 'organization'],
		[':organizations', 'organization'],
		['datasets', 'dataset'],
		['ds', 'dataset'],
		['Reuses', 'reuse'],
		['users', 'user'],
		['dataservices', 'dataservice'],
	])('%s opens the %s list', (text, kind) => {
		expect(parsePalette(text)).toMatchObject({type: 'open', frames: [{type: 'list', source: {kind, scope: 'catalogue'}}]});
	});

	it.each([
		['q', {type: 'quit'}],
		['me', {type: 'me'}],
		['home', {type: 'home'}],
		['portal fr', {type: 'portal', name: 'fr'}],
		[':portal', {type: 'portal', name: undefined}],
	])('%s', (text, command) => {
		expect(parsePalette(text)).toEqual(command);
	});

	it.each(['', 'foo', 'orgs extra', 'portal fr lu'])('%j is a clear error', text => {
		expect(parsePalette(text)).toMatchObject({type: 'error'});
	});
});

describe('a mutation is confirmed only by a key read on its own', () => {
	const target = deleteTarget(toDataset({id: 'd1', slug: 'velo', title: 'Vélo'}), 'http://127.0.0.1:1/api/1/', '127.0.0.1:1');
	if ('refusal' in target) {
		throw new Error(target.refusal);
	}

	it('Enter on the matching slug confirms a delete, unless it came in one read with other keys', () => {
		const typed = withModal({type: 'delete', target, typed: 'velo', phase: 'typing', message: null});
		expect(intentOfKey(typed, 'enter')).toEqual({type: 'confirmDelete'});
		expect(intentOfKey(typed, 'enter', {confirmable: false})).toEqual({type: 'none'});
	});

	it('y restores, unless it came with the u that asked (`uy`)', () => {
		const asking = withModal({type: 'restore', target, phase: 'asking', message: null});
		expect(intentOfKey(asking, 'y')).toEqual({type: 'confirmRestore'});
		expect(intentOfKey(asking, 'y', {confirmable: false})).toEqual({type: 'none'});
	});
});
