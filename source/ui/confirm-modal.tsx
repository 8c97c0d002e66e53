import {Box, Text} from 'ink';
import {callLabel, essentialRows, splitToWidth} from '../lib/confirmation-layout.js';
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

/** Which optional lines to keep when the screen is short, most telling first: these facts, then the consequences, then the other facts. */
const factPriority = ['what', 'portal', 'id', 'slug', 'owner', 'web'];
const topFacts = 3;

/** A confirmation that fills the body: nothing beneath it is drawn or reachable while it is open. */
export function ConfirmModal({title, badge, facts, consequences, call, input, question, status, width, height}: ConfirmModalProps) {
	const theme = useTheme();
	const badgeColor = badge.tone === 'danger' ? theme.error : badge.tone === 'warning' ? theme.warning : theme.success;
	const inner = Math.max(10, width - 4);
	const available = Math.max(0, height - 2);
	const heading = (
		<Text wrap="truncate-end">
			<Text inverse bold color={badgeColor}>{` ${badge.label} `}</Text>
			<Text bold>{`  ${truncate(title, Math.max(1, inner - badge.label.length - 4))}`}</Text>
		</Text>
	);
	const essential = essentialRows({call, expected: input?.expected ?? null}, inner);
	if (essential > available) {
		// Drawn anyway, its lines would overlap: say so, and Enter does nothing (dispatch-key.ts).
		return (
			<Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={badgeColor} paddingX={1} overflow="hidden">
				{heading}
				<Text wrap="truncate-end" color={theme.error}>{truncate(`too short to show this confirmation: make the terminal ${essential - available} rows taller · Esc cancels`, inner)}</Text>
			</Box>
		);
	}

	// The optional lines, most telling first, as many as fit; drawn in their own order.
	const byPriority = facts.map(([label]) => label).sort((a, b) => factPriority.indexOf(a) - factPriority.indexOf(b));
	const ranked = [
		...byPriority.slice(0, topFacts).map(label => `fact:${label}`),
		...consequences.map((_line, index) => `consequence:${index}`),
		...byPriority.slice(topFacts).map(label => `fact:${label}`),
	];
	const shown = new Set(ranked.slice(0, Math.max(0, available - essential)));

	const callLines = splitToWidth(callLabel + call, inner);
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={badgeColor} paddingX={1} overflow="hidden">
			{heading}
			{facts.filter(([label]) => shown.has(`fact:${label}`)).map(([label, value]) => (
				<Text key={label} wrap="truncate-end">
					<Text color={theme.muted}>{label.padEnd(10)}</Text>
					{truncate(value, Math.max(1, inner - 10))}
				</Text>
			))}
			{consequences.filter((_line, index) => shown.has(`consequence:${index}`)).map(line => <Text key={line} color={theme.warning} wrap="truncate-end">{`• ${truncate(line, inner - 2)}`}</Text>)}
			{/* The exact call is never cut: it is split over as many lines as it needs. */}
			{callLines.map((line, index) => index === 0
				? <Text key="call"><Text color={theme.muted}>{callLabel}</Text>{line.slice(callLabel.length)}</Text>
				// eslint-disable-next-line react/no-array-index-key
				: <Text key={index}>{line}</Text>)}
			{input
				? (
					<>
						<Text wrap="truncate-end">type exactly this to confirm (Esc cancels):</Text>
						{/* What must be typed is never cut either. */}
						{/* eslint-disable-next-line react/no-array-index-key */}
						{splitToWidth(input.expected, inner).map((line, index) => <Text key={index} bold>{line}</Text>)}
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
