/**
 * The root: the single input owner, the navigator, the modal host and the status line.
 * Data comes through the client; what to do with a key comes from the keymap.
 */
import {Box, Text, useApp, useInput, useStdout} from 'ink';
import {useCallback, useEffect, useMemo, useState} from 'react';
import type {Client} from './api/client.js';
import {ApiError, explainError} from './api/errors.js';
import type {User} from './domain/types.js';
import {userName} from './domain/types.js';
import {formatTotal} from './lib/format.js';
import {catalogueFrame, listTitles, meFrame, paletteWords, parsePalette} from './navigation/commands.js';
import {intentOfKey, scopeOf} from './navigation/dispatch-key.js';
import {hintsFor, keyLabel, keyNames, keymap} from './navigation/keymap.js';
import {bodyRows, initialState, reducer} from './navigation/reducer.js';
import {catalogue} from './domain/list-source.js';
import {breadcrumbs, homeFrame, listFrame, pagerFrame, selectedItem, topFrame, type Frame, type HomeEntry, type NavigationState, type NewFrame, type Viewport} from './navigation/screens.js';
import {useStore} from './navigation/store.js';
import {useScreenData} from './navigation/use-screen-data.js';
import {useLocalFilter} from './navigation/use-local-filter.js';
import {deletePermission} from './navigation/delete.js';
import {useDeleteFlow} from './navigation/use-delete-flow.js';
import {formatAudit, readAudit} from './audit-log.js';
import {sanitizeText} from './lib/sanitize.js';
import {MutationModal} from './views/mutation-modal.js';
import {EditModal} from './views/edit-modal.js';
import {useEditFlow} from './navigation/use-edit-flow.js';
import {serverSearch} from './navigation/search.js';
import {copyLabels, copyText, webPageOf, type CopyWhat} from './navigation/copy.js';
import {createClipboard, describeCopy, type Clipboard} from './system/clipboard.js';
import {openableUrl} from './system/browser.js';
import {Footer} from './ui/footer.js';
import {useTheme} from './ui/theme.js';
import {Header} from './ui/header.js';
import {HelpOverlay} from './ui/help-overlay.js';
import {Palette} from './ui/palette.js';
import {Pager} from './ui/pager.js';
import {DetailView} from './views/detail-view.js';
import {ListView} from './views/list-view.js';

export type AppProps = {
	readonly client: Client;
	/**
	 * The same portal with another key, or none: where we go on when the key is refused
	 * (API.md §8.6), and what `:login` / `:logout` switch to.
	 */
	readonly clientFor?: (apiKey: string | undefined) => Client;
	/** What to open first: a list, or the home menu when empty. */
	readonly initial: readonly NewFrame[];
	/** Where the key came from, for error messages ("check UDATA_API_KEY"). */
	readonly keySource?: string;
	readonly pageSize?: number;
	readonly onExit?: () => void;
	/** Where every mutation is recorded (one JSON line each); none when absent. */
	readonly auditLog?: string;
	/** `--read-only`: no mutation is offered at all. */
	readonly readOnly?: boolean;
	/** `y` `Y` `c` copy through this; by default OSC 52 only, written to Ink's stdout. */
	readonly clipboard?: Clipboard;
	/** `o` opens a web page through this; absent, `o` says it is not available. */
	readonly openUrl?: (url: string) => Promise<{readonly opened: true; readonly command: string} | {readonly opened: false; readonly reason: string}>;
	/** The portals `:portal NAME` switches between; absent, the session has one portal. */
	readonly portals?: Portals;
};

/** Everything that changes with the portal: what `:portal NAME` hands over. */
export type PortalSession = {
	readonly client: Client;
	readonly clientFor?: ((apiKey: string | undefined) => Client) | undefined;
	readonly keySource?: string | undefined;
	readonly pageSize?: number | undefined;
	readonly readOnly: boolean;
};

export type Portals = {
	readonly names: readonly string[];
	/** A session on the named portal (its key read, its client made), or why not. */
	open(name: string): Promise<PortalSession | {readonly error: string}>;
};

const catalogueKinds = ['organization', 'dataset', 'reuse', 'user', 'dataservice'] as const;

/** The home menu: the five lists, and "Me" once we know who the key belongs to. */
export function homeEntries(me: User | null): HomeEntry[] {
	return [
		...catalogueKinds.map(kind => ({label: listTitles[kind], open: catalogueFrame(kind)})),
		...me ? [{label: `Me (${userName(me)})`, open: meFrame(me.id, userName(me))}] : [],
	];
}

function useViewport(): Viewport {
	const {stdout} = useStdout();
	const read = useCallback((): Viewport => ({columns: stdout.columns || 100, rows: stdout.rows || 30}), [stdout]);
	const [viewport, setViewport] = useState(read);
	useEffect(() => {
		const onResize = () => {
			setViewport(read());
		};

		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, read]);
	return viewport;
}

type Identity = {readonly me: User | null; readonly text: string};

/** Who we are before `/me` answers: being checked, or nobody. */
function unknownIdentity(client: Client): Identity {
	return {me: null, text: client.hasKey ? 'checking key…' : 'anonymous · read-only'};
}

/** Who `/me` says we are, for the header. */
function identityOf(me: User): Identity {
	return {me, text: `${userName(me)} · ${me.roles.includes('admin') ? 'sysadmin' : 'user'}`};
}

function statusOf(frame: Frame, flash: string | null, host: string): {text: string; tone: 'normal' | 'error' | 'success'} {
	if (flash !== null) {
		return {text: flash, tone: 'normal'};
	}

	switch (frame.type) {
		case 'list': {
			if (frame.filter && frame.filter.query.trim() !== '') {
				const matched = frame.filter.hits?.length ?? frame.rows.length;
				return {text: `local · ${matched.toLocaleString('en-US')} of ${frame.rows.length.toLocaleString('en-US')} loaded`, tone: 'normal'};
			}

			if (frame.source.scope === 'search' || ('query' in frame.source && frame.source.query.q)) {
				const total = formatTotal(frame.total ?? (frame.nextPageUrl === null ? frame.rows.length : null), frame.totalCapped);
				const server = `server · ${total} results${frame.rows.length > 0 ? ` · ${frame.rows.length.toLocaleString('en-US')} loaded` : ''}`;
				return {text: frame.error === null ? (frame.loading ? `${server} · loading…` : server) : `${server} · ${frame.error}`, tone: frame.error === null ? 'normal' : 'error'};
			}

			const counts = `${frame.rows.length.toLocaleString('en-US')} of ${formatTotal(frame.total ?? (frame.nextPageUrl === null ? frame.rows.length : null), frame.totalCapped)} loaded`;
			if (frame.error !== null) {
				return {text: `${counts} · ${frame.error}`, tone: 'error'};
			}

			return {text: frame.loading ? `${counts} · loading…` : counts, tone: 'normal'};
		}

		case 'detail': {
			if (frame.error !== null) {
				return {text: frame.error, tone: 'error'};
			}

			return {text: frame.loading ? 'loading…' : `${frame.target.kind} · ${frame.item && 'slug' in frame.item ? frame.item.slug : frame.target.id}`, tone: 'normal'};
		}

		case 'pager': {
			return {text: `line ${frame.scroll + 1} of ${frame.text.split('\n').length}`, tone: 'normal'};
		}

		case 'home': {
			return {text: `${host} · choose a list`, tone: 'normal'};
		}
	}
}

export function App({client: givenClient, clientFor: givenClientFor, initial, keySource: givenKeySource, pageSize: givenPageSize, onExit, auditLog, readOnly: givenReadOnly = false, clipboard: givenClipboard, openUrl, portals}: AppProps) {
	// The portal's part of the props; `:portal NAME` replaces it as a whole.
	const [session, setSession] = useState<PortalSession>(() => ({client: givenClient, clientFor: givenClientFor, keySource: givenKeySource, pageSize: givenPageSize, readOnly: givenReadOnly}));
	const {client: initialClient, clientFor, keySource, pageSize, readOnly} = session;
	const {exit} = useApp();
	const {stdout} = useStdout();
	// Raw bytes to the terminal between frames: OSC 52 moves no cursor, so Ink's frame stays put.
	const clipboard = useMemo(() => givenClipboard ?? createClipboard({writeToTerminal: bytes => stdout.write(bytes), platform: 'linux', env: {}}), [givenClipboard, stdout]);
	const viewport = useViewport();
	const [client, setClient] = useState(initialClient);
	const [identity, setIdentity] = useState<Identity>(() => unknownIdentity(initialClient));
	const [state, store] = useStore(reducer, () => initialState(initial.length > 0 ? initial : [homeFrame(homeEntries(null))], viewport));
	const top = topFrame(state);

	useEffect(() => {
		store.dispatch({type: 'resize', viewport});
	}, [store, viewport]);

	// Who am I: once, at start (issue: header shows who you are).
	useEffect(() => {
		if (!initialClient.hasKey) {
			return;
		}

		const controller = new AbortController();
		initialClient.me({signal: controller.signal}).then(
			({item}) => {
				setIdentity(identityOf(item));
				const current = store.getState();
				const bottom = current.stack[0];
				if (bottom?.type === 'home') {
					store.dispatch({type: 'reset', frames: [{...homeFrame(homeEntries(item)), cursor: bottom.cursor}, ...current.stack.slice(1)]});
				}
			},
			(error: unknown) => {
				if (controller.signal.aborted) {
					return;
				}

				// A refused key breaks even public reads (API.md §6.1): say why and go on anonymously.
				if (error instanceof ApiError && error.kind === 'unauthorized' && clientFor) {
					setClient(clientFor(undefined));
					setIdentity({me: null, text: 'anonymous · read-only (key refused)'});
					// What the refused key asked for failed too: ask again, anonymously.
					store.dispatch({type: 'refresh'});
					store.dispatch({type: 'flash', message: explainError(error, {keySource})});
					return;
				}

				setIdentity({me: null, text: 'identity unknown'});
				store.dispatch({type: 'flash', message: explainError(error, {keySource})});
			},
		);
		return () => {
			controller.abort();
		};
	}, [initialClient, clientFor, keySource, store]);

	useScreenData(state, client, store.dispatch, {keySource, pageSize});
	useLocalFilter(state, store.getState, store.dispatch);

	const quit = useCallback(() => {
		onExit?.();
		exit();
	}, [exit, onExit]);

	const runPalette = useCallback((text: string) => {
		const command = parsePalette(text);
		switch (command.type) {
			case 'quit': {
				quit();
				return;
			}

			case 'error': {
				store.dispatch({type: 'paletteError', message: command.message});
				return;
			}

			case 'home': {
				store.dispatch({type: 'reset', frames: [homeFrame(homeEntries(identity.me))]});
				return;
			}

			case 'me': {
				if (identity.me === null) {
					store.dispatch({type: 'paletteError', message: 'no API key: :me needs UDATA_API_KEY'});
					return;
				}

				store.dispatch({type: 'reset', frames: [homeFrame(homeEntries(identity.me)), meFrame(identity.me.id, userName(identity.me))]});
				return;
			}

			case 'open': {
				store.dispatch({type: 'reset', frames: [homeFrame(homeEntries(identity.me)), ...command.frames]});
				return;
			}

			case 'history': {
				if (auditLog === undefined) {
					store.dispatch({type: 'paletteError', message: 'no audit log in this session'});
					return;
				}

				readAudit(auditLog).then(
					entries => {
						const text = entries.length === 0 ? `no mutation recorded yet (${auditLog})` : [`${entries.length} mutation${entries.length === 1 ? '' : 's'}, newest first — ${auditLog}`, '', ...entries.map(entry => formatAudit(entry))].join('\n');
						store.dispatch({type: 'reset', frames: [homeFrame(homeEntries(identity.me)), pagerFrame('History', sanitizeText(text))]});
					},
					(error: unknown) => {
						store.dispatch({type: 'paletteError', message: `cannot read ${auditLog}: ${error instanceof Error ? error.message : String(error)}`});
					},
				);
				return;
			}

			case 'login': {
				store.dispatch({type: 'openModal', modal: {type: 'login', typed: '', message: null}});
				return;
			}

			case 'portal': {
				if (portals === undefined) {
					store.dispatch({type: 'paletteError', message: 'this session has one portal (the demo sandbox, or --api)'});
					return;
				}

				if (command.name === undefined) {
					store.dispatch({type: 'paletteError', message: `portals: ${portals.names.join(', ')} — :portal NAME`});
					return;
				}

				const name = command.name;
				store.dispatch({type: 'paletteError', message: `opening ${name}…`});
				portals.open(name).then(
					next => {
						if ('error' in next) {
							store.dispatch({type: 'paletteError', message: next.error});
							return;
						}

						const previous = new Set([client, initialClient]);
						// A fresh stack: the old portal's views go, and with them their requests.
						store.dispatch({type: 'reset', frames: [homeFrame(homeEntries(null))]});
						setSession(next);
						setClient(next.client);
						setIdentity(unknownIdentity(next.client));
						store.dispatch({type: 'flash', message: `portal ${name}: ${next.client.host}${next.readOnly ? ' · read-only' : ''}`});
						for (const old of previous) {
							void old.close();
						}
					},
					(error: unknown) => {
						store.dispatch({type: 'paletteError', message: `cannot open ${name}: ${error instanceof Error ? error.message : String(error)}`});
					},
				);
				return;
			}

			case 'logout': {
				if (clientFor === undefined) {
					store.dispatch({type: 'paletteError', message: 'this session cannot change its key'});
					return;
				}

				setClient(clientFor(undefined));
				setIdentity({me: null, text: 'anonymous · read-only'});
				store.dispatch({type: 'closeModal'});
				store.dispatch({type: 'flash', message: 'logged out: the key is forgotten'});
				return;
			}

			case 'filtered': {
				const open = (filters: Readonly<Record<string, readonly string[]>>) => {
					store.dispatch({type: 'reset', frames: [homeFrame(homeEntries(identity.me)), listFrame(command.title, catalogue(command.kind, {filters}))]});
				};

				if (command.resolve.length === 0) {
					open(command.filters);
					return;
				}

				// List filters take ObjectIds, not slugs (API.md §1): look the slugs up first.
				store.dispatch({type: 'paletteError', message: `looking up ${command.resolve.map(item => item.slug).join(', ')}…`});
				void Promise.all(command.resolve.map(async item => {
					try {
						return {parameter: item.parameter, id: (await client.get(item.kind, item.slug)).item.id};
					} catch (error) {
						throw new Error(error instanceof ApiError && (error.kind === 'not-found' || error.kind === 'gone')
							? `no ${item.kind} "${item.slug}" on ${client.host}`
							: explainError(error, {keySource}));
					}
				})).then(
					resolved => {
						// Only if the palette is still waiting for it: Esc meanwhile means never mind.
						if (store.getState().modal?.type !== 'palette') {
							return;
						}

						const filters: Record<string, readonly string[]> = {...command.filters};
						for (const {parameter, id} of resolved) {
							filters[parameter] = [...filters[parameter] ?? [], id];
						}

						open(filters);
					},
					(error: unknown) => {
						store.dispatch({type: 'paletteError', message: error instanceof Error ? error.message : String(error)});
					},
				);
			}
		}
	}, [auditLog, client, clientFor, identity.me, initialClient, keySource, portals, quit, store]);

	const runLogin = useCallback((apiKey: string) => {
		if (clientFor === undefined) {
			store.dispatch({type: 'modalPhase', phase: 'failed', message: 'this session cannot change its key'});
			return;
		}

		let candidate: Client;
		try {
			candidate = clientFor(apiKey);
		} catch (error) {
			store.dispatch({type: 'modalPhase', phase: 'failed', message: explainError(error)});
			return;
		}

		store.dispatch({type: 'modalPhase', phase: 'sending', message: 'checking the key…'});
		candidate.me().then(
			({item}) => {
				// Esc while the key was being checked means never mind: the key is not used.
				if (store.getState().modal?.type !== 'login') {
					void candidate.close();
					return;
				}

				setClient(candidate);
				setIdentity(identityOf(item));
				store.dispatch({type: 'closeModal'});
				store.dispatch({type: 'refresh'});
				store.dispatch({type: 'flash', message: `logged in as ${userName(item)} (the key stays in memory only)`});
			},
			(error: unknown) => {
				void candidate.close();
				if (store.getState().modal?.type === 'login') {
					store.dispatch({type: 'modalPhase', phase: 'failed', message: explainError(error, {keySource: ':login'})});
				}
			},
		);
	}, [clientFor, store]);

	const copy = useCallback((what: CopyWhat) => {
		const item = selectedItem(topFrame(store.getState()));
		if (item === undefined) {
			return;
		}

		const found = copyText(item, what, client.roots);
		if ('refusal' in found) {
			store.dispatch({type: 'flash', message: found.refusal});
			return;
		}

		clipboard.copy(found.text).then(
			outcome => {
				store.dispatch({type: 'flash', message: describeCopy(copyLabels[what], found.text, outcome)});
			},
			(error: unknown) => {
				store.dispatch({type: 'flash', message: `could not copy: ${error instanceof Error ? error.message : String(error)}`});
			},
		);
	}, [client, clipboard, store]);

	const openWeb = useCallback(() => {
		const item = selectedItem(topFrame(store.getState()));
		if (item === undefined) {
			return;
		}

		const page = webPageOf(item);
		const url = openableUrl(page);
		if (url === null) {
			store.dispatch({type: 'flash', message: page ? `not opening ${page}: only http(s) pages are opened` : `this ${item.kind} has no web page on this portal`});
			return;
		}

		if (openUrl === undefined) {
			store.dispatch({type: 'flash', message: `opening a browser is not available here: ${url}`});
			return;
		}

		void openUrl(url).then(outcome => {
			store.dispatch({type: 'flash', message: outcome.opened ? `opened ${url} (${outcome.command})` : `could not open the browser: ${outcome.reason}`});
		});
	}, [openUrl, store]);

	const {askDelete, confirmDelete, askUndo, confirmRestore} = useDeleteFlow({client, store, me: identity.me, readOnly, keySource, auditLog});
	const {askEdit, confirmEdit} = useEditFlow({client, store, me: identity.me, readOnly, keySource, auditLog});

	useInput((input, key) => {
		const names = keyNames(input, key);
		// A mutation is confirmed only by a key read on its own (or repeated, as a double Enter).
		const confirmable = names.every(name => name === names[0]);
		for (const name of names) {
			const intent = intentOfKey(store.getState(), name, {confirmable});
			switch (intent.type) {
				case 'action': {
					store.dispatch(intent.action);
					break;
				}

				case 'quit': {
					quit();
					return;
				}

				case 'runPalette': {
					runPalette(intent.text);
					break;
				}

				case 'runSearch': {
					const frame = topFrame(store.getState());
					if (frame.type === 'list') {
						const search = serverSearch(frame, intent.query);
						if ('error' in search) {
							store.dispatch({type: 'flash', message: search.error});
						} else {
							// The list stays as it was beneath: Esc on the results comes back to it.
							store.dispatch({type: 'closeFilter'});
							store.dispatch({type: 'push', frame: search.frame});
						}
					}

					break;
				}

				case 'askEdit': {
					askEdit();
					break;
				}

				case 'confirmEdit': {
					confirmEdit();
					break;
				}

				case 'runLogin': {
					runLogin(intent.key);
					break;
				}

				case 'askDelete': {
					askDelete();
					break;
				}

				case 'confirmDelete': {
					confirmDelete();
					break;
				}

				case 'askUndo': {
					askUndo();
					break;
				}

				case 'confirmRestore': {
					confirmRestore();
					break;
				}

				case 'copy': {
					copy(intent.what);
					break;
				}

				case 'openWeb': {
					openWeb();
					break;
				}

				case 'none': {
					break;
				}
			}
		}
	});

	const scope = scopeOf(state);
	const width = Math.max(20, viewport.columns);
	const height = bodyRows(viewport);
	const status = statusOf(top, state.flash, client.host);
	// Hints from the keymap; a mutation is hidden when read-only, and marked with why when not allowed.
	const selected = selectedItem(top);
	const deleteHint = selected === undefined ? null : deletePermission(selected, identity.me);
	const hints = hintsFor(scope)
		.filter(binding => !(readOnly && (binding.dangerous || binding.id === 'item.edit')))
		.map(binding => {
			const label = binding.id === 'item.delete' && deleteHint && !deleteHint.allowed ? `${binding.label} (${deleteHint.reason})` : binding.label;
			return {keys: keyLabel(binding.keys[0]!), label, disabled: label !== binding.label};
		})
		// What cannot be done goes last, so it never pushes what can off the line.
		.sort((a, b) => Number(a.disabled) - Number(b.disabled));
	const helpEntries = useMemo(() => keymap.map(binding => ({keys: binding.keys.map(keyName => keyLabel(keyName)).join(' '), label: binding.label, scope: binding.scopes.join(', '), dangerous: binding.dangerous})), []);

	return (
		// Never as tall as the terminal: Ink would clear the screen on every frame (INK-NOTES pitfall 5).
		<Box flexDirection="column" width={width} height={viewport.rows - 1}>
			<Header identity={identity.text} crumbs={breadcrumbs(state, client.host)} width={width} />
			{state.modal?.type === 'delete' || state.modal?.type === 'restore'
				? <MutationModal modal={state.modal} width={width} height={height + 1} />
				: state.modal?.type === 'edit'
				? <EditModal modal={state.modal} width={width} height={height + 1} />
				: state.modal?.type === 'help'
				? <HelpOverlay entries={helpEntries} width={width} height={height + 1} />
				: <Body frame={top} width={width} height={height} />}
			{state.modal?.type === 'palette'
				? <Palette text={state.modal.text} error={state.modal.error} hint={`Enter to open · Esc to cancel · ${paletteWords.join(' ')}`} width={width} />
				: state.modal?.type === 'login'
				// The key is never drawn: one bullet a character.
				? <Palette text={`login ${'•'.repeat([...state.modal.typed].length)}`} error={state.modal.message} hint="your API key (kept in memory only) · Enter to log in · Esc to cancel" width={width} />
				: <Footer hints={hints} status={status.text} tone={status.tone} width={width} />}
		</Box>
	);
}

type BodyProps = {
	readonly frame: Frame;
	readonly width: number;
	readonly height: number;
};

/** The view of the top frame (thin views, STYLE.md §5). */
function Body({frame, width, height}: BodyProps) {
	const theme = useTheme();
	switch (frame.type) {
		case 'list': {
			return <ListView frame={frame} width={width} height={height} />;
		}

		case 'detail': {
			return <DetailView frame={frame} width={width} height={height} />;
		}

		case 'pager': {
			return <Pager lines={frame.text.split('\n')} scroll={frame.scroll} width={width} height={height + 1} />;
		}

		case 'home': {
			// Drawn here and moved by the keymap like every other view (not ink-select-input, which
			// reads keys itself and so lost the ones that came in one read: `j⏎` typed fast).
			return (
				<Box flexDirection="column" height={height + 1}>
					<Text bold>Browse</Text>
					{frame.entries.map((entry, index) => (
						// eslint-disable-next-line react/no-array-index-key
						<Text key={index} color={index === frame.cursor ? theme.accent : undefined} wrap="truncate-end">{`${index === frame.cursor ? '❯' : ' '} ${entry.label}`}</Text>
					))}
				</Box>
			);
		}
	}
}
