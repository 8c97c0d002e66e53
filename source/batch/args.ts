/**
 * The command line of the non-interactive commands, parsed (pure):
 * `udx get KIND/ID-OR-SLUG` (or `KIND ID-OR-SLUG`) and `udx list KIND [--q TEXT] [--limit N|all] [--page-size N]`,
 * both with `--api URL` or `--portal NAME` (resolved against the config by cli.tsx). Like the app's flags, unknown ones are errors: a typo must not widen a query.
 */
import type {CatalogueKind} from '../domain/list-source.js';
import {kindOfWord} from '../navigation/commands.js';

/** `--limit` when none is given: one polite page on any portal, not the whole of data.gouv.fr's 74,000 datasets. */
export const defaultLimit = 100;

/** Rows asked for per page when `--page-size` is not given (and the limit is larger): API.md §2.3 advises 100–1000. */
export const defaultPageSize = 100;

export type GetArgs = {
	readonly command: 'get';
	readonly kind: CatalogueKind;
	readonly idOrSlug: string;
	readonly portal: PortalChoice;
};

export type ListArgs = {
	readonly command: 'list';
	readonly kind: CatalogueKind;
	/** The list's own server search (`q=`), trimmed; undefined for the whole list. */
	readonly q: string | undefined;
	/** Objects to print at most; undefined with `--limit all`: every page. */
	readonly limit: number | undefined;
	readonly pageSize: number;
	readonly portal: PortalChoice;
};

/** `--api URL` and `--portal NAME` as given; which portal they make is the config's business. */
export type PortalChoice = {readonly api: string | undefined; readonly portal: string | undefined};

/** `--name=value` as its name and value; any other argument as itself with no value. */
export function splitFlag(arg: string): readonly [string, string | undefined] {
	const equals = arg.indexOf('=');
	return arg.startsWith('--') && equals !== -1 ? [arg.slice(0, equals), arg.slice(equals + 1)] : [arg, undefined];
}

/** Read `--api URL` or `--portal NAME` into `choice`; the problem in words when its value is missing. */
export function readPortalFlag(flag: '--api' | '--portal', value: string | undefined, choice: {api: string | undefined; portal: string | undefined}): string | undefined {
	if (value === undefined || value === '') {
		return flag === '--api' ? '--api needs a URL, e.g. --api https://data.public.lu/api/1/' : '--portal needs a name, e.g. --portal fr';
	}

	choice[flag === '--api' ? 'api' : 'portal'] = value;
	return undefined;
}

export type BatchArgs = GetArgs | ListArgs;

export type BatchParse = BatchArgs | {readonly command: 'help'} | {readonly command: 'error'; readonly message: string};

const kindWords = 'organizations, datasets, reuses, users or dataservices';

/** Parse `argv` whose first word is `get` or `list`. */
export function parseBatchArgs(argv: readonly string[]): BatchParse {
	const [command, ...rest] = argv;
	if (command !== 'get' && command !== 'list') {
		return {command: 'error', message: `not a batch command: ${command ?? 'nothing'}`};
	}

	const positionals: string[] = [];
	const choice: {api: string | undefined; portal: string | undefined} = {api: undefined, portal: undefined};
	let q: string | undefined;
	let limit: number | undefined = defaultLimit;
	let pageSize: number | undefined;
	for (let index = 0; index < rest.length; index++) {
		const arg = rest[index]!;
		const [flag, inline] = splitFlag(arg);
		const value = (): string | undefined => inline ?? rest[++index];
		switch (flag) {
			case '--help':
			case '-h': {
				return {command: 'help'};
			}

			case '--api':
			case '--portal': {
				const problem = readPortalFlag(flag, value(), choice);
				if (problem !== undefined) {
					return {command: 'error', message: problem};
				}

				break;
			}

			case '--q':
			case '--limit':
			case '--page-size': {
				if (command !== 'list') {
					return {command: 'error', message: `${flag} is for udx list, not udx get (see udx --help)`};
				}

				const raw = value();
				if (flag === '--q') {
					q = raw?.trim();
					if (q === undefined || q === '') {
						return {command: 'error', message: '--q needs the text to search for, e.g. --q velo'};
					}
				} else if (flag === '--limit') {
					if (raw === 'all') {
						limit = undefined;
					} else {
						limit = wholeNumber(raw, Number.MAX_SAFE_INTEGER);
						if (limit === undefined) {
							return {command: 'error', message: `--limit takes a whole number from 1, or all, not ${raw ?? 'nothing'}`};
						}
					}
				} else {
					pageSize = wholeNumber(raw, 1000);
					if (pageSize === undefined) {
						return {command: 'error', message: `--page-size takes a whole number from 1 to 1000, not ${raw ?? 'nothing'}`};
					}
				}

				break;
			}

			default: {
				// `-` alone is not a flag, but no kind or slug starts with one either.
				if (arg.startsWith('-')) {
					return {command: 'error', message: `unknown option ${arg} for udx ${command} (see udx --help)`};
				}

				positionals.push(arg);
			}
		}
	}

	return command === 'get' ? getArgs(positionals, choice) : listArgs(positionals, {q, limit, pageSize, portal: choice});
}

function getArgs(positionals: readonly string[], portal: PortalChoice): GetArgs | {readonly command: 'error'; readonly message: string} {
	// `KIND/ID` is the documented form (it reads like the API path); `KIND ID` is accepted too,
	// since a shell loop over ids writes it more easily. Ids and slugs never contain `/`.
	let kindWord: string | undefined;
	let idOrSlug: string | undefined;
	if (positionals.length === 1) {
		const [word = ''] = positionals;
		const slash = word.indexOf('/');
		[kindWord, idOrSlug] = slash === -1 ? [word, undefined] : [word.slice(0, slash), word.slice(slash + 1)];
	} else if (positionals.length === 2) {
		[kindWord, idOrSlug] = positionals;
	} else {
		return {command: 'error', message: positionals.length === 0 ? 'udx get needs KIND/ID-OR-SLUG, e.g. udx get organizations/insee' : `udx get takes one KIND/ID-OR-SLUG, not ${positionals.join(' ')}`};
	}

	const kind = kindOfWord(kindWord ?? '');
	if (kind === undefined) {
		return {command: 'error', message: `unknown kind ${kindWord ?? ''}: ${kindWords}`};
	}

	if (idOrSlug === undefined || idOrSlug === '' || idOrSlug.includes('/')) {
		return {command: 'error', message: `udx get needs an id or slug after the kind, e.g. udx get ${kindWord ?? ''}/insee`};
	}

	return {command: 'get', kind, idOrSlug, portal};
}

function listArgs(
	positionals: readonly string[],
	options: {readonly q: string | undefined; readonly limit: number | undefined; readonly pageSize: number | undefined; readonly portal: PortalChoice},
): ListArgs | {readonly command: 'error'; readonly message: string} {
	const [word, ...extra] = positionals;
	if (word === undefined) {
		return {command: 'error', message: `udx list needs a kind: ${kindWords}`};
	}

	const kind = kindOfWord(word);
	if (kind === undefined) {
		return {command: 'error', message: `unknown kind ${word}: ${kindWords}`};
	}

	if (extra.length > 0) {
		return {command: 'error', message: `udx list takes one kind, not ${positionals.join(' ')} (search with --q TEXT)`};
	}

	// No page larger than what is wanted: `--limit 30` is one request of 30, not one of 100.
	const pageSize = options.pageSize ?? Math.min(options.limit ?? defaultPageSize, defaultPageSize);
	return {command: 'list', kind, q: options.q, limit: options.limit, pageSize, portal: options.portal};
}

function wholeNumber(raw: string | undefined, max: number): number | undefined {
	if (raw === undefined || !/^\d+$/u.test(raw)) {
		return undefined;
	}

	const number = Number(raw);
	return number >= 1 && number <= max ? number : undefined;
}
