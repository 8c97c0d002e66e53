/**
 * `udx get` and `udx list` without a terminal: JSON out for jq (issue: non-interactive output).
 * No Ink, no process.*: cli.tsx hands in the client and the two streams and sets the exit code.
 *
 * - `get` prints the object as the portal sends it (v1, no field mask), indented, then a newline.
 * - `list` prints one compact object per line (JSON Lines), following `next_page`, unmasked, and
 *   stops at exactly `limit` objects without asking for a page it would not print.
 * Everything printed goes through `sanitizeJson`: `jq -r .name` may put it on a terminal.
 */
import type {Client} from '../api/client.js';
import {collectionOf} from '../api/endpoints.js';
import {ApiError, explainError} from '../api/errors.js';
import {sanitizeJson, sanitizeLine} from '../lib/sanitize.js';
import type {BatchArgs, ListArgs} from './args.js';

/** Exit codes: 0 done, 1 the portal failed or refused, 2 a usage error (cli.tsx reports those). */
export const exitCodes = {ok: 0, apiError: 1, usage: 2} as const;

/** Where output goes: process.stdout in the CLI, a string buffer in tests. */
export type TextSink = {write(text: string): unknown};

export type BatchOptions = {
	readonly client: Client;
	readonly stdout: TextSink;
	readonly stderr: TextSink;
	/**
	 * Aborted when the output is gone (cli.tsx: stdout's EPIPE once `| head -1` has what it wants):
	 * the run stops fetching and ends quietly with 0.
	 */
	readonly signal?: AbortSignal | undefined;
};

/** The reader left: not an error of ours or the portal's. */
class OutputClosed extends Error {}

export async function runBatch(args: BatchArgs, options: BatchOptions): Promise<number> {
	const {signal} = options;
	const print = (value: unknown, indent?: number) => {
		if (signal?.aborted) {
			throw new OutputClosed();
		}

		try {
			options.stdout.write(`${JSON.stringify(sanitizeJson(value), null, indent)}\n`);
		} catch (error) {
			// A writer may throw EPIPE; process.stdout emits it instead, and cli.tsx aborts `signal`.
			if (isBrokenPipe(error)) {
				throw new OutputClosed();
			}

			throw error;
		}
	};

	try {
		if (args.command === 'get') {
			const {raw} = await options.client.get(args.kind, args.idOrSlug, {signal});
			print(raw, 2);
		} else {
			await printList(args, options.client, print, signal);
		}

		return exitCodes.ok;
	} catch (error) {
		if (error instanceof OutputClosed || signal?.aborted) {
			return exitCodes.ok;
		}

		if (error instanceof ApiError) {
			options.stderr.write(`udx: ${sanitizeLine(describeFailure(error, args, options.client.host))}\n`);
			return exitCodes.apiError;
		}

		throw error;
	}
}

async function printList(args: ListArgs, client: Client, print: (value: unknown) => void, signal: AbortSignal | undefined): Promise<void> {
	// parseBatchArgs never gives 0, but a caller could: print nothing rather than everything.
	if (args.limit !== undefined && args.limit < 1) {
		return;
	}

	let printed = 0;
	// v1's `q` rather than the v2 /search/ the app uses: the same object shape with and without
	// --q (and as `udx get`), and no 10,000-result window (API.md §2.3).
	const source = {kind: args.kind, scope: 'catalogue', query: args.q === undefined ? {} : {q: args.q}} as const;
	for await (const page of client.wirePages(source, {pageSize: args.pageSize, signal})) {
		for (const item of page.items) {
			print(item);
			printed++;
			if (printed === args.limit) {
				// Leaving the loop returns the generator: the next page is never asked for.
				return;
			}
		}
	}
}

function isBrokenPipe(error: unknown): boolean {
	return error instanceof Error && (error as NodeJS.ErrnoException).code === 'EPIPE';
}

/** The failure in words for stderr: what was asked, of which host, and what went wrong. */
export function describeFailure(error: ApiError, args: BatchArgs, host: string): string {
	const noun = args.kind;
	const what = args.command === 'get' ? `${noun} "${args.idOrSlug}"` : `the ${collectionOf[args.kind]} list`;
	switch (error.kind) {
		case 'not-found': {
			return args.command === 'get'
				? `no ${noun} "${args.idOrSlug}" on ${host}`
				: `${host} has no ${collectionOf[args.kind]} list at ${error.url} (is the API root right? --api, UDATA_API)`;
		}

		case 'gone': {
			return `${what} on ${host} has been deleted${error.serverMessage ? ` (${error.serverMessage})` : ''}`;
		}

		// The app's wording of these offers "r to retry"; here the way out is to run it again.
		case 'rate-limited': {
			return `${host} is rate-limiting us: try again later`;
		}

		case 'server': {
			return `${host} failed (${error.status ?? 'server error'}) on ${what}${error.serverMessage ? `: ${error.serverMessage}` : ''}`;
		}

		case 'network':
		case 'timeout':
		case 'decode': {
			return error.message;
		}

		default: {
			return explainError(error);
		}
	}
}
