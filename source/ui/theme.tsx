/**
 * Semantic colour tokens (STYLE.md, gemini-cli's theme): components say `theme.error`, never a raw
 * colour. With colour off (NO_COLOR, --no-color) every token is undefined, and chalk, which ignores
 * NO_COLOR, is never asked for one; emphasis falls back to bold and inverse, which are not colours.
 */
import {createContext, useContext, type ReactNode} from 'react';

export type Theme = {
	readonly color: boolean;
	readonly accent: string | undefined;
	readonly muted: string | undefined;
	readonly error: string | undefined;
	readonly warning: string | undefined;
	readonly success: string | undefined;
	readonly highlight: string | undefined;
};

/** Colours that read on dark and light backgrounds alike (no white, no black). */
export function createTheme(color: boolean): Theme {
	return color
		? {color, accent: 'cyan', muted: 'gray', error: 'red', warning: 'yellow', success: 'green', highlight: 'magenta'}
		: {color, accent: undefined, muted: undefined, error: undefined, warning: undefined, success: undefined, highlight: undefined};
}

const ThemeContext = createContext<Theme>(createTheme(true));

export function ThemeProvider({theme, children}: {readonly theme: Theme; readonly children: ReactNode}) {
	return <ThemeContext.Provider value={theme}>{children}</ThemeContext.Provider>;
}

export function useTheme(): Theme {
	return useContext(ThemeContext);
}
