import Fuse from 'fuse.js';
import {describe, expect, it} from 'vitest';
import {datasetCorpus, keystrokes, typedQueries} from '../../bench/fuzzy.js';
import {FuzzyIndex, plainFuseSearch, substringSearch, type FuzzyHit, type SearchDoc} from '../../source/lib/fuzzy.js';

// [name, acronym, slug, organization, organization acronym], as searchFields gives a dataset; an
// organization row is [name, acronym, slug]. Empty strings are blank fields (skipped, as fuse.js does).
const rows: string[][] = [
	['Institut national de la statistique et des études économiques', 'INSEE', 'institut-national-de-la-statistique-et-des-etudes-economiques'],
	['Données INSEE sur la population légale', '', 'donnees-insee-sur-la-population-legale', 'Ministère de l\'Intérieur'],
	['Base Sirene des entreprises (Insee)', 'SIRENE', 'base-sirene-des-entreprises-insee', 'Direction interministérielle du numérique'],
	['Recensement de la population 2019 (INSEE)', '', 'recensement-de-la-population-2019-insee', 'Institut national de la statistique et des études économiques', 'INSEE'],
	['Accidents corporels de la circulation', '', 'accidents-corporels-de-la-circulation', 'Ministère de l\'Intérieur'],
	['Accidents du travail par département', '', 'accidents-du-travail-par-departement', 'Caisse nationale d\'assurance maladie', 'CNAM'],
	['Qualité de l\'air', '', 'qualite-de-l-air', 'Atmo Auvergne-Rhône-Alpes'],
	['Qualité', '', 'qualite', 'Agence qualité'],
	['Qualité des eaux de baignade', '', 'qualite-des-eaux-de-baignade', 'Ministère de la Santé'],
	['Indice de qualité de l\'air en Île-de-France', 'ATMO', 'indice-de-qualite-de-l-air-en-ile-de-france', 'Airparif'],
	['Vélos en libre-service', '', 'velos-en-libre-service', 'Métropole de Lyon'],
	['🚲 Vélos partagés à Paris', '', 'velos-partages-a-paris', 'Ville de Paris'],
	['Comptage des vélos à Strasbourg', '', 'comptage-des-velos-a-strasbourg', 'Eurométropole de Strasbourg'],
	['Lyon', '', 'lyon', 'Ville de Lyon'],
	['Lyonnaise des eaux', '', 'lyonnaise-des-eaux', 'Suez'],
	['Budget primitif de la Métropole de Lyon', '', 'budget-primitif-metropole-lyon', 'Métropole de Lyon'],
	['Horaires des transports en commun de Lyon', 'TCL', 'horaires-tcl', 'Sytral'],
	['Luftqualität in München', '', 'luftqualitat-in-munchen', 'Landeshauptstadt München'],
	['Straßenbäume in Köln', '', 'strassenbaume-in-koln', 'Stadt Köln'],
	['Verkehrsunfälle 2022', '', 'verkehrsunfalle-2022', 'Statistisches Bundesamt', 'Destatis'],
	['Ëffentlechen Transport', '', 'effentlechen-transport', 'Ministère de la Mobilité et des Travaux publics'],
	['Vëlosweeër zu Lëtzebuerg', '', 'veloswee-zu-letzebuerg', 'Ville de Luxembourg'],
	['Gemengewalen 2023', '', 'gemengewalen-2023', 'Ministère des Affaires intérieures'],
	['Quebec', '', 'quebec', 'Données Québec'],
	// A decomposed é (e + U+0301): the fold drops a unit, highlights must map back.
	['Cafe\u0301s de Paris', '', 'cafes-de-paris', 'Ville de Paris'],
	['Monuments historiques', '', 'monuments-historiques', 'Ministère de la Culture'],
	['Défibrillateurs automatisés externes', 'DAE', 'defibrillateurs', 'Ministère de la Santé'],
	['Bornes de recharge pour véhicules électriques', 'IRVE', 'bornes-irve', 'Etalab'],
	['Prix des carburants en France', '', 'prix-des-carburants', 'Ministère de l\'Économie'],
	['Arbres d\'alignement', '', 'arbres-d-alignement', 'Ville de Paris'],
	['Stationnement payant', '', 'stationnement-payant', 'Ville de Lyon'],
	['Pistes cyclables', '', 'pistes-cyclables', 'Eurométropole de Strasbourg'],
	['Élections municipales 2020', '', 'elections-municipales-2020', 'Ministère de l\'Intérieur'],
	['Population légale des communes', '', 'population-legale', 'Institut national de la statistique et des études économiques', 'INSEE'],
	['Déchets ménagers et assimilés', '', 'dechets-menagers', 'ADEME'],
	['Road traffic accidents', '', 'road-traffic-accidents', 'Department for Transport'],
	['Air quality in London', '', 'air-quality-london', 'Greater London Authority'],
	['Bike sharing stations', '', 'bike-sharing-stations', 'Transport for London'],
	['Émissions de gaz à effet de serre', 'GES', 'emissions-ges', 'ADEME'],
	['Toilettes publiques', '', 'toilettes-publiques', 'Ville de Paris'],
];
const docs: SearchDoc[] = rows.map(fields => ({fields}));
const index = new FuzzyIndex(docs);
const names = (hits: readonly FuzzyHit[]) => hits.map(hit => rows[hit.index]![0]);
const rowOf = (name: string) => rows.findIndex(row => row[0] === name);

/**
 * fuse.js as the module configures it (source/lib/fuzzy.ts: threshold 0.2, name weighing twice the
 * other fields, token search where every word must match, accents ignored), with scores: the oracle
 * for "the index's hits and scores are plain fuse.js's". If the module's options change, change these.
 */
function plainWithScores(corpus: readonly SearchDoc[]): Fuse<SearchDoc> {
	return new Fuse(corpus, {
		threshold: 0.2,
		ignoreLocation: true,
		includeMatches: true,
		includeScore: true,
		ignoreDiacritics: true,
		useTokenSearch: true,
		tokenMatch: 'all',
		keys: [{name: 'name', weight: 2, getFn: doc => doc.fields[0] ?? ''}, {name: 'other', weight: 1, getFn: doc => doc.fields.slice(1)}],
	});
}

/** fuse.js's score inside a hit's score (tier + position / 64 for the first two tiers, see rankScore). */
function fuseScoreOf(hit: FuzzyHit): number {
	const tier = Math.floor(hit.score);
	const fraction = hit.score - tier;
	return tier < 2 ? (fraction * 64) % 1 : fraction;
}

/** Highlights are sorted, non-overlapping, inside the name, and split no surrogate pair. */
function expectWellFormed(hit: FuzzyHit, name: string): void {
	let end = 0;
	for (const [start, stop] of hit.highlights) {
		expect(start).toBeGreaterThanOrEqual(end);
		expect(stop).toBeGreaterThan(start);
		expect(stop).toBeLessThanOrEqual(name.length);
		for (const at of [start, stop]) {
			const code = name.charCodeAt(at);
			expect(at > 0 && code >= 0xDC_00 && code <= 0xDF_FF && name.charCodeAt(at - 1) >= 0xD8_00 && name.charCodeAt(at - 1) <= 0xDB_FF).toBe(false);
		}

		end = stop;
	}
}

describe('ranking: equal, then prefix, then word starts, then fuzzy', () => {
	const table: Array<[string, string[]]> = [
		// The organization whose acronym is INSEE, before rows that belong to it or hold "insee" in longer names.
		['insee', ['Institut national de la statistique et des études économiques']],
		['INSEE', ['Institut national de la statistique et des études économiques']],
		['lyon', ['Lyon', 'Lyonnaise des eaux', 'Budget primitif de la Métropole de Lyon']],
		// Both start with it, equal fuse.js scores: the shorter name first; then a word start.
		['accidents', ['Accidents du travail par département', 'Accidents corporels de la circulation', 'Road traffic accidents']],
		['qualite de l\'air', ['Qualité de l\'air', 'Indice de qualité de l\'air en Île-de-France']],
		['qualite', ['Qualité', 'Qualité de l\'air', 'Qualité des eaux de baignade', 'Indice de qualité de l\'air en Île-de-France']],
		['velos', ['Vélos en libre-service', 'Vëlosweeër zu Lëtzebuerg', '🚲 Vélos partagés à Paris', 'Comptage des vélos à Strasbourg']],
		['eaux', ['Lyonnaise des eaux', 'Qualité des eaux de baignade']],
		['gemengewalen', ['Gemengewalen 2023']],
		['ademe', ['Déchets ménagers et assimilés', 'Émissions de gaz à effet de serre']],
		// A typo: fuzzy only, ranked by fuse.js's score.
		['accidnts', ['Road traffic accidents', 'Accidents du travail par département', 'Accidents corporels de la circulation']],
	];

	it.each(table)('%s', (query, expected) => {
		expect(names(index.search(query)).slice(0, expected.length)).toEqual(expected);
	});

	it('puts the INSEE row before every row holding "insee" in a longer name', () => {
		const hits = names(index.search('insee'));
		expect(hits[0]).toBe('Institut national de la statistique et des études économiques');
		for (const longer of ['Données INSEE sur la population légale', 'Base Sirene des entreprises (Insee)', 'Recensement de la population 2019 (INSEE)']) {
			expect(hits.indexOf(longer)).toBeGreaterThan(0);
		}
	});

	it('orders hits by score, lower first', () => {
		for (const query of ['a', 'lyon', 'insee', 'qualite de l air', 'accidnts', 'velos lyon']) {
			const scores = index.search(query).map(hit => hit.score);
			expect(scores).toEqual([...scores].sort((a, b) => a - b));
		}
	});
});

describe('accents, case and typos', () => {
	const found: Array<[string, string]> = [
		['qualite', 'Qualité'],
		['QUALITÉ', 'Qualité'],
		['québec', 'Quebec'],
		['quebec', 'Quebec'],
		['velos', 'Vélos en libre-service'],
		['luftqualitat', 'Luftqualität in München'],
		['strasse', 'Straßenbäume in Köln'],
		['koln', 'Straßenbäume in Köln'],
		['effentlechen', 'Ëffentlechen Transport'],
		['letzebuerg', 'Vëlosweeër zu Lëtzebuerg'],
		['cafés', 'Cafe\u0301s de Paris'],
		['accidnts', 'Accidents corporels de la circulation'],
		['qualte', 'Qualité'],
		['circulaton', 'Accidents corporels de la circulation'],
		['verkehrsunfale', 'Verkehrsunfälle 2022'],
	];

	it.each(found)('%s finds %s', (query, name) => {
		expect(names(index.search(query))).toContain(name);
	});

	it('does not let a short word match with an error ("lyon" is not "London")', () => {
		expect(names(index.search('lyon'))).not.toContain('Air quality in London');
	});
});

describe('several words: each must match some field, in any order', () => {
	const table: Array<[string, string[]]> = [
		// Both words start words of these two; "quality" is "qualité" with one error, ranked after.
		['air qualité', ['Qualité de l\'air', 'Indice de qualité de l\'air en Île-de-France', 'Air quality in London']],
		['qualité air', ['Qualité de l\'air', 'Indice de qualité de l\'air en Île-de-France', 'Air quality in London']],
		// "lyon" is in the organization, "velos" in the name.
		['velos lyon', ['Vélos en libre-service']],
		['lyon budget', ['Budget primitif de la Métropole de Lyon']],
		['paris velos', ['🚲 Vélos partagés à Paris']],
		['qualité zzzz', []],
	];

	it.each(table)('%s', (query, expected) => {
		expect(names(index.search(query))).toEqual(expected);
	});
});

describe('fuse.js extended syntax', () => {
	const table: Array<[string, string[]]> = [
		['\'libre', ['Vélos en libre-service']],
		['^lyon', ['Lyon', 'Lyonnaise des eaux']],
		['=lyon', ['Lyon']],
		['eaux$', ['Lyonnaise des eaux']],
		['^lyon !eaux', ['Lyon']],
		['^qualite !air', ['Qualité', 'Qualité des eaux de baignade']],
	];

	it.each(table)('%s', (query, expected) => {
		expect(names(index.search(query)).sort()).toEqual([...expected].sort());
	});

	it('!insee keeps exactly the rows where no field holds "insee", highlighting nothing', () => {
		const hits = index.search('!insee');
		const expected = rows.filter(fields => !fields.some(field => field.toLowerCase().includes('insee'))).map(fields => fields[0]);
		expect(names(hits).sort()).toEqual(expected.sort());
		expect(hits.every(hit => hit.highlights.length === 0)).toBe(true);
	});

	it('| is OR', () => {
		const either = new Set(names(index.search('lyon | insee')));
		for (const name of [...names(index.search('=lyon')), 'Institut national de la statistique et des études économiques', 'Base Sirene des entreprises (Insee)']) {
			expect(either.has(name)).toBe(true);
		}
	});

	it.each(['\'libre', '^lyon', '!insee', '=lyon', 'eaux$', 'lyon | insee', '^lyon !eaux', 'accidnts | \'velos', '!lyon !paris', '"lyon"', '\'"des eaux"', '=QUALITÉ'])('%s: the hits of plain fuse.js', query => {
		expect(index.search(query).map(hit => hit.index).sort((a, b) => a - b)).toEqual(plainFuseSearch(docs, query).sort((a, b) => a - b));
	});
});

describe('highlights: [start, end) in the original name', () => {
	const table: Array<[string, string, Array<[number, number]>]> = [
		['qualite', 'Qualité', [[0, 7]]],
		['qualite de l\'air', 'Qualité de l\'air', [[0, 16]]],
		['air qualité', 'Qualité de l\'air', [[0, 7], [13, 16]]],
		['lyon', 'Lyonnaise des eaux', [[0, 4]]],
		['lyon', 'Budget primitif de la Métropole de Lyon', [[35, 39]]],
		// ß folds to two letters: "strasse" covers "Straße", six units of the original.
		['strasse', 'Straßenbäume in Köln', [[0, 6]]],
		// After the emoji (two units) and a space.
		['velos', '🚲 Vélos partagés à Paris', [[3, 8]]],
		['v', '🚲 Vélos partagés à Paris', [[3, 4]]],
		// The decomposed é is two units of the original.
		['cafes', 'Cafe\u0301s de Paris', [[0, 6]]],
		// A typo: the piece of the name it matched.
		['accidnts', 'Accidents corporels de la circulation', [[0, 9]]],
		['qualte', 'Qualité', [[0, 7]]],
		// One letter: the first word it starts.
		['a', 'Qualité de l\'air', [[13, 14]]],
		['e', 'Élections municipales 2020', [[0, 1]]],
		['^lyon', 'Lyonnaise des eaux', [[0, 4]]],
		['eaux$', 'Lyonnaise des eaux', [[14, 18]]],
		// The organization matched, not the name: nothing to highlight.
		['ademe', 'Déchets ménagers et assimilés', []],
	];

	it.each(table)('%s in %s', (query, name, expected) => {
		const hit = index.search(query).find(found => found.index === rowOf(name));
		expect(hit).toBeDefined();
		expect(hit!.highlights).toEqual(expected);
	});

	it('are well formed on every hit', () => {
		for (const query of ['a', 'v', 'e', 'lyon', 'velos', 'cafes', 'accidnts', 'qualite de l air', 'paris velos', '\'libre', '^lyon !eaux']) {
			for (const hit of index.search(query)) {
				expectWellFormed(hit, rows[hit.index]![0]!);
			}
		}
	});
});

describe('add(): rows appended, indices continue', () => {
	it('finds added rows at their indices, as an index built at once does', () => {
		const growing = new FuzzyIndex(docs.slice(0, 20));
		expect(growing.size).toBe(20);
		// Typed before the page arrives: its candidates must not hide the new rows.
		expect(growing.search('lyo').length).toBeGreaterThan(0);
		growing.add(docs.slice(20, 30));
		growing.add([]);
		growing.add(docs.slice(30));
		expect(growing.size).toBe(docs.length);
		for (const query of ['lyon', 'quebec', 'a', 'toilettes', 'insee', 'air qualite', 'ademe']) {
			expect(growing.search(query)).toEqual(index.search(query));
		}

		expect(names(growing.search('toilettes'))).toEqual(['Toilettes publiques']);
		expect(growing.search('toilettes')[0]!.index).toBe(rowOf('Toilettes publiques'));
	});

	it('starts empty', () => {
		const empty = new FuzzyIndex();
		expect(empty.size).toBe(0);
		expect(empty.search('lyon')).toEqual([]);
		empty.add([{fields: ['Lyon']}]);
		expect(empty.search('lyon').map(hit => hit.index)).toEqual([0]);
	});
});

describe('narrowing never loses a hit of plain fuse.js', () => {
	/**
	 * Type each query key by key on one index (so each keystroke may reuse the last one's
	 * candidates): the hits are plain fuse.js's, no more, no fewer, with its scores.
	 */
	function expectSameAsPlain(fuzzy: FuzzyIndex, plain: Fuse<SearchDoc>, corpus: readonly SearchDoc[], queries: readonly string[]): void {
		for (const query of keystrokes(queries)) {
			const hits = fuzzy.search(query);
			const expected = query.trim() ? plain.search(query) : [];
			expect(new Set(hits.map(hit => hit.index)), query).toEqual(new Set(expected.map(result => result.refIndex)));
			const scores = new Map(expected.map(result => [result.refIndex, result.score!]));
			for (const hit of hits) {
				// Stand-ins and grouping give fuse.js the same scores as the whole rows.
				expect(fuseScoreOf(hit), `${query}: row ${hit.index}`).toBeCloseTo(Math.min(scores.get(hit.index)!, 0.999_999), 9);
				expectWellFormed(hit, corpus[hit.index]!.fields[0]!);
			}
		}
	}

	const queries = [
		...typedQueries,
		'lyonaise', 'strasse', 'luftqualitat', 'gemengewalen', 'effentlechen', 'ademe', 'insee lyon', 'paris velos', 'qualte', 'circulaton',
		'accidents corporels de la circulation', 'qualite de l air', 'ville de paris 2021', 'a b c', 'de la', 'l\'air', 'cafes', 'québec',
	];

	it('on the fixed rows', () => {
		expectSameAsPlain(new FuzzyIndex(docs), plainWithScores(docs), docs, queries);
	});

	// One index and one fuse.js for the corpus; the queries typed one after another, as a user would.
	const corpus = datasetCorpus(2000, 7);
	const fuzzy = new FuzzyIndex(corpus);
	const plain = plainWithScores(corpus);
	it.each(queries)('on a seeded 2,000-row corpus: %s', query => {
		expectSameAsPlain(fuzzy, plain, corpus, [query]);
	});

	it('on rows whose folding is tricky (case rules, ligatures, marks fuse.js keeps, other scripts)', () => {
		const tricky: SearchDoc[] = [
			'İstanbul Büyükşehir', 'ΣΟΦΙΑ ΣΑΣ', 'ǄEMAL', 'ﬁnances publiques', 'Œuvres d\'art', 'Æble og pærer', 'Ångström', '서울 열린데이터',
			'Cafe\u0301 du coin', 'a\u0323\u0301 ordre des marques', 'Łódź', 'Straße', 'ẞTRASSE', 'Đakovo', 'Øresund', 'Ħal Qormi', 'Kırıkkale',
			'Ｆｕｌｌｗｉｄｔｈ', 'x\u20DDy', '🚲🚲 vélo', 'Ǉubljana', 'ﬀ ﬃ', 'İi Iı',
		].map(name => ({fields: [name, name.toUpperCase(), name.toLowerCase()]}));
		expectSameAsPlain(new FuzzyIndex(tricky), plainWithScores(tricky), tricky, [
			'istanbul', 'İstanbul', 'sofia', 'σας', 'ΣΑΣ', 'dzemal', 'ǆemal', 'finances', 'ﬁn', 'oeuvres', 'œuvres', 'aeble', 'æble', 'angstrom',
			'서울', 'cafe', 'ordre', 'lodz', 'strasse', 'đakovo', 'dakovo', 'oresund', 'hal qormi', 'kirikkale', 'ｆｕｌｌ', 'fullwidth', 'xy',
			'velo', 'ljubljana', 'ǉub', 'ff', 'ii',
		]);
	});

	it('when the query shrinks, grows back, and changes', () => {
		const other = datasetCorpus(2000, 11);
		expectSameAsPlain(new FuzzyIndex(other), plainWithScores(other), other, ['accidnts', 'accid', 'accidents', 'budget lyon', 'budget', 'lyon budget']);
	});

	it('plainFuseSearch is that same fuse.js', () => {
		for (const query of ['lyon', 'accidnts', 'qualite de l air', 'a']) {
			expect(plainFuseSearch(corpus, query)).toEqual(plain.search(query).map(result => result.refIndex));
		}
	});
});

describe('hostile queries never throw', () => {
	const hostile = [
		'', ' ', '\t\n', '"', '"abc', 'abc"', '\'', '!', '!!', '|', '||', 'a|', '|a', '^', '=', '$', '^$', '!^$', '\\', '\\|', 'a\\|b',
		'.*+?()[]{}', '(a|b)*', '[', ')', '\u0000', 'a\u0000b', '\uD800', '\uDC00a', '🚲', '🚲🚲🚲', '🚲 velos', '👩‍👩‍👧', 'é'.repeat(500),
		'a'.repeat(1000), 'lyon '.repeat(200), 'x'.repeat(33), 'accidents'.repeat(10), '!'.repeat(100), '\'"x" | !y$ ^z =w', '=""', '^""$',
		'NaN', 'undefined', '__proto__', 'constructor', 'toString', '%s%d', '\u202Elyon', 'ǅ', 'İstanbul', 'ΣΑΣ', 'ﬁ', '１２３',
	];

	it.each(hostile.map(query => [JSON.stringify(query).slice(0, 40), query]))('%s', (_label, query) => {
		let hits: FuzzyHit[] = [];
		expect(() => {
			hits = index.search(query);
		}).not.toThrow();
		expect(Array.isArray(hits)).toBe(true);
		expect(hits.map(hit => hit.index).sort((a, b) => a - b)).toEqual(plainFuseSearch(docs, query).sort((a, b) => a - b));
		for (const hit of hits) {
			expectWellFormed(hit, rows[hit.index]![0]!);
		}
	});

	it('survives odd rows', () => {
		const odd = new FuzzyIndex([{fields: []}, {fields: ['', '  ', 'lyon']}, {fields: ['🚲']}, {fields: ['x'.repeat(5000)]}, {fields: ['\u0000\uD800']}] as SearchDoc[]);
		expect(odd.search('lyon').map(hit => hit.index)).toEqual([1]);
		expect(odd.search('x').map(hit => hit.index)).toEqual([3]);
		expect(() => odd.search('🚲')).not.toThrow();
		expect(() => odd.search('a'.repeat(1000))).not.toThrow();
	});
});

describe('the bench\'s reference and floor', () => {
	it('substringSearch needs every word, accents and case ignored', () => {
		expect(substringSearch(docs, 'QUALITE air').map(index_ => rows[index_]![0])).toEqual(['Qualité de l\'air', 'Indice de qualité de l\'air en Île-de-France']);
		expect(substringSearch(docs, '   ')).toEqual([]);
	});

	it('plainFuseSearch returns [] for an empty query', () => {
		expect(plainFuseSearch(docs, '')).toEqual([]);
		expect(plainFuseSearch(docs, '  ')).toEqual([]);
	});

	it('search returns [] for an empty query', () => {
		expect(index.search('')).toEqual([]);
		expect(index.search('   ')).toEqual([]);
	});
});
