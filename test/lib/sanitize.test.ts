import {describe, expect, it} from 'vitest';
import {sanitizeJson, sanitizeLine, sanitizeText} from '../../source/lib/sanitize.js';

const ESC = '\u001B';
const BEL = '\u0007';

describe('sanitizeText strips what a terminal would obey', () => {
	const hostile: Array<[string, string, string]> = [
		['OSC 0 title, BEL-terminated', `Insee${ESC}]0;pwned${BEL} data`, 'Insee data'],
		['OSC 2 title, ST-terminated', `a${ESC}]2;x${ESC}\\b`, 'ab'],
		['OSC 8 hyperlink', `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`, 'click'],
		['OSC 52 clipboard write', `x${ESC}]52;c;cm0gLXJmIC8K${BEL}y`, 'xy'],
		['unterminated OSC swallows the rest', `safe${ESC}]0;never ends`, 'safe'],
		['CSI clear screen', `a${ESC}[2Jb`, 'ab'],
		['CSI cursor move', `a${ESC}[10;10Hb`, 'ab'],
		['CSI private mode (alt screen off)', `a${ESC}[?1049lb`, 'ab'],
		['SGR colour', `${ESC}[31mred${ESC}[0m`, 'red'],
		['DCS', `a${ESC}Pq#0;2;0;0;0${ESC}\\b`, 'ab'],
		['APC', `a${ESC}_payload${ESC}\\b`, 'ab'],
		['C1 CSI', 'a\u009B2Jb', 'ab'],
		['C1 OSC terminated by C1 ST', 'a\u009D0;t\u009Cb', 'ab'],
		['C1 DCS', 'a\u0090payload\u009Cb', 'ab'],
		['lone C1 controls', 'a\u0085\u008Db', 'ab'],
		['ESC c (reset)', `a${ESC}cb`, 'ab'],
		['BEL', `ding${BEL}`, 'ding'],
		['NUL', 'a\u0000b', 'ab'],
		['backspace', 'abc\u0008\u0008X', 'abcX'],
		['DEL', 'a\u007Fb', 'ab'],
		['RTL override', 'evil\u202Eelpmaxe.com', 'evilelpmaxe.com'],
		['BiDi isolates and embeddings', '\u2066a\u2069\u202Ab\u202C\u200F', 'ab'],
		['carriage return becomes newline', 'shown\rhidden', 'shown\nhidden'],
		['CRLF becomes LF', 'a\r\nb', 'a\nb'],
		['lone surrogate replaced', 'a\uD800b', 'a\uFFFDb'],
	];

	it.each(hostile)('%s', (_name, input, expected) => {
		expect(sanitizeText(input)).toBe(expected);
	});

	const benign = [
		'Qualité de l’air — Île-de-France',
		'Lëtzebuerger Statistikamt',
		'Straßenbahn Übersicht',
		'東京都オープンデータ',
		'데이터',
		'مجموعة بيانات',
		'emoji 🚲🇱🇺 and 👩‍👩‍👧 family',
		'tabs\tand\nnewlines',
		'',
		'plain ascii 100%',
	];

	it.each(benign)('keeps %j intact', input => {
		expect(sanitizeText(input)).toBe(input);
	});

	it('leaves no escape, C0 (but tab/newline) or C1 character in a mix of everything', () => {
		const all = Array.from({length: 0xA0}, (_, code) => String.fromCodePoint(code)).join('') + '\u202E\u2066';
		const clean = sanitizeText(all.repeat(3));
		expect(clean).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202E\u2066]/u);
	});

	it('handles a 10,000-character name', () => {
		const long = 'é'.repeat(10_000);
		expect(sanitizeText(`${ESC}[2J${long}`)).toBe(long);
	});
});

describe('sanitizeLine', () => {
	it('folds newlines and runs of spaces', () => {
		expect(sanitizeLine('  a\n\nb\t c  ')).toBe('a b c');
	});

	it('strips sequences before folding', () => {
		expect(sanitizeLine(`x${ESC}]0;t${BEL}\ny`)).toBe('x y');
	});
});

describe('sanitizeJson', () => {
	it('cleans strings and keys at any depth, keeps other values', () => {
		expect(sanitizeJson({[`k${ESC}[1m`]: [`v${BEL}`, 1, true, null, {deep: `${ESC}]2;t${BEL}ok`}]})).toEqual({k: ['v', 1, true, null, {deep: 'ok'}]});
	});
});
