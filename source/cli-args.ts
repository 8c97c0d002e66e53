/**
 * The command line, parsed (pure): `udx [LIST] [--api URL] [--demo] …` and `udx sandbox …`.
 * Unknown flags are errors, not silently ignored: a typo in `--api` must not send a key elsewhere.
 */
import {parseBatchArgs, readPortalFlag, splitFlag, type BatchArgs, type PortalChoice} from './batch/args.js';
import {kindOfWord} from './navigation/commands.js';
import type {CatalogueKind} from './domain/list-source.js';

export const defaultApiUrl = 'https://data.public.lu/api/1/';

export type AppArgs = {
	readonly command: 'app';
	readonly list: CatalogueKind | undefined;
	/** `--api URL` and `--portal NAME` as given: the config resolves them (source/config/resolve.ts). */
	readonly portal: PortalChoice;
	readonly demo: boolean;
	readonly color: boolean;
	readonly pageSize: number | undefined;
	/** No mutation is offered at all. */
	readonly readOnly: boolean;
};

export type ParsedArgs =
	| AppArgs
	| {readonly command: 'sandbox'; readonly args: readonly string[]}
	/** `udx get` / `udx list`: JSON out, no terminal needed. */
	| BatchArgs
	/** `udx info`: paths, the active portal and where its key comes from. */
	| {readonly command: 'info'; readonly portal: PortalChoice}
	| {readonly command: 'help'}
	| {readonly command: 'version'}
	| {readonly command: 'error'; readonly message: string};

export const usage = `udx — a keyboard-driven explorer for udata open-data portals

Usage
  udx [organizations|datasets|reuses|users|dataservices] [--portal NAME | --api URL | --demo]
  udx get KIND/ID-OR-SLUG [--portal NAME | --api URL]        print one object as JSON
  udx list KIND [--q TEXT] [--limit N|all] [--page-size N] [--portal NAME | --api URL]
                                                             one JSON object per line
  udx info [--portal NAME | --api URL]                       config, state and audit-log paths
  udx sandbox [--port N] [--seed S] [--size small|large] [--hostile] [--latency MS]

Options
  --portal NAME    a portal by name: lu, fr, demo (built in) or one of your config's
  --api URL        the portal's API root (env UDATA_API); default ${defaultApiUrl} (lu)
  --demo           run against an embedded sandbox with seeded data, logged in as its admin
  --page-size N    rows asked for per page (default: the portal's, 20)
  --no-color       no colours (NO_COLOR is honoured too)
  --read-only      offer no mutation at all
  --help, -h       this text
  --version, -v    the version

Environment
  UDATA_API_KEY    your API key, sent as X-API-KEY to the configured portal only
  UDATA_API        the API root, as --api
  HTTPS_PROXY, HTTP_PROXY, NO_PROXY   honoured (a loopback portal is never proxied)
  NO_COLOR         no colours

Config
  $XDG_CONFIG_HOME/udata-explorer/config.json (default ~/.config/…): default portal, and per
  portal its api, keyEnv or keyFile (chmod 600), readOnly, pageSize, production. udx info shows it.

Keys: j/k or arrows move, g/G top/bottom, PgUp/PgDn, Enter opens, Esc back, r refresh,
D delete (type the slug to confirm), u undo it, J raw JSON, / filter (Enter searches the portal), : switch list (:orgs :datasets :reuses :users
:dataservices :me, with filters: :datasets tag=mobility organization=insee), ? help, q quit.`;

export function parseArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ParsedArgs {
	if (argv[0] === 'sandbox') {
		return {command: 'sandbox', args: argv.slice(1)};
	}

	if (argv[0] === 'get' || argv[0] === 'list') {
		return parseBatchArgs(argv);
	}

	const info = argv[0] === 'info';
	let list: CatalogueKind | undefined;
	const choice: {api: string | undefined; portal: string | undefined} = {api: undefined, portal: undefined};
	let demo = false;
	let color = env['NO_COLOR'] === undefined || env['NO_COLOR'] === '';
	let pageSize: number | undefined;
	let readOnly = false;
	for (let index = info ? 1 : 0; index < argv.length; index++) {
		const arg = argv[index]!;
		const [flag, inline] = splitFlag(arg);
		const value = (): string | undefined => inline ?? argv[++index];
		switch (flag) {
			case '--help':
			case '-h': {
				return {command: 'help'};
			}

			case '--version':
			case '-v': {
				return {command: 'version'};
			}

			case '--api':
			case '--portal': {
				const problem = readPortalFlag(flag, value(), choice);
				if (problem !== undefined) {
					return {command: 'error', message: problem};
				}

				break;
			}

			case '--demo': {
				demo = true;
				break;
			}

			case '--no-color': {
				color = false;
				break;
			}

			case '--read-only': {
				readOnly = true;
				break;
			}

			case '--page-size': {
				const raw = value();
				pageSize = Number(raw);
				if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
					return {command: 'error', message: `--page-size takes a whole number from 1 to 1000, not ${raw ?? 'nothing'}`};
				}

				break;
			}

			default: {
				if (arg.startsWith('-')) {
					return {command: 'error', message: `unknown option ${arg} (see udx --help)`};
				}

				const kind = kindOfWord(arg);
				if (kind === undefined || list !== undefined) {
					return {command: 'error', message: `unknown list ${arg}: organizations, datasets, reuses, users or dataservices`};
				}

				list = kind;
			}
		}
	}

	if (demo && (choice.api !== undefined || choice.portal !== undefined)) {
		return {command: 'error', message: `--demo runs its own sandbox: leave out ${choice.api === undefined ? '--portal' : '--api'}`};
	}

	if (info) {
		return list !== undefined || demo ? {command: 'error', message: 'udx info takes --portal NAME or --api URL only'} : {command: 'info', portal: {...choice}};
	}

	return {
		command: 'app',
		list,
		portal: {...choice},
		demo,
		color,
		pageSize,
		readOnly,
	};
}
