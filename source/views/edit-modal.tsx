import {Box, Text} from 'ink';
import {confirms} from '../domain/portal.js';
import {fit, truncate, truncateStart} from '../lib/format.js';
import {changedFields, editEssentials, patchOf} from '../navigation/edit.js';
import {essentialRows, splitToWidth} from '../lib/confirmation-layout.js';
import type {Modal} from '../navigation/screens.js';
import {useTheme} from '../ui/theme.js';

const badges = {production: 'PRODUCTION', demo: 'DEMO', sandbox: 'SANDBOX'} as const;

/** One line of text as the form shows it: newlines visible, never wrapped. */
const oneLine = (text: string) => text.replaceAll('\n', '⏎');

/** The edit modal: the form, the review (old → new and the exact PUT), the typed confirmation. */
export function EditModal({modal, width, height}: {readonly modal: Extract<Modal, {type: 'edit'}>; readonly width: number; readonly height: number}) {
	const theme = useTheme();
	const {target, fields, focus, step} = modal;
	const tone = target.portal === 'production' ? theme.error : target.portal === 'demo' ? theme.warning : theme.success;
	const inner = Math.max(10, width - 4);
	const changed = changedFields(fields);
	const body = JSON.stringify(patchOf(fields));
	const essential = essentialRows(editEssentials(modal), inner);
	if ((step === 'review' || step === 'confirm') && essential > height - 2) {
		// Drawn anyway, its lines would overlap: say so, and Enter does nothing (dispatch-key.ts).
		return (
			<Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={tone} paddingX={1} overflow="hidden">
				<Text wrap="truncate-end"><Text inverse bold color={tone}>{` ${badges[target.portal]} `}</Text><Text bold>{`  Edit ${target.kind}`}</Text></Text>
				<Text wrap="truncate-end" color={theme.error}>{truncate(`too short to show this review: make the terminal ${essential - (height - 2)} rows taller · Esc goes back`, inner)}</Text>
			</Box>
		);
	}

	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={tone} paddingX={1}>
			<Text wrap="truncate-end">
				<Text inverse bold color={tone}>{` ${badges[target.portal]} `}</Text>
				<Text bold>{`  Edit ${target.kind} ${truncate(target.name, Math.max(1, inner - 30))}`}</Text>
			</Text>
			{step === 'form' || step === 'failed' || step === 'conflict' || step === 'sending'
				? fields.map((item, index) => {
					const errors = modal.fieldErrors[item.key];
					return (
						<Box key={item.key} flexDirection="column">
							<Text wrap="truncate-end">
								<Text color={index === focus ? theme.accent : theme.muted}>{`${index === focus ? '▸' : ' '} ${fit(item.label, 12)}`}</Text>
								<Text inverse={index === focus && step === 'form'}>{(index === focus && step === 'form' ? truncateStart : truncate)(oneLine(item.value), Math.max(1, inner - 16)) || ' '}</Text>
							</Text>
							{errors ? <Text color={theme.error} wrap="truncate-end">{`    ✗ ${truncate(errors.join(' '), inner - 6)}`}</Text> : null}
						</Box>
					);
				})
				: (
					<>
						<Text bold>{`${changed.length} change${changed.length === 1 ? '' : 's'}:`}</Text>
						{changed.map(item => (
							<Text key={item.key} wrap="truncate-end">
								{`  ${fit(item.key, 12)}`}
								<Text color={theme.error}>{truncate(oneLine(item.original) || '(empty)', Math.max(1, Math.floor((inner - 20) / 2)))}</Text>
								{' → '}
								<Text color={theme.success}>{item.value.trim() === '' && !item.list ? 'null' : truncate(oneLine(item.value), Math.max(1, Math.floor((inner - 20) / 2)))}</Text>
							</Text>
						))}
						<Text wrap="truncate-end"><Text color={theme.muted}>{'call  '}</Text>{truncate(`PUT ${target.url}`, inner - 6)}</Text>
						<Text wrap="truncate-end"><Text color={theme.muted}>{'body  '}</Text>{truncate(body, inner - 6)}</Text>
					</>
				)}
			{step === 'form' ? <Text color={theme.muted} wrap="truncate-end">Tab/↑↓ field · type to edit · Enter review · Esc cancel</Text> : null}
			{step === 'review' ? <Text color={theme.muted} wrap="truncate-end">Enter to confirm · Esc back to the form</Text> : null}
			{step === 'confirm'
				? (
					<>
						<Text wrap="truncate-end">type exactly this to send it (Esc goes back):</Text>
						{/* eslint-disable-next-line react/no-array-index-key */}
						{splitToWidth(target.expected, inner).map((line, index) => <Text key={index} bold>{line}</Text>)}
						<Text wrap="truncate-start">
							<Text bold color={confirms(modal.typed, target.expected) ? theme.success : theme.error}>{confirms(modal.typed, target.expected) ? '✓ ' : '✗ '}</Text>
							{truncateStart(modal.typed, inner - 4)}
							<Text inverse> </Text>
						</Text>
					</>
				)
				: null}
			{modal.message ? <Text color={step === 'sending' ? theme.accent : theme.error} wrap="truncate-end">{truncate(modal.message, inner)}</Text> : null}
		</Box>
	);
}
