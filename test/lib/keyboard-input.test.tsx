/**
 * The keyboard filter in front of Ink: every key udx reads gets through, and what would crash Ink
 * 6.8's key parser (a pasted colour code) or is a terminal's reply does not. The last test feeds
 * real Ink: unfiltered, the colour code throws (the bug the soak found); filtered, it does not.
 */
import {Text, useInput} from 'ink';
import {render} from 'ink-testing-library';
import {act, useState} from 'react';
import {describe, expect, it} from 'vitest';
import {keyboardInput, splitAfterLoneEscapes} from '../../source/lib/keyboard-input.js';

(globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean}).IS_REACT_ACT_ENVIRONMENT = true;

describe('keyboardInput', () => {
	it.each([
		['text', 'jjk/velo é 東京'],
		['arrows', '\u001B[A\u001B[B\u001B[C\u001B[D'],
		['Ctrl+arrow', '\u001B[1;5A'],
		['Home End PgUp PgDn Delete', '\u001B[H\u001B[F\u001B[5~\u001B[6~\u001B[3~\u001B[1~\u001B[4~'],
		['F-keys', '\u001BOP\u001B[15~\u001B[24~'],
		['Shift+Tab', '\u001B[Z'],
		['SS3 arrows', '\u001BOA\u001BOB'],
		['Esc', '\u001B'],
		['Alt+x', '\u001Bx'],
		['Enter Tab Backspace Ctrl+C', '\r\t\u007F\u0003'],
	])('keeps %s', (_name, keys) => {
		expect(keyboardInput(keys)).toBe(keys);
	});

	it.each([
		['a colour code', 'a\u001B[0mb', 'ab'],
		['blink and colours', '\u001B[5m\u001B[31;1mred\u001B[m', 'red'],
		['an unknown ~ key', 'x\u001B[99;5~y', 'xy'],
		['a cursor position report', '\u001B[12;40R', ''],
		['kitty keys', '\u001B[97;5u', ''],
		['bracketed paste marks', '\u001B[200~slug\u001B[201~', 'slug'],
		['an OSC reply (BEL)', 'a\u001B]52;c;aGk=\u0007b', 'ab'],
		['an OSC reply (ST)', 'a\u001B]11;rgb:0000/0000/0000\u001B\\b', 'ab'],
		['a DCS string', '\u001BP1$r0m\u001B\\k', 'k'],
		['C1 controls', 'a\u009B31mb\u0085', 'a31mb'],
		['a cut-off CSI', 'j\u001B[1;', 'j'],
	])('drops %s', (_name, input, expected) => {
		expect(keyboardInput(input)).toBe(expected);
	});
});

function Keys() {
	const [seen, setSeen] = useState('');
	useInput(input => {
		setSeen(previous => previous + input);
	});
	return <Text>{`seen:${seen}`}</Text>;
}

describe('in front of Ink', () => {
	it('a pasted colour code crashes Ink\'s useInput unfiltered, and reaches nothing filtered', async () => {
		const paste = 'ab\u001B[0mcd';
		let rendered!: ReturnType<typeof render>;
		await act(async () => {
			rendered = render(<Keys />);
		});
		await act(async () => {
			rendered.stdin.write(keyboardInput(paste));
		});
		expect(rendered.lastFrame()).toContain('seen:');
		expect(rendered.lastFrame()).not.toContain('[0m');
		// The control: the same bytes unfiltered throw inside Ink.
		const thrown = await act(async () => {
			try {
				rendered.stdin.write('\u001B[0m');
				return undefined;
			} catch (error) {
				return error;
			}
		});
		expect(thrown).toBeInstanceOf(TypeError);
		rendered.unmount();
	});
});

describe('splitAfterLoneEscapes', () => {
	it.each([
		['\u001B?', ['\u001B', '?']],
		['a\u001Bjk\u001B\r', ['a\u001B', 'jk\u001B', '\r']],
		['\u001B', ['\u001B']],
		['\u001B[A\u001BOP', ['\u001B[A\u001BOP']],
		['jj', ['jj']],
	])('%j → %j', (kept, parts) => {
		expect(splitAfterLoneEscapes(kept)).toEqual(parts);
	});
});
