/**
 * The panel: title, navigation between a new ticket and "my tickets", the current screen, and in launcher
 * mode a close button, Escape and a focus trap. The form screen is in the widget file and renders in the first
 * commit (no Suspense wait on the way to the first screen); the other screens are lazy chunks. The form stays
 * mounted (hidden) while another tab shows, so nothing typed is lost.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from '../shared/i18n-react';
import type { CreateTicketResponse, Ticket } from '../../core';
import { rememberGuestTicket } from '../my-tickets/guest-tickets';
import { UnseenBadge } from '../my-tickets/UnseenBadge';
import { useUnseenTickets } from '../my-tickets/use-unseen-tickets';
import { useWidgetEnv } from '../shared/env';
import type { Prefill } from '../shared/env';
import { focusFell } from '../shared/focus-fell';
import { Heading } from '../shared/ui';
import FormScreen from './screens/FormScreen';
import { tabOf } from './screens';
import type { Screen } from './screens';
import { ScreenBoundary } from './ScreenBoundary';
import { useFocusTrap } from './use-focus-trap';

/** The lazy screens; made again after a failed load, since React.lazy keeps a failure for good. */
function lazyScreens() {
  return {
    TicketScreen: lazy(() => import('./screens/TicketScreen')),
    TicketsScreen: lazy(() => import('./screens/TicketsScreen')),
    TicketLinkScreen: lazy(() => import('./screens/TicketScreen').then((module) => ({ default: module.TicketLinkScreen }))),
  };
}

/** Props of the shell. */
export interface ShellProps {
  mode: 'launcher' | 'inline';
  open: boolean;
  /** What the host asked `open()` for: a fresh form with pre-filled fields, or a ticket by its number. */
  openRequest: { id: number; prefill?: Prefill; ticket?: string };
  onClose(): void;
}

/** The widget's frame and screens. */
export function Shell({ mode, open, openRequest, onClose }: ShellProps) {
  const { t } = useTranslation('app');
  const env = useWidgetEnv();
  const [screen, setScreen] = useState<Screen>({ name: 'form' });
  const [{ TicketScreen, TicketsScreen, TicketLinkScreen }, setScreens] = useState(lazyScreens);
  const [formKey, setFormKey] = useState(0);
  // The final ticket a new one continues ("the problem came back"), while its form is open.
  const [followUp, setFollowUp] = useState<Ticket | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  const unseen = useUnseenTickets();

  useFocusTrap(frame, mode === 'launcher' && open, onClose);

  // The host asked to open a ticket, or a fresh form with pre-filled fields (state derived during render).
  // A ticket asked for before the first render (a link the page was opened with) is shown from the start.
  const [handledRequest, setHandledRequest] = useState(openRequest.ticket === undefined ? openRequest.id : -1);
  if (handledRequest !== openRequest.id) {
    setHandledRequest(openRequest.id);
    if (openRequest.ticket !== undefined) {
      setScreen({ name: 'link', number: openRequest.ticket });
    } else {
      setScreen({ name: 'form' });
      setFormKey((key) => key + 1);
      setFollowUp(null);
    }
  }

  // In the launcher, opening moves focus into the panel: back where the user was (the field they typed in, if its
  // screen still shows), else the title; closing is handled by the embed (back to the button).
  const lastFocus = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const panel = frame.current;
    if (mode !== 'launcher' || !open || panel === null) return undefined;
    const last = lastFocus.current;
    // Focus the panel's own content took as it opened (the form opened for a category, at its first field) stays,
    // and is where the user was.
    const inside = (panel.getRootNode() as Document | ShadowRoot).activeElement;
    if (inside instanceof HTMLElement && panel.contains(inside)) lastFocus.current = inside;
    else (last?.isConnected === true && panel.contains(last) && last.closest('[hidden]') === null ? last : panel.querySelector<HTMLElement>('.us-shell__title'))?.focus();
    const keep = (event: FocusEvent) => {
      lastFocus.current = event.target as HTMLElement;
    };
    panel.addEventListener('focusin', keep);
    return () => panel.removeEventListener('focusin', keep);
  }, [mode, open]);

  // The list's «Новое обращение» and leaving a follow-up take away the button the focus was on: it goes to the
  // form's heading (what the form is, then its first question), not to the page, where Tab would start again.
  const toForm = useRef(false);
  useEffect(() => {
    const shell = frame.current;
    if (!toForm.current || screen.name !== 'form' || shell === null) return;
    toForm.current = false;
    if (focusFell(shell)) shell.querySelector<HTMLElement>('.us-ticket-form > [tabindex]')?.focus();
  }, [screen, formKey]);
  const newForm = () => {
    toForm.current = true;
    setScreen({ name: 'form' });
  };

  // Sent: the form hides, and the screen after it shows once its chunk and data arrive. Until its own element takes
  // the focus, the panel's title holds it, not the page's body (where Tab would start from the page's top).
  const holdFocus = () => frame.current?.querySelector<HTMLElement>('.us-shell__title')?.focus({ preventScroll: true });

  const { expectOwnChange, markSeen } = unseen;
  // A ticket the user has just sent is not news: seen up to its last event, before the list ever shows it. A
  // guest's is remembered in this browser with its access key (the server gives that to a guest only, once).
  const created = useCallback(
    ({ ticket, accessKey }: CreateTicketResponse) => {
      if (accessKey !== undefined) rememberGuestTicket(env.textStore, { id: ticket.id, number: ticket.number, key: accessKey, sentHere: true });
      env.emit?.({ type: 'ticket:created', ticketId: ticket.id, number: ticket.number });
      const last = ticket.events.reduce((newest, event) => Math.max(newest, event.id), 0);
      if (last > 0) markSeen(ticket.id, last);
    },
    [env, markSeen],
  );
  const onSent = useCallback(
    (response: CreateTicketResponse) => {
      created(response);
      holdFocus();
      // The ticket it continues gets an event naming it: the user's own doing, not news for the badge.
      if (response.ticket.followUpOf !== undefined) expectOwnChange(response.ticket.followUpOf.id);
      setFormKey((key) => key + 1);
      setFollowUp(null);
      setScreen({ name: 'ticket', ticketId: response.ticket.id, justCreated: true, ...(response.accessKey === undefined ? {} : { accessKey: response.accessKey }) });
    },
    [created, expectOwnChange],
  );

  const onSplitSent = useCallback(
    (responses: CreateTicketResponse[]) => {
      for (const response of responses) created(response);
      holdFocus();
      setFormKey((key) => key + 1);
      setFollowUp(null);
      setScreen({ name: 'tickets', sent: responses.length });
    },
    [created],
  );

  const onAddedToExisting = useCallback((ticketId: string) => setScreen({ name: 'ticket', ticketId, justCreated: false }), []);
  const startFollowUp = useCallback((ticket: Ticket) => {
    setFollowUp(ticket);
    setFormKey((key) => key + 1);
    setScreen({ name: 'form' });
  }, []);
  const cancelFollowUp = useCallback(() => {
    toForm.current = true;
    setFollowUp(null);
    setFormKey((key) => key + 1);
  }, []);
  const tab = tabOf(screen);
  const loading = <p role="status" className="us-shell__loading">{t('loading')}</p>;
  return (
    <div className="us-shell" ref={frame} data-mode={mode}>
      {/* The title, × and tabs: in the launcher they stay at the top of the scrolling panel (styles.css). */}
      <div className="us-shell__top">
        {/* Not <header>: in the launcher's panel it would be a second banner landmark beside the host page's own. */}
        <div className="us-shell__header">
          <Heading depth={0} className="us-shell__title" tabIndex={-1}>
            {t('title')}
          </Heading>
          {mode === 'launcher' ? (
            <button type="button" className="us-shell__close" onClick={onClose} aria-label={t('close')}>
              <span aria-hidden="true">×</span>
            </button>
          ) : null}
        </div>
        <nav className="us-shell__nav" aria-label={t('nav.label')}>
          <button type="button" className="us-shell__tab" aria-current={tab === 'new' ? 'page' : undefined} onClick={() => setScreen({ name: 'form' })}>
            {t('nav.new')}
          </button>
          <button type="button" className="us-shell__tab" aria-current={tab === 'tickets' ? 'page' : undefined} onClick={() => setScreen({ name: 'tickets' })}>
            {t('nav.tickets')}
            <UnseenBadge count={unseen.count} />
          </button>
        </nav>
      </div>
      {/* Not <main>: the host page has its own, and a second one nested in it breaks landmark navigation. */}
      <div className="us-shell__body">
        <div hidden={screen.name !== 'form'}>
          <FormScreen
            shown={open && screen.name === 'form'}
            formKey={formKey}
            onSent={onSent}
            onSplitSent={onSplitSent}
            onAddedToExisting={onAddedToExisting}
            followUp={followUp ?? undefined}
            onCancelFollowUp={cancelFollowUp}
          />
        </div>
        {/* Another screen (or the form) starts clean after a failure; the retry loads the same one again. */}
        <ScreenBoundary key={screen.name} onRetry={() => setScreens(lazyScreens())}>
          <Suspense fallback={loading}>
            {screen.name === 'tickets' ? (
              <TicketsScreen
                notice={screen.sent ? t('splitSent', { count: screen.sent }) : undefined}
                focusTicketId={screen.focusTicketId}
                shown={open}
                onOpen={(ticketId) => setScreen({ name: 'ticket', ticketId, justCreated: false })}
                onNew={newForm}
              />
            ) : screen.name === 'link' ? (
              <TicketLinkScreen
                key={screen.number}
                number={screen.number}
                onFound={(ticketId) => setScreen({ name: 'ticket', ticketId, justCreated: false })}
                onList={() => setScreen({ name: 'tickets' })}
              />
            ) : screen.name === 'ticket' ? (
              <TicketScreen
                key={screen.ticketId}
                ticketId={screen.ticketId}
                justCreated={screen.justCreated}
                ticketAccessKey={screen.accessKey}
                onBack={(ticketId) => setScreen({ name: 'tickets', focusTicketId: ticketId })}
                onViewed={unseen.markSeen}
                shown={open}
                onFollowUp={startFollowUp}
                onOpenTicket={(ticketId) => setScreen({ name: 'ticket', ticketId, justCreated: false })}
              />
            ) : null}
          </Suspense>
        </ScreenBoundary>
      </div>
    </div>
  );
}
