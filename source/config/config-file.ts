/**
 * The config file, `$XDG_CONFIG_HOME/udata-explorer/config.json` (by default
 * `~/.config/udata-explorer/config.json`; see configPath). It is optional: without it udx knows the
 * built-in portals lu, fr and demo (profiles.ts). It is only ever read, never written.
 *
 * ```json
 * {
 *   "defaultPortal": "work",
 *   "portals": {
 *     "work": {"api": "https://data.example.org/api/1/", "keyEnv": "WORK_UDATA_KEY", "readOnly": false, "pageSize": 50, "production": true},
 *     "lu": {"keyFile": "~/.config/udata-explorer/lu.key"}
 *   }
 * }
 * ```
 *
 * - `defaultPortal`: the portal used when neither `--api`, `--portal` nor UDATA_API names one; a
 *   built-in or one under `portals`. Without it, `lu`.
 * - `portals.NAME`: a portal (NAME: letters, digits, `.`, `_`, `-`), or changes to a built-in one.
 *   - `api`: its API root, an http(s) URL with no user, password, query or fragment. Required,
 *     except for a built-in name, where it replaces the built-in root.
 *   - `keyEnv`: the environment variable holding its API key, or
 *   - `keyFile`: a file holding only its API key (absolute, or `~/…`), mode 600. Not both. The key
 *     itself never goes in this file: `key`, `apiKey` and the like are refused.
 *   - `readOnly`: true to offer no mutation on it (as `--read-only`).
 *   - `pageSize`: rows asked for per page, 1 to 1000 (as `--page-size`, which wins).
 *   - `production`: whether it is a public production portal (red badge; a delete is typed as
 *     host/slug). By default inferred from `api`: loopback hosts are the sandbox, `demo.` hosts
 *     demos, anything else production. A built-in keeps its own unless `api` changes.
 *
 * Any other key is an error: a misspelt setting must not be silently ignored.
 */
import {readFile} from 'node:fs/promises';
import {isAbsolute} from 'node:path';
import {findJsonSyntaxError} from './json-syntax.js';
import type {KeySource} from './key-file.js';
import {configPath, displayPath, expandHome, type Env} from './paths.js';
import {builtInProfile, builtInProfiles} from './profiles.js';

/** One portal as the config file describes it; what it leaves out is undefined. */
export type PortalSettings = {
	readonly api: string | undefined;
	/** Absolute path for a key file (`~/` expanded). */
	readonly keySource: Exclude<KeySource, {type: 'none'}> | undefined;
	readonly readOnly: boolean | undefined;
	readonly pageSize: number | undefined;
	readonly production: boolean | undefined;
};

/** A valid config. */
export type Config = {
	readonly defaultPortal: string | undefined;
	/** In the order of the file. A Map, so a portal named `__proto__` is just a name. */
	readonly portals: ReadonlyMap<string, PortalSettings>;
};

/** The config of a user who has no config file. */
export const emptyConfig: Config = {defaultPortal: undefined, portals: new Map()};

/** The config file: absent (the built-in defaults apply), read, or unusable (and why). */
export type ConfigLoad =
	| {readonly status: 'missing'; readonly path: string; readonly config: Config}
	| {readonly status: 'loaded'; readonly path: string; readonly config: Config}
	| {readonly status: 'invalid'; readonly path: string; readonly error: string};

export type LoadConfigOptions = {
	readonly env: Env;
	readonly home: string;
	/** Another file than configPath(env, home). */
	readonly path?: string | undefined;
	readonly readFile?: (path: string, encoding: 'utf8') => Promise<string>;
};

/** Read and check the config file. It never throws: an unusable file is a status with a message. */
export async function loadConfig({env, home, path = configPath(env, home), readFile: read = readFile}: LoadConfigOptions): Promise<ConfigLoad> {
	let text: string;
	try {
		text = await read(path, 'utf8');
	} catch (error) {
		const code = error !== null && typeof error === 'object' && 'code' in error ? String(error.code) : undefined;
		if (code === 'ENOENT') {
			return {status: 'missing', path, config: emptyConfig};
		}

		const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : code ?? String(error);
		return {status: 'invalid', path, error: `${displayPath(path, home)} cannot be read: ${why}`};
	}

	const parsed = parseConfig(text, {path, home});
	return 'error' in parsed ? {status: 'invalid', path, error: parsed.error} : {status: 'loaded', path, config: parsed.config};
}

const portalKeys = ['api', 'keyEnv', 'keyFile', 'readOnly', 'pageSize', 'production'] as const;
const topKeys = ['defaultPortal', 'portals'] as const;
// Settings that would hold a key: refused with their own message, because the key belongs in a
// file only its owner can read, not in a config that gets copied, shared and committed.
const keyLike = /^(?:x-)?(?:api[-_]?)?(?:key|token|secret)$/iu;
const portalName = /^[\w.-]+$/u;
// An environment variable name as POSIX shells accept it. Anything else is probably the key itself
// pasted in the wrong place, which is why the value is not quoted in the message.
const variableName = /^[A-Za-z_]\w*$/u;

class Invalid {
	constructor(readonly message: string) {}
}

/**
 * Check the text of a config file. `path` is only for messages, which start with it (as `~/…`)
 * and name the bad setting, e.g. `~/.config/udata-explorer/config.json: portals.work.pageSize must
 * be a whole number from 1 to 1000, not "x"`. No message quotes a value that could be a key.
 */
export function parseConfig(text: string, {path, home}: {readonly path: string; readonly home: string}): {readonly config: Config} | {readonly error: string} {
	const file = displayPath(path, home);
	// Editors on Windows may start the file with a byte-order mark; JSON has no place for it.
	const json = text.replace(/^\uFEFF/u, '');
	if (json.trim() === '') {
		return {error: `${file} is empty: write {} for no settings, or delete it`};
	}

	const syntax = findJsonSyntaxError(json);
	if (syntax !== undefined) {
		return {error: `${file}: not valid JSON at line ${syntax.line}, column ${syntax.column}: ${syntax.problem}`};
	}

	try {
		return {config: checkConfig(JSON.parse(json) as unknown, home)};
	} catch (error) {
		if (error instanceof Invalid) {
			return {error: `${file}: ${error.message}`};
		}

		throw error;
	}
}

function checkConfig(value: unknown, home: string): Config {
	const top = object(value, undefined, 'an object such as {"portals": {}}');
	onlyKnownKeys(top, undefined, topKeys);
	const portals = new Map<string, PortalSettings>();
	if (top['portals'] !== undefined) {
		const entries = object(top['portals'], 'portals', 'an object of portals by name, such as {"work": {"api": "https://…"}}');
		for (const [name, settings] of Object.entries(entries)) {
			portals.set(name, checkPortal(name, settings, home));
		}
	}

	let defaultPortal: string | undefined;
	if (top['defaultPortal'] !== undefined) {
		const known = [...builtInProfiles.map(profile => profile.name), ...[...portals.keys()].filter(name => builtInProfile(name) === undefined)];
		if (typeof top['defaultPortal'] !== 'string' || !known.includes(top['defaultPortal'])) {
			throw new Invalid(`defaultPortal must be the name of a portal (${known.join(', ')}), not ${shown(top['defaultPortal'])}`);
		}

		defaultPortal = top['defaultPortal'];
	}

	return {defaultPortal, portals};
}

function checkPortal(name: string, value: unknown, home: string): PortalSettings {
	const at = keyPath('portals', name);
	if (!portalName.test(name)) {
		throw new Invalid(`${at} is not a usable portal name: use letters, digits, ".", "_" and "-", as it is typed after --portal`);
	}

	const portal = object(value, at, 'an object such as {"api": "https://data.example.org/api/1/"}');
	onlyKnownKeys(portal, at, portalKeys);
	const builtIn = builtInProfile(name) !== undefined;
	const api = portal['api'];
	if (api === undefined && !builtIn) {
		throw new Invalid(`${keyPath(at, 'api')} is missing: a portal that is not built in (${builtInProfiles.map(profile => profile.name).join(', ')}) needs its API root, such as "https://data.example.org/api/1/"`);
	}

	if (portal['keyEnv'] !== undefined && portal['keyFile'] !== undefined) {
		throw new Invalid(`${at} has both keyEnv and keyFile: keep the one its key comes from`);
	}

	let keySource: PortalSettings['keySource'];
	if (portal['keyEnv'] !== undefined) {
		if (typeof portal['keyEnv'] !== 'string' || !variableName.test(portal['keyEnv'])) {
			throw new Invalid(`${keyPath(at, 'keyEnv')} must be the name of an environment variable, such as "WORK_UDATA_KEY" (the name, not the key)`);
		}

		keySource = {type: 'env', variable: portal['keyEnv']};
	}

	if (portal['keyFile'] !== undefined) {
		const file = typeof portal['keyFile'] === 'string' ? expandHome(portal['keyFile'], home) : undefined;
		if (file === undefined || !isAbsolute(file)) {
			throw new Invalid(`${keyPath(at, 'keyFile')} must be the path of a file holding the key, absolute or starting with ~/`);
		}

		keySource = {type: 'file', path: file};
	}

	return {
		api: api === undefined ? undefined : apiUrl(api, keyPath(at, 'api')),
		keySource,
		readOnly: boolean(portal['readOnly'], keyPath(at, 'readOnly')),
		pageSize: pageSize(portal['pageSize'], keyPath(at, 'pageSize')),
		production: boolean(portal['production'], keyPath(at, 'production')),
	};
}

/**
 * Why `value` is not a usable API root, or undefined when it is. Shared with the checks of `--api`
 * and UDATA_API (resolve.ts), so every way of naming a portal obeys the same rules.
 */
export function apiUrlProblem(value: unknown): string | undefined {
	const example = 'an http(s) URL such as "https://data.example.org/api/1/"';
	let url: URL;
	try {
		url = new URL(typeof value === 'string' ? value : '');
	} catch {
		return `must be ${example}, not ${shown(value)}`;
	}

	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		return `must be ${example}, not ${shown(value)}`;
	}

	// Not quoted: a user, password or query is where a secret would hide.
	if (url.username !== '' || url.password !== '') {
		return 'must not hold a user name or password (the API key is sent as a header, from keyEnv or keyFile)';
	}

	if (url.search !== '' || url.hash !== '') {
		return 'must be the API root alone, with no ?query or #fragment';
	}

	return undefined;
}

function apiUrl(value: unknown, at: string): string {
	const problem = apiUrlProblem(value);
	if (problem !== undefined) {
		throw new Invalid(`${at} ${problem}`);
	}

	return value as string;
}

function boolean(value: unknown, at: string): boolean | undefined {
	if (value !== undefined && typeof value !== 'boolean') {
		throw new Invalid(`${at} must be true or false, not ${shown(value)}`);
	}

	return value;
}

function pageSize(value: unknown, at: string): number | undefined {
	if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 1000)) {
		throw new Invalid(`${at} must be a whole number from 1 to 1000, not ${shown(value)}`);
	}

	return value;
}

function object(value: unknown, at: string | undefined, example: string): Readonly<Record<string, unknown>> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new Invalid(`${at === undefined ? 'the file' : at} must be ${example}, not ${shown(value)}`);
	}

	return value as Record<string, unknown>;
}

function onlyKnownKeys(value: Readonly<Record<string, unknown>>, at: string | undefined, known: readonly string[]): void {
	for (const key of Object.keys(value)) {
		if (known.includes(key)) {
			continue;
		}

		if (keyLike.test(key)) {
			throw new Invalid(`${keyPath(at, key)}: an API key is never read from the config file; put it in a file only you can read and name it with keyFile, or in an environment variable named with keyEnv`);
		}

		throw new Invalid(`${keyPath(at, key)} is not a setting${at === undefined ? '' : ' of a portal'}: the settings are ${known.join(', ')}`);
	}
}

/** `portals.work.api`; a name that is not a plain word is quoted: `portals["my work"]`. */
function keyPath(at: string | undefined, key: string): string {
	const shownKey = key.length > 40 ? `${key.slice(0, 40)}…` : key;
	if (/^[A-Za-z_$][\w$-]*$/u.test(key)) {
		return at === undefined ? shownKey : `${at}.${shownKey}`;
	}

	return `${at ?? ''}[${JSON.stringify(shownKey)}]`;
}

/** A value for a message: strings quoted and cut short, other kinds named. */
function shown(value: unknown): string {
	if (typeof value === 'string') {
		return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
	}

	if (Array.isArray(value)) {
		return 'a list';
	}

	if (value === null) {
		return 'null';
	}

	if (typeof value === 'object') {
		return 'an object';
	}

	return String(value);
}
