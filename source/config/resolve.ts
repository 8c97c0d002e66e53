/**
 * Which portal udx talks to, and where its key comes from (pure).
 *
 * The portal, first that applies: `--api URL`, `--portal NAME`, UDATA_API, the config's
 * `defaultPortal`, the built-in `lu`.
 *
 * The key: UDATA_API_KEY predates profiles and names no portal, so it is bound to the URL it was
 * always meant for, and never follows a name to another portal (with `export UDATA_API_KEY=…` for
 * data.public.lu in a shell profile, `udx --portal fr` must not send it to data.gouv.fr):
 * - a portal given as a URL (`--api`, UDATA_API) uses UDATA_API_KEY, if set, or no key;
 * - a portal chosen by name (`--portal`, `defaultPortal`, the built-in default, `:portal`) uses
 *   UDATA_API_KEY if it is set and the portal's API root is UDATA_API's (or, UDATA_API unset,
 *   data.public.lu's, the old default), else its own `keyEnv`/`keyFile`, else no key.
 */
import {portalKind, type PortalKind} from '../domain/portal.js';
import {apiUrlProblem, type Config, type PortalSettings} from './config-file.js';
import type {KeySource} from './key-file.js';
import type {Env} from './paths.js';
import {builtInProfile, builtInProfiles, defaultPortalName} from './profiles.js';

/** What chose the active portal, as the user would write it. */
export type ChosenBy = '--api' | '--portal' | 'UDATA_API' | 'defaultPortal' | 'built-in default' | ':portal';

/** The portal udx talks to, with everything the CLI and the app need to know about it. */
export type ActivePortal = {
	/** Null for a bare URL (`--api`, UDATA_API). */
	readonly name: string | null;
	readonly apiUrl: string;
	/** A public production portal: red badge, deletes typed as host/slug. */
	readonly production: boolean;
	/**
	 * `production` as the domain's PortalKind, for the badge and the confirmation: a portal that is
	 * not production is the sandbox on a loopback host, a demo elsewhere, so a config saying
	 * `production: false` never makes a remote delete confirmable by its slug alone.
	 */
	readonly kind: PortalKind;
	/** The portal's `readOnly`, or `--read-only`. */
	readonly readOnly: boolean;
	/** `--page-size`, else the portal's `pageSize`; undefined: the portal's own default. */
	readonly pageSize: number | undefined;
	readonly keySource: KeySource;
	readonly chosenBy: ChosenBy;
	/** UDATA_API_KEY is set, but not used for this portal (worth a word in `udx info`). */
	readonly apiKeyEnvUnused: boolean;
};

/** A portal, or a user-ready message (the CLI prints `udx: <message>` and exits 2). */
export type Resolution = {readonly portal: ActivePortal} | {readonly error: string};

/** What the command line says; readOnly and pageSize also apply to portals switched to later. */
export type PortalFlags = {
	/** `--api URL`. */
	readonly api?: string | undefined;
	/** `--portal NAME`. */
	readonly portal?: string | undefined;
	/** `--read-only`. */
	readonly readOnly?: boolean | undefined;
	/** `--page-size N`. */
	readonly pageSize?: number | undefined;
};

/** A portal udx knows by name: a built-in, changed or not by the config, or one the config adds. */
export type KnownPortal = {
	readonly name: string;
	readonly apiUrl: string;
	readonly production: boolean;
	readonly readOnly: boolean;
	readonly pageSize: number | undefined;
	/** Its own key source (keyEnv or keyFile), before UDATA_API_KEY is considered. */
	readonly keySource: KeySource;
	readonly origin: 'built-in' | 'built-in, changed by the config' | 'config';
};

const apiKeyVariable = 'UDATA_API_KEY';

/** Every portal udx knows by name: the built-ins first, then the config's, in file order. */
export function knownPortals(config: Config): readonly KnownPortal[] {
	const portals = builtInProfiles.map(profile => {
		const settings = config.portals.get(profile.name);
		return settings === undefined
			? {name: profile.name, apiUrl: profile.apiUrl, production: profile.production, readOnly: false, pageSize: undefined, keySource: {type: 'none'} as const, origin: 'built-in' as const}
			: known(profile.name, settings, profile, 'built-in, changed by the config');
	});
	for (const [name, settings] of config.portals) {
		if (builtInProfile(name) === undefined) {
			portals.push(known(name, settings, undefined, 'config'));
		}
	}

	return portals;
}

/** The names `--portal` and `:portal` accept. */
export function portalNames(config: Config): readonly string[] {
	return knownPortals(config).map(portal => portal.name);
}

/** The portal to start with (see the top of this file for the order of precedence). */
export function resolveActivePortal(config: Config, env: Env, flags: PortalFlags = {}): Resolution {
	if (flags.api !== undefined && flags.portal !== undefined) {
		// Both is a slip, not a preference: say so rather than guess which portal gets the key.
		return {error: '--api and --portal both name a portal: keep one'};
	}

	if (flags.api !== undefined) {
		return bareUrl(flags.api, '--api', env, flags);
	}

	if (flags.portal !== undefined) {
		return named(config, flags.portal, '--portal', env, flags);
	}

	const fromEnv = nonEmpty(env['UDATA_API']);
	if (fromEnv !== undefined) {
		return bareUrl(fromEnv, 'UDATA_API', env, flags);
	}

	return config.defaultPortal === undefined
		? named(config, defaultPortalName, 'built-in default', env, flags)
		: named(config, config.defaultPortal, 'defaultPortal', env, flags);
}

/** A portal by name, for switching with `:portal NAME` while udx runs. */
export function portalByName(config: Config, name: string, env: Env, flags: PortalFlags = {}): Resolution {
	return named(config, name, ':portal', env, flags);
}

/** Whether two API roots are the same one: case of the host, a final slash and default port aside. */
export function sameApiRoot(a: string, b: string): boolean {
	const normal = (url: string): string | undefined => {
		try {
			const parsed = new URL(url);
			parsed.search = '';
			parsed.hash = '';
			if (!parsed.pathname.endsWith('/')) {
				parsed.pathname += '/';
			}

			return parsed.toString();
		} catch {
			return undefined;
		}
	};

	const left = normal(a);
	return left !== undefined && left === normal(b);
}

function bareUrl(url: string, chosenBy: '--api' | 'UDATA_API', env: Env, flags: PortalFlags): Resolution {
	const problem = apiUrlProblem(url);
	if (problem !== undefined) {
		return {error: `${chosenBy} ${problem}`};
	}

	const production = portalKind(url) === 'production';
	const apiKeySet = nonEmpty(env[apiKeyVariable]) !== undefined;
	return {
		portal: {
			name: null,
			apiUrl: url,
			production,
			kind: kindOf(url, production),
			readOnly: flags.readOnly === true,
			pageSize: flags.pageSize,
			keySource: apiKeySet ? {type: 'env', variable: apiKeyVariable} : {type: 'none'},
			chosenBy,
			apiKeyEnvUnused: false,
		},
	};
}

function named(config: Config, name: string, chosenBy: ChosenBy, env: Env, flags: PortalFlags): Resolution {
	const portals = knownPortals(config);
	const portal = portals.find(candidate => candidate.name === name);
	if (portal === undefined) {
		return {error: `unknown portal ${JSON.stringify(name)}: the portals are ${portals.map(candidate => candidate.name).join(', ')}`};
	}

	const apiKeySet = nonEmpty(env[apiKeyVariable]) !== undefined;
	const apiKeyApplies = apiKeySet && sameApiRoot(portal.apiUrl, nonEmpty(env['UDATA_API']) ?? builtInProfile(defaultPortalName)!.apiUrl);
	const keySource: KeySource = apiKeyApplies ? {type: 'env', variable: apiKeyVariable} : portal.keySource;
	return {
		portal: {
			name: portal.name,
			apiUrl: portal.apiUrl,
			production: portal.production,
			kind: kindOf(portal.apiUrl, portal.production),
			readOnly: flags.readOnly === true || portal.readOnly,
			pageSize: flags.pageSize ?? portal.pageSize,
			keySource,
			chosenBy,
			apiKeyEnvUnused: apiKeySet && !(keySource.type === 'env' && keySource.variable === apiKeyVariable),
		},
	};
}

function known(name: string, settings: PortalSettings, builtIn: {readonly apiUrl: string; readonly production: boolean} | undefined, origin: KnownPortal['origin']): KnownPortal {
	// The config checked that a portal that is not built in has an api.
	const apiUrl = settings.api ?? builtIn!.apiUrl;
	// A built-in's production flag describes its own URL; a replaced URL is judged afresh.
	const inferred = builtIn !== undefined && settings.api === undefined ? builtIn.production : portalKind(apiUrl) === 'production';
	return {
		name,
		apiUrl,
		production: settings.production ?? inferred,
		readOnly: settings.readOnly ?? false,
		pageSize: settings.pageSize,
		keySource: settings.keySource ?? {type: 'none'},
		origin,
	};
}

function kindOf(apiUrl: string, production: boolean): PortalKind {
	if (production) {
		return 'production';
	}

	return portalKind(apiUrl) === 'sandbox' ? 'sandbox' : 'demo';
}

function nonEmpty(value: string | undefined): string | undefined {
	return value === undefined || value.trim() === '' ? undefined : value;
}
