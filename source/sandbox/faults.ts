/**
 * Fault injection for `/api/` routes: latency, random failures drawn from a seeded PRNG (so a run is reproducible
 * for a given `faultSeed`), and one-shot scripted faults that take precedence over random ones.
 */
import {mulberry32} from './random.js';

/** What a fault does: a JSON error status, a reset socket, a truncated body, a proxy's HTML 502, or a 429. */
export type FaultKind = 'status' | 'reset' | 'malformed-json' | 'html-502' | 'rate-limit';

/** Random fault settings; every rate is a probability in 0..1, drawn per `/api/` request. */
export type Faults = {
	/** Added to every /api response. */
	latencyMs: number;
	/** Probability of a 500/503 JSON error. */
	serverErrorRate: number;
	/** Probability of a 429 with Retry-After. */
	rateLimitRate: number;
	/** Value of Retry-After on 429 (may be 0). */
	retryAfterSeconds: number;
	/** Probability the socket is destroyed without a response. */
	resetRate: number;
	/** Probability of a 200 with a truncated (invalid) JSON body. */
	malformedJsonRate: number;
	/** Probability of a 502 text/html proxy page. */
	htmlBadGatewayRate: number;
};

/**
 * A one-shot scripted fault, for deterministic tests: the next `times` (default 1) requests matching `method` and
 * `path` get it. A string `path` matches as a substring of pathname+search, a RegExp with `test`.
 */
export type ScriptedFault = {method?: string; path?: RegExp | string; kind: FaultKind; status?: number; retryAfterSeconds?: number; times?: number};

/** What to do to one request instead of (or on top of) answering it normally. */
export type FaultDecision = {kind: FaultKind; status: number; retryAfterSeconds: number};

/** No faults at all. */
export const NO_FAULTS: Faults = {latencyMs: 0, serverErrorRate: 0, rateLimitRate: 0, retryAfterSeconds: 1, resetRate: 0, malformedJsonRate: 0, htmlBadGatewayRate: 0};

type Armed = {method: string | undefined; path: RegExp | string | undefined; kind: FaultKind; status: number | undefined; retryAfterSeconds: number | undefined; remaining: number};

export class FaultEngine {
	faults: Faults;
	private readonly random: () => number;
	private readonly armed: Armed[] = [];

	constructor(faults: Partial<Faults> | undefined, faultSeed: number) {
		this.faults = {...NO_FAULTS, ...faults};
		this.random = mulberry32(faultSeed);
	}

	/** Merge new settings (keys not given keep their value). */
	set(faults: Partial<Faults>): void {
		this.faults = {...this.faults, ...faults};
	}

	/** Arm a scripted fault; a string `path` matches as a substring of pathname+search, a RegExp by `test`. */
	script(fault: ScriptedFault): void {
		this.armed.push({method: fault.method?.toUpperCase(), path: fault.path, kind: fault.kind, status: fault.status, retryAfterSeconds: fault.retryAfterSeconds, remaining: fault.times ?? 1});
	}

	/**
	 * Decide the fate of one `/api/` request. Scripted faults first (in arming order); then the random ones. The
	 * PRNG is drawn the same number of times for every request, so a given request sequence always gets the same
	 * faults whatever the rates.
	 */
	decide(method: string, pathAndSearch: string): FaultDecision | null {
		const draws = [this.random(), this.random(), this.random(), this.random(), this.random(), this.random()] as const;
		for (const fault of this.armed) {
			if (fault.remaining <= 0) {
				continue;
			}
			if (fault.method !== undefined && fault.method !== method.toUpperCase()) {
				continue;
			}
			if (fault.path !== undefined && !(typeof fault.path === 'string' ? pathAndSearch.includes(fault.path) : testRegExp(fault.path, pathAndSearch))) {
				continue;
			}
			fault.remaining--;
			if (fault.remaining <= 0) {
				this.armed.splice(this.armed.indexOf(fault), 1);
			}
			return {
				kind: fault.kind,
				status: fault.status ?? defaultStatus(fault.kind),
				retryAfterSeconds: fault.retryAfterSeconds ?? this.faults.retryAfterSeconds,
			};
		}
		const [reset, html, rate, error, which, malformed] = draws;
		const faults = this.faults;
		if (reset < faults.resetRate) {
			return {kind: 'reset', status: 0, retryAfterSeconds: 0};
		}
		if (html < faults.htmlBadGatewayRate) {
			return {kind: 'html-502', status: 502, retryAfterSeconds: 0};
		}
		if (rate < faults.rateLimitRate) {
			return {kind: 'rate-limit', status: 429, retryAfterSeconds: faults.retryAfterSeconds};
		}
		if (error < faults.serverErrorRate) {
			return {kind: 'status', status: which < 0.5 ? 500 : 503, retryAfterSeconds: 0};
		}
		if (malformed < faults.malformedJsonRate) {
			return {kind: 'malformed-json', status: 200, retryAfterSeconds: 0};
		}
		return null;
	}
}

function testRegExp(pattern: RegExp, text: string): boolean {
	// A global/sticky RegExp keeps `lastIndex` between calls; reset it so every request is matched from the start.
	pattern.lastIndex = 0;
	return pattern.test(text);
}

function defaultStatus(kind: FaultKind): number {
	switch (kind) {
		case 'status': {
			return 500;
		}
		case 'html-502': {
			return 502;
		}
		case 'rate-limit': {
			return 429;
		}
		case 'malformed-json': {
			return 200;
		}
		default: {
			return 0;
		}
	}
}

/** The 502 page of a reverse proxy in front of udata (API.md §6.2: "HTML/empty from proxy"). */
export const BAD_GATEWAY_HTML = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>
`;
