/** "My tickets" (a lazy chunk with the list's texts and CSS; the unseen badge's are in the widget file). */
import { ticketsMessages } from '../../my-tickets/messages';
import { MyTickets } from '../../my-tickets/MyTickets';
import ticketsCss from '../../my-tickets/styles.css?inline';
import { commonMessages } from '../../shared/messages';
import { Notice } from '../../shared/ui';
import { useLazyPart } from '../../shared/use-lazy-part';

const NAMESPACES = { common: commonMessages, tickets: ticketsMessages };

/** Props of the list screen. */
export interface TicketsScreenProps {
  notice?: string | undefined;
  focusTicketId?: string | undefined;
  onOpen(ticketId: string): void;
  onNew(): void;
}

/** The list screen. */
export default function TicketsScreen({ notice, focusTicketId, onOpen, onNew }: TicketsScreenProps) {
  useLazyPart(NAMESPACES, ticketsCss);
  return (
    <>
      {notice === undefined ? null : (
        <Notice tone="success" live>
          {notice}
        </Notice>
      )}
      <MyTickets focusOnMount {...(focusTicketId === undefined ? {} : { focusTicketId })} onOpen={onOpen} onNew={onNew} />
    </>
  );
}
