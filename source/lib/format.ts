/**
 * Formatting for the screen: counts, totals, dates, sizes, and cutting text to a column width.
 * Pure. Widths are terminal cells (CJK and emoji take two), measured by string-width, the library
 * Ink itself lays text out with — so our columns agree with what Ink draws.
 */
import stringWidth from 'string-width';

const numberFormat = new Intl.NumberFormat('en-US');

/** `4706` → `4,706`; null → `–`. */
export function formatCount(value: number | null | undefined): string {
	return value === null || value === undefined ? '–' : numberFormat.format(value);
}

/** A list total: `10,000+` when a search total is saturated (API.md §2.4). */
export function formatTotal(total: number | null, capped: boolean): string {
	if (total === null) {
		return '?';
	}

	return capped ? `${numberFormat.format(total)}+` : numberFormat.format(total);
}

/** The date part of an ISO timestamp: `2025-02-01T00:00:00+00:00` → `2025-02-01`. */
export function formatDate(iso: string | null | undefined): string {
	if (!iso) {
		return '–';
	}

	return /^\d{4}-\d{2}-\d{2}/u.exec(iso)?.[0] ?? iso;
}

/** Bytes in binary units: `1536` → `1.5 KiB`. */
export function formatBytes(bytes: number | null | undefined): string {
	if (bytes === null || bytes === undefined) {
		return '–';
	}

	const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}

	return unit === 0 ? `${bytes} B` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Terminal cells a string takes. */
export function cellWidth(text: string): number {
	return stringWidth(text);
}

const segmenter = new Intl.Segmenter('en', {granularity: 'grapheme'});

/**
 * Cut text to at most `width` cells, ending with `…` when cut; never splits a grapheme
 * (an emoji family, a letter with its combining accent).
 */
export function truncate(text: string, width: number): string {
	if (width <= 0) {
		return '';
	}

	// Fast path: ASCII is one cell a character.
	// eslint-disable-next-line no-control-regex
	if (/^[\u0020-\u007E]*$/u.test(text)) {
		return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
	}

	if (cellWidth(text) <= width) {
		return text;
	}

	let result = '';
	let used = 0;
	for (const {segment} of segmenter.segment(text)) {
		const segmentWidth = cellWidth(segment);
		if (used + segmentWidth > width - 1) {
			break;
		}

		result += segment;
		used += segmentWidth;
	}

	return `${result}…`;
}

/**
 * Cut text to at most `width` cells keeping its end, starting with `…` when cut: what an input
 * shows, since typing happens at the end.
 */
export function truncateStart(text: string, width: number): string {
	if (width <= 0) {
		return '';
	}

	if (cellWidth(text) <= width) {
		return text;
	}

	const segments = Array.from(segmenter.segment(text), ({segment}) => segment);
	let result = '';
	let used = 0;
	for (let index = segments.length - 1; index >= 0; index--) {
		const segmentWidth = cellWidth(segments[index]!);
		if (used + segmentWidth > width - 1) {
			break;
		}

		result = segments[index]! + result;
		used += segmentWidth;
	}

	return `…${result}`;
}

/** Pad (or cut) to exactly `width` cells. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	const cut = truncate(text, width);
	const padding = ' '.repeat(Math.max(0, width - cellWidth(cut)));
	return align === 'left' ? cut + padding : padding + cut;
}

const sparkBlocks = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** A sparkline of a series: one block a value, scaled to the series' own range. */
export function sparkline(values: readonly number[]): string {
	if (values.length === 0) {
		return '';
	}

	const max = Math.max(...values);
	const min = Math.min(0, ...values);
	const span = max - min;
	return values.map(value => sparkBlocks[span === 0 ? 0 : Math.round(((value - min) / span) * (sparkBlocks.length - 1))]).join('');
}
