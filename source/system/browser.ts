/**
 * Opening a web page in the user's browser (no React), fully detached: `stdio: 'ignore'` and its
 * own process group, so nothing it prints can reach the screen and it outlives us (STYLE.md).
 */
import {spawn} from 'node:child_process';
import {delimiter} from 'node:path';

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Only http(s) pages are opened: the URL comes from the server, and `file:`, `javascript:` or a
 * string starting with `-` (an option to the opener) must never be handed to an opener.
 */
export function openableUrl(text: string | null | undefined): string | null {
	if (!text) {
		return null;
	}

	try {
		const url = new URL(text);
		return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
	} catch {
		return null;
	}
}

/**
 * The command that opens `url`: `$BROWSER` where set (the first of its `:`-separated entries, `%s`
 * replaced by the URL, or the URL appended), else the platform's opener. Never through a shell.
 */
export function browserCommand(url: string, platform: NodeJS.Platform, env: Environment): {readonly command: string; readonly args: string[]} {
	const browser = (env['BROWSER'] ?? '').split(delimiter).map(entry => entry.trim()).find(entry => entry !== '');
	if (browser !== undefined) {
		const [command, ...args] = browser.split(/\s+/u);
		const withUrl = args.some(arg => arg.includes('%s')) ? args.map(arg => arg.replaceAll('%s', url)) : [...args, url];
		return {command: command!, args: withUrl};
	}

	switch (platform) {
		case 'darwin': {
			return {command: 'open', args: [url]};
		}

		case 'win32': {
			// Not `cmd /c start`: cmd would interpret the `&` of a query string.
			return {command: 'rundll32', args: ['url.dll,FileProtocolHandler', url]};
		}

		default: {
			return {command: 'xdg-open', args: [url]};
		}
	}
}

/** Start the browser on `url`; resolves once it started (or why it could not). */
export async function openInBrowser(url: string, options: {readonly platform: NodeJS.Platform; readonly env: Environment}): Promise<{readonly opened: true; readonly command: string} | {readonly opened: false; readonly reason: string}> {
	const {command, args} = browserCommand(url, options.platform, options.env);
	return new Promise(resolve => {
		let child;
		try {
			child = spawn(command, args, {stdio: 'ignore', detached: true});
		} catch (error) {
			resolve({opened: false, reason: error instanceof Error ? error.message : String(error)});
			return;
		}

		child.once('error', error => {
			resolve({opened: false, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? `${command} not found (set BROWSER to your browser)` : error.message});
		});
		child.once('spawn', () => {
			child.unref();
			resolve({opened: true, command});
		});
	});
}
