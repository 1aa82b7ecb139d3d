/** "My tickets" (a lazy chunk; its texts and CSS are in the main chunk, which shows the unseen badge). */
import { MyTickets } from '../../my-tickets/MyTickets';
import { Notice } from '../../shared/ui';

/** Props of the list screen. */
export interface TicketsScreenProps {
  notice?: string | undefined;
  focusTicketId?: string | undefined;
  onOpen(ticketId: string): void;
  onNew(): void;
}

/** The list screen. */
export default function TicketsScreen({ notice, focusTicketId, onOpen, onNew }: TicketsScreenProps) {
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
