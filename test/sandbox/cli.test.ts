import {Writable} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {parseSandboxArgs, runSandboxCli} from '../../source/sandbox/cli.js';
import {call} from './http.js';

function sink(): {stream: Writable; text: () => string} {
	let text = '';
	const stream = new Writable({
		write(chunk: Buffer, _encoding, done) {
			text += chunk.toString('utf8');
			done();
		},
	});
	return {stream, text: () => text};
}

describe('runSandboxCli', () => {
	it('prints the banner in the documented format, with working keys', async () => {
		const out = sink();
		const sandbox = await runSandboxCli(['--seed', '5', '--port', '0'], out.stream);
		try {
			const lines = out.text().split('\n');
			expect(lines[0]).toBe('udata sandbox · seed 5 · small');
			expect(lines[1]).toBe(`API root   ${sandbox.apiRoot}`);
			expect(lines[1]).toMatch(/^API root {3}http:\/\/127\.0\.0\.1:\d+\/api\/1\/$/u);
			const {sysadmin, orgAdmin, editor, outsider} = sandbox.users;
			const org = sandbox.fixtures.organization.slug;
			expect(lines.slice(2)).toEqual([
				`sysadmin   ${sysadmin.apiKey}   ${sysadmin.firstName} ${sysadmin.lastName}`,
				`org admin  ${orgAdmin.apiKey}   ${orgAdmin.firstName} ${orgAdmin.lastName} (admin of ${org})`,
				`editor     ${editor.apiKey}   ${editor.firstName} ${editor.lastName} (editor of ${org})`,
				`outsider   ${outsider.apiKey}   ${outsider.firstName} ${outsider.lastName}`,
				'',
			]);
			// The same regexes the end-to-end helper uses.
			expect(/^org admin\s+(\S+)/mu.exec(out.text())?.[1]).toBe(orgAdmin.apiKey);
			const me = await call(sandbox, '/api/1/me/', {key: /^editor\s+(\S+)/mu.exec(out.text())?.[1], fields: 'id'});
			expect(me.json).toEqual({id: editor.id});
		} finally {
			await sandbox.close();
		}
	});

	it('passes --hostile, --size and --latency through', () => {
		expect(parseSandboxArgs(['--hostile', '--size', 'large', '--latency=250', '--seed=12'])).toEqual({port: 0, seed: 12, size: 'large', hostile: true, latencyMs: 250});
	});

	it.each([
		[['--size', 'huge'], /--size/u],
		[['--port', 'abc'], /--port/u],
		[['--port', '70000'], /--port/u],
		[['--seed'], /--seed/u],
		[['--latency', '-5'], /--latency/u],
		[['--frobnicate'], /Unknown sandbox argument "--frobnicate"/u],
	])('rejects %j with a clear message', async (args, pattern) => {
		await expect(runSandboxCli(args, sink().stream)).rejects.toThrow(pattern);
	});
});
