/**
 * Who may delete what, decided before the modal opens: the portal's `permissions` first, else
 * what `/me` and the object say (issue: "else inferred from /me").
 */
import {describe, expect, it} from 'vitest';
import {toDataset, toOrganization, toUser} from '../../source/api/to-domain.js';
import {deletePermission} from '../../source/navigation/delete.js';

const me = (organizations: unknown[] = [], roles: string[] = []) => toUser({id: 'me', first_name: 'Ada', last_name: 'L', roles, organizations});
const org = (extra: Record<string, unknown> = {}) => toOrganization({id: 'org-1', slug: 'ville', name: 'Ville', ...extra});
const adminReason = 'deleting an organization needs its admin role';

describe('deletePermission', () => {
	it('needs a key', () => {
		expect(deletePermission(org(), null)).toEqual({allowed: false, reason: expect.stringContaining('API key')});
	});

	it('follows the portal where it sends permissions, whatever /me says', () => {
		expect(deletePermission(org({permissions: {delete: false, edit: true}}), me([{id: 'org-1'}]))).toEqual({allowed: false, reason: adminReason});
		expect(deletePermission(org({permissions: {delete: true}}), me())).toEqual({allowed: true});
	});

	it('lets a sysadmin delete anything deletable', () => {
		expect(deletePermission(org(), me([], ['admin']))).toEqual({allowed: true});
		expect(deletePermission(toDataset({id: 'd', slug: 'd', title: 'D'}), me([], ['admin']))).toEqual({allowed: true});
	});

	it('refuses an organization to someone who is not a member', () => {
		expect(deletePermission(org(), me([{id: 'org-2'}]))).toEqual({allowed: false, reason: adminReason});
	});

	it('refuses an organization to an editor, from the member list the object carries', () => {
		const members = [{user: {id: 'me', first_name: 'Ada', last_name: 'L'}, role: 'editor'}];
		expect(deletePermission(org({members}), me([{id: 'org-1'}]))).toEqual({allowed: false, reason: adminReason});
		const admins = [{user: {id: 'me', first_name: 'Ada', last_name: 'L'}, role: 'admin'}];
		expect(deletePermission(org({members: admins}), me([{id: 'org-1'}]))).toEqual({allowed: true});
	});

	it('refuses an organization when /me says its membership cannot delete it', () => {
		expect(deletePermission(org(), me([{id: 'org-1', permissions: {delete: false, edit: true}}]))).toEqual({allowed: false, reason: adminReason});
	});

	it('leaves a bare membership to the portal (a 403 is explained)', () => {
		expect(deletePermission(org(), me([{id: 'org-1'}]))).toEqual({allowed: true});
	});

	it('lets a member of its organization or its owner delete a dataset, nobody else', () => {
		const owned = toDataset({id: 'd', slug: 'd', title: 'D', owner: {id: 'me', first_name: 'Ada', last_name: 'L'}});
		const ofOrg = toDataset({id: 'd', slug: 'd', title: 'D', organization: {id: 'org-1', name: 'Ville'}});
		expect(deletePermission(owned, me())).toEqual({allowed: true});
		expect(deletePermission(ofOrg, me([{id: 'org-1'}]))).toEqual({allowed: true});
		expect(deletePermission(ofOrg, me([{id: 'org-2'}]))).toMatchObject({allowed: false});
	});
});
