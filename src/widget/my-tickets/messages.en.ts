/** English texts of the 'tickets' namespace: loaded only when the widget speaks English (see app/english.ts). */
export const ticketsMessagesEn = {
  title: 'My requests',
  new: 'New request',
  number: 'No.\u00a0{{number}}',
  changed: 'Updated',
  lastChange: 'Changed: {{when}}',
  empty: 'You have no requests yet.',
  emptyHint: 'Describe the problem — we will register a request and show here how it is being solved.',
  createFirst: 'Create a request',
  loadError: 'Could not load your requests.',
  more: 'Show more',
  loadingMore: 'Loading more…',
  moreError: 'Could not load the next requests.',
  shown: 'Requests shown: {{count}}. There are more.',
  allShown: 'All requests shown: {{count}}.',
  notify: {
    label: 'Notify me by e-mail',
    hint: 'We will e-mail you when a specialist asks a question, answers or resolves a request.',
    saving: 'Saving…',
    savedOn: 'E-mails are on.',
    savedOff: 'E-mails are off.',
    saveError: 'Could not save the e-mail setting. Please try again.',
    loadError: 'Could not load the e-mail setting.',
  },
  guest:
    'The list of requests is available when you open support from the LMS. A sent request can be opened with its number and access key.',
};
