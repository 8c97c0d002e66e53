const replacements = new Map([
	['widest-line', new URL('widest-line.js', import.meta.url).href],
	['@alcalzone/ansi-tokenize', new URL('ansi-tokenize.js', import.meta.url).href],
]);

export async function resolve(specifier, context, nextResolve) {
	const replacement = replacements.get(specifier);
	return replacement === undefined ? nextResolve(specifier, context) : {url: replacement, shortCircuit: true};
}
