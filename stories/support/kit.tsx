/** The features as the app's screens compose them, for component stories (actions log what a host would get). */
import { action } from 'storybook/actions';
import type { Ticket } from '../../src/core';
import { useAttachmentsWithCapture, useReplyAttachments } from '../../src/widget/app/ReplyAttachments';
import { useWidgetEnv } from '../../src/widget/shared/env';
import { TicketView } from '../../src/widget/status-timeline';
import { TicketForm } from '../../src/widget/ticket-form';
import { USER_TIME_ZONE } from './fixtures';

/**
 * The ticket form with the real attachments picker (and its screenshot button), as on the form screen; given
 * `followUp` (a seeded, closed ticket), the form of its follow-up, as the app opens it from the ticket's offer.
 */
export function FormStory({ followUp }: { followUp?: Ticket }) {
  const env = useWidgetEnv();
  const attachments = useAttachmentsWithCapture(`form:${env.userKey}`);
  return (
    <TicketForm
      attachments={attachments}
      onSent={action('sent')}
      onSplitSent={action('split sent')}
      onAddedToExisting={action('added to existing')}
      followUp={followUp}
      onCancelFollowUp={followUp === undefined ? undefined : action('ordinary ticket instead')}
    />
  );
}

/**
 * One ticket's live view, as on the ticket screen; times in the story user's zone (Yekaterinburg). With
 * `offersFollowUp: false` the view gets no `onFollowUp`, as the screen gives a guest's ticket opened here by number
 * and key (a follow-up is sent with this browser's own guest key, which does not own it).
 */
export function TicketStory({
  ticketId,
  justCreated = false,
  ticketAccessKey,
  offersFollowUp = true,
}: {
  ticketId: string;
  justCreated?: boolean;
  ticketAccessKey?: string;
  offersFollowUp?: boolean;
}) {
  return (
    <TicketView
      ticketId={ticketId}
      justCreated={justCreated}
      {...(ticketAccessKey === undefined ? {} : { ticketAccessKey })}
      useReplyAttachments={useReplyAttachments}
      onBack={action('back')}
      {...(offersFollowUp ? { onFollowUp: action('follow up') } : {})}
      onOpenTicket={action('open ticket')}
      timeZone={USER_TIME_ZONE}
    />
  );
}
