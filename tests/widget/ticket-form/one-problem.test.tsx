/** «Одна заявка — одна проблема»: blocked until split into N tickets or confirmed as one. */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { chooseCategory, fill, fillCommon, send } from './actions';
import { createFakeApi, createSlot, failed, renderForm } from './render-form';

const TWO_PROBLEMS = 'Не открывается курс «Охрана труда». Также не приходит письмо с паролем новым слушателям.';
const COURSE = 'https://lms.example.ru/courses/abc-123';

async function fillCourse(user: Parameters<typeof fill>[0]): Promise<void> {
  await chooseCategory(user, 'Курс или учебный материал');
  await fill(user, 'Полное название курса', 'Охрана труда');
  await fill(user, 'Ссылка на курс', COURSE);
}

describe('one ticket — one problem', () => {
  it('blocks sending while the description holds several problems, and explains why', async () => {
    const { user, api } = renderForm();
    await chooseCategory(user, 'Другой вопрос');
    await fillCommon(user, TWO_PROBLEMS);
    const panel = await screen.findByText('Одна заявка — одна проблема');
    const notice = panel.closest('.us-notice') as HTMLElement;
    expect(within(notice).getByText('Похоже, в описании 2 разные проблемы:')).toBeInTheDocument();
    expect(within(notice).getByText(/понадобится больше времени, чтобы разделить их/)).toBeInTheDocument();
    // The verdict names the words it rests on.
    expect(within(notice).getByText('Начало другой проблемы: «Также»')).toBeInTheDocument();
    // What is announced is the verdict in a sentence, not the whole panel with its parts and buttons.
    const check = notice.closest('.us-one-problem') as HTMLElement;
    expect(check).not.toHaveAttribute('aria-live');
    expect(within(check).getAllByRole('status').map((region) => region.textContent)).toContain('Похоже, здесь 2 разные проблемы.');
    expect(within(notice).queryByRole('button', { name: 'Разделить на 2 обращения' })?.closest('[aria-live], [role="status"]')).toBeNull();
    const submit = screen.getByRole('button', { name: 'Отправить обращение' });
    expect(submit).toHaveAttribute('aria-disabled', 'true');
    expect(submit).toHaveAccessibleDescription('Разделите описание на отдельные обращения или подтвердите, что проблема одна.');
    expect(api.createTicket).not.toHaveBeenCalled();
  });

  it('says so under the description too, with the way to the check, and not once the user confirmed', async () => {
    const { user } = renderForm();
    await chooseCategory(user, 'Другой вопрос');
    await fillCommon(user, TWO_PROBLEMS);
    const panel = (await screen.findByText('Одна заявка — одна проблема')).closest('[tabindex="-1"]') as HTMLElement;
    const description = screen.getByLabelText('Опишите проблему');
    // Under the field the user types in, in its field, far above the panel.
    const pointer = within(description.closest('.us-field') as HTMLElement).getByText('Похоже, здесь 2 разные проблемы.');
    expect(description.compareDocumentPosition(pointer) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(pointer.compareDocumentPosition(panel) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await user.click(within(pointer).getByRole('button', { name: 'Разделить или подтвердить' }));
    expect(panel).toHaveFocus();
    // What takes the focus says what it is: a group named by the check's title.
    expect(screen.getByRole('group', { name: 'Одна заявка — одна проблема' })).toBe(panel);
    await user.click(screen.getByRole('button', { name: 'Это одна проблема' }));
    expect(screen.queryByText('Похоже, здесь 2 разные проблемы.')).not.toBeInTheDocument();
  });

  it('names every cut of a text of three problems, in the plural', async () => {
    const { user } = renderForm();
    await chooseCategory(user, 'Другой вопрос');
    await fillCommon(user, '1. Не открывается курс «Охрана труда».\n2. Не приходит письмо с паролем.\n3. В счёте неверная сумма.');
    const notice = (await screen.findByText('Одна заявка — одна проблема')).closest('.us-notice') as HTMLElement;
    expect(within(notice).getByText('Начала других проблем: «2.», «3.»')).toBeInTheDocument();
  });

  it('keeps the waiting send button in the Tab order; pressing it sends nothing and moves to the check', async () => {
    const { user, api } = renderForm();
    await chooseCategory(user, 'Другой вопрос');
    await fillCommon(user, TWO_PROBLEMS);
    const panel = (await screen.findByText('Одна заявка — одна проблема')).closest('[tabindex="-1"]') as HTMLElement;
    const submit = screen.getByRole('button', { name: 'Отправить обращение' });
    // Tab from the panel's last choice reaches the button itself, with its reason.
    screen.getByRole('button', { name: 'Это одна проблема' }).focus();
    await user.tab();
    expect(submit).toHaveFocus();
    expect(submit).toHaveAccessibleDescription('Разделите описание на отдельные обращения или подтвердите, что проблема одна.');

    await user.keyboard('{Enter}');
    expect(panel).toHaveFocus();
    await user.click(submit);
    expect(panel).toHaveFocus();
    // Enter in a field (the form's implicit submission goes through the button) waits too.
    await user.type(screen.getByLabelText('Тема обращения'), '{Enter}');
    expect(panel).toHaveFocus();
    expect(api.createTicket).not.toHaveBeenCalled();
    expect(screen.queryByRole('region', { name: /^Исправьте/ })).not.toBeInTheDocument();
  });

  it('a send inside the debounce window is still checked, and focus goes to the explanation', async () => {
    const { user, api } = renderForm();
    await chooseCategory(user, 'Другой вопрос');
    await fillCommon(user, 'Белый экран.');
    await fill(user, 'Опишите проблему', TWO_PROBLEMS);
    fireEvent.submit(screen.getByRole('form', { name: 'Новое обращение' })); // before the live check ran
    const panel = await screen.findByText('Одна заявка — одна проблема');
    await waitFor(() => expect(panel.closest('[tabindex="-1"]')).toHaveFocus());
    expect(api.createTicket).not.toHaveBeenCalled();
  });

  it('"Это одна проблема" sends with oneProblemConfirmed, until the text changes substantially', async () => {
    const { user, api, onSent } = renderForm();
    await chooseCategory(user, 'Другой вопрос');
    await fillCommon(user, TWO_PROBLEMS);
    await user.click(await screen.findByRole('button', { name: 'Это одна проблема' }));
    expect(screen.getByRole('button', { name: 'Отправить обращение' })).not.toHaveAttribute('aria-disabled');
    // The button pressed is gone: focus is on the confirmation's undo, not lost to the page.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Отменить подтверждение' })).toHaveFocus());

    // A typo fix keeps the confirmation…
    await fill(user, 'Опишите проблему', TWO_PROBLEMS.replace('Охрана', 'Охраны'));
    expect(screen.getByRole('button', { name: 'Отправить обращение' })).not.toHaveAttribute('aria-disabled');
    // …a new problem does not.
    await fill(user, 'Опишите проблему', `${TWO_PROBLEMS} И ещё вопрос: как выгрузить отчёт по успеваемости группы в Excel?`);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Отправить обращение' })).toHaveAttribute('aria-disabled', 'true'));
    await user.click(await screen.findByRole('button', { name: 'Это одна проблема' }));

    await send(user);
    await waitFor(() => expect(onSent).toHaveBeenCalled());
    expect(api.createTicket.mock.calls[0]?.[0]).toMatchObject({ oneProblemConfirmed: true });
  });

  it('splitting needs the shared fields first', async () => {
    const { user } = renderForm();
    await chooseCategory(user, 'Курс или учебный материал');
    await fillCommon(user, TWO_PROBLEMS);
    await user.click(await screen.findByRole('button', { name: 'Разделить на 2 обращения' }));
    expect(await screen.findByRole('button', { name: 'Укажите ссылку на курс' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '2 обращения вместо одного' })).not.toBeInTheDocument();
    // The summary says why, and does not list the rule the user was obeying by splitting.
    const summary = screen.getByRole('region', { name: /^Исправьте/ });
    expect(summary).toHaveTextContent('Эти поля общие для всех частей: заполните их, чтобы разделить описание.');
    expect(within(summary).queryByRole('button', { name: /Одна заявка — одна проблема/ })).not.toBeInTheDocument();
    // A send refused afterwards (Enter in a field submits the form) lists the rule again.
    fireEvent.submit(screen.getByRole('form', { name: 'Новое обращение' }));
    expect(await within(summary).findByRole('button', { name: /Одна заявка — одна проблема/ })).toBeInTheDocument();
    expect(summary).toHaveTextContent('Выберите пункт, чтобы перейти к полю.');
    expect(summary).not.toHaveTextContent('Эти поля общие');
  });

  it('splitting does not ask for what each part has of its own: its subject, its impact, its steps', async () => {
    const { user, api } = renderForm();
    await chooseCategory(user, 'Ошибка в работе СДО');
    await fill(user, 'Опишите проблему', TWO_PROBLEMS);
    // A send asks for everything: the steps, the subject, the impact.
    await send(user);
    const summary = await screen.findByRole('region', { name: /^Исправьте/ });
    expect(within(summary).getByRole('button', { name: /действия/ })).toBeInTheDocument();
    // The split does not: each part asks for its own in the split view.
    await user.click(await screen.findByRole('button', { name: 'Разделить на 2 обращения' }));
    expect(await screen.findByRole('heading', { level: 2, name: '2 обращения вместо одного' })).toBeInTheDocument();
    for (const name of ['Обращение 1 из 2', 'Обращение 2 из 2']) {
      const part = screen.getByRole('group', { name });
      expect(within(part).getByLabelText(/Какие действия вызывают ошибку/)).toHaveValue('');
      expect(within(part).getByLabelText('Тема обращения')).not.toHaveValue('');
    }
    expect(screen.queryByRole('region', { name: /^Исправьте/ })).not.toBeInTheDocument();
    expect(api.createTicket).not.toHaveBeenCalled();

    // Sent as they are, each part says what it lacks on its own controls, not on the form's shared fields.
    const first = screen.getByRole('group', { name: 'Обращение 1 из 2' });
    const impact = within(first).getByLabelText(/Насколько это мешает работе/);
    expect(within(impact).getByRole('option', { name: 'Выберите…' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Отправить 2 обращения' }));
    await waitFor(() => expect(impact).toHaveAttribute('aria-invalid', 'true'));
    expect(impact).toHaveAccessibleDescription(/Укажите, насколько проблема мешает работе/);
    expect(within(first).getByLabelText(/Какие действия вызывают ошибку/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText(/Общие поля формы заполнены неверно/)).not.toBeInTheDocument();
    // A summary, as the form's: it has the focus, names each part's field, and moves to it.
    const partsSummary = screen.getByRole('region', { name: 'Исправьте 4 ошибки' });
    await waitFor(() => expect(partsSummary).toHaveFocus());
    const lines = within(partsSummary).getAllByRole('button').map((button) => button.textContent);
    expect(lines).toEqual([
      'Обращение 1 из 2: Укажите, насколько проблема мешает работе',
      'Обращение 1 из 2: Опишите действия, которые приводят к ошибке',
      'Обращение 2 из 2: Укажите, насколько проблема мешает работе',
      'Обращение 2 из 2: Опишите действия, которые приводят к ошибке',
    ]);
    await user.click(within(partsSummary).getAllByRole('button')[3] as HTMLElement);
    expect(within(screen.getByRole('group', { name: 'Обращение 2 из 2' })).getByLabelText(/Какие действия вызывают ошибку/)).toHaveFocus();
    expect(api.createTicket).not.toHaveBeenCalled();
  });

  it('a part found wrong is checked again as it is edited: a fixed field loses its message, another category its fields', async () => {
    const { user, api } = renderForm();
    await chooseCategory(user, 'Ошибка в работе СДО');
    await fill(user, 'Опишите проблему', TWO_PROBLEMS);
    await user.click(await screen.findByRole('button', { name: 'Разделить на 2 обращения' }));
    await screen.findByRole('heading', { level: 2, name: '2 обращения вместо одного' });
    await user.click(screen.getByRole('button', { name: 'Отправить 2 обращения' }));
    await screen.findByRole('region', { name: 'Исправьте 4 ошибки' });

    // Part 1's steps written: their message and their line go at once, before any new send.
    const first = screen.getByRole('group', { name: 'Обращение 1 из 2' });
    const steps = within(first).getByLabelText(/Какие действия вызывают ошибку/);
    await user.type(steps, '1. Открыть курс 2. Нажать «Начать»');
    expect(steps).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('region', { name: 'Исправьте 3 ошибки' })).toBeInTheDocument();

    // Part 2 moved to a category without steps but with a link of its own: nothing is said about steps, nor about the
    // form's shared fields, and the new field is not marked before the next send.
    const second = screen.getByRole('group', { name: 'Обращение 2 из 2' });
    await user.selectOptions(within(second).getByLabelText('Категория этого обращения'), 'Заявка на обучение');
    const summary = screen.getByRole('region', { name: 'Исправьте 2 ошибки' });
    expect(within(summary).getAllByRole('button').map((button) => button.textContent)).toEqual([
      'Обращение 1 из 2: Укажите, насколько проблема мешает работе',
      'Обращение 2 из 2: Укажите, насколько проблема мешает работе',
    ]);
    expect(screen.queryByText(/Общие поля формы заполнены неверно/)).not.toBeInTheDocument();
    const orderUrl = within(second).getByLabelText('Ссылка на заявку');
    expect(orderUrl).not.toHaveAttribute('aria-invalid', 'true');
    await user.click(screen.getByRole('button', { name: 'Отправить 2 обращения' }));
    await waitFor(() => expect(orderUrl).toHaveAttribute('aria-invalid', 'true'));
    expect(api.createTicket).not.toHaveBeenCalled();
  });

  it('splits into N drafts sent one by one with their own keys, and lists the numbers', async () => {
    const slot = createSlot({ ids: ['att-00000001'], names: ['screen.png'], hasImage: true });
    const { user, api, onSplitSent, store } = renderForm({ slot });
    await fillCourse(user);
    await fillCommon(user, TWO_PROBLEMS);
    await user.click(await screen.findByRole('button', { name: 'Разделить на 2 обращения' }));

    // In place of the form and its heading: the second level under the widget's title, each part the third.
    const heading = await screen.findByRole('heading', { level: 2, name: '2 обращения вместо одного' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getAllByRole('heading', { level: 3 }).map((item) => item.textContent)).toEqual(['Обращение 1 из 2', 'Обращение 2 из 2']);
    expect(screen.queryByRole('heading', { level: 4 })).not.toBeInTheDocument();
    // Each part's fields are a group named by the part, so «Тема обращения» twice is told apart.
    const secondPart = screen.getByRole('group', { name: 'Обращение 2 из 2' });
    expect(within(secondPart).getByLabelText('Тема обращения')).toHaveValue('Не приходит письмо с паролем новым слушателям');
    const subjects = screen.getAllByLabelText('Тема обращения');
    expect(subjects.map((input) => (input as HTMLInputElement).value)).toEqual([
      'Не открывается курс «Охрана труда»',
      'Не приходит письмо с паролем новым слушателям',
    ]);
    await user.clear(subjects[1] as HTMLElement);
    await user.type(subjects[1] as HTMLElement, 'Нет письма с паролем');
    await user.click(screen.getByRole('button', { name: 'Отправить 2 обращения' }));

    await waitFor(() => expect(onSplitSent).toHaveBeenCalledTimes(1));
    expect(api.createTicket).toHaveBeenCalledTimes(2);
    const [first, second] = api.createTicket.mock.calls;
    expect(first?.[1]).not.toBe(second?.[1]);
    expect(first?.[1]).not.toBe('test-key-1');
    expect(first?.[0]).toMatchObject({ subject: 'Не открывается курс «Охрана труда»', course: { title: 'Охрана труда', url: COURSE }, attachmentIds: ['att-00000001'] });
    expect(second?.[0]).toMatchObject({ subject: 'Нет письма с паролем', description: 'Не приходит письмо с паролем новым слушателям.', attachmentIds: [] });
    // Each part is what the user chose as one problem: sent confirmed, so the server cannot stop a split half-sent.
    expect(first?.[0]).toMatchObject({ oneProblemConfirmed: true });
    expect(second?.[0]).toMatchObject({ oneProblemConfirmed: true });
    // Both parts carry the same group token, so the server links them.
    const group = (first?.[0] as { splitGroup?: string }).splitGroup;
    expect(group).toEqual(expect.any(String));
    expect((second?.[0] as { splitGroup?: string }).splitGroup).toBe(group);
    const results = screen.getByRole('list', { name: 'Номера обращений' });
    expect(within(results).getByText('№ 1001 — Не открывается курс «Охрана труда»')).toBeInTheDocument();
    expect(within(results).getByText('№ 1002 — Нет письма с паролем')).toBeInTheDocument();
    expect(onSplitSent.mock.calls[0]?.[0].map((r: { ticket: { number: string } }) => r.ticket.number)).toEqual(['1001', '1002']);
    expect(store.getItem('uchi-support:ticket-draft:u-1')).toBeNull();
  });

  it('the first part keeps the form\'s steps, a later part starts its own empty, and the links stay shared', async () => {
    const { user, api, onSplitSent } = renderForm();
    await chooseCategory(user, 'Ошибка в работе СДО');
    await fill(user, 'Какие действия вызывают ошибку', 'Нажал «Итоговый тест». Увидел ошибку 500.');
    await fillCommon(user, 'Итоговый тест выдаёт ошибку 500. Кроме того, в личном кабинете нет сертификата за прошлый курс.');
    await user.click(await screen.findByRole('button', { name: 'Разделить на 2 обращения' }));
    await screen.findByRole('heading', { level: 2, name: '2 обращения вместо одного' });
    const [, second] = screen.getAllByRole('listitem').filter((item) => item.classList.contains('us-split__item')) as [HTMLElement, HTMLElement];
    const steps = screen.getAllByLabelText(/Какие действия вызывают ошибку/);
    // The steps told in the form are the first problem's: the second part, another problem, does not get them.
    expect(steps.map((field) => (field as HTMLTextAreaElement).value)).toEqual(['Нажал «Итоговый тест». Увидел ошибку 500.', '']);
    const own = within(second).getByLabelText(/Какие действия вызывают ошибку/);
    await user.type(own, 'Открыл «Мои документы». Сертификата нет.');
    await user.click(screen.getByRole('button', { name: 'Отправить 2 обращения' }));
    await waitFor(() => expect(onSplitSent).toHaveBeenCalledTimes(1));
    const [first, next] = api.createTicket.mock.calls;
    expect(first?.[0]).toMatchObject({ category: 'technical', steps: 'Нажал «Итоговый тест». Увидел ошибку 500.' });
    expect(next?.[0]).toMatchObject({ category: 'technical', steps: 'Открыл «Мои документы». Сертификата нет.' });
  });

  it('a part about something else gets its own category and asks for that category\'s fields', async () => {
    const { user, api, onSplitSent, store } = renderForm();
    await fillCourse(user);
    await fillCommon(user, 'Не открывается курс «Охрана труда». Кроме того, не пришёл счёт на оплату обучения.');
    await user.click(await screen.findByRole('button', { name: 'Разделить на 2 обращения' }));
    await screen.findByRole('heading', { level: 2, name: '2 обращения вместо одного' });
    const [, second] = screen.getAllByRole('listitem').filter((item) => item.classList.contains('us-split__item')) as [HTMLElement, HTMLElement];
    const categories = screen.getAllByLabelText('Категория этого обращения');
    expect(categories.map((select) => (select as HTMLSelectElement).value)).toEqual(['course', 'course']);
    // The view replaces the form; parts in the form's category share its links and titles.
    expect(screen.queryByLabelText('Ссылка на курс')).not.toBeInTheDocument();
    await user.selectOptions(categories[1] as HTMLElement, 'Заявка на обучение');
    const orderUrl = within(second).getByLabelText('Ссылка на заявку');
    expect(orderUrl).toBeRequired();

    // Without the order link nothing is sent, and the part says what it lacks.
    await user.click(screen.getByRole('button', { name: 'Отправить 2 обращения' }));
    expect(await within(second).findByText('Укажите ссылку на заявку')).toBeInTheDocument();
    expect(orderUrl).toHaveAttribute('aria-invalid', 'true');
    // The summary has the focus and names the part; its line goes to the field, whose error is read with it.
    const partsSummary = screen.getByRole('region', { name: 'Исправьте 1 ошибку' });
    await waitFor(() => expect(partsSummary).toHaveFocus());
    await user.click(within(partsSummary).getByRole('button', { name: 'Обращение 2 из 2: Укажите ссылку на заявку' }));
    expect(orderUrl).toHaveFocus();
    expect(orderUrl).toHaveAccessibleDescription('Укажите ссылку на заявку');
    expect(api.createTicket).not.toHaveBeenCalled();
    // The part's choice is kept with the draft.
    await waitFor(() => expect(store.getItem('uchi-support:ticket-draft:u-1')).toContain('"category":"order"'));

    await user.type(orderUrl, 'lms.example.ru/orders/77');
    await user.tab();
    expect(orderUrl).toHaveValue('https://lms.example.ru/orders/77');
    await user.click(screen.getByRole('button', { name: 'Отправить 2 обращения' }));
    await waitFor(() => expect(onSplitSent).toHaveBeenCalledTimes(1));
    const [first, next] = api.createTicket.mock.calls;
    expect(first?.[0]).toMatchObject({ category: 'course', course: { title: 'Охрана труда', url: COURSE } });
    expect(next?.[0]).toMatchObject({ category: 'order', orderUrl: 'https://lms.example.ru/orders/77' });
    expect(next?.[0]).not.toHaveProperty('course');
  });

  it('back from the split view, focus is on the check\'s panel, not on the summary of an earlier send', async () => {
    const { user } = renderForm();
    await chooseCategory(user, 'Другой вопрос');
    await fill(user, 'Тема обращения', 'Две проблемы');
    await fill(user, 'Опишите проблему', TWO_PROBLEMS);
    // A send refused with the impact unanswered: the summary lists it and the rule, and takes focus.
    fireEvent.submit(screen.getByRole('form', { name: 'Новое обращение' }));
    const summary = await screen.findByRole('heading', { name: /Исправьте/ });
    await waitFor(() => expect(summary.closest('section')).toHaveFocus());
    await user.click(screen.getByRole('radio', { name: 'Мешает работать мне' }));
    await user.click(await screen.findByRole('button', { name: 'Разделить на 2 обращения' }));
    await screen.findByRole('heading', { level: 2, name: '2 обращения вместо одного' });
    await user.click(screen.getByRole('button', { name: 'Вернуться к одному обращению' }));
    const split = await screen.findByRole('button', { name: 'Разделить на 2 обращения' });
    const panel = split.closest('.us-one-problem__panel');
    await waitFor(() => expect(panel).toHaveFocus());
  });

  it('each part answers how much it hurts, starting from the form\'s answer, and is sent with its own', async () => {
    const { user, api, onSplitSent, store } = renderForm();
    await fillCourse(user);
    await fillCommon(user, 'Не открывается курс «Охрана труда». Кроме того, не пришёл счёт на оплату обучения.');
    await user.click(await screen.findByRole('button', { name: 'Разделить на 2 обращения' }));
    await screen.findByRole('heading', { level: 2, name: '2 обращения вместо одного' });
    const [first, second] = screen.getAllByRole('listitem').filter((item) => item.classList.contains('us-split__item')) as [HTMLElement, HTMLElement];
    const impacts = screen.getAllByLabelText(/Насколько это мешает работе/);
    expect(impacts.map((select) => (select as HTMLSelectElement).value)).toEqual(['blocks_me', 'blocks_me']);
    // A question beside a fault that stops work: the second part says so, and shows the priority it gets.
    await user.selectOptions(within(second).getByLabelText(/Насколько это мешает работе/), 'Неудобно или просто вопрос');
    expect(within(second).getByText('Приоритет: низкий')).toBeInTheDocument();
    // Said as it changes: the part's priority is a status region, as the form's own is.
    expect(within(second).getByRole('status')).toHaveTextContent('Приоритет: низкий');
    expect(within(first).queryByText('Приоритет: низкий')).not.toBeInTheDocument();
    await waitFor(() => expect(store.getItem('uchi-support:ticket-draft:u-1')).toContain('"impact":"minor"'));
    await user.click(screen.getByRole('button', { name: 'Отправить 2 обращения' }));
    await waitFor(() => expect(onSplitSent).toHaveBeenCalledTimes(1));
    const [one, two] = api.createTicket.mock.calls;
    expect(one?.[0]).toMatchObject({ impact: 'blocks_me' });
    expect(two?.[0]).toMatchObject({ impact: 'minor' });
  });

  it('a part in the test category offers no day after today and refuses a later one before anything is sent', async () => {
    const { user, api } = renderForm();
    await fillCourse(user);
    await fillCommon(user, 'Не открывается курс «Охрана труда». Кроме того, в итоговом тесте не засчитывается верный ответ.');
    await user.click(await screen.findByRole('button', { name: 'Разделить на 2 обращения' }));
    await screen.findByRole('heading', { level: 2, name: '2 обращения вместо одного' });
    await user.selectOptions(screen.getAllByLabelText('Категория этого обращения')[1] as HTMLElement, 'Тест');
    // The course fields come from the form; the part asks for the test's own.
    await user.type(screen.getByLabelText('Текст вопроса теста'), 'Какой огнетушитель для электроустановок?');
    const date = screen.getByLabelText(/Когда проходили тест/);
    expect(date).toHaveAttribute('max', '2025-03-12');
    fireEvent.change(date, { target: { value: '2030-12-31' } });
    await user.click(screen.getByRole('button', { name: 'Отправить 2 обращения' }));
    expect(await screen.findByText('Дата попытки не может быть позже сегодняшнего дня')).toBeInTheDocument();
    expect(api.createTicket).not.toHaveBeenCalled();
  });

  it('resends only the failed part, with its own key again', async () => {
    const api = createFakeApi();
    const { user, onSplitSent } = renderForm({ api });
    await chooseCategory(user, 'Другой вопрос');
    await fillCommon(user, TWO_PROBLEMS);
    await user.click(await screen.findByRole('button', { name: 'Разделить на 2 обращения' }));
    const create = api.createTicket.getMockImplementation();
    api.createTicket.mockImplementationOnce((...args) => create!(...args)).mockResolvedValueOnce(failed({ kind: 'network', message: 'offline' }));
    await user.click(await screen.findByRole('button', { name: 'Отправить 2 обращения' }));
    expect(await screen.findByText('Не отправлено. Не удалось связаться с сервером техподдержки. Проверьте подключение к интернету и повторите.')).toBeInTheDocument();
    expect(screen.getByText('Отправлено 1 из 2')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Отправить оставшиеся' }));
    await waitFor(() => expect(onSplitSent).toHaveBeenCalledTimes(1));
    const keys = api.createTicket.mock.calls.map((call) => call[1]);
    expect(keys).toHaveLength(3);
    expect(keys[2]).toBe(keys[1]);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('a send the server refuses with several_problems offers the server\'s split', async () => {
    // The widget's check keeps this text whole; the server's (another version of the check) does not.
    const text = 'Белый экран после входа в курс по охране труда, счёт за март не пришёл.';
    const parts = ['Белый экран после входа в курс по охране труда.', 'Счёт за март не пришёл.'];
    const api = createFakeApi();
    const { user, onSplitSent } = renderForm({ api });
    await chooseCategory(user, 'Другой вопрос');
    await fillCommon(user, text);
    api.createTicket.mockResolvedValueOnce(
      failed({ kind: 'http', status: 422, code: 'several_problems', message: 'В описании, похоже, несколько разных проблем (2).', parts, markers: ['Счёт за март'] }),
    );
    await send(user);

    const panel = await screen.findByText('Одна заявка — одна проблема');
    await waitFor(() => expect(panel.closest('[tabindex="-1"]')).toHaveFocus());
    const notice = panel.closest('.us-notice') as HTMLElement;
    expect(within(notice).getByText('Похоже, в описании 2 разные проблемы:')).toBeInTheDocument();
    expect(within(notice).getByText('Начало другой проблемы: «Счёт за март»')).toBeInTheDocument();
    expect(screen.queryByText(/HTTP 422|несколько разных проблем \(2\)/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Отправить обращение' })).toHaveAttribute('aria-disabled', 'true');

    await user.click(screen.getByRole('button', { name: 'Разделить на 2 обращения' }));
    await screen.findByRole('heading', { name: '2 обращения вместо одного' });
    expect(screen.getAllByLabelText('Опишите проблему').map((input) => (input as HTMLTextAreaElement).value)).toEqual(parts);
    await user.click(screen.getByRole('button', { name: 'Отправить 2 обращения' }));
    await waitFor(() => expect(onSplitSent).toHaveBeenCalledTimes(1));
    expect(api.createTicket.mock.calls.slice(1).map((call) => (call[0] as { description: string }).description)).toEqual(parts);
  });

  it('after a several_problems refusal, "Это одна проблема" sends again with oneProblemConfirmed', async () => {
    const text = 'Белый экран после входа в курс по охране труда, счёт за март не пришёл.';
    const api = createFakeApi();
    const { user, onSent } = renderForm({ api });
    await chooseCategory(user, 'Другой вопрос');
    await fillCommon(user, text);
    api.createTicket.mockResolvedValueOnce(
      failed({ kind: 'http', status: 422, code: 'several_problems', message: 'Несколько проблем', parts: ['Белый экран.', 'Счёт за март не пришёл.'], markers: [] }),
    );
    await send(user);
    await user.click(await screen.findByRole('button', { name: 'Это одна проблема' }));
    await send(user);
    await waitFor(() => expect(onSent).toHaveBeenCalled());
    expect(api.createTicket.mock.calls[1]?.[0]).toMatchObject({ oneProblemConfirmed: true });
  });
});
