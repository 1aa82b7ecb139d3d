// The effort of filing a course ticket from a course page, as a scripted user spends it: clicks, keystrokes
// and the scrolls needed to bring a control into the panel's view before using it.

const TICKET = {
  subject: 'Не загружается видеолекция',
  description: 'Видеолекция в уроке 5 не загружается, крутится индикатор.',
  courseTitle: 'Охрана труда для руководителей',
};

/**
 * Opens the launcher on a course page and files a course ticket. The user clicks a control unless it already
 * has focus, scrolls first when it lies outside the panel's view, and types every character; a category the
 * page suggests is taken from the top of the choice when the form asks for one. The user writes what happened
 * first and types a subject only when the form has not proposed one from the description.
 */
export async function measureCourseTicketEffort(browser, url) {
  const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1280, height: 800 } });
  const count = { clicks: 0, keystrokes: 0, scrolls: 0 };
  try {
    const page = await context.newPage();
    await page.goto(url);
    const dialog = page.getByRole('dialog', { name: 'Техподдержка Uchi.Pro' });
    const use = async (locator) => {
      await locator.waitFor();
      const focused = await locator.evaluate((node) => node.getRootNode().activeElement === node);
      if (focused) return;
      const inView = await locator.evaluate((node) => {
        const panel = node.closest('.us-panel');
        const box = node.getBoundingClientRect();
        const frame = panel.getBoundingClientRect();
        return box.top >= frame.top && box.bottom <= frame.top + panel.clientHeight;
      });
      if (!inView) count.scrolls += 1;
      await locator.click();
      count.clicks += 1;
    };
    const type = async (locator, text) => {
      await use(locator);
      await page.keyboard.type(text);
      count.keystrokes += text.length;
    };
    await page.locator('uchi-support-launcher').getByRole('button').click();
    count.clicks += 1;
    const firstOption = dialog.locator('.us-picker__option').first();
    const subject = dialog.getByLabel('Тема обращения');
    await Promise.race([firstOption.waitFor(), subject.waitFor()]);
    if (await firstOption.isVisible()) await use(firstOption);
    await type(dialog.getByLabel('Опишите проблему'), TICKET.description);
    if ((await subject.inputValue()).trim() === '') await type(subject, TICKET.subject);
    await type(dialog.getByLabel('Полное название курса'), TICKET.courseTitle);
    await use(dialog.getByRole('radio', { name: 'Мешает работать мне' }));
    await use(dialog.getByRole('button', { name: 'Отправить обращение' }));
    await dialog.getByText(/^Номер обращения: №/).waitFor({ timeout: 15_000 });
    return count;
  } finally {
    await context.close();
  }
}
