/**
 * Deterministic pseudo-randomness for the sandbox. Nothing here may touch `Math.random`: the seed data and the
 * random fault sequence must be reproducible from `--seed` / `faultSeed` alone.
 */

/** 32-bit string/number mixer (FNV-1a over the parts, then a murmur3 finaliser), used to derive sub-seeds. */
export function hash32(...parts: Array<number | string>): number {
	let h = 0x811c9dc5;
	for (const part of parts) {
		const text = typeof part === 'number' ? `#${part}` : `$${part}`;
		for (let i = 0; i < text.length; i++) {
			h ^= text.charCodeAt(i);
			h = Math.imul(h, 0x01000193);
		}
	}
	return mix32(h);
}

/** Murmur3's 32-bit finaliser: a cheap, allocation-free integer hash for per-row seeds in hot loops. */
export function mix32(value: number): number {
	let h = value >>> 0;
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A PRNG with the helpers seed generation needs. */
export class Rng {
	private readonly source: () => number;

	/** Seed from any mix of numbers and strings (hashed), so each object gets its own independent stream. */
	constructor(...seedParts: Array<number | string>) {
		this.source = mulberry32(hash32(...seedParts));
	}

	/** A float in [0, 1). */
	next(): number {
		return this.source();
	}

	/** An integer in [min, max] (inclusive). */
	int(min: number, max: number): number {
		return min + Math.floor(this.source() * (max - min + 1));
	}

	/** True with probability `p`. */
	chance(p: number): boolean {
		return this.source() < p;
	}

	/** One element of a non-empty array. */
	pick<T>(items: readonly T[]): T {
		const item = items[Math.floor(this.source() * items.length)];
		if (item === undefined) {
			throw new Error('Rng.pick on an empty array');
		}
		return item;
	}

	/** `count` distinct elements (fewer if the array is shorter), in random order. */
	sample<T>(items: readonly T[], count: number): T[] {
		const copy = [...items];
		const result: T[] = [];
		while (result.length < count && copy.length > 0) {
			const index = Math.floor(this.source() * copy.length);
			result.push(copy.splice(index, 1)[0] as T);
		}
		return result;
	}

	/** `length` lowercase hex digits. */
	hex(length: number): string {
		let out = '';
		while (out.length < length) {
			out += Math.floor(this.source() * 0x1_0000_0000).toString(16).padStart(8, '0');
		}
		return out.slice(0, length);
	}

	/** Skewed integer in [0, max): small values are much more likely (for counts such as views or followers). */
	skewed(max: number, power = 3): number {
		return Math.floor(Math.pow(this.source(), power) * max);
	}
}
