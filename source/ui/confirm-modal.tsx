import {Box, Text} from 'ink';
import {truncate, truncateStart} from '../lib/format.js';
import {useTheme} from './theme.js';

export type ConfirmModalProps = {
	readonly title: string;
	/** The portal's badge: red for a public production portal, amber for a demo, green for the sandbox or loopback. */
	readonly badge: {readonly label: string; readonly tone: 'danger' | 'warning' | 'safe'};
	readonly facts: ReadonlyArray<readonly [string, string]>;
	readonly consequences: readonly string[];
	readonly call: string;
	/** The typed confirmation, or null for a y/N question. */
	readonly input: {readonly expected: string; readonly typed: string; readonly matches: boolean} | null;
	readonly question?: string;
	readonly status: {readonly text: string; readonly tone: 'muted' | 'error' | 'working'} | null;
	readonly width: number;
	readonly height: number;
};

/** A confirmation that fills the body: nothing beneath it is drawn or reachable while it is open. */
export function ConfirmModal({title, badge, facts, consequences, call, input, question, status, width, height}: ConfirmModalProps) {
	const theme = useTheme();
	const badgeColor = badge.tone === 'danger' ? theme.error : badge.tone === 'warning' ? theme.warning : theme.success;
	const inner = Math.max(10, width - 4);
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={badgeColor} paddingX={1}>
			<Text wrap="truncate-end">
				<Text inverse bold color={badgeColor}>{` ${badge.label} `}</Text>
				<Text bold>{`  ${truncate(title, Math.max(1, inner - badge.label.length - 4))}`}</Text>
			</Text>
			{facts.map(([label, value]) => (
				<Text key={label} wrap="truncate-end">
					<Text color={theme.muted}>{label.padEnd(10)}</Text>
					{truncate(value, Math.max(1, inner - 10))}
				</Text>
			))}
			{consequences.map(line => <Text key={line} color={theme.warning} wrap="truncate-end">{`• ${truncate(line, inner - 2)}`}</Text>)}
			{/* The exact call is never cut: it wraps. */}
			<Text wrap="wrap"><Text color={theme.muted}>{'call      '}</Text>{call}</Text>
			{input
				? (
					<>
						<Text wrap="truncate-end">type exactly this to confirm (Esc cancels):</Text>
						{/* What must be typed is never cut: it wraps. */}
						<Text bold wrap="wrap">{input.expected}</Text>
						<Text wrap="truncate-start">
							<Text bold color={input.matches ? theme.success : theme.error}>{input.matches ? '✓ ' : '✗ '}</Text>
							{truncateStart(input.typed, Math.max(1, inner - 4))}
							<Text inverse> </Text>
						</Text>
					</>
				)
				: <Text bold>{question ?? ''}</Text>}
			{status ? <Text wrap="truncate-end" color={status.tone === 'error' ? theme.error : status.tone === 'working' ? theme.accent : theme.muted}>{truncate(status.text, inner)}</Text> : null}
		</Box>
	);
}
