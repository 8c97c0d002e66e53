import type {ListFrame} from '../navigation/screens.js';
import {Table} from '../ui/table.js';
import type {Item} from '../domain/types.js';
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

/** A paged list, windowed: only the rows that fit are mapped and drawn. */
export function ListView({frame, width, height}: {readonly frame: ListFrame; readonly width: number; readonly height: number}) {
	const kind = frame.source.kind;
	const layout = layoutColumns(kind, width);
	const visible = frame.rows.slice(frame.scroll, frame.scroll + Math.max(1, height - 1));
	// "loading…" and the end belong under the last loaded row: shown only when the window reaches
	// it. A failed page is shown wherever the cursor is, with its retry.
	const atEnd = frame.scroll + visible.length >= frame.rows.length;
	const tail = listTail(frame);
	return (
		<Table
			header={joinCells(headerCells(layout))}
			rows={visible.map(item => rowText(item, layout, width))}
			selected={frame.cursor - frame.scroll}
			tail={tail && (atEnd || tail.tone === 'error') ? tail : null}
			width={width}
			height={height}
		/>
	);
}
