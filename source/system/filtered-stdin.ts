/**
 * The terminal's stdin as Ink gets it: the same TTY (raw mode, ref/unref go to it), with every
 * chunk passed through keyboardInput first, so a pasted escape sequence cannot crash Ink's key
 * parser (source/lib/keyboard-input.ts).
 */
import {PassThrough} from 'node:stream';
import {keyboardInput, splitAfterLoneEscapes} from '../lib/keyboard-input.js';

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
	// Parts after a lone Esc wait a few milliseconds: long enough for Ink to flush the Esc on its
	// own (it does on the next turn), short enough not to be felt. Order is kept by the queue.
	let queue = Promise.resolve();
	const escapeGapMs = 5;
	source.setEncoding('utf8');
	source.on('data', (chunk: string) => {
		const kept = keyboardInput(chunk);
		if (kept === '') {
			return;
		}

		const [first = '', ...rest] = splitAfterLoneEscapes(kept);
		queue = queue.then(async () => {
			filtered.write(first);
			for (const part of rest) {
				// eslint-disable-next-line no-await-in-loop
				await new Promise(resolve => {
					setTimeout(resolve, escapeGapMs);
				});
				filtered.write(part);
			}
		});
	});
	return filtered as unknown as NodeJS.ReadStream;
}
