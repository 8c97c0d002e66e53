import {describe, expect, it} from 'vitest';
import {bindingFor, dangerousKeyProblems, hintsFor, keyNames, keymap, type Binding} from '../../source/navigation/keymap.js';

describe('keyNames', () => {
	it.each([
		['jjj', {}, ['j', 'j', 'j']],
		['', {downArrow: true}, ['down']],
		['', {upArrow: true}, ['up']],
		['', {pageDown: true}, ['pageDown']],
		['', {pageUp: true}, ['pageUp']],
		['', {home: true}, ['home']],
		['', {end: true}, ['end']],
		['\r', {return: true}, ['enter']],
		['', {escape: true}, ['escape']],
		['', {delete: true}, ['backspace']],
		['', {backspace: true}, ['backspace']],
		['c', {ctrl: true}, ['ctrl-c']],
		['d', {ctrl: true}, ['ctrl-d']],
		['j', {meta: true}, ['escape', 'j']],
		[':orgs', {}, [':', 'o', 'r', 'g', 's']],
		['é🚲', {}, ['é', '🚲']],
		['jj\r', {}, ['j', 'j', 'enter']],
		['ab\u007F', {}, ['a', 'b', 'backspace']],
	] as const)('%j %j', (input, key, expected) => {
		expect(keyNames(input, key)).toEqual(expected);
	});
});

describe('bindingFor', () => {
	it.each([
		['j', 'list', 'nav.down'],
		['down', 'detail', 'nav.down'],
		['k', 'pager', 'nav.up'],
		['g', 'list', 'nav.top'],
		['G', 'list', 'nav.bottom'],
		['end', 'list', 'nav.bottom'],
		['pageDown', 'list', 'nav.pageDown'],
		['enter', 'list', 'nav.open'],
		['escape', 'detail', 'nav.back'],
		['backspace', 'list', 'nav.back'],
		['r', 'list', 'nav.refresh'],
		['J', 'detail', 'view.json'],
		[':', 'list', 'view.switch'],
		['?', 'detail', 'app.help'],
		['q', 'list', 'app.quit'],
		['ctrl-c', 'input', 'app.forceQuit'],
	] as const)('%s in %s → %s', (key, scope, id) => {
		expect(bindingFor(key, scope)?.id).toBe(id);
	});

	it.each([
		['x', 'list'],
		['d', 'list'],
		['ctrl-d', 'list'],
		['J', 'list'],
		['r', 'pager'],
		['enter', 'pager'],
	] as const)('%s in %s is not bound', (key, scope) => {
		expect(bindingFor(key, scope)).toBeUndefined();
	});

	it('has no key bound twice in one scope', () => {
		const seen = new Map<string, string>();
		for (const binding of keymap) {
			for (const scope of binding.scopes) {
				for (const key of binding.keys) {
					const slot = `${scope}:${key}`;
					expect(seen.get(slot), slot).toBeUndefined();
					seen.set(slot, binding.id);
				}
			}
		}
	});

	it('draws hints from the table', () => {
		expect(hintsFor('list').map(binding => binding.id)).toEqual(['nav.open', 'nav.back', 'nav.refresh', 'search.open', 'item.delete', 'view.switch', 'app.help', 'app.quit']);
		// In a text input, q : ? are text, not hints.
		expect(hintsFor('input').map(binding => binding.id)).toEqual(['search.server', 'search.browse', 'search.clear']);
		expect(hintsFor('detail').map(binding => binding.id)).toContain('view.json');
	});
});

describe('the safety rule for destructive keys', () => {
	const dangerous = (keys: string[]): Binding => ({id: 'app.quit', keys, label: 'delete', scopes: ['list'], hint: true, dangerous: true});

	it.each([
		[['d'], 'not a single Shift+letter'],
		[['dd'], 'not a single Shift+letter'],
		[['ctrl-d'], 'not a single Shift+letter'],
		[['K'], 'a navigation key'],
		[['H'], 'next to navigation key(s) g, j'],
		[['L'], 'next to navigation key(s) k'],
		[['R'], 'a navigation key'],
	])('refuses %j (%s)', (keys, problem) => {
		expect(dangerousKeyProblems(dangerous(keys)).join(' ')).toContain(problem);
	});

	it('accepts D', () => {
		expect(dangerousKeyProblems(dangerous(['D']))).toEqual([]);
	});

	it('holds for every binding of the keymap', () => {
		expect(keymap.flatMap(binding => dangerousKeyProblems(binding))).toEqual([]);
	});
});
