import {Box, Text} from 'ink';
import {fit} from '../lib/format.js';
import {useTheme} from './theme.js';

/** One row: its text, fitted to the width, and ranges of it to highlight (search matches). */
export type TableRow = {readonly text: string; readonly highlights?: ReadonlyArray<readonly [number, number]>};

export type TableProps = {
	/** The column titles, already fitted. */
	readonly header: string;
	/** Only the visible rows, already fitted to `width` (windowing is the caller's: never hand Ink more rows than fit). */
	readonly rows: readonly TableRow[];
	/** Index of the selected row within `rows`, or -1. */
	readonly selected: number;
	/** The line after the rows: "loading…", the end, or an error with "r to retry". */
	readonly tail: {readonly text: string; readonly tone: 'muted' | 'error'} | null;
	readonly width: number;
	/** Lines available for rows and tail. */
	readonly height: number;
};

/** Split a row's text into plain and highlighted runs. */
function segments(row: TableRow): Array<{readonly text: string; readonly highlighted: boolean}> {
	if (!row.highlights || row.highlights.length === 0) {
		return [{text: row.text, highlighted: false}];
	}

	const runs: Array<{text: string; highlighted: boolean}> = [];
	let at = 0;
	for (const [start, end] of row.highlights) {
		const from = Math.max(start, at);
		const to = Math.min(end, row.text.length);
		if (to <= from) {
			continue;
		}

		if (from > at) {
			runs.push({text: row.text.slice(at, from), highlighted: false});
		}

		runs.push({text: row.text.slice(from, to), highlighted: true});
		at = to;
	}

	if (at < row.text.length) {
		runs.push({text: row.text.slice(at), highlighted: false});
	}

	return runs;
}

/** A windowed table: a header line, the visible rows with one selected, and a tail line. */
export function Table({header, rows, selected, tail, width, height}: TableProps) {
	const theme = useTheme();
	return (
		<Box flexDirection="column" width={width} height={height + 1}>
			<Text bold color={theme.muted}>{fit(header, width).trimEnd()}</Text>
			{rows.map((row, index) => {
				// Only the selected row is padded (its inverse bar spans the width): Ink's output stage
				// costs per character written, trailing spaces included (see bench key_frame).
				const shown = index === selected ? row : {...row, text: row.text.trimEnd()};
				return (
					// Keys by position: the window slides, the row components are reused.
					// eslint-disable-next-line react/no-array-index-key
					<Text key={index} inverse={index === selected} wrap="truncate-end">
						{shown.highlights && shown.highlights.length > 0
							? segments(shown).map((run, at) => run.highlighted
								// eslint-disable-next-line react/no-array-index-key
								? <Text key={at} bold underline color={theme.highlight}>{run.text}</Text>
								: run.text)
							// The common case, a plain row, stays one string: one node for Ink to lay out.
							: shown.text}
					</Text>
				);
			})}
			{tail && rows.length < height ? <Text color={tail.tone === 'error' ? theme.error : theme.muted} wrap="truncate-end">{fit(tail.text, width)}</Text> : null}
		</Box>
	);
}
