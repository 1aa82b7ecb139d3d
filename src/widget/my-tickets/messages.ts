/** Texts of "my tickets" (namespace 'tickets'), which come with the list's chunk. Russian; the English texts are in the .en module beside, loaded only for English. */
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
    more: 'Показать ещё',
    loadingMore: 'Загружаем ещё…',
    moreError: 'Не удалось загрузить следующие обращения.',
    shown: 'Показано обращений: {{count}}. Есть ещё.',
    allShown: 'Показаны все обращения: {{count}}.',
    notify: {
      label: 'Уведомлять по e-mail',
      hint: 'Пришлём письмо, когда специалист задаст вопрос, ответит или решит обращение.',
      saving: 'Сохраняем…',
      savedOn: 'Письма включены.',
      savedOff: 'Письма отключены.',
      saveError: 'Не удалось сохранить настройку писем. Попробуйте ещё раз.',
      loadError: 'Не удалось загрузить настройку писем.',
    },
    guest:
      'Список обращений доступен, когда вы открываете техподдержку из СДО. Открыть отправленное обращение можно по его номеру и ключу доступа.',
  },
};
