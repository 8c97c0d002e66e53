/**
 * The dataset table. Datasets are the one collection that must scale to ≥ 100,000 rows while `startSandbox` stays
 * well under a second, so nothing heavy is built up front: each dataset is derived from its index on demand.
 *
 * - "base" attributes needed to filter and sort (owner, dates, flags, counters) live in typed arrays filled at
 *   construction (a few numbers per row);
 * - titles, slugs and tags are derived from the index (a bijection onto theme × place × year, so they are unique
 *   without a global pass) and cached on first use;
 * - full records (description, resources, extras…) are generated per request and thrown away;
 * - mutations materialise a full record once and keep it in an overlay map, which every accessor consults first.
 */
import {DATASET_ACRONYMS, FORMATS, FREQUENCIES, GENERIC_TAGS, LICENSES, PLACES, SENTENCES, THEMES, YEARS} from './corpus.js';
import type {Language, Theme} from './corpus.js';
import {hostile, hostileAll} from './hostile.js';
import {EPOCH_START, ONE_DAY, REFERENCE_DATE, indexFromObjectId, isoDate, isoDateTime, makeObjectId, makeResourceId, naiveDateTime, objectIdSalt} from './ids.js';
import type {DatasetRecord, Millis, ResourceRecord} from './model.js';
import {Rng, hash32, mix32, mulberry32} from './random.js';
import {normalize, slugify} from './text.js';

const PRIVATE = 1;
const ARCHIVED = 2;
const DELETED = 4;
const FEATURED = 8;
const HARVESTED = 16;

/** Who is looking: decides which private/deleted/archived datasets a list includes (API.md §3, §8.13). */
export type Viewer = {userIndex: number | null; sysadmin: boolean; memberOrgs: ReadonlySet<number>};

export type DatasetTableOptions = {
	seed: number;
	count: number;
	userCount: number;
	/** Cumulative weights (last = 1) over organization indices, for a realistic skew of datasets per org. */
	orgCumulative: Float64Array;
	fixtureOrgIndex: number;
	/** Users that never own seeded datasets (the sysadmin, org admin, editor). */
	reservedUsers: readonly number[];
	outsiderIndex: number;
	hostile: boolean;
};

const LONG_SUFFIX: Record<Language, string> = {
	fr: ' : données détaillées par commune, par mois et par catégorie d’usagers, avec les séries historiques consolidées',
	de: ': detaillierte Daten nach Gemeinde, Monat und Nutzerkategorie, mit konsolidierten historischen Zeitreihen',
	lb: ': detailléiert Donnéeë pro Gemeng, pro Mount a pro Kategorie, mat de konsolidéierte historesche Serien',
	en: ': detailed data by municipality, month and user category, with consolidated historical series',
};

const NO_BADGES: readonly string[] = [];

const RESOURCE_SENTENCES: Record<Language, readonly string[]> = {
	fr: ['Fichier {format} mis à jour le {date}.', 'Export complet au format {format}.', 'Séparateur : point-virgule ; encodage UTF-8.'],
	de: ['{format}-Datei, aktualisiert am {date}.', 'Vollständiger Export im Format {format}.'],
	lb: ['{format}-Fichier, aktualiséiert den {date}.'],
	en: ['{format} file updated on {date}.', 'Full export in {format} format.'],
};

/** Slugs of title parts, computed once per process. */
const slugParts = {
	theme: new Map(THEMES.map((theme) => [theme.title, slugify(theme.title)])),
	place: new Map(PLACES.map((place) => [place, slugify(place)])),
	suffix: {fr: slugify(LONG_SUFFIX.fr), de: slugify(LONG_SUFFIX.de), lb: slugify(LONG_SUFFIX.lb), en: slugify(LONG_SUFFIX.en)} as Record<Language, string>,
};

/** Normalised (search) forms of the same parts. */
const normalizedParts = {
	theme: new Map(THEMES.map((theme) => [theme.title, normalize(theme.title)])),
	place: new Map(PLACES.map((place) => [place, normalize(place)])),
	suffix: {fr: normalize(LONG_SUFFIX.fr), de: normalize(LONG_SUFFIX.de), lb: normalize(LONG_SUFFIX.lb), en: normalize(LONG_SUFFIX.en)} as Record<Language, string>,
};

function gcd(a: number, b: number): number {
	while (b !== 0) {
		[a, b] = [b, a % b];
	}
	return a;
}

export class DatasetTable {
	readonly count: number;
	readonly salt: string;
	readonly created: Float64Array;
	readonly lastUpdate: Float64Array;
	/** Organization index, or -1 when owned by a user. */
	readonly org: Int32Array;
	/** Owner user index, or -1 when owned by an organization. */
	readonly owner: Int32Array;
	readonly views: Uint32Array;
	readonly followers: Uint32Array;
	readonly reuses: Uint32Array;
	readonly resourceCount: Uint16Array;
	/** The fixture dataset (fixtures org, a handful of resources, never hostile). */
	readonly fixtureIndex: number;
	/** A dataset of the fixtures org with exactly 120 resources (v2 resource paging: 50/50/20). */
	readonly bigIndex: number;
	readonly hostileIndices: ReadonlySet<number>;

	private readonly seed: number;
	private readonly flags: Uint8Array;
	private readonly space: number;
	private readonly multiplier: number;
	private readonly offset: number;
	private readonly titles: Array<string | undefined>;
	private readonly slugs: Array<string | undefined>;
	private readonly tagLists: Array<string[] | undefined>;
	private readonly haystacks: Array<string | undefined>;
	private readonly overrides = new Map<number, DatasetRecord>();
	private slugMap: Map<string, number> | null = null;

	constructor(options: DatasetTableOptions) {
		const {seed, count} = options;
		this.seed = seed;
		this.count = count;
		this.salt = objectIdSalt(seed, 'dataset');
		this.created = new Float64Array(count);
		this.lastUpdate = new Float64Array(count);
		this.org = new Int32Array(count);
		this.owner = new Int32Array(count);
		this.views = new Uint32Array(count);
		this.followers = new Uint32Array(count);
		this.reuses = new Uint32Array(count);
		this.resourceCount = new Uint16Array(count);
		this.flags = new Uint8Array(count);
		this.titles = new Array<string | undefined>(count);
		this.slugs = new Array<string | undefined>(count);
		this.tagLists = new Array<string[] | undefined>(count);
		this.haystacks = new Array<string | undefined>(count);

		// Title space theme × (place|none) × (year|none); an affine map with a multiplier coprime to its size is a
		// bijection, so every index gets a distinct combination (hence a distinct title and slug) and the seed
		// reshuffles which titles exist.
		this.space = THEMES.length * (PLACES.length + 1) * (YEARS.length + 1);
		let multiplier = 7919 + (hash32(seed, 'mult') % 5000);
		while (gcd(multiplier, this.space) !== 1) {
			multiplier++;
		}
		this.multiplier = multiplier;
		this.offset = hash32(seed, 'offset') % this.space;

		this.fixtureIndex = Math.max(0, count - 25);
		this.bigIndex = Math.max(0, count - 31);
		const hostileIndices = new Set<number>();
		if (options.hostile) {
			for (const index of [count - 2, count - 9, count - 150, Math.floor(count / 2), 7]) {
				if (index >= 0 && index < count && index !== this.fixtureIndex && index !== this.bigIndex) {
					hostileIndices.add(index);
				}
			}
		}
		this.hostileIndices = hostileIndices;

		const span = REFERENCE_DATE - 7 * ONE_DAY - EPOCH_START;
		const step = span / Math.max(1, count);
		const reserved = new Set(options.reservedUsers);
		const cumulative = options.orgCumulative;
		// One reseeded mulberry32 state instead of a closure per row: this loop runs 100,000 times at startup.
		const rowSeed = hash32(seed, 'ds');
		let state = 0;
		const next = (): number => {
			state = (state + 0x6d2b79f5) >>> 0;
			let t = state;
			t = Math.imul(t ^ (t >>> 15), t | 1);
			t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
			return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
		};
		for (let i = 0; i < count; i++) {
			state = mix32(rowSeed ^ Math.imul(i + 1, 0x9e3779b1));
			// Creation dates increase with the index (like ObjectIds), so `-created` is simply descending index order.
			const created = Math.floor(EPOCH_START + i * step + next() * step * 0.9);
			this.created[i] = next() < 0.1 ? created - (created % 1000) : created;
			this.lastUpdate[i] = Math.floor(created + Math.pow(next(), 2) * (REFERENCE_DATE - ONE_DAY - created));
			const special = i === this.fixtureIndex || i === this.bigIndex || hostileIndices.has(i);
			let orgIndex = -1;
			let ownerIndex = -1;
			if (i % 97 === 5 || i === this.fixtureIndex || i === this.bigIndex) {
				orgIndex = options.fixtureOrgIndex;
			} else if (i % 499 === 17) {
				ownerIndex = options.outsiderIndex;
			} else if (next() < 0.1) {
				do {
					ownerIndex = Math.floor(next() * options.userCount);
				} while (reserved.has(ownerIndex) || ownerIndex === options.outsiderIndex);
			} else {
				orgIndex = pickCumulative(cumulative, next());
			}
			this.org[i] = orgIndex;
			this.owner[i] = ownerIndex;
			let flags = 0;
			const roll = next();
			if (!special) {
				if (roll < 0.02) {
					flags |= PRIVATE;
				} else if (roll < 0.04) {
					flags |= ARCHIVED;
				} else if (roll < 0.05) {
					flags |= DELETED;
				}
			}
			if (next() < 0.03) {
				flags |= FEATURED;
			}
			if (next() < 0.15) {
				flags |= HARVESTED;
			}
			this.flags[i] = flags;
			this.views[i] = Math.floor(Math.pow(next(), 4) * 250_000);
			this.followers[i] = Math.floor(Math.pow(next(), 4) * 400);
			this.reuses[i] = Math.floor(Math.pow(next(), 5) * 30);
			const sizeRoll = next();
			let resources: number;
			if (i === this.bigIndex) {
				resources = 120;
			} else if (i === this.fixtureIndex) {
				resources = 6;
			} else if (sizeRoll < 0.005) {
				resources = 51 + Math.floor(next() * 30);
			} else if (sizeRoll < 0.05) {
				resources = 0;
			} else {
				resources = 1 + Math.floor(Math.pow(next(), 1.8) * 12);
			}
			this.resourceCount[i] = resources;
		}
	}

	/** ObjectId of a dataset (stable: derived from its creation second and index). */
	id(index: number): string {
		return makeObjectId(this.created[index] ?? 0, this.salt, index);
	}

	/** The theme × place × year combination of an index. */
	private combo(index: number): {theme: Theme; place: string | null; year: number | null; code: number} {
		const code = (index * this.multiplier + this.offset) % this.space;
		const themeIndex = code % THEMES.length;
		const placeIndex = Math.floor(code / THEMES.length) % (PLACES.length + 1);
		const yearIndex = Math.floor(code / (THEMES.length * (PLACES.length + 1)));
		return {
			theme: THEMES[themeIndex] as Theme,
			place: placeIndex === 0 ? null : (PLACES[placeIndex - 1] ?? null),
			year: yearIndex === 0 ? null : (YEARS[yearIndex - 1] ?? null),
			code,
		};
	}

	/** The theme a dataset was seeded from (reuses and dataservices borrow its topic and wording). */
	themeOf(index: number): Theme {
		return this.combo(index).theme;
	}

	/** The seeded (not overridden) title, before any hostile decoration. */
	private baseTitle(index: number): string {
		const {theme, place, year, code} = this.combo(index);
		let title = theme.title;
		if (place !== null) {
			title += theme.language === 'de' ? ` – ${place}` : ` — ${place}`;
		}
		if (year !== null) {
			title += code % 2 === 0 ? ` (${year})` : ` ${year}`;
		}
		if (place !== null && year !== null && code % 13 === 0) {
			title += LONG_SUFFIX[theme.language];
		}
		// Beyond the combination space (never reached by the built-in sizes) fall back to a numbered series.
		if (index >= this.space) {
			title += ` — série ${Math.floor(index / this.space)}`;
		}
		return title;
	}

	/** Current title (overlay first). */
	title(index: number): string {
		const override = this.overrides.get(index);
		if (override) {
			return override.title;
		}
		let title = this.titles[index];
		if (title === undefined) {
			const base = this.baseTitle(index);
			title = this.hostileIndices.has(index) ? hostile(base, index) : base;
			this.titles[index] = title;
		}
		return title;
	}

	/**
	 * Slug (stable: the sandbox does not re-slug on title change). Composed from pre-slugified parts, which equals
	 * `slugify(baseTitle)` because every separator in a title slugifies to a single `-`; ~30x faster for large.
	 */
	slug(index: number): string {
		let slug = this.slugs[index];
		if (slug === undefined) {
			const {theme, place, year, code} = this.combo(index);
			slug = slugParts.theme.get(theme.title) ?? slugify(theme.title);
			if (place !== null) {
				slug += `-${slugParts.place.get(place) ?? slugify(place)}`;
			}
			if (year !== null) {
				slug += `-${year}`;
			}
			if (place !== null && year !== null && code % 13 === 0) {
				slug += `-${slugParts.suffix[theme.language]}`;
			}
			if (index >= this.space) {
				slug += `-serie-${Math.floor(index / this.space)}`;
			}
			this.slugs[index] = slug;
		}
		return slug;
	}

	/** The seeded title without hostile decoration (reuses and dataservices quote it). */
	seededTitle(index: number): string {
		return this.baseTitle(index);
	}

	/** Current tags (overlay first). */
	tags(index: number): string[] {
		const override = this.overrides.get(index);
		if (override) {
			return override.tags;
		}
		let tags = this.tagLists[index];
		if (tags === undefined) {
			const {theme, place} = this.combo(index);
			const next = mulberry32(hash32(this.seed, 'tags', index));
			const set = new Set(theme.tags);
			const extra = Math.floor(next() * 3);
			for (let k = 0; k < extra; k++) {
				set.add(GENERIC_TAGS[Math.floor(next() * GENERIC_TAGS.length)] ?? 'open-data');
			}
			if (place !== null && next() < 0.5) {
				set.add(slugify(place));
			}
			tags = [...set];
			if (this.hostileIndices.has(index)) {
				tags.push(hostile('tag', index + 3));
			}
			this.tagLists[index] = tags;
		}
		return tags;
	}

	/** Normalised text searched by `q` (API.md §4: every word, case/accent-insensitive): title, acronym, slug. */
	haystack(index: number): string {
		let text = this.haystacks[index];
		if (text === undefined) {
			const override = this.overrides.get(index);
			const acronym = override ? override.acronym : this.seededAcronym(index);
			if (override || this.hostileIndices.has(index)) {
				text = normalize(`${this.title(index)} ${acronym ?? ''} ${this.slug(index)}`);
			} else {
				// Normalisation works character by character, so pre-normalised parts can simply be joined (the first
				// `q` over 100,000 datasets would otherwise normalise every title).
				const {theme, place, year, code} = this.combo(index);
				const long = place !== null && year !== null && code % 13 === 0 ? normalizedParts.suffix[theme.language] : '';
				text = `${normalizedParts.theme.get(theme.title) ?? ''} ${place === null ? '' : (normalizedParts.place.get(place) ?? '')} ${year ?? ''}${long} ${acronym === null ? '' : normalize(acronym)} ${this.slug(index)}`;
			}
			this.haystacks[index] = text;
		}
		return text;
	}

	private seededAcronym(index: number): string | null {
		const roll = hash32(this.seed, 'acronym', index) % 100;
		if (roll >= 8) {
			return null;
		}
		const acronym = DATASET_ACRONYMS[roll % DATASET_ACRONYMS.length] ?? null;
		return acronym !== null && this.hostileIndices.has(index) ? hostile(acronym, index + 1) : acronym;
	}

	/** Index of an id or slug (id first, then slug: API.md §1), or -1. */
	lookup(idOrSlug: string): number {
		const fromId = indexFromObjectId(idOrSlug, this.salt);
		if (fromId >= 0 && fromId < this.count && this.id(fromId) === idOrSlug) {
			return fromId;
		}
		if (this.slugMap === null) {
			// One pass on first slug lookup; slugs never change afterwards.
			const map = new Map<string, number>();
			for (let i = 0; i < this.count; i++) {
				map.set(this.slug(i), i);
			}
			this.slugMap = map;
		}
		return this.slugMap.get(idOrSlug) ?? -1;
	}

	isDeleted(index: number): boolean {
		const override = this.overrides.get(index);
		return override ? override.deleted !== null : ((this.flags[index] ?? 0) & DELETED) !== 0;
	}

	isPrivate(index: number): boolean {
		const override = this.overrides.get(index);
		return override ? override.private : ((this.flags[index] ?? 0) & PRIVATE) !== 0;
	}

	isArchived(index: number): boolean {
		const override = this.overrides.get(index);
		return override ? override.archived !== null : ((this.flags[index] ?? 0) & ARCHIVED) !== 0;
	}

	isFeatured(index: number): boolean {
		const override = this.overrides.get(index);
		return override ? override.featured : ((this.flags[index] ?? 0) & FEATURED) !== 0;
	}

	/** Current last_update (overlay first): a sort key. */
	lastUpdateOf(index: number): number {
		return this.overrides.get(index)?.lastUpdate ?? this.lastUpdate[index] ?? 0;
	}

	/** Badge kinds without generating the whole record (the `badge` filter scans every row). */
	badges(index: number): readonly string[] {
		const override = this.overrides.get(index);
		if (override) {
			return override.badges;
		}
		const roll = hash32(this.seed, 'badges', index) % 100;
		return roll < 5 ? ['hvd'] : roll < 8 ? ['inspire'] : roll < 9 ? ['spd', 'hvd'] : roll < 10 ? ['pivotal-data'] : NO_BADGES;
	}

	/** License id without generating the whole record. */
	license(index: number): string {
		const override = this.overrides.get(index);
		if (override) {
			return override.license;
		}
		return pickLicense(mulberry32(hash32(this.seed, 'license', index))());
	}

	/** True when the viewer may edit the dataset: owner, member of the owning org, or sysadmin (API.md §6.3). */
	canEdit(index: number, viewer: Viewer): boolean {
		if (viewer.sysadmin) {
			return true;
		}
		const owner = this.owner[index] ?? -1;
		if (viewer.userIndex !== null && owner === viewer.userIndex) {
			return true;
		}
		const org = this.org[index] ?? -1;
		return org >= 0 && viewer.memberOrgs.has(org);
	}

	/**
	 * Whether a list shows this dataset to this viewer. Anonymous: public, non-archived, non-deleted only; with a key
	 * the caller's own private/archived/deleted ones too; sysadmins see everything (API.md §3 `GET /api/1/datasets/`).
	 */
	listedFor(index: number, viewer: Viewer): boolean {
		if (!this.isPrivate(index) && !this.isArchived(index) && !this.isDeleted(index)) {
			return true;
		}
		return this.canEdit(index, viewer);
	}

	/** The full record: the overlay if mutated, else generated now. */
	get(index: number): DatasetRecord {
		return this.overrides.get(index) ?? this.generate(index);
	}

	/** Apply a mutation: materialise the record once, keep it in the overlay, and drop cached derived text. */
	mutate(index: number, change: (record: DatasetRecord) => void): DatasetRecord {
		const record = this.get(index);
		change(record);
		this.overrides.set(index, record);
		this.haystacks[index] = undefined;
		this.version++;
		return record;
	}

	/** Bumped by every mutation, so cached query results can tell they are stale. */
	version = 0;

	/** Generate the full seeded record of a dataset. */
	private generate(index: number): DatasetRecord {
		const rng = new Rng(this.seed, 'dataset', index);
		const {theme, place, year} = this.combo(index);
		const isHostile = this.hostileIndices.has(index);
		const title = this.title(index);
		const slug = this.slug(index);
		const createdAt = this.created[index] ?? EPOCH_START;
		const lastUpdate = this.lastUpdate[index] ?? createdAt;
		const flags = this.flags[index] ?? 0;
		const baseTitle = this.baseTitle(index);
		const sentences = SENTENCES[theme.language];
		const paragraphs: string[] = [];
		const sentenceCount = rng.int(2, 6);
		for (let k = 0; k < sentenceCount; k++) {
			paragraphs.push(rng.pick(sentences).replace('{}', k === 0 ? `« ${baseTitle} »` : baseTitle.toLowerCase()));
		}
		let description = paragraphs.join(rng.chance(0.5) ? '\n\n' : ' ');
		if (rng.chance(0.3)) {
			description += `\n\n- ${theme.tags.join('\n- ')}`;
		}
		if (isHostile) {
			description = hostileAll(description);
		}
		const resources: ResourceRecord[] = [];
		const resourceCount = this.resourceCount[index] ?? 0;
		for (let r = 0; r < resourceCount; r++) {
			resources.push(this.generateResource(index, r, theme, place, year, slug, createdAt, lastUpdate, isHostile));
		}
		const badges = [...this.badges(index)];
		const extras: Record<string, unknown> = {};
		if (rng.chance(0.3)) {
			extras['recommendations:sources'] = ['edito'];
		}
		if (rng.chance(0.2)) {
			extras['datagouv_ckan_last_sync'] = naiveDateTime(createdAt + ONE_DAY);
		}
		let harvest: Record<string, unknown> | null = null;
		if ((flags & HARVESTED) !== 0) {
			harvest = {
				backend: rng.pick(['dcat', 'ckan', 'ods', 'csw-iso-19139']),
				created_at: isoDateTime(createdAt),
				modified_at: isoDateTime(lastUpdate),
				source_id: rng.hex(24),
				remote_id: `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
				domain: rng.pick(['geoportail.example.lu', 'data.example.fr', 'opendata.example.de']),
				last_update: isoDateTime(lastUpdate),
				remote_url: `https://geoportail.example.lu/catalog/${slug}`,
			};
		}
		let temporalCoverage: DatasetRecord['temporalCoverage'] = null;
		if (year !== null) {
			temporalCoverage = {start: `${year}-01-01`, end: `${year}-12-31`};
		} else if (rng.chance(0.5)) {
			const startYear = rng.int(1990, 2022);
			temporalCoverage = {start: `${startYear}-01-01`, end: isoDate(lastUpdate)};
		}
		const luxembourgish = place === null || PLACES.indexOf(place) < 41;
		const spatial: DatasetRecord['spatial'] = rng.chance(0.6)
			? {geom: null, zones: [luxembourgish ? 'country:lu' : 'country:fr'], granularity: rng.pick(['country', 'other', 'fr:commune', 'lu:commune'])}
			: null;
		const contactPoints: Array<Record<string, unknown>> = rng.chance(0.2)
			? [{id: rng.hex(24), name: 'Service open data', email: 'opendata@example.lu', contact_form: null, role: 'contact'}]
			: [];
		const views = this.views[index] ?? 0;
		return {
			index,
			id: this.id(index),
			slug,
			title,
			acronym: this.seededAcronym(index),
			description,
			descriptionShort: rng.chance(0.3) ? (paragraphs[0] ?? '').slice(0, 200) : null,
			createdAt,
			lastModified: Math.min(REFERENCE_DATE - 1000, lastUpdate + rng.int(0, 3_600_000)),
			lastUpdate,
			deleted: (flags & DELETED) !== 0 ? Math.min(REFERENCE_DATE - 1000, lastUpdate + ONE_DAY) : null,
			archived: (flags & ARCHIVED) !== 0 ? Math.min(REFERENCE_DATE - 1000, lastUpdate + 2 * ONE_DAY) : null,
			private: (flags & PRIVATE) !== 0,
			featured: (flags & FEATURED) !== 0,
			tags: [...this.tags(index)],
			badges,
			resources,
			frequency: rng.pick(FREQUENCIES).id,
			frequencyDate: rng.chance(0.3) ? lastUpdate + 30 * ONE_DAY : null,
			extras,
			harvest,
			metrics: {
				discussions: rng.skewed(20),
				discussionsOpen: rng.skewed(4),
				reuses: this.reuses[index] ?? 0,
				dataservices: rng.skewed(3),
				followers: this.followers[index] ?? 0,
				views,
				resourcesDownloads: Math.floor(views * rng.next() * 0.3),
			},
			orgIndex: (this.org[index] ?? -1) >= 0 ? (this.org[index] ?? null) : null,
			ownerIndex: (this.owner[index] ?? -1) >= 0 ? (this.owner[index] ?? null) : null,
			schema: rng.chance(0.05) ? {name: 'etalab/schema-irve-statique', version: '2.3.1', url: null} : null,
			temporalCoverage,
			spatial,
			license: this.license(index),
			accessType: 'open',
			contactPoints,
			hostile: isHostile,
		};
	}

	private generateResource(
		index: number,
		r: number,
		theme: Theme,
		place: string | null,
		year: number | null,
		slug: string,
		datasetCreated: Millis,
		datasetUpdated: Millis,
		isHostile: boolean,
	): ResourceRecord {
		const rng = new Rng(this.seed, 'resource', index, r);
		const id = makeResourceId(this.seed, index, r);
		const isDoc = r > 0 && rng.chance(0.12);
		const format = isDoc ? 'pdf' : rng.pick(theme.formats);
		const meta = FORMATS[format] ?? {mime: 'application/octet-stream', extension: format};
		const remote = !isDoc && (format === 'wms' || rng.chance(0.12));
		const createdAt = Math.floor(datasetCreated + (datasetUpdated - datasetCreated) * rng.next() * 0.5);
		const lastModified = Math.floor(createdAt + (datasetUpdated - createdAt) * rng.next());
		const stamp = new Date(lastModified).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
		const resourceYear = year ?? 2010 + ((r + index) % 16);
		const base = slugify(theme.title).split('-').slice(0, 4).join('-');
		let title: string;
		if (isDoc) {
			title = rng.pick(['Documentation (PDF)', 'Notice méthodologique', 'Dokumentation', 'Data dictionary']);
		} else if (r >= 12) {
			title = `${base}-${slugify(PLACES[(r + index) % PLACES.length] ?? 'lu')}-${resourceYear}.${meta.extension}`;
		} else {
			title = rng.chance(0.6) ? `${base}-${resourceYear}${place ? `-${slugify(place)}` : ''}.${meta.extension}` : `Export ${format.toUpperCase()} du ${isoDate(lastModified)}`;
		}
		const stem = title.endsWith(`.${meta.extension}`) ? title.slice(0, -meta.extension.length - 1) : title;
		const file = `${slugify(stem).slice(0, 60) || 'fichier'}.${meta.extension}`;
		let url = remote ? `https://geoportail.example.lu/services/${slug.slice(0, 40)}/${format === 'wms' ? 'wms?SERVICE=WMS&REQUEST=GetCapabilities' : file}` : `/static/resources/${slug.slice(0, 80)}/${stamp}/${file}`;
		const filesize = remote ? null : Math.floor(1000 + Math.pow(rng.next(), 3) * 80_000_000);
		const sha = rng.hex(40);
		const extras: Record<string, unknown> = {
			'check:available': rng.chance(0.95),
			'check:date': naiveDateTime(lastModified + ONE_DAY),
			'check:headers:content-type': meta.mime,
			'check:status': 200,
			'check:timeout': false,
		};
		if (!remote) {
			extras['analysis:checksum'] = rng.hex(40);
			extras['analysis:content-length'] = filesize;
			extras['analysis:last-modified-at'] = isoDateTime(lastModified - 3_600_000);
			extras['analysis:last-modified-detection'] = 'last-modified-header';
			extras['analysis:mime-type'] = meta.mime;
			if (format === 'csv') {
				extras['analysis:parsing:started_at'] = isoDateTime(lastModified + 60_000);
				extras['analysis:parsing:finished_at'] = isoDateTime(lastModified + 62_000);
				extras['analysis:parsing:parquet_url'] = `https://object.files.example.lu/hydra-parquet/${rng.hex(32)}.parquet`;
				extras['analysis:parsing:parquet_size'] = Math.floor((filesize ?? 0) / 2);
			}
		}
		let description: string | null = rng.chance(0.4) ? rng.pick(RESOURCE_SENTENCES[theme.language]).replace('{format}', format.toUpperCase()).replace('{date}', isoDate(lastModified)) : null;
		if (isHostile) {
			title = hostile(title, r);
			description = hostile(description ?? 'description', r + 2);
			url = `https://evil.example/${hostile('x', r + 4)}`;
		}
		return {
			id,
			title,
			description,
			filetype: remote ? 'remote' : 'file',
			type: isDoc ? 'documentation' : r === 0 ? 'main' : rng.pick(['main', 'main', 'main', 'update', 'api', 'code', 'other']),
			format,
			url,
			checksum: remote ? null : {type: 'sha1', value: sha},
			filesize,
			mime: meta.mime,
			createdAt,
			lastModified,
			views: rng.chance(0.8) ? rng.skewed(20_000) : null,
			extras,
			previewUrl: format === 'csv' || format === 'xlsx' ? `https://explore.example.lu/resources/${id}` : null,
			schema: theme.tags.includes('irve') && r === 0 ? {name: 'etalab/schema-irve-statique', version: '2.3.1', url: null} : null,
			harvest: null,
		};
	}
}

/** Weighted pick in a cumulative table (binary search). */
export function pickCumulative(cumulative: Float64Array, roll: number): number {
	let low = 0;
	let high = cumulative.length - 1;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if ((cumulative[mid] ?? 1) > roll) {
			high = mid;
		} else {
			low = mid + 1;
		}
	}
	return low;
}

function pickLicense(roll: number): string {
	// Skewed towards the licenses open-data portals actually use.
	const weights: Array<[string, number]> = [['cc-by', 0.3], ['lov2', 0.2], ['cc-zero', 0.15], ['odc-odbl', 0.1], ['cc-by-sa', 0.07], ['fr-lo', 0.05], ['odc-by', 0.03], ['other-open', 0.03], ['notspecified', 0.07]];
	let total = 0;
	for (const [id, weight] of weights) {
		total += weight;
		if (roll < total) {
			return id;
		}
	}
	return LICENSES[0]?.id ?? 'notspecified';
}
