/** Texts of "my tickets" (namespace 'tickets'), which come with the list's chunk. */
export const ticketsMessages = {
  ru: {
    title: 'Мои обращения',
    new: 'Новое обращение',
    number: '№\u00a0{{number}}',
    changed: 'Есть изменения',
    lastChange: 'Изменено: {{when}}',
    empty: 'У вас пока нет обращений.',
    emptyHint: 'Опишите проблему — мы зарегистрируем обращение и покажем здесь, как оно решается.',
    createFirst: 'Создать обращение',
    loadError: 'Не удалось загрузить список обращений.',
    guest:
      'Список обращений доступен, когда вы открываете техподдержку из СДО. Открыть отправленное обращение можно по его номеру и ключу доступа.',
  },
  en: {
    title: 'My requests',
    new: 'New request',
    number: 'No.\u00a0{{number}}',
    changed: 'Updated',
    lastChange: 'Changed: {{when}}',
    empty: 'You have no requests yet.',
    emptyHint: 'Describe the problem — we will register a request and show here how it is being solved.',
    createFirst: 'Create a request',
    loadError: 'Could not load your requests.',
    guest:
      'The list of requests is available when you open support from the LMS. A sent request can be opened with its number and access key.',
  },
};
