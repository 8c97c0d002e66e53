import {describe, expect, it} from 'vitest';
import {cellWidth, truncate, truncateStart} from '../../source/lib/format.js';

describe('truncate and truncateStart', () => {
	it('keep short text whole', () => {
		expect(truncate('abc', 5)).toBe('abc');
		expect(truncateStart('abc', 5)).toBe('abc');
	});

	it('cut at the end, or keep the end (what an input shows while typing)', () => {
		expect(truncate('abcdefgh', 5)).toBe('abcd…');
		expect(truncateStart('abcdefgh', 5)).toBe('…efgh');
	});

	it('never split a grapheme and count wide characters as two cells', () => {
		const text = 'début 東京👩‍👩‍👧 fin';
		const cut = truncateStart(text, 9);
		expect(cut).toBe('…京👩‍👩‍👧 fin');
		expect(cellWidth(cut)).toBeLessThanOrEqual(9);
		expect(truncateStart('東京東京', 4)).toBe('…京');
	});
});
