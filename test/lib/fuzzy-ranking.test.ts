/**
 * The ranking a user expects from the local filter (issue 4), on fixed data: exact name or
 * acronym, then prefixes, then word starts, then fuzzy; accents and typos forgiven; every word
 * must match; fuse.js's extended syntax for those who want it.
 */
import {describe, expect, it} from 'vitest';
import {FuzzyIndex, plainFuseSearch, substringSearch, type SearchDoc} from '../../source/lib/fuzzy.js';

const rows: SearchDoc[] = [
	{fields: ['Institut national de la statistique et des études économiques', 'INSEE', 'insee']},
	{fields: ['Données INSEE reprises par la commune de Lyon', 'insee-lyon']},
	{fields: ['Statistiques insee-compatibles des ménages', 'stat-menages']},
	{fields: ['Accidents corporels de la circulation routière', 'accidents-corporels']},
	{fields: ['Qualité de l\'air — stations de mesure', 'qualite-air']},
	{fields: ['Vélos en libre-service — disponibilité', 'velos-libre-service']},
	{fields: ['Lyon', 'lyon']},
	{fields: ['Lyonnaise des eaux — consommation', 'lyonnaise-eaux']},
	{fields: ['Métropole de Lyon — budget', 'metropole-lyon-budget']},
	{fields: ['Lëtzebuerger Statistikamt', 'STATEC', 'statec']},
	{fields: ['Verkehrsunfälle mit Personenschaden', 'verkehrsunfalle']},
	{fields: ['Quebec open data 🚲', 'quebec']},
	{fields: ['Bornes de recharge pour véhicules électriques', 'bornes-recharge']},
	{fields: ['Horaires des bus', 'horaires-bus']},
];

const names = (query: string) => new FuzzyIndex(rows).search(query).map(hit => rows[hit.index]!.fields[0]);

describe('ranking', () => {
	it.each([
		['insee', 'Institut national de la statistique et des études économiques'],
		['INSEE', 'Institut national de la statistique et des études économiques'],
		['lyon', 'Lyon'],
		['lyonn', 'Lyonnaise des eaux — consommation'],
		['statec', 'Lëtzebuerger Statistikamt'],
		['accidnts', 'Accidents corporels de la circulation routière'],
		['qualite', 'Qualité de l\'air — stations de mesure'],
		['velos', 'Vélos en libre-service — disponibilité'],
		['québec', 'Quebec open data 🚲'],
		['unfalle', 'Verkehrsunfälle mit Personenschaden'],
		['air qualité', 'Qualité de l\'air — stations de mesure'],
	])('%j puts %j first', (query, first) => {
		expect(names(query)[0]).toBe(first);
	});

	it('a prefix ranks before a word start, and a word start before a fuzzy match', () => {
		const found = names('lyon');
		expect(found.indexOf('Lyon')).toBeLessThan(found.indexOf('Lyonnaise des eaux — consommation'));
		expect(found.indexOf('Lyonnaise des eaux — consommation')).toBeLessThan(found.indexOf('Métropole de Lyon — budget'));
	});

	it('every word must match', () => {
		expect(names('lyon budget')).toEqual(['Métropole de Lyon — budget']);
		expect(names('lyon zzzz')).toEqual([]);
	});

	it('does not match a third of the corpus for a short word', () => {
		expect(names('bus').length).toBeLessThanOrEqual(3);
	});

	// A row matches through any of its fields (name, acronym, slug…).
	const docs = (query: string) => new FuzzyIndex(rows).search(query).map(hit => rows[hit.index]!.fields.join(' '));
	it.each([
		['\'INSEE', (found: string[]) => found.length >= 3 && found.every(text => /insee/iu.test(text))],
		['^lyon', (found: string[]) => found.length >= 2 && found.every(text => /(?:^|\s)lyon/iu.test(text))],
		['!lyon', (found: string[]) => found.length > 0 && found.every(text => !/lyon/iu.test(text))],
	])('extended syntax %j', (query, check) => {
		expect(check(docs(query))).toBe(true);
	});

	it('highlights the matched characters of the name', () => {
		const index = new FuzzyIndex(rows);
		const [qualite] = index.search('qualite');
		expect(qualite?.highlights).toEqual([[0, 7]]);
		const [lyon] = index.search('lyon');
		expect(rows[lyon!.index]!.fields[0]).toBe('Lyon');
		expect(lyon!.highlights).toEqual([[0, 4]]);
	});

	it('finds rows added later, with their indices', () => {
		const index = new FuzzyIndex(rows.slice(0, 3));
		expect(index.search('horaires')).toEqual([]);
		index.add(rows.slice(3));
		expect(index.size).toBe(rows.length);
		expect(index.search('horaires').map(hit => hit.index)).toContain(13);
	});

	it.each(['', '   ', '\'', '!', '|', '^$', '((', '[a-z]+', '🚲', 'a'.repeat(1000), '\u0000\u001B[2J'])('never throws on %j', query => {
		expect(() => new FuzzyIndex(rows).search(query)).not.toThrow();
	});

	it('the references agree on what matches plainly', () => {
		expect(substringSearch(rows, 'lyon').length).toBeGreaterThanOrEqual(3);
		expect(plainFuseSearch(rows, 'lyon').length).toBeGreaterThanOrEqual(3);
	});
});
