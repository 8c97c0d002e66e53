import {Box, Text} from 'ink';
import {fit, truncate} from '../lib/format.js';
import {useTheme} from './theme.js';

export type Field = {readonly label: string; readonly value: string};
export type Metric = {readonly label: string; readonly value: string; /** A sparkline, or "no data", or nothing. */ readonly trend?: string};
export type PaneLink = {readonly label: string; readonly detail: string};

export type DetailPaneProps = {
	readonly fields: readonly Field[];
	readonly metrics: readonly Metric[];
	readonly links: readonly PaneLink[];
	readonly selected: number;
	readonly width: number;
	readonly height: number;
};

const labelWidth = 14;

/**
 * An object at a glance: its fields, its metrics (with a sparkline per monthly series), and the
 * entries one can open, with the selected one highlighted. Fits `height` lines: fields are cut
 * first-come, the entries are windowed around the selection.
 */
export function DetailPane({fields, metrics, links, selected, width, height}: DetailPaneProps) {
	const theme = useTheme();
	const metricLines = metrics.length > 0 ? 1 + metrics.length : 0;
	const linkLines = links.length > 0 ? Math.min(links.length + 1, Math.max(2, height - fields.length - metricLines)) : 0;
	const fieldLines = Math.max(0, Math.min(fields.length, height - metricLines - linkLines));
	const shownMetrics = Math.max(0, Math.min(metrics.length, height - fieldLines - linkLines - 1));
	const window = Math.max(1, linkLines - 1);
	const start = Math.min(Math.max(0, selected - window + 1), Math.max(0, links.length - window));
	return (
		<Box flexDirection="column" width={width} height={height}>
			{fields.slice(0, fieldLines).map(field => (
				<Text key={field.label} wrap="truncate-end">
					<Text color={theme.muted}>{fit(field.label, labelWidth)}</Text>
					{truncate(field.value, Math.max(1, width - labelWidth))}
				</Text>
			))}
			{shownMetrics > 0 ? <Text bold color={theme.accent}>Metrics</Text> : null}
			{metrics.slice(0, shownMetrics).map(metric => (
				<Text key={metric.label} wrap="truncate-end">
					<Text color={theme.muted}>{fit(metric.label, labelWidth)}</Text>
					{fit(metric.value, 12, 'right')}
					{metric.trend ? <Text color={metric.trend === 'no data' ? theme.muted : theme.highlight}>{`  ${truncate(metric.trend, Math.max(1, width - labelWidth - 14))}`}</Text> : null}
				</Text>
			))}
			{linkLines > 0 ? <Text bold color={theme.accent}>{`Open (${links.length})`}</Text> : null}
			{links.slice(start, start + window).map((link, index) => (
				// eslint-disable-next-line react/no-array-index-key
				<Text key={start + index} inverse={start + index === selected} wrap="truncate-end">
					{/* A marker as well as inverse: the selection stays visible without colour or attributes. */}
					{fit(`${start + index === selected ? '▸' : ' '} ${link.label}`, Math.max(1, width - 16))}{fit(link.detail, 16, 'right')}
				</Text>
			))}
		</Box>
	);
}
