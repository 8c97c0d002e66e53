import type {ListFrame} from '../navigation/screens.js';
import {Table} from '../ui/table.js';
import {headerCells, joinCells, layoutColumns, rowCells} from './columns.js';

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

/** A paged list, windowed: only the rows that fit are mapped and drawn. */
export function ListView({frame, width, height}: {readonly frame: ListFrame; readonly width: number; readonly height: number}) {
	const kind = frame.source.kind;
	const layout = layoutColumns(kind, width);
	const visible = frame.rows.slice(frame.scroll, frame.scroll + Math.max(1, height - 1));
	return (
		<Table
			header={joinCells(headerCells(layout))}
			rows={visible.map(item => joinCells(rowCells(item, layout)))}
			selected={frame.cursor - frame.scroll}
			tail={listTail(frame)}
			width={width}
			height={height}
		/>
	);
}
