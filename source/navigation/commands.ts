/**
 * The `:` palette, parsed (pure): `:orgs`, `:datasets`, `:reuses`, `:users`, `:dataservices`,
 * `:me`, `:home`, `:portal NAME`, `:q`. Each list word has its aliases, as k9s' `:po` / `:pods`.
 */
import {catalogue, type CatalogueKind} from '../domain/list-source.js';
import {detailFrame, listFrame, type NewFrame} from './screens.js';

/** A filter whose value is a slug the API cannot take: it needs the ObjectId (API.md §1). */
export type SlugToResolve = {readonly parameter: string; readonly kind: CatalogueKind; readonly slug: string};

export type PaletteCommand =
	| {readonly type: 'open'; readonly frames: readonly NewFrame[]}
	/** A list with filters (`:datasets tag=mobility organization=insee`), once its slugs are ids. */
	| {readonly type: 'filtered'; readonly kind: CatalogueKind; readonly filters: Readonly<Record<string, readonly string[]>>; readonly resolve: readonly SlugToResolve[]; readonly title: string}
	| {readonly type: 'home'}
	| {readonly type: 'me'}
	/** The audit log of mutations. */
	| {readonly type: 'history'}
	/** Ask for an API key (masked, kept in memory only); forget it. */
	| {readonly type: 'login'}
	| {readonly type: 'logout'}
	/** `:portal NAME`: switch to another portal, with a fresh stack; `:portal` alone lists them. */
	| {readonly type: 'portal'; readonly name: string | undefined}
	| {readonly type: 'quit'}
	| {readonly type: 'error'; readonly message: string};

/** The title of each catalogue list. */
export const listTitles: {readonly [K in CatalogueKind]: string} = {
	organization: 'Organizations',
	dataset: 'Datasets',
	reuse: 'Reuses',
	user: 'Users',
	dataservice: 'Dataservices',
};

const aliases: Readonly<Record<string, CatalogueKind>> = {
	org: 'organization', orgs: 'organization', organization: 'organization', organizations: 'organization',
	ds: 'dataset', dataset: 'dataset', datasets: 'dataset',
	reuse: 'reuse', reuses: 'reuse',
	user: 'user', users: 'user',
	dataservice: 'dataservice', dataservices: 'dataservice', api: 'dataservice', apis: 'dataservice',
};

/** The words the palette knows, for its hint line. */
export const paletteWords = ['orgs', 'datasets', 'reuses', 'users', 'dataservices', 'me', 'home', 'portal', 'history', 'login', 'logout', 'q'];

/** The catalogue kind a word names, if any (`orgs` → organization). */
export function kindOfWord(word: string): CatalogueKind | undefined {
	return aliases[word.toLowerCase()];
}

/** A catalogue list frame of a kind. */
export function catalogueFrame(kind: CatalogueKind): NewFrame {
	return listFrame(listTitles[kind], catalogue(kind));
}

export function parsePalette(text: string): PaletteCommand {
	const [word = '', ...rest] = text.trim().replace(/^:/u, '').split(/\s+/u);
	if (word === '') {
		return {type: 'error', message: `type a list: ${paletteWords.join(', ')}`};
	}

	const lower = word.toLowerCase();
	if (lower === 'portal' || lower === 'portals') {
		return rest.length > 1 ? {type: 'error', message: ':portal takes one name, e.g. :portal fr'} : {type: 'portal', name: rest[0]};
	}

	if (rest.length > 0) {
		return parseFiltered(word, rest);
	}

	if (lower === 'q' || lower === 'quit') {
		return {type: 'quit'};
	}

	if (lower === 'home') {
		return {type: 'home'};
	}

	if (lower === 'me') {
		return {type: 'me'};
	}

	if (lower === 'history' || lower === 'login' || lower === 'logout') {
		return {type: lower};
	}

	const kind = kindOfWord(lower);
	return kind ? {type: 'open', frames: [catalogueFrame(kind)]} : {type: 'error', message: `unknown list :${word} — try ${paletteWords.join(', ')}`};
}

/** The frame of "me": my own user pane. */
export function meFrame(userId: string, name: string): NewFrame {
	return detailFrame({kind: 'user', id: userId}, name);
}

/** Filters that take an ObjectId, and the kind a slug given for them names (API.md §4). */
const idParameters: Readonly<Record<string, CatalogueKind>> = {
	organization: 'organization', owner: 'user', dataset: 'dataset', reuse: 'reuse', dataservice: 'dataservice', followed_by: 'user',
};

const objectId = /^[\da-f]{24}$/iu;

function parseFiltered(word: string, pairs: readonly string[]): PaletteCommand {
	const kind = kindOfWord(word);
	if (kind === undefined) {
		return {type: 'error', message: `unknown list :${word} — try ${paletteWords.join(', ')}`};
	}

	const filters: Record<string, string[]> = {};
	const resolve: SlugToResolve[] = [];
	for (const pair of pairs) {
		const equals = pair.indexOf('=');
		const name = equals > 0 ? pair.slice(0, equals).toLowerCase() : '';
		const value = equals > 0 ? pair.slice(equals + 1) : '';
		if (name === '' || value === '') {
			return {type: 'error', message: `filters are name=value, e.g. :datasets tag=mobility organization=insee (not ${pair})`};
		}

		const target = idParameters[name];
		if (target !== undefined && !objectId.test(value)) {
			resolve.push({parameter: name, kind: target, slug: value});
		} else {
			(filters[name] ??= []).push(value);
		}
	}

	return {type: 'filtered', kind, filters, resolve, title: `${listTitles[kind]} ${pairs.join(' ')}`};
}
