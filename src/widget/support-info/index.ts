/** Support info: the working-hours banner and the other-channels panel (namespace 'support'). */
export { HoursBanner } from './HoursBanner';
export { ChannelsPanel } from './ChannelsPanel';
export { mailtoHref, telHref } from './channels';
export { getHoursState } from './hours-state';
export type { HoursState } from './hours-state';
export { supportMessages } from './messages';
