/**
 * Loads 100,000 list rows from a sandbox through the client, in a process of its own, and prints
 * its resident memory as JSON: the figure must not include the sandbox's own memory.
 */
import {createClient} from '../source/api/client.js';
import {catalogue} from '../source/domain/list-source.js';
import type {Item} from '../source/domain/types.js';

const apiRoot = process.argv[2]!;
const client = createClient({apiUrl: apiRoot});
const before = process.memoryUsage().rss;
const rows: Item[] = [];
for await (const page of client.pages(catalogue('dataset'), {pageSize: 1000})) {
	rows.push(...page.items);
	if (rows.length >= 100_000) {
		break;
	}
}

globalThis.gc?.();
process.stdout.write(`${JSON.stringify({rows: rows.length, rssBefore: before, rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed})}\n`);
await client.close();
