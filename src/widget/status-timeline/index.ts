/** Status timeline: the live view of one ticket (namespace 'timeline'). */
export { TicketLink } from './TicketLink';
export type { TicketLinkProps } from './TicketLink';
export { TicketView } from './TicketView';
export type { TicketViewProps } from './TicketView';
export { StatusBadge } from './StatusBadge';
export type { AttachmentUrl } from './AttachmentList';
export { getCurrentEventId, getLastEventId, getLastQuestionEvent, isStatusChange } from './timeline-model';
export { timelineMessages } from './messages';
