/**
 * The parsed request every API handler receives.
 */
import type {IncomingHttpHeaders} from 'node:http';
import type {UserRecord} from './model.js';
import type {Scope} from './serialize.js';
import type {World} from './world.js';

export type ApiRequest = {
	method: string;
	url: URL;
	path: string;
	params: URLSearchParams;
	headers: IncomingHttpHeaders;
	body: string;
	world: World;
	scope: Scope;
	user: UserRecord | null;
	/** Monotonic mutation clock (epoch ms, never before the seed's reference date). */
	now: () => number;
};
