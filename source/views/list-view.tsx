import {Box, Text} from 'ink';
import type {Item} from '../domain/types.js';
import {truncate, truncateStart} from '../lib/format.js';
import {visibleRows, type FilterHit, type ListFrame} from '../navigation/screens.js';
import {Table, type TableRow} from '../ui/table.js';
import {useTheme} from '../ui/theme.js';
import {headerCells, joinCells, layoutColumns, rowCells, type Layout} from './columns.js';

/** The line after the loaded rows: loading, an error with its retry, or the end. */
export function listTail(frame: ListFrame): {text: string; tone: 'muted' | 'error'} | null {
	if (frame.error !== null) {
		return {text: /r to retry/u.test(frame.error) ? `✗ ${frame.error}` : `✗ r to retry — ${frame.error}`, tone: 'error'};
	}

	if (frame.loading || frame.nextPageUrl === undefined) {
		return {text: 'loading…', tone: 'muted'};
	}

	if (frame.nextPageUrl === null) {
		return {text: frame.rows.length === 0 ? '— nothing here —' : `— end of list · ${frame.rows.length.toLocaleString('en-US')} items —`, tone: 'muted'};
	}

	return null;
}

// A row's text depends only on the item and the width: cache it, so a cursor move re-measures
// nothing (string widths of accented and CJK text are the costly part of a frame).
const rowTextCache = new WeakMap<Item, {readonly width: number; readonly text: string}>();

function rowText(item: Item, layout: Layout, width: number): string {
	const cached = rowTextCache.get(item);
	if (cached?.width === width) {
		return cached.text;
	}

	const text = joinCells(rowCells(item, layout));
	rowTextCache.set(item, {width, text});
	return text;
}

/** The `/` box: what is typed, and a cursor while it has the keys. */
function SearchBox({query, editing, width}: {readonly query: string; readonly editing: boolean; readonly width: number}) {
	const theme = useTheme();
	return (
		<Text wrap="truncate-start">
			<Text bold color={theme.accent}>/</Text>
			{truncateStart(query, Math.max(1, width - 3))}
			{editing ? <Text inverse> </Text> : null}
		</Text>
	);
}

/** A paged list, windowed: only the rows that fit are mapped and drawn; filtered by `/`. */
export function ListView({frame, width, height}: {readonly frame: ListFrame; readonly width: number; readonly height: number}) {
	const kind = frame.source.kind;
	const layout = layoutColumns(kind, width);
	const boxHeight = frame.filter ? 1 : 0;
	const tableHeight = Math.max(1, height - boxHeight);
	const rows = visibleRows(frame);
	const visible = rows.slice(frame.scroll, frame.scroll + Math.max(1, tableHeight - 1));
	// Highlights only for the hits of the query on screen (a newer query may still be ranking).
	const hits = frame.filter && frame.filter.hitsFor === frame.filter.query && frame.filter.hits ? frame.filter.hits : null;
	const nameWidth = Math.max(0, (layout.widths[0] ?? 1) - 1);
	const tableRows: TableRow[] = visible.map((item, offset) => {
		const hit: FilterHit | undefined = hits?.[frame.scroll + offset];
		return {
			text: rowText(item, layout, width),
			highlights: hit?.highlights.map(([start, end]) => [Math.min(start, nameWidth), Math.min(end, nameWidth)] as const),
		};
	});
	// "loading…" and the end belong under the last loaded row: shown only when the window reaches
	// it. A failed page is shown wherever the cursor is, with its retry.
	const atEnd = frame.scroll + visible.length >= rows.length;
	const filtering = frame.filter !== null && frame.filter.query.trim() !== '' && hits !== null;
	const tail = filtering
		? {text: hits.length === 0 ? '— no loaded row matches: Enter searches the portal —' : `— ${hits.length.toLocaleString('en-US')} of ${frame.rows.length.toLocaleString('en-US')} loaded rows match —`, tone: 'muted' as const}
		: listTail(frame);
	return (
		<Box flexDirection="column" width={width} height={height + 1}>
			{frame.filter ? <SearchBox query={frame.filter.query} editing={frame.filter.editing} width={width} /> : null}
			<Table
				header={joinCells(headerCells(layout))}
				rows={tableRows}
				selected={frame.cursor - frame.scroll}
				tail={tail && (atEnd || tail.tone === 'error') ? tail : null}
				width={width}
				height={tableHeight}
			/>
		</Box>
	);
}
