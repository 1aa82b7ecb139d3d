/** Strings of the shell: the panel, its navigation and the launcher's accessible name (namespace 'app'). Russian; the English texts are in the .en module beside, loaded only for English. */
export const appMessages = {
  ru: {
    title: 'Техподдержка Uchi.Pro',
    nav: { label: 'Разделы техподдержки', new: 'Новое обращение', tickets: 'Мои обращения' },
    close: 'Закрыть техподдержку',
    loading: 'Загрузка…',
    attachmentsFailed: 'Не удалось загрузить прикрепление файлов. Обращение можно отправить и без них.',
    screenFailed: 'Не удалось загрузить этот раздел. Проверьте подключение к интернету и повторите.',
    launcher: 'Техподдержка',
    launcherChanged_one: 'Техподдержка: {{count}} обращение изменилось',
    launcherChanged_few: 'Техподдержка: {{count}} обращения изменились',
    launcherChanged_many: 'Техподдержка: {{count}} обращений изменились',
    launcherChanged_other: 'Техподдержка: {{count}} обращения изменились',
    splitSent_one: 'Зарегистрировано {{count}} обращение.',
    splitSent_few: 'Зарегистрировано {{count}} обращения.',
    splitSent_many: 'Зарегистрировано {{count}} обращений.',
    splitSent_other: 'Зарегистрировано {{count}} обращения.',
    captureLoading: 'Загружаем инструмент для скриншотов…',
    captureFailed: 'Не удалось открыть инструмент для скриншотов. Прикрепите скриншот файлом или вставьте его (Ctrl+V).',
  },
};
