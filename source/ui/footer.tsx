import {Box, Text} from 'ink';
import {truncate} from '../lib/format.js';
import {useTheme} from './theme.js';

export type Hint = {readonly keys: string; readonly label: string; readonly disabled?: boolean};

export type FooterProps = {
	readonly hints: readonly Hint[];
	/** Loading, counts, or the last error, in words. */
	readonly status: string;
	readonly tone: 'normal' | 'error' | 'success';
	readonly width: number;
};

/** Two lines: the status line, and the key hints drawn from the keymap. */
export function Footer({hints, status, tone, width}: FooterProps) {
	const theme = useTheme();
	const hintText = hints.map(hint => `${hint.keys} ${hint.label}`).join('  ');
	const color = tone === 'error' ? theme.error : tone === 'success' ? theme.success : undefined;
	return (
		<Box flexDirection="column" width={width}>
			<Text color={color} bold={tone !== 'normal'} wrap="truncate-end">{truncate(status, width)}</Text>
			<Text color={theme.muted} wrap="truncate-end">{truncate(hintText, width)}</Text>
		</Box>
	);
}
