import {Box, Text} from 'ink';
import {truncate} from '../lib/format.js';
import {useTheme} from './theme.js';

export type HeaderProps = {
	/** Who you are: "Ada Admin · sysadmin", or "anonymous · read-only". */
	readonly identity: string;
	readonly crumbs: readonly string[];
	readonly width: number;
};

/** Two lines: the portal and who you are; the breadcrumbs of the stack. */
export function Header({identity, crumbs, width}: HeaderProps) {
	const theme = useTheme();
	const [host = '', ...path] = crumbs;
	const left = `udx · ${host}`;
	const right = truncate(identity, Math.max(0, width - left.length - 2));
	return (
		<Box flexDirection="column" width={width}>
			<Box justifyContent="space-between" width={width}>
				<Text bold color={theme.accent}>{left}</Text>
				<Text color={theme.muted}>{right}</Text>
			</Box>
			<Text wrap="truncate-end">{truncate([host, ...path].join(' › '), width)}</Text>
		</Box>
	);
}
