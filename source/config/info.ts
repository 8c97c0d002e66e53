/**
 * The text of `udx info` (pure): where udx keeps its files, which portal it would talk to and where
 * the key would come from. Never the key, nor any part of it: the text is made to be pasted into a
 * bug report.
 */
import {dirname} from 'node:path';
import {auditLogPath} from '../audit-log.js';
import {emptyConfig, type ConfigLoad} from './config-file.js';
import {describeKeySource, type KeyResult} from './key-file.js';
import type {Env} from './paths.js';
import {knownPortals, type ActivePortal, type Resolution} from './resolve.js';

export type InfoInput = {
	readonly load: ConfigLoad;
	/** resolveActivePortal over `load`'s config (emptyConfig when the file is invalid). */
	readonly resolution: Resolution;
	/** loadKey of the active portal's key source, to say whether it works; only `error` is shown. */
	readonly keyCheck?: KeyResult | undefined;
	readonly env: Env;
	readonly home: string;
};

const chosenByText: Readonly<Record<ActivePortal['chosenBy'], string>> = {
	'--api': 'chosen by --api',
	'--portal': 'chosen by --portal',
	UDATA_API: 'chosen by UDATA_API',
	defaultPortal: 'defaultPortal in the config',
	'built-in default': 'the built-in default',
	':portal': 'chosen by :portal',
};

/** One item a line, labels aligned; ends without a newline. */
export function formatInfo({load, resolution, keyCheck, env, home}: InfoInput): string {
	const audit = auditLogPath(env, home);
	const rows: Array<[string, string]> = [
		['config', `${load.path} (${load.status === 'loaded' ? 'read' : load.status === 'missing' ? 'none: built-in portals only' : 'invalid, not used'})`],
	];
	if (load.status === 'invalid') {
		rows.push(['config error', load.error]);
	}

	rows.push(['state', dirname(audit)], ['audit log', audit]);
	let active: ActivePortal | undefined;
	if ('error' in resolution) {
		rows.push(['portal', `none: ${resolution.error}`]);
	} else {
		active = resolution.portal;
		rows.push(
			['portal', `${active.name ?? 'a URL, no profile'} (${chosenByText[active.chosenBy]})`],
			['api', active.apiUrl],
			['production', active.production ? 'yes' : `no (${active.kind})`],
			['read-only', active.readOnly ? 'yes' : 'no'],
			['page size', active.pageSize === undefined ? 'the portal\'s default' : String(active.pageSize)],
			['key', keyLine(active, keyCheck, home)],
		);
		if (active.apiKeyEnvUnused) {
			rows.push(['note', 'UDATA_API_KEY is set but not used: it is the key of the --api or UDATA_API URL (data.public.lu when neither is given), never of another portal chosen by name']);
		}
	}

	const config = load.status === 'invalid' ? emptyConfig : load.config;
	const portals = knownPortals(config);
	const nameWidth = Math.max(...portals.map(portal => portal.name.length));
	const urlWidth = Math.max(...portals.map(portal => portal.apiUrl.length));
	portals.forEach((portal, index) => {
		const marker = active?.name === portal.name ? '*' : ' ';
		const details = [
			portal.production ? 'production' : 'not production',
			...(portal.readOnly ? ['read-only'] : []),
			...(portal.pageSize === undefined ? [] : [`page size ${portal.pageSize}`]),
			...(portal.keySource.type === 'none' ? [] : [`key from ${describeKeySource(portal.keySource, home)}`]),
			portal.origin,
		];
		rows.push([index === 0 ? 'portals' : '', `${marker} ${portal.name.padEnd(nameWidth)}  ${portal.apiUrl.padEnd(urlWidth)}  ${details.join(', ')}`]);
	});

	const labelWidth = Math.max(...rows.map(([label]) => label.length));
	return rows.map(([label, value]) => `${label.padEnd(labelWidth)}  ${value}`.trimEnd()).join('\n');
}

function keyLine(portal: ActivePortal, check: KeyResult | undefined, home: string): string {
	const source = describeKeySource(portal.keySource, home);
	if (portal.keySource.type === 'none' || check === undefined) {
		return source;
	}

	// The check's key is deliberately not read: only whether there is one. An error names its source.
	return 'error' in check ? check.error : `${source} (found)`;
}
