import {describe, expect, it} from 'vitest';
import {findJsonSyntaxError} from '../../source/config/json-syntax.js';

describe('findJsonSyntaxError', () => {
	it.each([
		'{}',
		'[]',
		'{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9\\"", {}]}',
		'  {\n\t"a": {"b": {"c": 0}}\n}\n',
		// Same text once unescaped, different keys as written: not a repeat... and vice versa below.
		'{"a\\nb": 1, "anb": 2}',
	])('accepts %j, as JSON.parse does', text => {
		expect(() => JSON.parse(text) as unknown).not.toThrow();
		expect(findJsonSyntaxError(text)).toBeUndefined();
	});

	it.each([
		['{"a": }', 1, 7, 'expected a value'],
		['{"a": 1,}', 1, 9, 'no trailing comma'],
		['{\n  "a": 1\n  "b": 2\n}', 3, 3, 'expected , or }'],
		['[1, 2,]', 1, 7, 'no trailing comma'],
		['[1, 2, ]', 1, 8, 'no trailing comma'],
		['[1 2]', 1, 4, 'expected , or ]'],
		['{"a": 1} x', 1, 10, 'more text after'],
		['{\n  // a comment\n  "a": 1\n}', 2, 3, 'no comments'],
		['{\'a\': 1}', 1, 2, 'strings need double quotes'],
		['{a: 1}', 1, 2, 'property name in double quotes'],
		['{"a": \'x\'}', 1, 7, 'double quotes'],
		['{"a": "line\nbreak"}', 1, 12, 'line break'],
		['{"a": "\\x"}', 1, 8, 'escape'],
		['{"a": "\\u12"}', 1, 8, 'four hex digits'],
		['{"a": "open', 1, 7, 'not closed'],
		['{"a": 01}', 1, 8, 'expected , or }'],
		['{"a": tru}', 1, 7, 'expected a value'],
		['{"a"', 1, 5, 'expected :'],
		['{', 1, 2, 'property name'],
		['{"a": 1, "a": 2}', 1, 10, '"a" is written twice'],
		['{"a\\u0062": 1, "ab": 2}', 1, 16, '"ab" is written twice'],
		['[' .repeat(300), 1, 201, 'nested more than 200 deep'],
	])('%j fails at line %i, column %i: %s', (text, line, column, problem) => {
		expect(findJsonSyntaxError(text)).toEqual({line, column, problem: expect.stringContaining(problem) as string});
	});

	it('never quotes the text it checks', () => {
		const secret = 'udata_s3cr3t_k3y';
		for (const text of [`{"key": ${secret}}`, `{"key": "${secret}" "b": 1}`, `${secret}`, `{"${secret}": 1, "${secret}x": }`]) {
			const found = findJsonSyntaxError(text);
			expect(found).toBeDefined();
			expect(found!.problem).not.toContain(secret);
		}
	});
});
