/**
 * One ticket's live view (a lazy chunk), with attachments for a clarification reply. A guest's ticket remembered
 * in this browser is read, followed and written to with its own access key.
 */
import { useMemo } from 'react';
import { SupportApiProvider, useSupportApi } from '../../../api';
import { attachmentsMessages } from '../../attachments';
import attachmentsCss from '../../attachments/styles.css?inline';
import type { Ticket } from '../../../core';
import { TicketLink, TicketView, timelineMessages } from '../../status-timeline';
import timelineCss from '../../status-timeline/styles.css?inline';
import { commonMessages } from '../../shared/messages';
import { useLazyPart } from '../../shared/use-lazy-part';
import { GuestTicketLink } from '../../my-tickets/GuestTicketLink';
import guestCss from '../../my-tickets/guest.css?inline';
import { ticketsMessages } from '../../my-tickets/messages';
import { useGuestTickets } from '../../my-tickets/use-guest-tickets';
import { useReplyAttachments } from '../ReplyAttachments';

const NAMESPACES = { common: commonMessages, timeline: timelineMessages, attachments: attachmentsMessages };
const CSS = [timelineCss, attachmentsCss].join('\n');
// A guest's link may need the number-and-key form, with its texts and CSS.
const LINK_NAMESPACES = { ...NAMESPACES, tickets: ticketsMessages };
const LINK_CSS = [CSS, guestCss].join('\n');

/** Props of the ticket screen. */
export interface TicketScreenProps {
  ticketId: string;
  justCreated: boolean;
  ticketAccessKey?: string | undefined;
  onBack(ticketId: string): void;
  onViewed(ticketId: string, lastEventId: number): void;
  /** Whether the panel is open: events that arrive while it is closed stay unseen. */
  shown: boolean;
  onFollowUp(ticket: Ticket): void;
  onOpenTicket(ticketId: string): void;
}

/** The ticket screen. */
export default function TicketScreen({ ticketId, justCreated, ticketAccessKey, onBack, onViewed, shown, onFollowUp, onOpenTicket }: TicketScreenProps) {
  useLazyPart(NAMESPACES, CSS);
  const api = useSupportApi();
  const remembered = useGuestTickets().tickets.find((ticket) => ticket.id === ticketId);
  const key = remembered?.key;
  const keyed = useMemo(() => (key === undefined ? undefined : api.withAccessKey?.(key)), [api, key]);
  const view = (
    <TicketView
      key={ticketId}
      ticketId={ticketId}
      justCreated={justCreated}
      {...(ticketAccessKey === undefined ? {} : { ticketAccessKey })}
      useReplyAttachments={useReplyAttachments}
      onBack={() => onBack(ticketId)}
      onViewed={onViewed}
      shown={shown}
      // A follow-up is sent with the widget's own guest key, which owns only the tickets sent from this browser.
      {...(remembered === undefined || remembered.sentHere === true ? { onFollowUp } : {})}
      onOpenTicket={onOpenTicket}
    />
  );
  return keyed === undefined ? view : <SupportApiProvider api={keyed}>{view}</SupportApiProvider>;
}

/** Props of the screen of a ticket named by its number. */
export interface TicketLinkScreenProps {
  number: string;
  onFound(ticketId: string): void;
  onList(): void;
}

/**
 * A ticket named by its number: found, it becomes the ticket screen (same chunk, same texts). A guest's is found
 * among the tickets remembered here, or opened with its key.
 */
export function TicketLinkScreen({ number, onFound, onList }: TicketLinkScreenProps) {
  useLazyPart(LINK_NAMESPACES, LINK_CSS);
  const { guest } = useGuestTickets();
  const byKey = useSupportApi().withAccessKey !== undefined;
  // A backend that cannot read by key: the guest is told as anyone else whose ticket it is not.
  return guest && byKey ? <GuestTicketLink number={number} onFound={onFound} onList={onList} /> : <TicketLink number={number} onFound={onFound} onList={onList} />;
}
