// Bundle the CLI into one file: ≈0.37 s to the first frame instead of ≈0.9 s unbundled
// (INK-NOTES.md, "Startup to first frame"), and a package that installs with no build step.
import {build} from 'esbuild';
import {mkdir, writeFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const version = JSON.parse(await (await import('node:fs/promises')).readFile(new URL('../package.json', import.meta.url), 'utf8')).version;

await mkdir(new URL('../dist/', import.meta.url), {recursive: true});
// Ink imports react-devtools-core only when DEV is set; the stub keeps it out of the bundle.
await writeFile(new URL('../dist/devtools-stub.js', import.meta.url), 'export default {connectToDevTools() {}};\n');

await build({
	absWorkingDir: root,
	entryPoints: ['source/cli.tsx'],
	outdir: 'dist',
	// The sandbox (and anything else imported on demand) in chunks of its own: `udx` parses only
	// what a session needs at start.
	splitting: true,
	chunkNames: 'chunks/[name]-[hash]',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	minifySyntax: true,
	// The bundled libraries' licences go beside it (dist/cli.js.LEGAL.txt), as their MIT terms ask.
	legalComments: 'linked',
	define: {
		'process.env.NODE_ENV': '"production"',
		__UDX_VERSION__: JSON.stringify(version),
		// yoga's wasm loader probes `typeof fetch`; in Node 20 that first read loads Node's own
		// internal undici and web streams (≈40 ms of a 300 ms start) for a binary that is embedded
		// anyway. Nothing of ours calls the global fetch (source/api uses undici's dispatcher).
		fetch: 'undefined',
	},
	// ws is only for Ink's devtools bridge, which the stub above replaces.
	// widest-line and ansi-tokenize remembered across frames (scripts/ink-memo: ≈2× faster frames).
	alias: {
		'react-devtools-core': './dist/devtools-stub.js', ws: './dist/devtools-stub.js', undici: './scripts/undici-slim.cjs',
		'widest-line': './scripts/ink-memo/widest-line.js', '@alcalzone/ansi-tokenize': './scripts/ink-memo/ansi-tokenize.js',
	},
	// Bundled CommonJS (react, yoga) calls require(): give the ESM bundle one.
	banner: {js: "import {createRequire as __udxCreateRequire} from 'node:module'; const require = __udxCreateRequire(import.meta.url);"},
	logLevel: 'warning',
});
