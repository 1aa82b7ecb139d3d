/** My tickets: the user's ticket list and the launcher's unseen-changes badge (namespaces 'tickets' and 'unseen'). */
export { MyTickets, TICKETS_PAGE_SIZE } from './MyTickets';
export type { MyTicketsProps } from './MyTickets';
export { UnseenBadge } from './UnseenBadge';
export { useUnseenTickets } from './use-unseen-tickets';
export type { UnseenTickets, UnseenTicketsOptions } from './use-unseen-tickets';
export { baselineSeen, getChangedIds, isTicketChanged, parseSeen, seenKey, serializeSeen, withSeen } from './seen';
export type { SeenState, SeenTicket } from './seen';
export { formatLastChange } from './last-change';
export { ticketsMessages } from './messages';
export { unseenMessages } from './unseen-messages';
