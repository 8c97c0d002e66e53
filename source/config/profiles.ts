/**
 * The portals udx knows without any configuration. A config file may change or extend them
 * (config-file.ts); `lu` is the portal used when nothing else names one.
 */

/** A built-in portal: its API root and whether it is a public production portal. */
export type BuiltInProfile = {
	readonly name: string;
	readonly apiUrl: string;
	readonly production: boolean;
};

export const builtInProfiles: readonly BuiltInProfile[] = [
	{name: 'lu', apiUrl: 'https://data.public.lu/api/1/', production: true},
	{name: 'fr', apiUrl: 'https://www.data.gouv.fr/api/1/', production: true},
	// A demo portal: deletes there are still typed as host/slug, but the badge is amber, not red.
	{name: 'demo', apiUrl: 'https://demo.data.gouv.fr/api/1/', production: false},
];

/** The portal used when no flag, environment variable or `defaultPortal` names one. */
export const defaultPortalName = 'lu';

/** The built-in profile of that name, if there is one. */
export function builtInProfile(name: string): BuiltInProfile | undefined {
	return builtInProfiles.find(profile => profile.name === name);
}
