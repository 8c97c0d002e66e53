import {describe, expect, it} from 'vitest';
import {auditLogPath} from '../source/audit-log.js';

describe('auditLogPath', () => {
	it.each([
		[{XDG_STATE_HOME: '/var/state'}, '/var/state/udata-explorer/audit.log'],
		[{}, '/home/ada/.local/state/udata-explorer/audit.log'],
		[{XDG_STATE_HOME: ''}, '/home/ada/.local/state/udata-explorer/audit.log'],
		// Relative: invalid per the XDG spec, so ignored rather than moving with the working folder.
		[{XDG_STATE_HOME: 'state'}, '/home/ada/.local/state/udata-explorer/audit.log'],
	])('%j → %s', (env, expected) => {
		expect(auditLogPath(env, '/home/ada')).toBe(expected);
	});
});
