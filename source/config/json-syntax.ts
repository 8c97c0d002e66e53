/**
 * A strict JSON checker that says where a config file goes wrong, as line and column. JSON.parse
 * cannot be used for that: on Node 20 some of its messages have no position ("Unexpected token
 * '}', "{"a": }" is not valid JSON"), and they quote the file, which must never reach the screen
 * in case someone pasted a key into it; these messages quote nothing but a repeated property name.
 * It also finds a property written twice in one object, which JSON.parse accepts by silently
 * keeping the last one (a setting dropped without a word).
 */

/** Where the text stops being JSON, and why. */
export type JsonSyntaxError = {
	readonly line: number;
	readonly column: number;
	readonly problem: string;
};

class Stop {
	constructor(readonly offset: number, readonly problem: string) {}
}

const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/uy;
const hexDigits = /^[\da-fA-F]{4}$/u;
const escapes: Readonly<Record<string, string>> = {'"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t'};
const expectedValue = 'expected a value: a string in double quotes, a number, true, false, null, an object or a list';
// Far deeper than any config; it keeps a hostile file from overflowing the stack of the checker.
const maxDepth = 200;

/** The first syntax error in `text`, or undefined when it is valid JSON with no repeated key. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
	let index = 0;
	let depth = 0;

	const skipSpace = () => {
		while (index < text.length && ' \t\n\r'.includes(text[index]!)) {
			index++;
		}
	};

	const string = (): string => {
		const start = index;
		index++;
		let value = '';
		for (;;) {
			const char = text[index];
			if (char === undefined) {
				throw new Stop(start, 'a string is not closed with "');
			}

			if (char === '"') {
				index++;
				return value;
			}

			if (char === '\\') {
				const escape = text[index + 1];
				if (escape === 'u') {
					if (!hexDigits.test(text.slice(index + 2, index + 6))) {
						throw new Stop(index, 'a \\u escape needs four hex digits');
					}

					value += String.fromCharCode(Number.parseInt(text.slice(index + 2, index + 6), 16));
					index += 6;
					continue;
				}

				const escaped = escape === undefined ? undefined : escapes[escape];
				if (escaped === undefined) {
					throw new Stop(index, 'a backslash in a string must start an escape such as \\\\ or \\"');
				}

				value += escaped;
				index += 2;
				continue;
			}

			if (char < ' ') {
				throw new Stop(index, 'a string cannot hold a line break or a control character (write \\n)');
			}

			value += char;
			index++;
		}
	};

	const object = (): void => {
		index++;
		skipSpace();
		if (text[index] === '}') {
			index++;
			return;
		}

		const keys = new Set<string>();
		for (;;) {
			skipSpace();
			if (text[index] !== '"') {
				throw new Stop(index, text[index] === '}' ? 'a comma before } (JSON allows no trailing comma)' : commonSlip(text[index]) ?? 'expected a property name in double quotes');
			}

			const keyStart = index;
			const key = string();
			if (keys.has(key)) {
				throw new Stop(keyStart, `${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)} is written twice in the same object`);
			}

			keys.add(key);
			skipSpace();
			if (text[index] !== ':') {
				throw new Stop(index, 'expected : after a property name');
			}

			index++;
			value();
			skipSpace();
			if (text[index] === ',') {
				index++;
				continue;
			}

			if (text[index] === '}') {
				index++;
				return;
			}

			throw new Stop(index, 'expected , or } after a property value (a missing comma?)');
		}
	};

	const array = (): void => {
		index++;
		skipSpace();
		if (text[index] === ']') {
			index++;
			return;
		}

		for (;;) {
			value();
			skipSpace();
			if (text[index] === ',') {
				index++;
				skipSpace();
				if (text[index] === ']') {
					throw new Stop(index, 'a comma before ] (JSON allows no trailing comma)');
				}

				continue;
			}

			if (text[index] === ']') {
				index++;
				return;
			}

			throw new Stop(index, 'expected , or ] after a list element (a missing comma?)');
		}
	};

	const literal = (word: string): void => {
		if (!text.startsWith(word, index)) {
			throw new Stop(index, expectedValue);
		}

		index += word.length;
	};

	const value = (): void => {
		skipSpace();
		const char = text[index];
		switch (char) {
			case undefined: {
				throw new Stop(index, 'the text ends where a value was expected');
			}

			case '{':
			case '[': {
				if (++depth > maxDepth) {
					throw new Stop(index, `nested more than ${maxDepth} deep`);
				}

				if (char === '{') {
					object();
				} else {
					array();
				}

				depth--;
				return;
			}

			case '"': {
				string();
				return;
			}

			case 't': {
				literal('true');
				return;
			}

			case 'f': {
				literal('false');
				return;
			}

			case 'n': {
				literal('null');
				return;
			}

			default: {
				numberPattern.lastIndex = index;
				const match = numberPattern.exec(text);
				if (match === null) {
					throw new Stop(index, commonSlip(char) ?? expectedValue);
				}

				index += match[0].length;
			}
		}
	};

	try {
		value();
		skipSpace();
		if (index < text.length) {
			throw new Stop(index, 'more text after the end of the JSON value');
		}

		return undefined;
	} catch (error) {
		if (error instanceof Stop) {
			return {...lineAndColumn(text, error.offset), problem: error.problem};
		}

		throw error;
	}
}

/** What people write in a config that JSON does not allow, said plainly. */
function commonSlip(char: string | undefined): string | undefined {
	return char === '/' ? 'JSON allows no comments' : char === '\'' ? 'strings need double quotes in JSON' : undefined;
}

/** 1-based line and column (in UTF-16 units, as editors near enough count them) of an offset. */
function lineAndColumn(text: string, offset: number): {line: number; column: number} {
	const before = text.slice(0, offset);
	const lastBreak = before.lastIndexOf('\n');
	return {line: before.split('\n').length, column: offset - lastBreak};
}
