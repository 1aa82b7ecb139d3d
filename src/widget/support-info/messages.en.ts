/** English texts of the 'support' namespace: loaded only when the widget speaks English (see app/english.ts). */
export const supportMessagesEn = {
  hours: {
    open_one: 'Support is open: a specialist will review your request within {{count}} minute',
    open_other: 'Support is open: a specialist will review your request within {{count}} minutes',
    closed: 'Support is closed now. Your request is registered as soon as you send it; support opens on <when>{{when}}</when>.',
    whenMoscow: '{{moscow}} Moscow time',
    whenBoth: '{{moscow}} Moscow time ({{local}} your time)',
    provisional: 'Approximate: the production calendar for this year has not been approved yet.',
  },
  channels: {
    title: 'Other ways to reach us',
    hours: 'Support works on weekdays from 08:00 to 17:00 (Moscow time).',
    official: 'Official request',
    consultation: 'Consultation',
    lms: 'The “Uchi.Pro support” section in the LMS — this form',
    lmsNote: 'We register the request, and you can follow its status.',
    email: 'E-mail',
    emailNote:
      'An e-mail is an official request too. Include your organisation, the LMS link, your full name, your LMS role and a contact phone.',
    phone: 'Phone',
    phoneNote:
      'A call or a messenger chat is a consultation, not a request. The specialist answers your question and helps you write an official request if a conversation does not solve the problem.',
  },
};
