/**
 * `udx sandbox`: start a sandbox from command-line arguments and print its API root and keys in a fixed format
 * (tests parse it with regexes). The caller keeps the process alive and closes the sandbox on SIGINT/SIGTERM.
 */
import {startSandbox} from './server.js';
import type {Sandbox, SandboxOptions} from './server.js';

type Parsed = {port: number; seed: number; size: 'small' | 'large'; hostile: boolean; latencyMs: number};

function integer(name: string, raw: string | undefined, minimum: number, maximum: number): number {
	if (raw === undefined || !/^\d+$/.test(raw)) {
		throw new Error(`${name} expects a whole number, got ${raw === undefined ? 'nothing' : `"${raw}"`}`);
	}
	const value = Number.parseInt(raw, 10);
	if (value < minimum || value > maximum) {
		throw new Error(`${name} must be between ${minimum} and ${maximum}, got ${value}`);
	}
	return value;
}

/** Parse `--port N`, `--seed S`, `--size small|large`, `--hostile`, `--latency MS` (also `--flag=value`). */
export function parseSandboxArgs(args: readonly string[]): Parsed {
	const parsed: Parsed = {port: 0, seed: 1, size: 'small', hostile: false, latencyMs: 0};
	for (let i = 0; i < args.length; i++) {
		const arg = args[i] ?? '';
		const equals = arg.indexOf('=');
		const flag = arg.startsWith('--') && equals !== -1 ? arg.slice(0, equals) : arg;
		const inline = arg.startsWith('--') && equals !== -1 ? arg.slice(equals + 1) : undefined;
		const value = (): string | undefined => {
			if (inline !== undefined) {
				return inline;
			}
			i++;
			return args[i];
		};
		switch (flag) {
			case '--port': {
				parsed.port = integer('--port', value(), 0, 65_535);
				break;
			}
			case '--seed': {
				parsed.seed = integer('--seed', value(), 0, 4_294_967_295);
				break;
			}
			case '--size': {
				const size = value();
				if (size !== 'small' && size !== 'large') {
					throw new Error(`--size expects "small" or "large", got ${size === undefined ? 'nothing' : `"${size}"`}`);
				}
				parsed.size = size;
				break;
			}
			case '--hostile': {
				if (inline !== undefined) {
					throw new Error('--hostile takes no value');
				}
				parsed.hostile = true;
				break;
			}
			case '--latency': {
				parsed.latencyMs = integer('--latency', value(), 0, 600_000);
				break;
			}
			default: {
				throw new Error(`Unknown sandbox argument "${arg}" (expected --port N, --seed S, --size small|large, --hostile, --latency MS)`);
			}
		}
	}
	return parsed;
}

/** Start the sandbox and print its banner (exact format below: tests and users read the keys from it). */
export async function runSandboxCli(args: string[], out: NodeJS.WritableStream): Promise<Sandbox> {
	const parsed = parseSandboxArgs(args);
	const options: SandboxOptions = {port: parsed.port, seed: parsed.seed, size: parsed.size, hostile: parsed.hostile, faults: {latencyMs: parsed.latencyMs}};
	const sandbox = await startSandbox(options);
	const {sysadmin, orgAdmin, editor, outsider} = sandbox.users;
	const org = sandbox.fixtures.organization.slug;
	const line = (label: string, rest: string) => `${label.padEnd(11)}${rest}\n`;
	out.write(
		[
			`udata sandbox · seed ${parsed.seed} · ${parsed.size}\n`,
			line('API root', sandbox.apiRoot),
			line('sysadmin', `${sysadmin.apiKey}   ${sysadmin.firstName} ${sysadmin.lastName}`),
			line('org admin', `${orgAdmin.apiKey}   ${orgAdmin.firstName} ${orgAdmin.lastName} (admin of ${org})`),
			line('editor', `${editor.apiKey}   ${editor.firstName} ${editor.lastName} (editor of ${org})`),
			line('outsider', `${outsider.apiKey}   ${outsider.firstName} ${outsider.lastName}`),
		].join(''),
	);
	return sandbox;
}
