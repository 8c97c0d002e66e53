/**
 * The soak's oracle for unconfirmed mutations, independent of the app's own logic: it reads only
 * the screen (what a user saw) and the sandbox's request log (what the portal received). Every
 * PUT, PATCH, DELETE — or POST, which udx never sends — must follow a typed confirmation of that
 * very object seen on the screen just before it, each confirmation good for one request.
 */
import type {RecordedRequest} from '../source/sandbox/server.js';
import type {ObjectKind, Screen, ShownConfirmation} from './screen.js';

export type Action = 'delete' | 'edit' | 'restore';

/** A confirmation given on screen: Enter on a matching typed text, or `y` on an undo's y/N. */
export type Confirmation = {
	readonly action: Action;
	readonly kind: ObjectKind;
	/** The object, when the modal showed its id whole; else it is known by its slug. */
	readonly id: string | null;
	readonly slug: string | null;
	/** The key it was given at, for the report. */
	readonly key: number;
	/** Only requests received after it (their number in the whole run) may use it. */
	readonly fromRequest: number;
	readonly at: number;
	/** The screen cut the typed text: it was read from what the monkey sent (see `Session`). */
	readonly hidden: boolean;
	consumed: boolean;
};

/** A request that changes something, as its method, path and body say. */
export type Mutation = {readonly action: Action | 'other'; readonly kind: ObjectKind | null; readonly id: string | null};

export type Verdict = {
	readonly request: RecordedRequest;
	readonly confirmation: Confirmation | null;
	/** Why it is unconfirmed; null when confirmed. */
	readonly reason: string | null;
};

/** Resolves an object's id to its slug (the oracle asks the sandbox itself); null when it cannot. */
export type SlugLookup = (kind: Exclude<ObjectKind, 'resource'>, id: string) => Promise<string | null>;

const readOnlyMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
const plurals: Readonly<Record<string, Exclude<ObjectKind, 'resource'>>> = {
	organizations: 'organization', datasets: 'dataset', reuses: 'reuse', dataservices: 'dataservice',
};

/** A confirmation is for the request that follows it, not one a minute later. */
export const confirmationTtlMs = 30_000;

/** What a request does to which object, from the wire alone. */
export function mutationOf(request: RecordedRequest): Mutation {
	const path = request.url.split('?')[0] ?? '';
	const resource = /^\/api\/[12]\/datasets\/([^/]+)\/resources\/([^/]+)\/?$/u.exec(path);
	const object = /^\/api\/[12]\/([a-z]+)\/([^/]+)\/?$/u.exec(path);
	const target = resource
		? {kind: 'resource' as const, id: resource[2]!}
		: object && plurals[object[1]!] ? {kind: plurals[object[1]!]!, id: object[2]!} : {kind: null, id: null};
	if (request.method === 'DELETE') {
		return {action: 'delete', ...target};
	}

	if (request.method === 'PUT' || request.method === 'PATCH') {
		let body: unknown;
		try {
			body = JSON.parse(request.body);
		} catch {
			body = undefined;
		}

		// The undo of a delete is exactly `{"deleted": null}` (API.md §6.3); anything else is an edit.
		const restore = typeof body === 'object' && body !== null && Object.keys(body).length === 1 && (body as Record<string, unknown>)['deleted'] === null;
		return {action: restore ? 'restore' : 'edit', ...target};
	}

	return {action: 'other', ...target};
}

/**
 * One confirmation modal while it stays on screen. Enter can confirm once per session: a second
 * Enter in the same modal must not be worth a second request (a double send is then caught).
 * `shadow` is the typed text as the monkey knows it, for when the screen cuts it (a long slug in
 * a narrow terminal shows as `…tail`): taken from the screen whenever it shows it whole, then
 * followed key by key; unknown (null) once anything but plain ASCII, Backspace or a named key
 * went in unseen. It is only believed where the end the screen shows agrees with it.
 */
type Session = {readonly key: string; confirmed: boolean; shadow: string | null};

function sessionKey(screen: Screen): string | null {
	if (screen.confirmation) {
		return `${screen.confirmation.action}:${screen.confirmation.kind}:${screen.confirmation.expected}`;
	}

	return screen.restore ? `restore:${screen.restore.kind}` : null;
}

const enter = '\r';

/** Keys that are not text: arrows, PgUp/PgDn, Home/End, Tab, a lone control character. */
const notText = /^(?:\u001B\[[A-D]|\u001B\[[56]~|\u001B\[[HF]|[\u0000-\u0007\u0009-\u001A\u001C-\u001F])$/u;

/** What was typed after one more chunk, as far as the monkey can tell without the app's help. */
function nextShadow(shadow: string | null, chunk: string): string | null {
	if (shadow === null || notText.test(chunk)) {
		return shadow;
	}

	if (chunk === '\u007F' || chunk === '\b') {
		return [...shadow].slice(0, -1).join('');
	}

	return /^[\u0020-\u007E]+$/u.test(chunk) ? shadow + chunk : null;
}

export class Oracle {
	readonly confirmations: Confirmation[] = [];
	/** Requests already judged, counted over the whole run (the log is trimmed as it is read). */
	private judged = 0;
	private session: Session | null = null;
	private readonly slugs = new Map<string, Promise<string | null>>();

	constructor(private readonly requests: RecordedRequest[], private readonly lookup: SlugLookup) {}

	/** Requests judged so far (reads too). */
	get judgedCount(): number {
		return this.judged;
	}

	/** After every key: which confirmation is on screen; a new one starts a session. */
	observe(screen: Screen): void {
		const key = sessionKey(screen);
		if (key === null) {
			this.session = null;
			return;
		}

		if (this.session?.key !== key) {
			this.session = {key, confirmed: false, shadow: null};
		}

		// Shown whole, the typed text is known again, whatever went before (its trailing spaces
		// are not, but the comparison ignores surrounding spaces, as the app's does).
		if (screen.confirmation && !screen.confirmation.truncated) {
			this.session.shadow = screen.confirmation.typed;
		}
	}

	/** Right before a chunk is sent, with the screen it is sent to. */
	beforePress(screen: Screen, chunk: string, key: number): Confirmation | null {
		this.observe(screen);
		const session = this.session;
		if (session === null) {
			return null;
		}

		const shown = screen.confirmation;
		if (shown && chunk === enter) {
			const typed = this.typedText(shown, session);
			if (!session.confirmed && typed !== null && typed.trim() === shown.expected) {
				session.confirmed = true;
				return this.record({action: shown.action, kind: shown.kind, id: shown.id, slug: shown.expected, key, hidden: shown.truncated});
			}

			return null;
		}

		if (shown) {
			session.shadow = nextShadow(session.shadow, chunk);
			return null;
		}

		// The undo's y/N: a plain y confirms it (a y anywhere in a chunk reaches it too).
		if (screen.restore && /[yY]/u.test(chunk) && !session.confirmed) {
			session.confirmed = true;
			return this.record({action: 'restore', kind: screen.restore.kind, id: screen.restore.id, slug: screen.restore.slug, key, hidden: false});
		}

		return null;
	}

	/** Judge every mutation received since the last call; the log is trimmed of what was read. */
	async check(): Promise<Verdict[]> {
		const fresh = this.requests.splice(0, this.requests.length);
		const verdicts: Verdict[] = [];
		for (const request of fresh) {
			const number = this.judged++;
			if (readOnlyMethods.has(request.method)) {
				continue;
			}

			// eslint-disable-next-line no-await-in-loop
			verdicts.push(await this.judge(request, number));
		}

		return verdicts;
	}

	private typedText(shown: ShownConfirmation, session: Session): string | null {
		if (!shown.truncated) {
			return shown.typed;
		}

		// Cut on screen (`…tail`: the input shows its end): trust what was sent only if the screen
		// agrees with its end.
		const tail = shown.typed.slice(1);
		return session.shadow !== null && session.shadow.length >= tail.length && session.shadow.endsWith(tail) ? session.shadow : null;
	}

	private record(given: Omit<Confirmation, 'fromRequest' | 'at' | 'consumed'>): Confirmation {
		const now = Date.now();
		// Used or long expired, they are of no use any more: keep the list short over a long run.
		for (let index = this.confirmations.length - 1; index >= 0; index--) {
			const old = this.confirmations[index]!;
			if (old.consumed || now - old.at > confirmationTtlMs * 2) {
				this.confirmations.splice(index, 1);
			}
		}

		const confirmation: Confirmation = {...given, fromRequest: this.judged + this.requests.length, at: now, consumed: false};
		this.confirmations.push(confirmation);
		return confirmation;
	}

	private async slugOf(kind: ObjectKind, id: string): Promise<string | null> {
		if (kind === 'resource') {
			// Resources have no slug: their id is what is typed.
			return id;
		}

		const cacheKey = `${kind}:${id}`;
		let slug = this.slugs.get(cacheKey);
		if (slug === undefined) {
			slug = this.lookup(kind, id);
			this.slugs.set(cacheKey, slug);
		}

		return slug;
	}

	private async judge(request: RecordedRequest, number: number): Promise<Verdict> {
		const mutation = mutationOf(request);
		if (mutation.action === 'other' || mutation.kind === null || mutation.id === null) {
			return {request, confirmation: null, reason: `udx never sends this (${mutation.action === 'other' ? request.method : 'an unknown path'})`};
		}

		const candidates = this.confirmations.filter(confirmation => !confirmation.consumed
			&& confirmation.action === mutation.action && confirmation.kind === mutation.kind
			&& number >= confirmation.fromRequest && request.at - confirmation.at <= confirmationTtlMs);
		for (const confirmation of candidates) {
			const matches = confirmation.id === null
				// eslint-disable-next-line no-await-in-loop
				? confirmation.slug === null || confirmation.slug === await this.slugOf(mutation.kind, mutation.id)
				: confirmation.id === mutation.id;
			if (matches) {
				confirmation.consumed = true;
				return {request, confirmation, reason: null};
			}
		}

		return {
			request,
			confirmation: null,
			reason: candidates.length === 0
				? `no ${mutation.action} of a ${mutation.kind} was confirmed on screen just before`
				: `the confirmation on screen was for another ${mutation.kind} (${candidates.map(item => item.slug ?? item.id).join(', ')})`,
		};
	}
}
