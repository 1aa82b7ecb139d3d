/** The head of a ticket list: its title (where focus returns) and «Новое обращение» once there is a ticket. */
import type { RefObject } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { Button, Heading } from '../shared/ui';

/** Props of {@link TicketsHead}. */
export interface TicketsHeadProps {
  id: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** Whether the list has tickets (the empty list offers a new ticket in its own words). */
  hasTickets: boolean;
  onNew(): void;
}

/** The title and the new-ticket button, shared by a signed-in user's list and a guest's. */
export function TicketsHead({ id, headingRef, hasTickets, onNew }: TicketsHeadProps) {
  const { t } = useTranslation('tickets');
  return (
    <div className="us-tickets__head">
      <Heading depth={1} className="us-tickets__title" id={id} ref={headingRef} tabIndex={-1}>
        {t('title')}
      </Heading>
      {hasTickets ? (
        <Button variant="primary" onClick={onNew}>
          {t('new')}
        </Button>
      ) : null}
    </div>
  );
}
