import {Box, Text} from 'ink';
import {fit} from '../lib/format.js';
import {useTheme} from './theme.js';

export type TableProps = {
	/** The column titles, already fitted. */
	readonly header: string;
	/** Only the visible rows, already fitted to `width` (windowing is the caller's: never hand Ink more rows than fit). */
	readonly rows: readonly string[];
	/** Index of the selected row within `rows`, or -1. */
	readonly selected: number;
	/** The line after the rows: "loading…", the end, or an error with "r to retry". */
	readonly tail: {readonly text: string; readonly tone: 'muted' | 'error'} | null;
	readonly width: number;
	/** Lines available for rows and tail. */
	readonly height: number;
};

/** A windowed table: a header line, the visible rows with one selected, and a tail line. */
export function Table({header, rows, selected, tail, width, height}: TableProps) {
	const theme = useTheme();
	return (
		<Box flexDirection="column" width={width} height={height + 1}>
			<Text bold color={theme.muted}>{fit(header, width).trimEnd()}</Text>
			{rows.map((row, index) => (
				// Keys by position: the window slides, the row components are reused.
				// eslint-disable-next-line react/no-array-index-key
				// Only the selected row is padded (its inverse bar spans the width): Ink's output stage
				// costs per character written, trailing spaces included (see bench key_frame).
				<Text key={index} inverse={index === selected} wrap="truncate-end">{index === selected ? row : row.trimEnd()}</Text>
			))}
			{tail && rows.length < height ? <Text color={tail.tone === 'error' ? theme.error : theme.muted} wrap="truncate-end">{fit(tail.text, width)}</Text> : null}
		</Box>
	);
}
