/** One ticket's live view (a lazy chunk), with attachments for a clarification reply. */
import { attachmentsMessages } from '../../attachments';
import attachmentsCss from '../../attachments/styles.css?inline';
import type { Ticket } from '../../../core';
import { TicketLink, TicketView, timelineMessages } from '../../status-timeline';
import timelineCss from '../../status-timeline/styles.css?inline';
import { commonMessages } from '../../shared/messages';
import { useLazyPart } from '../../shared/use-lazy-part';
import { useReplyAttachments } from '../ReplyAttachments';

const NAMESPACES = { common: commonMessages, timeline: timelineMessages, attachments: attachmentsMessages };
const CSS = [timelineCss, attachmentsCss].join('\n');

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
  return (
    <TicketView
      key={ticketId}
      ticketId={ticketId}
      justCreated={justCreated}
      {...(ticketAccessKey === undefined ? {} : { ticketAccessKey })}
      useReplyAttachments={useReplyAttachments}
      onBack={() => onBack(ticketId)}
      onViewed={onViewed}
      shown={shown}
      onFollowUp={onFollowUp}
      onOpenTicket={onOpenTicket}
    />
  );
}

/** Props of the screen of a ticket named by its number. */
export interface TicketLinkScreenProps {
  number: string;
  onFound(ticketId: string): void;
  onList(): void;
}

/** A ticket named by its number: found, it becomes the ticket screen (same chunk, same texts). */
export function TicketLinkScreen({ number, onFound, onList }: TicketLinkScreenProps) {
  useLazyPart(NAMESPACES, CSS);
  return <TicketLink number={number} onFound={onFound} onList={onList} />;
}
