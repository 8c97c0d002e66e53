import {Box, Text} from 'ink';
import {truncate} from '../lib/format.js';

export type PagerProps = {
	readonly lines: readonly string[];
	readonly scroll: number;
	readonly width: number;
	readonly height: number;
};

/** Read-only text, scrolled: only the visible lines are drawn. */
export function Pager({lines, scroll, width, height}: PagerProps) {
	const visible = lines.slice(scroll, scroll + height);
	return (
		<Box flexDirection="column" width={width} height={height}>
			{visible.map((line, index) => (
				// eslint-disable-next-line react/no-array-index-key
				<Text key={index} wrap="truncate-end">{truncate(line.replaceAll('\t', '  '), width) || ' '}</Text>
			))}
		</Box>
	);
}
