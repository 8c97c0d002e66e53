/**
 * The audit log (I/O, so not in lib/, which is pure): every mutation, sent or refused by the server, as one JSON line (issue 5,
 * "Audit"). Never the key: an entry has no field that could hold it, and URLs are redacted.
 */
import {appendFile, mkdir, readFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {xdgFolder} from './config/paths.js';

export type AuditEntry = {
	readonly time: string;
	readonly portal: string;
	readonly user: string | null;
	readonly method: string;
	readonly url: string;
	/** The HTTP status, or 0 when no answer came (network, timeout). */
	readonly status: number;
	readonly kind: string;
	readonly id: string;
	readonly slug: string;
};

/** `$XDG_STATE_HOME/udata-explorer/audit.log`, by default `~/.local/state/udata-explorer/audit.log`. */
export function auditLogPath(env: Readonly<Record<string, string | undefined>>, home: string): string {
	return join(xdgFolder(env, 'XDG_STATE_HOME', home, join('.local', 'state')), 'audit.log');
}

/** Append one entry; the folder is made (mode 700) if needed. */
export async function appendAudit(path: string, entry: AuditEntry): Promise<void> {
	await mkdir(dirname(path), {recursive: true, mode: 0o700});
	await appendFile(path, `${JSON.stringify(entry)}\n`, {encoding: 'utf8', mode: 0o600});
}

/** The log as lines for `:history`, newest first; an absent log is an empty history. */
export async function readAudit(path: string): Promise<AuditEntry[]> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error) {
		if (error !== null && typeof error === 'object' && 'code' in error && error.code === 'ENOENT') {
			return [];
		}

		throw error;
	}

	return text.split('\n').filter(line => line.trim() !== '').flatMap(line => {
		try {
			return [JSON.parse(line) as AuditEntry];
		} catch {
			// A torn line (a crash mid-write) is skipped, not fatal.
			return [];
		}
	}).reverse();
}

/** One entry as a line of the history. */
export function formatAudit(entry: AuditEntry): string {
	return `${entry.time.replace('T', ' ').slice(0, 19)}  ${entry.method.padEnd(6)} ${String(entry.status).padStart(3)}  ${entry.kind.padEnd(11)} ${entry.slug}  ${entry.portal}  ${entry.url}`;
}
