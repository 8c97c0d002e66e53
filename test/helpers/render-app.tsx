/**
 * The app under ink-testing-library, with a client on the sandbox. Renders are scheduled, not
 * synchronous (react-reconciler 0.33): every render, key and cleanup runs inside act(), one key
 * per act (INK-NOTES, "Tests with ink-testing-library"); waiting is polling with a deadline.
 */
import {stripVTControlCharacters} from 'node:util';
import {act} from 'react';
import {render} from 'ink-testing-library';
import {App, type AppProps} from '../../source/app.js';
import {createTheme, ThemeProvider} from '../../source/ui/theme.js';
import {pollUntil} from './poll.js';

(globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean}).IS_REACT_ACT_ENVIRONMENT = true;

export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	escape: '\u001B',
	enter: '\r',
	backspace: '\u007F',
} as const;

export type RenderedApp = {
	/** The last frame, ANSI stripped. */
	frame(): string;
	/** Send one key (or one chunk of text) inside act. */
	press(...input: string[]): Promise<void>;
	/** Poll the frame until it matches, with a deadline; returns it. */
	waitFor(match: string | RegExp | ((frame: string) => boolean), timeoutMs?: number): Promise<string>;
	/** Change the terminal size, as a resize event does. */
	resize(columns: number, rows: number): Promise<void>;
	unmount(): Promise<void>;
};

function matcher(match: string | RegExp | ((frame: string) => boolean)): (frame: string) => boolean {
	if (typeof match === 'string') {
		return frame => frame.includes(match);
	}

	return match instanceof RegExp ? frame => match.test(frame) : match;
}

export async function renderApp(props: AppProps, size: {columns?: number; rows?: number} = {}): Promise<RenderedApp> {
	let rendered!: ReturnType<typeof render>;
	const dimensions = {columns: size.columns ?? 100, rows: size.rows ?? 30};
	await act(async () => {
		rendered = render(
			<ThemeProvider theme={createTheme(false)}>
				<App {...props} />
			</ThemeProvider>,
		);
	});
	// ink-testing-library's stdout is 100 columns with no rows: give it a real terminal's size.
	Object.defineProperty(rendered.stdout, 'columns', {get: () => dimensions.columns, configurable: true});
	Object.defineProperty(rendered.stdout, 'rows', {get: () => dimensions.rows, configurable: true});
	await act(async () => {
		rendered.stdout.emit('resize');
	});
	const frame = () => stripVTControlCharacters(rendered.lastFrame() ?? '');
	return {
		frame,
		async press(...input) {
			for (const chunk of input) {
				// eslint-disable-next-line no-await-in-loop
				await act(async () => {
					rendered.stdin.write(chunk);
				});
			}
		},
		async waitFor(match, timeoutMs = 10_000) {
			const accept = matcher(match);
			return pollUntil(async () => {
				// Let responses land and React flush them, inside act.
				await act(async () => {
					await new Promise(resolve => {
						setTimeout(resolve, 10);
					});
				});
				return frame();
			}, accept, {timeoutMs, describe: last => `last frame:\n${last}`});
		},
		async resize(columns, rows) {
			dimensions.columns = columns;
			dimensions.rows = rows;
			await act(async () => {
				rendered.stdout.emit('resize');
			});
		},
		async unmount() {
			await act(async () => {
				rendered.unmount();
			});
		},
	};
}
