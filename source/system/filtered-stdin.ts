/**
 * The terminal's stdin as Ink gets it: the same TTY (raw mode, ref/unref go to it), with every
 * chunk passed through keyboardInput first, so a pasted escape sequence cannot crash Ink's key
 * parser (source/lib/keyboard-input.ts).
 */
import {PassThrough} from 'node:stream';
import {keyboardInput} from '../lib/keyboard-input.js';

export function filteredStdin(source: NodeJS.ReadStream): NodeJS.ReadStream {
	const filtered = new PassThrough({encoding: 'utf8'}) as PassThrough & {isTTY: boolean; setRawMode(mode: boolean): unknown};
	filtered.isTTY = source.isTTY;
	filtered.setRawMode = (mode: boolean) => {
		source.setRawMode(mode);
		return filtered;
	};

	// Ink refs the stream while it reads keys and unrefs it when done: the real stream holds the
	// process open, so that is the one to ref and unref.
	Object.assign(filtered, {
		ref() {
			source.ref();
			return filtered;
		},
		unref() {
			source.unref();
			return filtered;
		},
	});
	source.setEncoding('utf8');
	source.on('data', (chunk: string) => {
		const kept = keyboardInput(chunk);
		if (kept !== '') {
			filtered.write(kept);
		}
	});
	return filtered as unknown as NodeJS.ReadStream;
}
