/** One ticket: header, confirmation after sending, what happens next, reply, rating, history and cancel — live. */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys, useLiveTicket } from '../../api';
import { isFinalStatus } from '../../core';
import type { Status, Ticket, TicketEvent } from '../../core';
import type { AttachmentsSlot } from '../shared/attachments-slot';
import { useWidgetEnv } from '../shared/env';
import { focusFell } from '../shared/focus-fell';
import { revealFromTop, revealScreenStart } from '../shared/reveal';
import { Button, Notice } from '../shared/ui';
import { CancelTicket } from './CancelTicket';
import { FollowUp } from './FollowUp';
import { Confirmation } from './Confirmation';
import { NextStep } from './NextStep';
import { RateHelp } from './RateHelp';
import { ReplyBox } from './ReplyBox';
import { readReplyDraft, replyDraftKey } from './reply-draft';
import { SentContent } from './SentContent';
import { TicketHeader } from './TicketHeader';
import { Timeline } from './Timeline';
import type { AttachmentUrl } from './AttachmentList';
import { getLastEventId, isStatusChange } from './timeline-model';
import { useAnnouncer } from '../shared/use-announcer';
import { useLatest } from './use-latest';

/** Props of {@link TicketView}. */
export interface TicketViewProps {
  ticketId: string;
  /** Just sent: show the registration notice with number, priority and deadlines. */
  justCreated?: boolean;
  /**
   * A guest's access key from the create response, shown once with advice to keep it. (Not `accessKey`:
   * that is an HTML attribute, and jsx-a11y/no-access-key rejects it on any JSX element.)
   */
  ticketAccessKey?: string;
  /** A hook building the reply's attachments picker for a ticket (from the attachments feature, wired by the app). */
  useReplyAttachments?: (ticketId: string) => AttachmentsSlot;
  /** Back to the list; no back button without it. */
  onBack?: () => void;
  /** Called with the newest event id whenever it changes while `shown` (to mark the ticket seen in "my tickets"). */
  onViewed?: (ticketId: string, lastEventId: number) => void;
  /**
   * Whether the user can see the view: a closed panel keeps it, live, but what arrives meanwhile is not seen
   * (the launcher's badge must show it). True by default.
   */
  shown?: boolean;
  /** A download URL of an attachment, if the API offers one; otherwise only names are shown. */
  attachmentUrl?: AttachmentUrl;
  /** The user's time zone; the runtime's by default. */
  timeZone?: string;
  /** Starts the form of a continuation of this (final) ticket; no offer without it. */
  onFollowUp?: (ticket: Ticket) => void;
  /** Opens a linked ticket (the one this continues, or a continuation). */
  onOpenTicket?: (ticketId: string) => void;
}

/** The live view of one ticket. */
export function TicketView(props: TicketViewProps) {
  const { ticketId, justCreated = false, ticketAccessKey, useReplyAttachments, onBack, attachmentUrl, timeZone } = props;
  const { t } = useTranslation('timeline');
  const env = useWidgetEnv();
  const [announcement, announce] = useAnnouncer();
  // Keyed by ticket: a confirmation of one ticket must not show on another if the view is reused. It says
  // what an action led to, so it goes once the ticket has moved on («Уточнение отправлено» under a new question).
  const [flashState, setFlashState] = useState<{ ticketId: string; text: string; status: Status } | null>(null);
  const setFlash = (text: string, status: Status) => setFlashState({ ticketId, text, status });
  // The ticket whose «Дополнить обращение» was pressed: its box stays open until the message is sent.
  const [adding, setAdding] = useState<string | null>(null);
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const confirmationRef = useRef<HTMLDivElement>(null);
  const flashRef = useRef<HTMLDivElement>(null);

  const client = useQueryClient();
  const onEvent = useLatest((event: TicketEvent) => {
    const ticket = client.getQueryData<Ticket>(queryKeys.ticket(ticketId));
    // The user's own reply or cancel already got its feedback where they acted.
    if (event.actor === 'reporter') return;
    // Files the specialist sent with it are said too: the user would otherwise find them only in the history.
    const files = event.attachments.length === 0 ? '' : ` ${t('live.withFiles', { count: event.attachments.length })}`;
    if (isStatusChange(event)) {
      const status = t(`common:status.${event.status}`);
      announce(`${t('live.statusChanged', { status })}${files}`);
      if (ticket !== undefined) env.emit?.({ type: 'ticket:status', ticketId, number: ticket.number, status: event.status });
    } else if (event.actor === 'support') {
      announce(`${t('live.newMessage')}${files}`);
    }
  });
  const query = useLiveTicket(ticketId, (event) => onEvent.current(event));
  const ticket = query.data;
  // The LMS's sign-in the widget was given has expired while the ticket was open: it no longer updates by itself
  // (the host is told, and following goes on once it gives a new one).
  const refused = query.transport === 'refused';
  useEffect(() => {
    if (refused) announce(t('live.signedOut'));
    // Said when it happens; the words change with the language only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [refused]);
  const flash = flashState?.ticketId === ticketId && flashState.status === ticket?.status ? flashState.text : null;

  // What has the focus inside the view. A live update can take it away (a confirmation whose status has passed,
  // a box the new status closes): the focus then goes to the box for the specialist's question when one has just
  // come (the status change is announced), else to the ticket's heading — not to the page's body, where a keyboard
  // or screen reader user would have to find their way back from the top — and is scrolled into view.
  const articleRef = useRef<HTMLElement>(null);
  const focusedRef = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    const focused = focusedRef.current;
    const heading = headingRef.current;
    // Only when the focus really fell, not when something inside moved it on its own.
    if (focused === null || focused.isConnected || heading === null || !focusFell(heading)) return;
    const question = ticket?.status === 'clarification_requested' ? articleRef.current?.querySelector('textarea') : null;
    const target = question ?? heading;
    focusedRef.current = target;
    target.focus({ preventScroll: true });
    revealFromTop(target.closest('form') ?? target);
  });

  const loaded = ticket !== undefined;
  useEffect(() => {
    if (!loaded) return;
    // A new screen: the registration notice right after sending, the ticket's subject otherwise; shown from its
    // top, so the way back and the ticket's number above the notice stay in view, not under the sticky header.
    const target = justCreated ? confirmationRef.current : headingRef.current;
    if (target === null) return;
    target.focus({ preventScroll: true });
    revealScreenStart(target);
    // Only on arrival, not on every live update.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded]);

  const lastEventId = ticket === undefined ? 0 : getLastEventId(ticket);
  const onViewed = useLatest(props.onViewed);
  const shown = props.shown ?? true;
  useEffect(() => {
    if (shown && lastEventId > 0) onViewed.current?.(ticketId, lastEventId);
  }, [ticketId, lastEventId, shown, onViewed]);

  useEffect(() => {
    if (flash !== null) flashRef.current?.focus();
  }, [flash]);

  const back = onBack === undefined ? null : (
    <Button variant="ghost" className="us-ticket__back" onClick={onBack}>
      {/* The arrow is drawn, not read: the button's name is its words. */}
      <span aria-hidden="true">← </span>
      {t('back')}
    </Button>
  );

  if (ticket === undefined) {
    return (
      <div className="us-ticket" data-state={query.isError ? 'error' : 'loading'}>
        {back}
        {query.isError ? (
          <Notice tone="error" live>
            <p>{t('loadError')}</p>
            <Button onClick={() => void query.refetch()}>{t('common:retry')}</Button>
          </Notice>
        ) : (
          <p role="status">{t('common:loading')}</p>
        )}
      </div>
    );
  }

  const guest = env.host === null || ticket.reporter.guest;
  // After an answer the user can still write (it did not help, a question remains), not only rate. A message
  // being typed when the specialist moves the ticket on stays until it is sent: the server takes one in any open
  // status. (A new question takes the text into the reply to it.)
  // Before support's word the user can add to the ticket what they forgot (a detail, a screenshot): the box opens
  // when asked for.
  const canAdd = !isFinalStatus(ticket.status) && ticket.status !== 'clarification_requested';
  const writing =
    ticket.status === 'answered' || (canAdd && (adding === ticket.id || readReplyDraft(env.textStore, replyDraftKey(env.userKey, ticket.id)) !== ''));
  return (
    <article
      className="us-ticket"
      aria-labelledby={headingId}
      data-status={ticket.status}
      ref={articleRef}
      onFocus={(event) => {
        focusedRef.current = event.target;
      }}
      onBlur={(event) => {
        // Left for somewhere outside the view: nothing of it to look after.
        if (event.relatedTarget !== null && !articleRef.current?.contains(event.relatedTarget)) focusedRef.current = null;
      }}
    >
      {back}
      <TicketHeader ticket={ticket} headingId={headingId} headingRef={headingRef} />
      {refused ? (
        <Notice tone="warning">
          <p>{t('live.signedOut')}</p>
        </Notice>
      ) : null}
      <SentContent ticket={ticket} />
      {/* The registration notice tells what comes next: not once the ticket is closed or cancelled. */}
      {justCreated && !isFinalStatus(ticket.status) ? (
        <Confirmation ticket={ticket} ticketAccessKey={ticketAccessKey} guest={guest} timeZone={timeZone} focusRef={confirmationRef} />
      ) : null}
      {flash === null ? null : (
        <div className="us-ticket__flash" ref={flashRef} tabIndex={-1}>
          <Notice tone="success">{flash}</Notice>
        </div>
      )}
      <NextStep ticket={ticket} timeZone={timeZone} followUpOffered={props.onFollowUp !== undefined} />
      {ticket.status === 'clarification_requested' ? (
        <ReplyBox
          ticket={ticket}
          useAttachments={useReplyAttachments}
          onSent={(updated) => setFlash(t('reply.sent'), updated.status)}
        />
      ) : null}
      {/* After an answer, «did it help?» comes first; writing to the specialist (it did not) below it. */}
      <RateHelp ticket={ticket} />
      {writing ? (
        <ReplyBox
          key="message"
          kind="message"
          adding={ticket.status !== 'answered'}
          focusOnMount={adding === ticket.id}
          ticket={ticket}
          useAttachments={useReplyAttachments}
          onSent={(updated) => {
            setAdding(null);
            setFlash(t('reply.messageSent'), updated.status);
          }}
        />
      ) : canAdd ? (
        <Button className="us-ticket__add" onClick={() => setAdding(ticket.id)}>
          {t('reply.add')}
        </Button>
      ) : null}
      <FollowUp ticket={ticket} onFollowUp={props.onFollowUp} onOpenTicket={props.onOpenTicket} />
      <Timeline events={ticket.events} attachmentUrl={attachmentUrl} timeZone={timeZone} />
      {isFinalStatus(ticket.status) ? null : <CancelTicket ticket={ticket} onCancelled={() => setFlash(t('cancel.done'), 'cancelled')} />}
      <div className="us-visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </article>
  );
}
