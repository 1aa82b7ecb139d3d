/** English texts of the 'app' namespace: loaded only when the widget speaks English (see app/english.ts). */
export const appMessagesEn = {
  title: 'Uchi.Pro support',
  nav: { label: 'Support sections', new: 'New request', tickets: 'My requests' },
  close: 'Close support',
  loading: 'Loading…',
  attachmentsFailed: 'Attaching files did not load. The request can be sent without them.',
  screenFailed: 'This section did not load. Check your internet connection and try again.',
  launcher: 'Support',
  launcherChanged_one: 'Support: {{count}} request changed',
  launcherChanged_other: 'Support: {{count}} requests changed',
  splitSent_one: '{{count}} request registered.',
  splitSent_other: '{{count}} requests registered.',
  captureLoading: 'Loading the screenshot tool…',
  captureFailed: 'The screenshot tool did not open. Attach a screenshot as a file or paste it (Ctrl+V).',
};
