/**
 * What kind of portal we are talking to, for the safety of mutations: a delete on a public
 * production portal is typed as `host/slug`, on the sandbox or a loopback address the slug is
 * enough; the badge of the confirmation says which it is (red, amber, green).
 */

export type PortalKind = 'sandbox' | 'demo' | 'production';

/** Loopback hosts: the sandbox, a portal on this machine; a key may travel there over plain http. */
export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/gu, '');
	return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/u.test(host);
}

/** A loopback address is the sandbox (or a portal on this machine); `demo.` hosts are demos. */
export function portalKind(apiUrl: string): PortalKind {
	let hostname: string;
	try {
		hostname = new URL(apiUrl).hostname;
	} catch {
		return 'production';
	}

	if (isLoopbackHost(hostname)) {
		return 'sandbox';
	}

	return /(?:^|\.)demo\.|^demo-|\.demo$/u.test(hostname) ? 'demo' : 'production';
}

/** What the user must type to confirm a mutation of an object. */
export function confirmationText(kind: PortalKind, host: string, slug: string): string {
	return kind === 'sandbox' ? slug : `${host}/${slug}`;
}

/** Whether the typed text confirms: exact and case-sensitive, surrounding spaces ignored. */
export function confirms(typed: string, expected: string): boolean {
	return expected !== '' && typed.trim() === expected;
}
