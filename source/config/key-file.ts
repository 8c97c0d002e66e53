/**
 * Where a portal's API key comes from, and reading it only when it is needed. The key itself never
 * leaves this module except as the result of loadKey: no message here contains it.
 */
import {readFile, stat} from 'node:fs/promises';
import {displayPath, shellPath, type Env} from './paths.js';

/** Where a portal's key comes from: nowhere, an environment variable, or a file (absolute path). */
export type KeySource =
	| {readonly type: 'none'}
	| {readonly type: 'env'; readonly variable: string}
	| {readonly type: 'file'; readonly path: string};

/** The key (undefined for `none`), or a user-ready reason it could not be had. */
export type KeyResult = {readonly key: string | undefined} | {readonly error: string};

/** The file-system calls loadKey makes; node:fs/promises by default, injectable for tests. */
export type KeyFs = {
	readonly stat: (path: string) => Promise<{readonly mode: number; isFile(): boolean}>;
	readonly readFile: (path: string, encoding: 'utf8') => Promise<string>;
};

export type LoadKeyOptions = {
	readonly env: Env;
	/** For writing paths as `~/…` in messages. */
	readonly home: string;
	/** `process.platform`: Windows has no Unix permission bits to check. */
	readonly platform: string;
	readonly fs?: KeyFs;
};

const nodeFs: KeyFs = {stat, readFile};

/** Where the key comes from, in words for the screen: `UDATA_API_KEY`, `the key file ~/…`, `no key`. */
export function describeKeySource(source: KeySource, home: string): string {
	switch (source.type) {
		case 'none': {
			return 'no key';
		}

		case 'env': {
			return source.variable;
		}

		case 'file': {
			return `the key file ${displayPath(source.path, home)}`;
		}
	}
}

/**
 * Read the key from its source. A key file must be readable and writable by its owner only, as
 * ssh demands of a private key: anyone else who can read it can act as you on the portal, and
 * anyone who can write it can swap in their own key and see what you do.
 */
export async function loadKey(source: KeySource, options: LoadKeyOptions): Promise<KeyResult> {
	switch (source.type) {
		case 'none': {
			return {key: undefined};
		}

		case 'env': {
			const key = options.env[source.variable]?.trim();
			return key === undefined || key === '' ? {error: `${source.variable} is not set (or is empty), so there is no API key`} : {key};
		}

		case 'file': {
			return readKeyFile(source.path, options);
		}
	}
}

async function readKeyFile(path: string, {home, platform, fs = nodeFs}: LoadKeyOptions): Promise<KeyResult> {
	const shown = `the key file ${displayPath(path, home)}`;
	let info: {readonly mode: number; isFile(): boolean};
	try {
		info = await fs.stat(path);
	} catch (error) {
		return {error: readError(shown, error)};
	}

	if (!info.isFile()) {
		return {error: `${shown} is not a file`};
	}

	const open = info.mode & 0o077;
	if (open !== 0 && platform !== 'win32') {
		return {error: `${shown} is ${tooOpen(open)} (mode ${(info.mode & 0o777).toString(8)}): run chmod 600 ${shellPath(path, home)}`};
	}

	let text: string;
	try {
		text = await fs.readFile(path, 'utf8');
	} catch (error) {
		return {error: readError(shown, error)};
	}

	// An editor adds a final newline, a Windows one a BOM and \r\n; none of that is the key.
	const key = text.replace(/^\uFEFF/u, '').trim();
	if (key === '') {
		return {error: `${shown} is empty: put the API key in it, alone on one line`};
	}

	if (/[\r\n]/u.test(key)) {
		return {error: `${shown} has more than one line: it must hold the API key alone`};
	}

	return {key};
}

/** "readable by the group", "readable and writable by others", … for the open permission bits. */
function tooOpen(bits: number): string {
	const who = [(bits & 0o070) === 0 ? undefined : 'the group', (bits & 0o007) === 0 ? undefined : 'others'].filter(part => part !== undefined);
	const what = [(bits & 0o044) === 0 ? undefined : 'readable', (bits & 0o022) === 0 ? undefined : 'writable'].filter(part => part !== undefined);
	// Execute alone (0o011) is neither: still refused, as ssh does, but said plainly.
	const verb = what.length === 0 ? 'usable' : what.join(' and ');
	return `${verb} by ${who.join(' and ')}`;
}

function readError(shown: string, error: unknown): string {
	const code = error !== null && typeof error === 'object' && 'code' in error ? String(error.code) : undefined;
	switch (code) {
		case 'ENOENT':
		case 'ENOTDIR': {
			return `${shown} does not exist`;
		}

		case 'EACCES':
		case 'EPERM': {
			return `${shown} cannot be read: permission denied`;
		}

		case 'EISDIR': {
			return `${shown} is a folder, not a file`;
		}

		default: {
			return `${shown} cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
		}
	}
}
