import {setTimeout as delay} from 'node:timers/promises';

/** Options for {@link pollUntil}. */
export type PollOptions<T> = {
	/** Give up after this long (default 10 s). */
	timeoutMs?: number;
	/** Pause between probes (default 25 ms). */
	intervalMs?: number;
	/** Turn the last probed value into text for the timeout error, e.g. the screen. */
	describe?: (last: T) => string;
};

/**
 * Probe repeatedly until `accept` holds, and return the accepted value.
 *
 * Tests wait on a condition with a deadline rather than sleeping a fixed time: a fixed sleep is
 * either too short on a loaded CI machine (flaky) or too long everywhere else (slow). The probe
 * always runs at least once, and once more at the deadline, so a slow probe cannot make a
 * condition that is already true time out. A probe that throws counts as "not yet"; its error is
 * reported on timeout alongside the last value it did return.
 */
export async function pollUntil<T>(
	probe: () => T | Promise<T>,
	accept: (value: T) => boolean,
	options: PollOptions<T> = {},
): Promise<T> {
	const timeoutMs = options.timeoutMs ?? 10_000;
	const intervalMs = options.intervalMs ?? 25;
	const deadline = Date.now() + timeoutMs;
	let last: {value: T} | undefined;
	let lastError: unknown;
	for (;;) {
		const startedAt = Date.now();
		try {
			const value = await probe();
			last = {value};
			lastError = undefined;
			if (accept(value)) {
				return value;
			}
		} catch (error) {
			lastError = error;
		}

		if (startedAt >= deadline) {
			break;
		}

		// Never sleep past the deadline: the final probe should happen right at it.
		await delay(Math.max(0, Math.min(intervalMs, deadline - Date.now())));
	}

	const details: string[] = [];
	if (last !== undefined) {
		details.push(`last value:\n${options.describe ? options.describe(last.value) : String(last.value)}`);
	}

	if (lastError !== undefined) {
		details.push(`the last probe threw: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
	}

	throw new Error(`pollUntil: condition not met within ${timeoutMs} ms; ${details.join('\n') || 'no probe completed'}`);
}
