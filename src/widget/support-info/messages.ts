/** Texts of the working-hours banner and the other-channels panel (namespace 'support'), wording from the policy. */
export const supportMessages = {
  ru: {
    hours: {
      open_one: 'Техподдержка работает: специалист посмотрит обращение в течение {{count}} минуты',
      open_few: 'Техподдержка работает: специалист посмотрит обращение в течение {{count}} минут',
      open_many: 'Техподдержка работает: специалист посмотрит обращение в течение {{count}} минут',
      open_other: 'Техподдержка работает: специалист посмотрит обращение в течение {{count}} минуты',
      closed:
        'Сейчас нерабочее время. Обращение зарегистрируется, а специалист свяжется с вами в ближайший рабочий день: <when>{{when}}</when>',
      whenMoscow: '{{moscow}} МСК',
      whenBoth: '{{moscow}} МСК ({{local}} по вашему времени)',
      provisional: 'Ориентировочно: производственный календарь на этот год ещё не утверждён.',
    },
    channels: {
      title: 'Другие способы связаться с нами',
      hours: 'Техподдержка работает в будние дни с 08:00 до 17:00 (МСК).',
      official: 'Официальное обращение',
      consultation: 'Консультация',
      lms: 'Раздел «Техподдержка Uchi.Pro» в СДО — эта форма',
      lmsNote: 'Мы зарегистрируем обращение в системе, и вы сможете отслеживать его статус.',
      email: 'Электронная почта',
      emailNote:
        'Письмо — тоже официальное обращение. Укажите в нём организацию, ссылку на СДО, ваше ФИО, роль в СДО и контактный телефон.',
      phone: 'Телефон',
      phoneNote:
        'Звонок или сообщение в мессенджере — это консультация, а не обращение. Специалист ответит на вопрос и поможет составить официальное обращение, если проблема не решается разговором.',
    },
  },
  en: {
    hours: {
      open_one: 'Support is open: a specialist will review your request within {{count}} minute',
      open_other: 'Support is open: a specialist will review your request within {{count}} minutes',
      closed:
        'Support is closed now. Your request will be registered, and a specialist will contact you on the next working day: <when>{{when}}</when>',
      whenMoscow: '{{moscow}} Moscow time',
      whenBoth: '{{moscow}} Moscow time ({{local}} your time)',
      provisional: 'Approximate: the production calendar for this year has not been approved yet.',
    },
    channels: {
      title: 'Other ways to reach us',
      hours: 'Support works on weekdays from 08:00 to 17:00 (Moscow time).',
      official: 'Official request',
      consultation: 'Consultation',
      lms: 'The «Uchi.Pro Support» section in the LMS — this form',
      lmsNote: 'We register the request, and you can follow its status.',
      email: 'E-mail',
      emailNote:
        'An e-mail is an official request too. Include your organisation, the LMS link, your full name, your LMS role and a contact phone.',
      phone: 'Phone',
      phoneNote:
        'A call or a messenger chat is a consultation, not a request. The specialist answers your question and helps you write an official request if a conversation does not solve the problem.',
    },
  },
};
