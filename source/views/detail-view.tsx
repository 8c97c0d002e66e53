import {Box, Text} from 'ink';
import {linksOf} from '../navigation/links.js';
import {jsonLines} from '../navigation/reducer.js';
import type {DetailFrame} from '../navigation/screens.js';
import {DetailPane} from '../ui/detail-pane.js';
import {Pager} from '../ui/pager.js';
import {detailFields, detailMetrics} from './detail-model.js';

/** An object's pane, or its raw JSON (`J`). */
export function DetailView({frame, width, height}: {readonly frame: DetailFrame; readonly width: number; readonly height: number}) {
	if (frame.showJson) {
		return <Pager lines={jsonLines(frame)} scroll={frame.scroll} width={width} height={height + 1} />;
	}

	if (frame.item === null) {
		return (
			<Box height={height + 1}>
				<Text>{frame.error ?? 'loading…'}</Text>
			</Box>
		);
	}

	return (
		<DetailPane
			fields={detailFields(frame.item)}
			metrics={detailMetrics(frame.item)}
			links={linksOf(frame.item)}
			selected={frame.cursor}
			width={width}
			height={height + 1}
		/>
	);
}
