/**
 * Texts of the working-hours banner and the other-channels panel's title (namespace 'support'), wording from the
 * policy; the panel's body brings its own (channels-messages.ts). Russian; the English texts are in the .en module
 * beside, loaded only for English.
 */
export const supportMessages = {
  ru: {
    hours: {
      open_one: 'Техподдержка работает: специалист посмотрит обращение в течение {{count}} минуты',
      open_few: 'Техподдержка работает: специалист посмотрит обращение в течение {{count}} минут',
      open_many: 'Техподдержка работает: специалист посмотрит обращение в течение {{count}} минут',
      open_other: 'Техподдержка работает: специалист посмотрит обращение в течение {{count}} минуты',
      // The opening, not the deadline: the receipt gives that (an hour later), and the two must not seem to disagree.
      closed: 'Сейчас нерабочее время: обращение зарегистрируем сразу, техподдержка откроется <when>{{when}}</when>.',
      whenMoscow: 'в {{moscow}} МСК',
      whenBoth: 'в {{moscow}} МСК ({{local}} по вашему времени)',
      provisional: 'Ориентировочно: производственный календарь на этот год ещё не утверждён.',
    },
    channels: {
      title: 'Другие способы связаться с нами',
    },
  },
};
