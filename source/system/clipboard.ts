/**
 * Copying to the clipboard the way terminal tools do (no React): the OSC 52 sequence, which the
 * terminal itself handles and which therefore works over SSH and in tmux (`set-clipboard on`),
 * and the native tool of the desktop where there is one, spawned detached with `stdio: 'ignore'`
 * except for its stdin, so it can never write into the screen (STYLE.md, Ink notes).
 */
import {spawn} from 'node:child_process';
import {constants} from 'node:fs';
import {access} from 'node:fs/promises';
import {delimiter, join} from 'node:path';

/** Terminals cap what they accept in one OSC 52 (xterm: 100,000 bytes of base64). */
const osc52Limit = 100_000;

/**
 * The OSC 52 "set clipboard" sequence for `text`, or null when too long for terminals to take.
 * The payload is base64, so whatever the text holds cannot escape the sequence.
 */
export function osc52(text: string): string | null {
	const payload = Buffer.from(text, 'utf8').toString('base64');
	return payload.length > osc52Limit ? null : `\u001B]52;c;${payload}\u0007`;
}

/** A command that reads the text to copy on its stdin. */
export type ClipboardTool = {readonly command: string; readonly args: readonly string[]};

type Environment = Readonly<Record<string, string | undefined>>;

/** The native tools worth trying on this platform, best first (which of them exist is checked later). */
export function clipboardCandidates(platform: NodeJS.Platform, env: Environment): ClipboardTool[] {
	switch (platform) {
		case 'darwin': {
			return [{command: 'pbcopy', args: []}];
		}

		case 'win32': {
			return [{command: 'clip.exe', args: []}];
		}

		default: {
			const tools: ClipboardTool[] = [];
			if (env['WAYLAND_DISPLAY']) {
				tools.push({command: 'wl-copy', args: []});
			}

			if (env['DISPLAY']) {
				tools.push({command: 'xclip', args: ['-selection', 'clipboard']}, {command: 'xsel', args: ['--clipboard', '--input']});
			}

			// WSL: the Windows clipboard.
			if (env['WSL_DISTRO_NAME']) {
				tools.push({command: 'clip.exe', args: []});
			}

			return tools;
		}
	}
}

/** The first of `names` found as an executable on PATH: its name and full path, or null. */
export async function findOnPath(names: readonly string[], env: Environment): Promise<{readonly name: string; readonly path: string} | null> {
	const directories = (env['PATH'] ?? '').split(delimiter).filter(directory => directory !== '');
	for (const name of names) {
		for (const directory of directories) {
			const path = join(directory, name);
			try {
				// eslint-disable-next-line no-await-in-loop
				await access(path, constants.X_OK);
				return {name, path};
			} catch {}
		}
	}

	return null;
}

/** Feed `text` to a clipboard tool; resolves whether it took it (exit 0 within the deadline). */
export async function copyWithTool(tool: ClipboardTool, text: string, timeoutMs = 2000): Promise<boolean> {
	return new Promise(resolve => {
		let child;
		try {
			// Detached: xclip stays alive to serve the selection and must not die with us or hold us.
			child = spawn(tool.command, [...tool.args], {stdio: ['pipe', 'ignore', 'ignore'], detached: true});
		} catch {
			resolve(false);
			return;
		}

		const timer = setTimeout(() => {
			// xclip forks to serve the selection; its parent exits at once. Still running means stuck.
			resolve(false);
		}, timeoutMs);
		timer.unref();
		child.once('error', () => {
			clearTimeout(timer);
			resolve(false);
		});
		child.once('exit', code => {
			clearTimeout(timer);
			resolve(code === 0);
		});
		child.stdin?.on('error', () => {});
		child.stdin?.end(text);
		child.unref();
	});
}

/** How a copy went: through the terminal (OSC 52), a native tool, both, or neither. */
export type CopyOutcome = {readonly osc52: boolean; readonly tool: string | null};

export type Clipboard = {copy(text: string): Promise<CopyOutcome>};

/**
 * The clipboard of this session: OSC 52 written to the terminal (`writeToTerminal`), plus the
 * first native tool present. Both, because OSC 52 is what reaches the user's own machine over
 * SSH, and the native tool is what works in terminals that ignore OSC 52.
 */
export function createClipboard(options: {
	readonly writeToTerminal: (bytes: string) => void;
	readonly platform: NodeJS.Platform;
	readonly env: Environment;
}): Clipboard {
	let tool: Promise<(ClipboardTool & {readonly name: string}) | null> | undefined;
	// Found once, on the PATH of the session given (spawned by full path, so that PATH is the one used).
	const findTool = async () => {
		const candidates = clipboardCandidates(options.platform, options.env);
		const found = await findOnPath(candidates.map(candidate => candidate.command), options.env);
		const candidate = candidates.find(item => item.command === found?.name);
		return found === null || candidate === undefined ? null : {...candidate, command: found.path, name: found.name};
	};

	return {
		async copy(text) {
			const sequence = osc52(text);
			if (sequence !== null) {
				options.writeToTerminal(sequence);
			}

			tool ??= findTool();
			const native = await tool;
			const copied = native !== null && await copyWithTool(native, text);
			return {osc52: sequence !== null, tool: copied ? native.name : null};
		},
	};
}

/** The flash after a copy: what was copied and how, in words. */
export function describeCopy(what: string, text: string, outcome: CopyOutcome): string {
	const how = [outcome.osc52 ? 'terminal (OSC 52)' : null, outcome.tool].filter(Boolean).join(' + ');
	return how === '' ? `could not copy the ${what}: it is too long for the terminal and no clipboard tool was found` : `copied the ${what}: ${text} · via ${how}`;
}
