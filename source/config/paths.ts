/**
 * Where udx keeps its files, and paths as the user reads and types them (pure: the environment and
 * the home folder are parameters).
 */
import {isAbsolute, join, sep} from 'node:path';

/** Environment variables, as `process.env` holds them. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * udx's folder under an XDG base directory: `$variable/udata-explorer`, by default
 * `~/<fallback>/udata-explorer`. An empty or relative value is ignored: the XDG Base Directory spec
 * says "If an implementation encounters a relative path in any of these variables it should
 * consider the path invalid and ignore it", and a relative one would move with the working folder.
 */
export function xdgFolder(env: Env, variable: 'XDG_CONFIG_HOME' | 'XDG_STATE_HOME', home: string, fallback: string): string {
	const xdg = env[variable];
	return join(xdg !== undefined && xdg !== '' && isAbsolute(xdg) ? xdg : join(home, fallback), 'udata-explorer');
}

/** `$XDG_CONFIG_HOME/udata-explorer/config.json`, by default `~/.config/udata-explorer/config.json`. */
export function configPath(env: Env, home: string): string {
	return join(xdgFolder(env, 'XDG_CONFIG_HOME', home, '.config'), 'config.json');
}

/** `~` or `~/rest` (`~\rest` too, for Windows) made absolute; any other path as it is. */
export function expandHome(path: string, home: string): string {
	if (path === '~') {
		return home;
	}

	return path.startsWith('~/') || path.startsWith('~\\') ? join(home, path.slice(2)) : path;
}

/** A path under the home folder written as `~/…`, the way the user sees it in their shell. */
export function displayPath(path: string, home: string): string {
	if (home === '' || home === sep) {
		return path;
	}

	if (path === home) {
		return '~';
	}

	const prefix = home.endsWith(sep) ? home : `${home}${sep}`;
	return path.startsWith(prefix) ? `~${sep}${path.slice(prefix.length)}` : path;
}

/**
 * A path as a shell argument the user can paste: `~/…` stays bare so the shell expands it; anything
 * with characters a shell would interpret is single-quoted (absolute then, as `~` does not expand
 * inside quotes).
 */
export function shellPath(path: string, home: string): string {
	const shown = displayPath(path, home);
	if (/^[\w@%+=:,./~-]+$/u.test(shown)) {
		return shown;
	}

	return `'${path.replaceAll('\'', '\'\\\'\'')}'`;
}
