import {Box, Text} from 'ink';
import {fit, truncate} from '../lib/format.js';
import {useTheme} from './theme.js';

export type HelpEntry = {readonly keys: string; readonly label: string; readonly scope: string; readonly dangerous: boolean};

/** Every binding of the keymap, grouped by where it applies. */
export function HelpOverlay({entries, width, height}: {readonly entries: readonly HelpEntry[]; readonly width: number; readonly height: number}) {
	const theme = useTheme();
	const visible = entries.slice(0, Math.max(0, height - 2));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold color={theme.accent}>Keys — Esc or ? to close</Text>
			{visible.map(entry => (
				<Text key={`${entry.scope}:${entry.keys}`} wrap="truncate-end" color={entry.dangerous ? theme.warning : undefined}>
					{fit(entry.keys, 22)}{fit(entry.label, 20)}{truncate(entry.scope, Math.max(1, width - 42))}
				</Text>
			))}
			{entries.length > visible.length ? <Text color={theme.muted}>{`… ${entries.length - visible.length} more (enlarge the terminal)`}</Text> : null}
		</Box>
	);
}
