/**
 * The `:` palette, parsed (pure): `:orgs`, `:datasets`, `:reuses`, `:users`, `:dataservices`,
 * `:me`, `:home`, `:q`. Each list word has its aliases, as k9s' `:po` / `:pods`.
 */
import {catalogue, type CatalogueKind} from '../domain/list-source.js';
import {detailFrame, listFrame, type NewFrame} from './screens.js';

export type PaletteCommand =
	| {readonly type: 'open'; readonly frames: readonly NewFrame[]}
	| {readonly type: 'home'}
	| {readonly type: 'me'}
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
export const paletteWords = ['orgs', 'datasets', 'reuses', 'users', 'dataservices', 'me', 'home', 'q'];

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

	if (rest.length > 0) {
		return {type: 'error', message: `:${word} takes no arguments yet`};
	}

	const lower = word.toLowerCase();
	if (lower === 'q' || lower === 'quit') {
		return {type: 'quit'};
	}

	if (lower === 'home') {
		return {type: 'home'};
	}

	if (lower === 'me') {
		return {type: 'me'};
	}

	const kind = kindOfWord(lower);
	return kind ? {type: 'open', frames: [catalogueFrame(kind)]} : {type: 'error', message: `unknown list :${word} — try ${paletteWords.join(', ')}`};
}

/** The frame of "me": my own user pane. */
export function meFrame(userId: string, name: string): NewFrame {
	return detailFrame({kind: 'user', id: userId}, name);
}
