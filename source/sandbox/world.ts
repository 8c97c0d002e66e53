/**
 * The sandbox's in-memory "database": users, organizations, reuses and dataservices are generated eagerly (they are
 * small), datasets lazily (`datasets.ts`). Everything is derived from the seed; nothing from the clock.
 */
import {DATASERVICE_PATTERNS, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, NAMED_ORGANIZATIONS, ORG_PATTERNS, ORG_SENTENCES, PLACES, REUSE_TEMPLATES, SENTENCES} from './corpus.js';
import type {Language} from './corpus.js';
import {DatasetTable, pickCumulative} from './datasets.js';
import type {Viewer} from './datasets.js';
import {HOSTILE_LONG_NAME, hostile, hostileAll} from './hostile.js';
import {EPOCH_START, ONE_DAY, REFERENCE_DATE, indexFromObjectId, makeObjectId, objectIdSalt} from './ids.js';
import type {DataserviceRecord, MemberRecord, MemberRole, Millis, OrgRecord, ReuseRecord, UserRecord} from './model.js';
import {Rng} from './random.js';
import {slugify} from './text.js';

/** Collection sizes (the brief: small ≈ 200 orgs / 5,000 datasets / 1,500 reuses / 600 users / 150 dataservices). */
export const SIZES = {
	small: {organizations: 200, users: 600, datasets: 5000, reuses: 1500, dataservices: 150},
	large: {organizations: 1000, users: 3000, datasets: 100_000, reuses: 6000, dataservices: 600},
} as const;

export type WorldOptions = {seed: number; size: 'small' | 'large'; hostile: boolean};

/** Indices of the named test fixtures. */
export type FixtureIndices = {sysadmin: number; orgAdmin: number; editor: number; outsider: number; organization: number; dataset: number; bigDataset: number; reuse: number};

const FIXTURE_USERS: ReadonlyArray<{first: string; last: string}> = [
	{first: 'Sophie', last: 'Reuter'},
	{first: 'Marc', last: 'Schmit'},
	{first: 'Léa', last: 'Müller'},
	{first: 'Tom', last: 'Weber'},
];

/** Index of the fixtures organization in NAMED_ORGANIZATIONS ("Ville de Luxembourg"). */
const FIXTURE_ORG = 2;

function timeline(index: number, count: number, rng: Rng): Millis {
	const span = REFERENCE_DATE - 7 * ONE_DAY - EPOCH_START;
	const step = span / Math.max(1, count);
	return Math.floor(EPOCH_START + index * step + rng.next() * step * 0.9);
}

/** Slug taken by a previous object → udata-style `-2`, `-3`… suffix. `taken` maps each root to its next suffix. */
function uniqueSlug(base: string, taken: Map<string, number>, fallback: string): string {
	const root = base.length > 0 ? base : fallback;
	let n = taken.get(root);
	if (n === undefined) {
		taken.set(root, 2);
		return root;
	}
	let slug = `${root}-${n}`;
	while (taken.has(slug)) {
		n++;
		slug = `${root}-${n}`;
	}
	taken.set(root, n + 1);
	taken.set(slug, 2);
	return slug;
}

function sentencesFor(rng: Rng, bank: readonly string[], subject: string, count: number): string {
	const parts: string[] = [];
	for (let k = 0; k < count; k++) {
		parts.push(rng.pick(bank).replace('{}', subject));
	}
	return parts.join(' ');
}

export class World {
	readonly seed: number;
	readonly size: 'small' | 'large';
	readonly users: UserRecord[] = [];
	readonly organizations: OrgRecord[] = [];
	readonly datasets: DatasetTable;
	readonly reuses: ReuseRecord[] = [];
	readonly dataservices: DataserviceRecord[] = [];
	/** API key → user index. */
	readonly keys = new Map<string, number>();
	readonly revokedKey: string;
	readonly expiredKey: string;
	readonly fixtures: FixtureIndices;
	readonly salts: {user: string; organization: string; reuse: string; dataservice: string};

	private readonly memberships = new Map<number, number[]>();
	private readonly slugMaps = {user: new Map<string, number>(), organization: new Map<string, number>(), reuse: new Map<string, number>(), dataservice: new Map<string, number>()};
	private orgBuckets: number[][] | null = null;
	private ownerCounts: Map<number, number> | null = null;
	private readonly countCache = new Map<string, Map<number, number>>();

	constructor(options: WorldOptions) {
		const {seed, size} = options;
		const counts = SIZES[size];
		this.seed = seed;
		this.size = size;
		this.salts = {
			user: objectIdSalt(seed, 'user'),
			organization: objectIdSalt(seed, 'organization'),
			reuse: objectIdSalt(seed, 'reuse'),
			dataservice: objectIdSalt(seed, 'dataservice'),
		};
		const keyRng = new Rng(seed, 'keys');
		this.generateUsers(counts.users, options.hostile, keyRng);
		this.revokedKey = `udata_${keyRng.hex(40)}`;
		this.expiredKey = `udata_${keyRng.hex(40)}`;
		this.generateOrganizations(counts.organizations, options.hostile);

		// Datasets per organization follow a Zipf-like skew over a seeded ranking of organizations.
		const weightRng = new Rng(seed, 'org-weights');
		const ranking = weightRng.sample(this.organizations.map((org) => org.index), this.organizations.length);
		const weights = new Float64Array(this.organizations.length);
		ranking.forEach((orgIndex, rank) => {
			const org = this.organizations[orgIndex];
			weights[orgIndex] = (org && (org.hostile || org.deleted !== null) ? 0.05 : 1) / Math.pow(rank + 2, 0.8);
		});
		const cumulative = new Float64Array(weights.length);
		let total = 0;
		weights.forEach((weight) => {
			total += weight;
		});
		let running = 0;
		weights.forEach((weight, index) => {
			running += weight / total;
			cumulative[index] = running;
		});
		cumulative[cumulative.length - 1] = 1;
		this.datasets = new DatasetTable({
			seed,
			count: counts.datasets,
			userCount: this.users.length,
			orgCumulative: cumulative,
			fixtureOrgIndex: FIXTURE_ORG,
			reservedUsers: [0, 1, 2],
			outsiderIndex: 3,
			hostile: options.hostile,
		});
		const fixtureReuse = this.generateReuses(counts.reuses, options.hostile, cumulative);
		this.generateDataservices(counts.dataservices, options.hostile, cumulative);
		this.fixtures = {sysadmin: 0, orgAdmin: 1, editor: 2, outsider: 3, organization: FIXTURE_ORG, dataset: this.datasets.fixtureIndex, bigDataset: this.datasets.bigIndex, reuse: fixtureReuse};
	}

	private generateUsers(count: number, hostileMode: boolean, keyRng: Rng): void {
		const taken = new Map<string, number>();
		const hostileUsers = new Set(hostileMode ? [count - 1, count - 6, Math.floor(count / 2)] : []);
		for (let i = 0; i < count; i++) {
			const rng = new Rng(this.seed, 'user', i);
			const since = timeline(i, count, rng);
			const fixture = FIXTURE_USERS[i];
			let firstName = fixture ? fixture.first : rng.pick(FIRST_NAMES);
			let lastName = fixture ? fixture.last : rng.pick(LAST_NAMES);
			const slug = uniqueSlug(slugify(`${firstName} ${lastName}`), taken, `user-${i}`);
			const isHostile = hostileUsers.has(i);
			if (isHostile) {
				firstName = hostile(firstName, i);
				lastName = i === count - 1 ? `${hostile(lastName, i + 7)}${'ë'.repeat(300)}` : hostile(lastName, i + 7);
			}
			const user: UserRecord = {
				index: i,
				id: makeObjectId(since, this.salts.user, i),
				slug,
				firstName,
				lastName,
				email: `${slug}@${rng.pick(EMAIL_DOMAINS)}`,
				roles: i === 0 ? ['admin'] : [],
				active: fixture !== undefined || isHostile || !rng.chance(0.01),
				since,
				lastLoginAt: rng.chance(0.8) ? Math.floor(since + (REFERENCE_DATE - since) * rng.next()) : null,
				website: rng.chance(0.1) ? `https://${slug}.example.org` : null,
				about: isHostile ? hostileAll('À propos') : rng.chance(0.2) ? rng.pick(SENTENCES.fr).replace('{}', 'mes travaux') : null,
				avatar: rng.chance(0.3) ? `https://static.example.lu/avatars/${rng.hex(2)}/${rng.hex(30)}-original.png` : null,
				followers: rng.skewed(50),
				following: rng.skewed(30),
				hostile: isHostile,
			};
			this.users.push(user);
			this.slugMaps.user.set(slug, i);
			if (i <= 3) {
				this.keys.set(`udata_${keyRng.hex(40)}`, i);
			}
		}
	}

	private generateOrganizations(count: number, hostileMode: boolean): void {
		const taken = new Map<string, number>();
		const names = new Set<string>();
		const hostileOrgs = new Set(hostileMode ? [count - 1, count - 4, count - 12] : []);
		const userCount = this.users.length;
		const hostileUsers = this.users.filter((user) => user.hostile).map((user) => user.index);
		for (let i = 0; i < count; i++) {
			const rng = new Rng(this.seed, 'organization', i);
			const createdAt = timeline(i, count, rng);
			const named = NAMED_ORGANIZATIONS[i];
			let name: string;
			let acronym: string | null;
			let language: Language;
			let badges: string[];
			let url: string | null;
			if (named) {
				({name, acronym, language} = named);
				badges = [...named.badges];
				url = named.url;
			} else {
				const pattern = rng.pick(ORG_PATTERNS);
				name = pattern.pattern.replace('{}', rng.pick(PLACES));
				for (let n = 2; names.has(name); n++) {
					name = `${pattern.pattern.replace('{}', rng.pick(PLACES))}${n > 20 ? ` ${n}` : ''}`;
				}
				acronym = rng.chance(0.15) ? name.split(/[\s’'-]+/).filter((word) => /^\p{Lu}/u.test(word)).map((word) => word[0]).join('').toUpperCase() || null : null;
				language = pattern.language;
				badges = [...pattern.badges];
				url = rng.chance(0.6) ? `https://www.${slugify(name).slice(0, 30)}.example.lu` : null;
			}
			names.add(name);
			const slug = uniqueSlug(slugify(name, 100), taken, `organization-${i}`);
			const isHostile = hostileOrgs.has(i);
			let description = sentencesFor(rng, ORG_SENTENCES[language], name, rng.int(2, 4));
			if (isHostile) {
				name = i === count - 1 ? `${hostile('Organisation', i)}${HOSTILE_LONG_NAME}`.slice(0, 10_000) : hostile(name, i);
				acronym = hostile('ACR', i + 2);
				description = hostileAll(description);
				url = `https://evil.example/${hostile('x', i)}`;
			}
			const members: MemberRecord[] = [];
			const memberSince = (offset: number): Millis => Math.min(REFERENCE_DATE - ONE_DAY, createdAt + offset * ONE_DAY);
			if (i === FIXTURE_ORG) {
				members.push({userIndex: 1, role: 'admin', since: memberSince(1)}, {userIndex: 2, role: 'editor', since: memberSince(30)});
			}
			const extraMembers = i === FIXTURE_ORG ? 3 : rng.int(1, 5);
			const used = new Set(members.map((member) => member.userIndex));
			if (isHostile) {
				for (const userIndex of hostileUsers) {
					members.push({userIndex, role: members.length === 0 ? 'admin' : 'editor', since: memberSince(members.length + 2)});
					used.add(userIndex);
				}
			}
			for (let k = 0; k < extraMembers; k++) {
				let userIndex: number;
				do {
					userIndex = rng.int(4, userCount - 1);
				} while (used.has(userIndex) || this.users[userIndex]?.hostile === true);
				used.add(userIndex);
				const role: MemberRole = members.length === 0 || (i === FIXTURE_ORG && k === 0) ? 'admin' : rng.chance(0.05) ? 'partial_editor' : 'editor';
				members.push({userIndex, role, since: memberSince(rng.int(1, 900))});
			}
			for (const member of members) {
				const list = this.memberships.get(member.userIndex) ?? [];
				list.push(i);
				this.memberships.set(member.userIndex, list);
			}
			const extras: Record<string, unknown> = {};
			if (language === 'fr' && rng.chance(0.3)) {
				extras['siretisation:est_service_public'] = badges.includes('public-service') ? 'True' : 'False';
			}
			this.organizations.push({
				index: i,
				id: makeObjectId(createdAt, this.salts.organization, i),
				name,
				acronym,
				slug,
				description,
				url,
				logo: rng.chance(0.5) ? `https://static.example.lu/avatars/${rng.hex(2)}/${rng.hex(30)}-original.png` : null,
				businessNumberId: language === 'fr' && rng.chance(0.4) ? String(rng.int(10_000_000, 99_999_999)) + String(rng.int(100_000, 999_999)) : null,
				members,
				badges,
				extras,
				createdAt,
				lastModified: Math.floor(createdAt + (REFERENCE_DATE - ONE_DAY - createdAt) * rng.next()),
				deleted: !named && !isHostile && rng.chance(0.01) ? REFERENCE_DATE - 10 * ONE_DAY : null,
				followers: rng.skewed(700),
				views: rng.skewed(2_000_000, 4),
				language,
				hostile: isHostile,
			});
			this.slugMaps.organization.set(slug, i);
		}
	}

	private pickOwner(rng: Rng, cumulative: Float64Array, orgShare: number): {orgIndex: number | null; ownerIndex: number | null} {
		if (rng.chance(orgShare)) {
			return {orgIndex: pickCumulative(cumulative, rng.next()), ownerIndex: null};
		}
		return {orgIndex: null, ownerIndex: rng.int(3, this.users.length - 1)};
	}

	/** Returns the index of the fixture reuse. */
	private generateReuses(count: number, hostileMode: boolean, cumulative: Float64Array): number {
		const taken = new Map<string, number>();
		const table = this.datasets;
		const hostileReuses = new Set(hostileMode ? [count - 1, count - 7] : []);
		let fixture = -1;
		for (let r = count - 11; r >= 0; r--) {
			if (r % 50 === 7) {
				fixture = r;
				break;
			}
		}
		for (let i = 0; i < count; i++) {
			const rng = new Rng(this.seed, 'reuse', i);
			const createdAt = timeline(i, count, rng);
			const datasets: number[] = i === fixture ? [table.fixtureIndex] : [];
			const wanted = rng.int(1, 4);
			for (let attempt = 0; datasets.length < wanted && attempt < 12; attempt++) {
				const candidate = rng.int(0, table.count - 1);
				if (!table.isDeleted(candidate) && !table.isPrivate(candidate) && !datasets.includes(candidate)) {
					datasets.push(candidate);
				}
			}
			const first = datasets[0] ?? 0;
			const theme = table.themeOf(first);
			const template = rng.pick(REUSE_TEMPLATES);
			const quoted = table.seededTitle(first);
			// Lower-case the quoted title mid-sentence, except German nouns and acronyms ("GTFS").
			const midSentence = /\p{Ll} \{\}/u.test(template.template) && theme.language !== 'de' && /^\p{Lu}\p{Ll}/u.test(quoted);
			const subject = midSentence ? quoted.charAt(0).toLowerCase() + quoted.slice(1) : quoted;
			let title = template.template.replace('{}', subject);
			const slug = uniqueSlug(slugify(title, 100), taken, `reuse-${i}`);
			const isHostile = hostileReuses.has(i);
			const isFixture = i === fixture;
			let description = sentencesFor(rng, SENTENCES[theme.language], subject, rng.int(1, 4));
			const tags = [...new Set([...rng.sample(theme.tags, 2), ...(rng.chance(0.3) ? ['open-data'] : [])])];
			let url = `https://${slug.slice(0, 30)}.example.org/`;
			if (isHostile) {
				title = hostile(title, i);
				description = hostileAll(description);
				tags.push(hostile('tag', i));
				url = `https://evil.example/${hostile('x', i + 3)}`;
			}
			const owner = isFixture ? {orgIndex: FIXTURE_ORG, ownerIndex: null} : i % 50 === 7 ? {orgIndex: FIXTURE_ORG, ownerIndex: null} : this.pickOwner(rng, cumulative, 0.7);
			const roll = rng.next();
			const plain = isFixture || isHostile;
			this.reuses.push({
				index: i,
				id: makeObjectId(createdAt, this.salts.reuse, i),
				slug,
				title,
				description,
				type: template.type,
				url,
				image: rng.chance(0.6) ? `https://static.example.lu/images/${rng.hex(2)}/${rng.hex(30)}.png` : null,
				datasets,
				dataservices: [],
				tags,
				topic: theme.topic,
				private: !plain && roll < 0.02,
				featured: rng.chance(0.05),
				deleted: !plain && roll >= 0.02 && roll < 0.03 ? REFERENCE_DATE - 20 * ONE_DAY : null,
				archived: !plain && roll >= 0.03 && roll < 0.04 ? REFERENCE_DATE - 30 * ONE_DAY : null,
				orgIndex: owner.orgIndex,
				ownerIndex: owner.ownerIndex,
				createdAt,
				lastModified: Math.floor(createdAt + (REFERENCE_DATE - ONE_DAY - createdAt) * rng.next()),
				extras: {},
				badges: [],
				discussions: rng.skewed(10),
				followers: rng.skewed(80),
				views: rng.skewed(40_000, 4),
				hostile: isHostile,
			});
			this.slugMaps.reuse.set(slug, i);
		}
		return fixture;
	}

	private generateDataservices(count: number, hostileMode: boolean, cumulative: Float64Array): void {
		const taken = new Map<string, number>();
		const table = this.datasets;
		const hostileServices = new Set(hostileMode ? [count - 1] : []);
		for (let i = 0; i < count; i++) {
			const rng = new Rng(this.seed, 'dataservice', i);
			const createdAt = timeline(i, count, rng);
			const datasets: number[] = [];
			const wanted = rng.int(1, 4);
			for (let attempt = 0; datasets.length < wanted && attempt < 12; attempt++) {
				const candidate = rng.int(0, table.count - 1);
				if (!table.isDeleted(candidate) && !datasets.includes(candidate)) {
					datasets.push(candidate);
				}
			}
			const theme = table.themeOf(datasets[0] ?? 0);
			let title = rng.pick(DATASERVICE_PATTERNS).replace('{}', theme.title);
			const slug = uniqueSlug(slugify(title, 100), taken, `dataservice-${i}`);
			const isHostile = hostileServices.has(i);
			let description = sentencesFor(rng, SENTENCES[theme.language], theme.title.toLowerCase(), rng.int(1, 3));
			if (isHostile) {
				title = hostile(title, i);
				description = hostileAll(description);
			}
			const format = /WMS|Géoservice/.test(title) ? 'WMS' : 'REST';
			const base = `https://api.example.lu/${slug.slice(0, 40)}/v${rng.int(1, 3)}/`;
			const owner = i % 25 === 3 ? {orgIndex: FIXTURE_ORG, ownerIndex: null} : this.pickOwner(rng, cumulative, 0.85);
			const roll = rng.next();
			// Each dataservice is also cited by a reuse, so `reuse.dataservices` is exercised.
			const citing = this.reuses[(i * 7 + 3) % this.reuses.length];
			if (citing && !isHostile) {
				citing.dataservices.push(i);
			}
			this.dataservices.push({
				index: i,
				id: makeObjectId(createdAt, this.salts.dataservice, i),
				slug,
				title,
				acronym: rng.chance(0.2) ? slug.split('-').slice(0, 3).map((word) => word[0] ?? '').join('').toUpperCase() : null,
				description,
				baseApiUrl: isHostile ? `https://evil.example/${hostile('api', i)}` : base,
				machineDocumentationUrl: format === 'REST' ? `${base}openapi.json` : `${base}?SERVICE=WMS&REQUEST=GetCapabilities`,
				technicalDocumentationUrl: rng.chance(0.6) ? `${base}docs` : null,
				businessDocumentationUrl: rng.chance(0.3) ? `https://doc.example.lu/${slug.slice(0, 40)}` : null,
				rateLimiting: rng.chance(0.5) ? rng.pick(['50 requêtes par seconde par adresse IP', '1000 req/min', '10 Anfragen pro Sekunde']) : null,
				rateLimitingUrl: null,
				availability: rng.chance(0.7) ? Math.round((95 + rng.next() * 5) * 100) / 100 : null,
				availabilityUrl: rng.chance(0.3) ? `https://status.example.lu/${slug.slice(0, 40)}` : null,
				format,
				license: rng.pick(['cc-by', 'lov2', 'odc-odbl', null]),
				tags: rng.sample(theme.tags, 2),
				private: !isHostile && roll < 0.02,
				featured: rng.chance(0.05),
				extras: {},
				createdAt,
				metadataModifiedAt: Math.floor(createdAt + (REFERENCE_DATE - ONE_DAY - createdAt) * rng.next()),
				deletedAt: !isHostile && roll >= 0.02 && roll < 0.03 ? REFERENCE_DATE - 15 * ONE_DAY : null,
				archivedAt: null,
				datasets,
				accessType: rng.pick(['open', 'open', 'open', 'open_with_account', 'restricted']),
				orgIndex: owner.orgIndex,
				ownerIndex: owner.ownerIndex,
				discussions: rng.skewed(8),
				followers: rng.skewed(40),
				views: rng.skewed(20_000, 4),
				hostile: isHostile,
			});
			this.slugMaps.dataservice.set(slug, i);
		}
	}

	private ownVersion = 0;
	private readonly queryCache = new Map<string, {version: number; result: number[]}>();

	/** Record that an organization, reuse or dataservice changed (datasets track their own version). */
	touch(): void {
		this.ownVersion++;
	}

	/** Changes whenever any record changes. */
	get version(): number {
		return this.ownVersion * 1_000_003 + this.datasets.version;
	}

	/**
	 * Memoise a list query: paging through 100,000 datasets would otherwise filter the whole table once per page.
	 * Results are keyed by the caller's query and dropped as soon as anything changes; a copy is never handed out
	 * because callers only slice.
	 */
	cachedQuery<Failure>(key: string, run: () => number[] | Failure): number[] | Failure {
		const hit = this.queryCache.get(key);
		if (hit && hit.version === this.version) {
			return hit.result;
		}
		const result = run();
		if (!Array.isArray(result)) {
			return result; // Errors are not cached.
		}
		this.queryCache.delete(key);
		this.queryCache.set(key, {version: this.version, result});
		if (this.queryCache.size > 16) {
			const oldest = this.queryCache.keys().next().value;
			if (oldest !== undefined) {
				this.queryCache.delete(oldest);
			}
		}
		return result;
	}

	/** Organizations a user is a member of. */
	memberOrgs(userIndex: number): number[] {
		return this.memberships.get(userIndex) ?? [];
	}

	/** The role of a user in an organization, or null. */
	roleIn(orgIndex: number, userIndex: number | null): MemberRole | null {
		if (userIndex === null) {
			return null;
		}
		return this.organizations[orgIndex]?.members.find((member) => member.userIndex === userIndex)?.role ?? null;
	}

	/** A viewer for visibility and permission checks. */
	viewer(user: UserRecord | null): Viewer {
		if (!user) {
			return {userIndex: null, sysadmin: false, memberOrgs: new Set()};
		}
		return {userIndex: user.index, sysadmin: user.roles.includes('admin'), memberOrgs: new Set(this.memberOrgs(user.index))};
	}

	/** All datasets of an organization, in index (creation) order, including deleted ones. */
	orgDatasets(orgIndex: number): number[] {
		if (this.orgBuckets === null) {
			const buckets: number[][] = this.organizations.map(() => []);
			const orgs = this.datasets.org;
			for (let i = 0; i < orgs.length; i++) {
				const org = orgs[i] ?? -1;
				if (org >= 0) {
					buckets[org]?.push(i);
				}
			}
			this.orgBuckets = buckets;
		}
		return this.orgBuckets[orgIndex] ?? [];
	}

	/** Number of datasets a user owns (user metrics). */
	ownedDatasets(userIndex: number): number {
		if (this.ownerCounts === null) {
			const counts = new Map<number, number>();
			for (const owner of this.datasets.owner) {
				if (owner >= 0) {
					counts.set(owner, (counts.get(owner) ?? 0) + 1);
				}
			}
			this.ownerCounts = counts;
		}
		return this.ownerCounts.get(userIndex) ?? 0;
	}

	/** Seeded reuse / dataservice counts per organization and per owner (metrics are computed once, like udata's
	 * asynchronous metric jobs: they do not follow later deletions). */
	counts(kind: 'orgReuses' | 'orgDataservices' | 'userReuses' | 'userDataservices', index: number): number {
		let map = this.countCache.get(kind);
		if (!map) {
			map = new Map();
			const items: ReadonlyArray<{orgIndex: number | null; ownerIndex: number | null}> = kind === 'orgReuses' || kind === 'userReuses' ? this.reuses : this.dataservices;
			const byOrg = kind === 'orgReuses' || kind === 'orgDataservices';
			for (const item of items) {
				const key = byOrg ? item.orgIndex : item.ownerIndex;
				if (key !== null) {
					map.set(key, (map.get(key) ?? 0) + 1);
				}
			}
			this.countCache.set(kind, map);
		}
		return map.get(index) ?? 0;
	}

	private lookup<T extends {id: string}>(items: readonly T[], salt: string, slugs: Map<string, number>, idOrSlug: string): T | undefined {
		const fromId = indexFromObjectId(idOrSlug, salt);
		const byId = fromId >= 0 ? items[fromId] : undefined;
		if (byId && byId.id === idOrSlug) {
			return byId;
		}
		const bySlug = slugs.get(idOrSlug);
		return bySlug === undefined ? undefined : items[bySlug];
	}

	/** Id-or-slug lookups (API.md §1: id first, then slug). */
	findUser(idOrSlug: string): UserRecord | undefined {
		return this.lookup(this.users, this.salts.user, this.slugMaps.user, idOrSlug);
	}

	findOrganization(idOrSlug: string): OrgRecord | undefined {
		return this.lookup(this.organizations, this.salts.organization, this.slugMaps.organization, idOrSlug);
	}

	findReuse(idOrSlug: string): ReuseRecord | undefined {
		return this.lookup(this.reuses, this.salts.reuse, this.slugMaps.reuse, idOrSlug);
	}

	findDataservice(idOrSlug: string): DataserviceRecord | undefined {
		return this.lookup(this.dataservices, this.salts.dataservice, this.slugMaps.dataservice, idOrSlug);
	}

	/** Users' full display name. */
	displayName(userIndex: number): string {
		const user = this.users[userIndex];
		return user ? `${user.firstName} ${user.lastName}` : '';
	}
}
