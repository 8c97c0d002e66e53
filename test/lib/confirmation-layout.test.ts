import {describe, expect, it} from 'vitest';
import {confirmationFits, essentialRows, splitToWidth} from '../../source/lib/confirmation-layout.js';

describe('splitToWidth', () => {
	it('cuts exactly at the width, never inside a grapheme, wide characters counted as two', () => {
		expect(splitToWidth('abcdefgh', 3)).toEqual(['abc', 'def', 'gh']);
		expect(splitToWidth('', 5)).toEqual(['']);
		expect(splitToWidth('東京東京', 3)).toEqual(['東', '京', '東', '京']);
		expect(splitToWidth('e\u0301e\u0301e\u0301', 2)).toEqual(['e\u0301e\u0301', 'e\u0301']);
	});
});

describe('essentialRows and confirmationFits', () => {
	const call = 'DELETE http://127.0.0.1:4000/api/1/datasets/6a8a9e27d0ac23c914001386/';
	it('count the title, the call, the text to type and its input, and the status line', () => {
		// 1 title + 1 call + (1 + 1 + 1) input + 1 status.
		expect(essentialRows({call, expected: 'velo'}, 96)).toBe(6);
		// A narrow modal: the call takes 3 lines, the slug 2.
		expect(essentialRows({call, expected: 'x'.repeat(50)}, 30)).toBe(1 + 3 + 2 + 2 + 1);
		// A y/N question: one line instead of the input.
		expect(essentialRows({call, expected: null}, 96)).toBe(4);
		expect(essentialRows({call: null, expected: 'velo', reviewRows: 5}, 96)).toBe(10);
	});

	it('fit when the rows are there, not one fewer', () => {
		expect(confirmationFits({call, expected: 'velo'}, {inner: 96, rows: 6})).toBe(true);
		expect(confirmationFits({call, expected: 'velo'}, {inner: 96, rows: 5})).toBe(false);
	});
});
