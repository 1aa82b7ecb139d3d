import { CATEGORY_FIELD_MESSAGES_RU } from '../../core';
/** Strings of the ticket form (namespace 'form'): Russian first, with Russian plural forms; English second. Russian; the English texts are in the .en module beside, loaded only for English. */
export const formMessages = {
  ru: {
    heading: 'Новое обращение',
    followUp: {
      notice: 'Продолжение обращения №\u00a0{{number}}',
      subject: 'Продолжение обращения № {{number}}: {{subject}}',
      cancel: 'Создать обычное обращение',
    },
    optional: 'необязательно',
    fieldsFailed: 'Не удалось загрузить поля формы. Проверьте подключение к интернету и повторите.',
    context: {
      title: 'Ваши данные',
      auto: 'отправим автоматически',
      hostHint: 'Эти данные пришли из СДО, вводить их не нужно.',
      guestHint: 'Вы пишете не из СДО: укажите данные, по которым техподдержка найдёт вас и вашу организацию.',
      notSet: 'не указано',
      line: '{{name}}, {{role}} · {{organization}}',
    },
    field: {
      contact: {
        organization: 'Название организации (вендора)',
        lmsUrl: 'Ссылка на СДО',
        fullName: 'Ваше ФИО',
        role: 'Ваша роль в СДО',
        phone: 'Контактный телефон',
        email: 'E-mail',
      },
      category: 'О чём обращение?',
      subject: 'Тема обращения',
      description: 'Опишите проблему',
      courseTitle: 'Полное название курса',
      courseUrl: 'Ссылка на курс',
      testQuestion: 'Текст вопроса теста',
      testAttemptDate: 'Когда проходили тест',
      orderUrl: 'Ссылка на заявку',
      documentUrl: 'Ссылка на документ',
      steps: 'Какие действия вызывают ошибку',
      impact: 'Насколько это мешает работе?',
      consent: 'Согласие на обработку персональных данных',
    },
    categoryHint: 'Выберите одну категорию: одна заявка — одна проблема.',
    rolePlaceholder: 'Выберите роль',
    // The category's sentences; the other fields' come with them (fields-messages.ts).
    error: { category: CATEGORY_FIELD_MESSAGES_RU },
    waitingFiles: {
      one: 'Файл «{{names}}» приложим, когда вы выберете категорию.',
      many: 'Файлы «{{names}}» приложим, когда вы выберете категорию.',
      // Between two names inside the quotes: «a.png», «b.png».
      between: '», «',
    },
    suggestion: {
      course: 'Похоже, вопрос о курсе на этой странице',
      order: 'Похоже, вопрос о заявке на этой странице',
    },
    categoryAbout: {
      course: 'Ошибка или неточность в материалах курса. Попросим название курса и ссылку на него.',
      test: 'Неверный вопрос или ответ, тест не засчитывается. Попросим ссылку на курс и текст вопроса.',
      order: 'Вопрос по заявке на обучение. Попросим ссылку на заявку.',
      document: 'Удостоверение, протокол или другой документ сформирован с ошибкой. Попросим ссылки на заявку и документ.',
      technical: 'Страница не открывается, кнопка не работает, видна ошибка. Попросим описать шаги.',
      suggestion: 'Идея, как сделать СДО или курсы удобнее.',
      other: 'Всё, что не подошло выше.',
    },
    summary: {
      title_one: 'Исправьте {{count}} ошибку',
      title_few: 'Исправьте {{count}} ошибки',
      title_many: 'Исправьте {{count}} ошибок',
      title_other: 'Исправьте {{count}} ошибки',
      intro: 'Выберите пункт, чтобы перейти к полю.',
      introSplit: 'Эти поля общие для всех частей: заполните их, чтобы разделить описание. Выберите пункт, чтобы перейти к полю.',
      oneProblem: 'Одна заявка — одна проблема: разделите описание или подтвердите, что проблема одна',
      draft: 'Не удалось собрать сведения для обращения. Обновите страницу и попробуйте снова',
    },
  },
};
