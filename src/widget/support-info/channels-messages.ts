/**
 * Texts of the other-channels panel's body (namespace 'support', added to it when the panel is opened), wording
 * from the policy. Russian; the English texts are in messages.en.ts with the rest of the namespace.
 */
export const channelsMessages = {
  ru: {
    channels: {
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
};
