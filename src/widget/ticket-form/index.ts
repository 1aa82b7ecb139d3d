/** The ticket form feature: the form component, its strings (namespace 'form') and its styles. */
export { TicketForm } from './TicketForm';
export type { TicketFormProps } from './TicketForm';
export { formMessages } from './messages';
export { default as ticketFormStyles } from './styles.css?inline';
