/**
 * How a confirmation fits the screen (pure), shared by what draws it and what lets Enter confirm
 * it: on a short terminal its lines would be drawn over each other (the soak saw the slug to type
 * hidden under the input line), so what is optional goes first, and when even the essentials do
 * not fit, the modal says how tall the terminal must be and Enter does nothing.
 */
import {cellWidth} from './format.js';

const segmenter = new Intl.Segmenter('en', {granularity: 'grapheme'});

/** `text` cut into lines of at most `width` cells, never splitting a grapheme (exact, unlike word wrap). */
export function splitToWidth(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	let used = 0;
	for (const {segment} of segmenter.segment(text)) {
		const size = cellWidth(segment);
		if (used + size > width && line !== '') {
			lines.push(line);
			line = '';
			used = 0;
		}

		line += segment;
		used += size;
	}

	lines.push(line);
	return lines;
}

/** What a confirmation must always show. */
export type ConfirmationEssentials = {
	/** The exact call, shown whole; null when the review above counts it (an edit's one-line call). */
	readonly call: string | null;
	/** The text to type (shown whole, then the input line), or null for a y/N question. */
	readonly expected: string | null;
	/** Lines of the review an edit shows before its input (its changes and body); 0 for a delete. */
	readonly reviewRows?: number;
};

/** The label before the call. */
export const callLabel = 'call      ';

/**
 * Rows inside the border the essentials take: the title, the call, the text to type and the
 * input (or the question), and one for the status line (kept even before there is a status).
 */
export function essentialRows(essentials: ConfirmationEssentials, inner: number): number {
	const call = essentials.call === null ? 0 : splitToWidth(callLabel + essentials.call, inner).length;
	const input = essentials.expected === null ? 1 : 2 + splitToWidth(essentials.expected, inner).length;
	return 1 + (essentials.reviewRows ?? 0) + call + input + 1;
}

/** The size of a confirmation modal on a screen: the body, less its border and padding. */
export function confirmationBox(columns: number, bodyHeight: number): {readonly inner: number; readonly rows: number} {
	return {inner: Math.max(10, Math.max(20, columns) - 4), rows: Math.max(0, bodyHeight - 2)};
}

/** Whether the essentials of a confirmation are all on screen: if not, it cannot be confirmed. */
export function confirmationFits(essentials: ConfirmationEssentials, box: {readonly inner: number; readonly rows: number}): boolean {
	return essentialRows(essentials, box.inner) <= box.rows;
}
