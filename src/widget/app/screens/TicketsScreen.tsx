/** "My tickets" (a lazy chunk with the list's texts and CSS; the unseen badge's are in the widget file). */
import { useEffect, useState } from 'react';
import { ticketsMessages } from '../../my-tickets/messages';
import { MyTickets } from '../../my-tickets/MyTickets';
import guestCss from '../../my-tickets/guest.css?inline';
import ticketsCss from '../../my-tickets/styles.css?inline';
import { commonMessages } from '../../shared/messages';
import { Notice } from '../../shared/ui';
import { useLazyPart } from '../../shared/use-lazy-part';

const NAMESPACES = { common: commonMessages, tickets: ticketsMessages };
const CSS = [ticketsCss, guestCss].join('\n');
// An open list follows answers and status changes within half a minute.
const LIST_REFRESH_MS = 30_000;

/** Props of the list screen. */
export interface TicketsScreenProps {
  notice?: string | undefined;
  focusTicketId?: string | undefined;
  /** Whether the panel is open: the list is read again every 30 s only then. */
  shown: boolean;
  onOpen(ticketId: string): void;
  onNew(): void;
}

/** The list screen. */
export default function TicketsScreen({ notice, focusTicketId, shown, onOpen, onNew }: TicketsScreenProps) {
  useLazyPart(NAMESPACES, CSS);
  // The live region is in the page before its text, which comes a moment later: a region that comes with its
  // text is not read out.
  const [said, setSaid] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSaid(notice ?? ''), 0);
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <>
      {notice === undefined ? null : (
        <Notice tone="success" live>
          {said}
        </Notice>
      )}
      <MyTickets focusOnMount {...(focusTicketId === undefined ? {} : { focusTicketId })} refreshMs={shown ? LIST_REFRESH_MS : 0} onOpen={onOpen} onNew={onNew} />
    </>
  );
}
