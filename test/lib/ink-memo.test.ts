/**
 * The remembered widest-line and ansi-tokenize the bundle uses instead of Ink's (scripts/ink-memo)
 * answer exactly as the originals, the first time, from the cache, and after the cache is full.
 */
import * as original from '@alcalzone/ansi-tokenize';
import widestLine from 'widest-line';
import {describe, expect, it} from 'vitest';
// @ts-expect-error: plain JavaScript, bundled by scripts/build.mjs, no type declarations.
import * as remembered from '../../scripts/ink-memo/ansi-tokenize.js';
// @ts-expect-error: as above.
import rememberedWidestLine from '../../scripts/ink-memo/widest-line.js';

const samples = [
	'',
	'plain ASCII row',
	'Qualité de l’air — station 12 — mesures horaires',
	'東京 👩‍👩‍👧 e\u0301',
	'\u001B[7mselected row\u001B[27m',
	'\u001B[1m\u001B[4m\u001B[33mhit\u001B[39m\u001B[24m\u001B[22m after',
	'two\nlines, the second longer',
];

type Tokenizer = {tokenize(text: string, end?: number): unknown[]; styledCharsFromTokens(tokens: unknown[]): unknown[]; styledCharsToString(chars: unknown[]): string};
const memo = remembered as Tokenizer;
const widest = rememberedWidestLine as (text: string) => number;

describe('ink-memo', () => {
	it.each(samples)('%j: the same widths and styled characters, computed and remembered', text => {
		for (let round = 0; round < 2; round++) {
			expect(widest(text)).toBe(widestLine(text));
			const chars = memo.styledCharsFromTokens(memo.tokenize(text));
			expect(chars).toEqual(original.styledCharsFromTokens(original.tokenize(text)));
			expect(memo.styledCharsToString(chars)).toBe(original.styledCharsToString(original.styledCharsFromTokens(original.tokenize(text))));
		}

		expect(memo.tokenize(text, 3)).toEqual(original.tokenize(text, 3));
	});

	it('stays right past its bound (the cache is emptied, not wrong)', () => {
		for (let index = 0; index < 5000; index++) {
			const text = `row ${index} — é`;
			expect(widest(text)).toBe(8 + String(index).length);
			expect(memo.styledCharsFromTokens(memo.tokenize(text))).toHaveLength(text.length);
		}
	});
});
