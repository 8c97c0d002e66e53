import {Box, Text} from 'ink';
import {truncate, truncateStart} from '../lib/format.js';
import {useTheme} from './theme.js';

/** The `:` command line: what is typed, a cursor, and a suggestion or an error. */
export function Palette({text, hint, error, width}: {readonly text: string; readonly hint: string; readonly error: string | null; readonly width: number}) {
	const theme = useTheme();
	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate-start">
				<Text bold color={theme.accent}>:</Text>
				{truncateStart(text, Math.max(1, width - 3))}
				<Text inverse> </Text>
			</Text>
			<Text color={error ? theme.error : theme.muted} wrap="truncate-end">{truncate(error ?? hint, width)}</Text>
		</Box>
	);
}
