// widest-line, remembered. Ink measures the widest line of every text node on every frame
// (ink/build/render-node-to-output.js), and string-width walks each grapheme of it: for a list,
// the same rows frame after frame. Measured on the key → frame benchmark: the largest single cost
// of a frame with accented text. Same function, same answers; the cache is bounded.
import widestLine from '../../node_modules/widest-line/index.js';

const limit = 4096;
const widths = new Map();

export default function rememberedWidestLine(text) {
	let width = widths.get(text);
	if (width === undefined) {
		width = widestLine(text);
		if (widths.size >= limit) {
			widths.clear();
		}

		widths.set(text, width);
	}

	return width;
}
