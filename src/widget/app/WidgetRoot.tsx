/**
 * The widget's root: providers (react-query, i18n, API, environment) and the frame — a panel in the top layer
 * (a manual popover, so host modals and z-index rules cannot hide it) in launcher mode, or a block in inline mode.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { I18nProvider } from '../shared/i18n-react';
import { SupportApiProvider } from '../../api';
import { WidgetEnvProvider } from '../shared/env';
import type { Prefill, WidgetEnv } from '../shared/env';
import { HeadingLevelProvider } from '../shared/ui';
import { Shell } from './Shell';
import { UnseenReporter } from './UnseenReporter';
import { coversPage, onCoverChange, useVisibleViewport } from './use-visible-viewport';

/** Props of the root, given by the embed (or a story). */
export interface WidgetRootProps {
  env: WidgetEnv;
  i18n: I18n;
  queryClient: QueryClient;
  theme: 'light' | 'dark' | 'auto';
  mode: 'launcher' | 'inline';
  /** The level of the widget's title (the `headingLevel` option; default 1). */
  headingLevel?: number | undefined;
  /** Whether the launcher's panel is shown (always true inline). */
  open: boolean;
  /** Renders the panel's content while it is still closed, so the first open only shows it. */
  prepared?: boolean;
  /** Changes when the host calls `open({ … })` with fields to pre-fill or a ticket to show. */
  openRequest: { id: number; prefill?: Prefill; ticket?: string };
  onClose(): void;
  /** The number of tickets changed since last seen, and the launcher's accessible name saying so. */
  onUnseenChange?(count: number, label: string): void;
}

/** True when the page shows a popover or a modal dialog of its own (the launcher's button is ours). */
function pageUsesTopLayer(): boolean {
  return document.querySelector(':popover-open:not(uchi-support-launcher), dialog:modal') !== null;
}

/** Renders the whole widget. */
export function WidgetRoot({ env, i18n, queryClient, theme, mode, headingLevel = 1, open, prepared = false, openRequest, onClose, onUnseenChange }: WidgetRootProps) {
  const panel = useRef<HTMLDivElement>(null);
  // The panel's content mounts on first open (or when prepared ahead of it) and then stays, so closing never
  // loses what was typed.
  const [opened, setOpened] = useState(open || prepared);
  if ((open || prepared) && !opened) setOpened(true);
  // Prepared ahead of the first open, the panel is shown already, laid out but invisible and inert: the click
  // then only makes it visible, without the layout of the whole form. Once opened, closing hides it for good.
  const [shown, setShown] = useState(open);
  if (open && !shown) setShown(true);
  const state = open ? 'open' : prepared && !shown ? 'prepared' : 'closed';
  const shownAs = useRef(state);
  // A layout effect: the panel is in the top layer before any child's effect runs (the shell focuses its title
  // when it opens, which does nothing inside a closed popover).
  useLayoutEffect(() => {
    const element = panel.current;
    const before = shownAs.current;
    shownAs.current = state;
    if (mode !== 'launcher' || element === null || typeof element.showPopover !== 'function') return;
    const inTopLayer = state !== 'closed';
    // The top layer stacks in the order things were shown: if the page has put something there since the panel
    // was prepared (its own popover, a modal dialog), the panel goes back on top as it opens.
    if (before === 'prepared' && state === 'open' && element.matches(':popover-open') && pageUsesTopLayer()) element.hidePopover();
    if (inTopLayer && !element.matches(':popover-open')) element.showPopover();
    if (!inTopLayer && element.matches(':popover-open')) element.hidePopover();
  }, [mode, state, opened]);
  useVisibleViewport(panel, mode === 'launcher' && open);
  // Modal while it covers the page (a phone's sheet), as the focus trap is: followed as the viewport changes.
  const covers = useSyncExternalStore(onCoverChange, coversPage);

  // Keyed by the user: another user signing in (or out) gets their own drafts, list and unseen state, and nothing
  // typed for the previous one stays on screen or is sent under the new name.
  const content = opened ? (
    <HeadingLevelProvider value={headingLevel}>
      <Shell key={env.userKey} mode={mode} open={open} openRequest={openRequest} onClose={onClose} />
    </HeadingLevelProvider>
  ) : null;
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider i18n={i18n}>
        <SupportApiProvider api={env.api}>
          <WidgetEnvProvider env={env}>
            {onUnseenChange === undefined ? null : <UnseenReporter key={env.userKey} onUnseenChange={onUnseenChange} />}
            <div className="us-root" data-theme={theme} lang={i18n.language}>
              {mode === 'launcher' ? (
                <div
                  ref={panel}
                  className="us-panel"
                  popover="manual"
                  role="dialog"
                  aria-modal={covers}
                  aria-label={i18n.t('app:title')}
                  data-state={state}
                  hidden={state === 'closed'}
                  inert={state === 'prepared'}
                >
                  {content}
                </div>
              ) : (
                <section className="us-inline" aria-label={i18n.t('app:title')}>
                  {content}
                </section>
              )}
            </div>
          </WidgetEnvProvider>
        </SupportApiProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
