/** The "what helps" checklist ticks live; browser info is shown; page errors go only when ticked. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { chooseCategory, fill, fillCommon, send } from './actions';
import { createSlot, renderForm } from './render-form';

function item(name: string): HTMLElement {
  const list = screen.getByRole('region', { name: 'Что поможет решить быстрее' });
  return within(list).getByText(name).closest('li') as HTMLElement;
}

describe('checklist', () => {
  it('lists what the category needs and ticks items as they are filled', async () => {
    const { user } = renderForm({ slot: createSlot({ hasImage: true }) });
    expect(screen.queryByRole('region', { name: 'Что поможет решить быстрее' })).not.toBeInTheDocument();
    await chooseCategory(user, 'Тест');
    const region = screen.getByRole('region', { name: 'Что поможет решить быстрее' });
    expect(within(region).getByText(/выяснение информации занимает 70\s% времени/)).toBeInTheDocument();
    // The count sits in the sticky send bar, beside the button.
    expect(screen.getByText('Готово 2 из 9')).toBeInTheDocument();
    expect(within(item('Текст вопроса теста')).getByText('(обязательно)')).toBeInTheDocument();
    expect(within(item('Скриншот')).getByText('(желательно)')).toBeInTheDocument();
    expect(within(item('Скриншот')).getByText('готово')).toBeInTheDocument();
    expect(within(item('Ссылка на курс')).getByText('не готово')).toBeInTheDocument();

    await fill(user, 'Ссылка на курс', 'курс');
    expect(within(item('Ссылка на курс')).getByText('не готово')).toBeInTheDocument();
    await fill(user, 'Ссылка на курс', 'https://lms.example.ru/courses/abc-123');
    expect(within(item('Ссылка на курс')).getByText('готово')).toBeInTheDocument();
    expect(screen.getByText('Готово 3 из 9')).toBeInTheDocument();
    // How much it gets in the way is asked of every ticket: not all done until it is answered.
    expect(within(item('Насколько это мешает работе')).getByText('не готово')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Мешает работать мне' }));
    expect(within(item('Насколько это мешает работе')).getByText('готово')).toBeInTheDocument();
    expect(screen.getByText('Готово 4 из 9')).toBeInTheDocument();
  });

  it('asks for the one-problem decision while several problems wait for it; its line leads to the check', async () => {
    const { user } = renderForm();
    await chooseCategory(user, 'Другой вопрос');
    await fillCommon(user);
    // One problem: no such line, and everything required is done.
    expect(screen.queryByText(/Одна проблема в обращении/)).not.toBeInTheDocument();
    expect(screen.getByText('Готово 4 из 4')).toBeInTheDocument();

    await fill(user, 'Опишите проблему', 'Не открывается курс «Охрана труда». Также не приходит письмо с паролем новым слушателям.');
    const line = await screen.findByRole('button', { name: 'Одна проблема в обращении: разделить или подтвердить' });
    expect(within(item('Одна проблема в обращении: разделить или подтвердить')).getByText('(обязательно)')).toBeInTheDocument();
    expect(within(item('Одна проблема в обращении: разделить или подтвердить')).getByText('не готово')).toBeInTheDocument();
    // Sending would stop for the decision: the bar does not say all done.
    expect(screen.getByText('Готово 4 из 5')).toBeInTheDocument();
    await user.click(line);
    const panel = screen.getByText('Одна заявка — одна проблема').closest('[tabindex="-1"]');
    expect(panel).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Это одна проблема' }));
    // Decided: the line says so, no longer what is left to do.
    expect(within(item('Одна проблема в обращении: подтверждено')).getByText('готово')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Одна проблема в обращении: разделить или подтвердить' })).not.toBeInTheDocument();
    expect(screen.getByText('Готово 5 из 5')).toBeInTheDocument();
  });
});

describe('browser info and page errors', () => {
  const pageErrors = [
    { message: 'TypeError: x is undefined', at: '2025-03-12T09:00:00.000Z' },
    { message: 'ChunkLoadError', at: '2025-03-12T09:01:00.000Z' },
  ];

  it('shows what is attached in a disclosure', () => {
    renderForm({ prefill: { category: 'other' } });
    const summary = screen.getByText('Мы приложим: Chrome 131, Windows 11, 1920×1080');
    const details = summary.closest('details') as HTMLElement;
    expect(details).not.toHaveAttribute('open');
    expect(within(details).getByText('Asia/Yekaterinburg')).toBeInTheDocument();
    expect(within(details).getByText('1280×800')).toBeInTheDocument();
  });

  it('attaches page errors only when the box is ticked', async () => {
    const first = renderForm({ pageErrors });
    await chooseCategory(first.user, 'Другой вопрос');
    const box = screen.getByRole('checkbox', { name: 'Приложить ошибки страницы (2)' });
    expect(box).not.toBeChecked();
    await fillCommon(first.user);
    await send(first.user);
    await waitFor(() => expect(first.onSent).toHaveBeenCalled());
    expect(first.api.createTicket.mock.calls[0]?.[0]).not.toHaveProperty('pageErrors');
    first.unmount();

    const second = renderForm({ pageErrors });
    await chooseCategory(second.user, 'Другой вопрос');
    await second.user.click(screen.getByRole('checkbox', { name: 'Приложить ошибки страницы (2)' }));
    await fillCommon(second.user);
    await send(second.user);
    await waitFor(() => expect(second.onSent).toHaveBeenCalled());
    expect(second.api.createTicket.mock.calls[0]?.[0].pageErrors).toEqual(pageErrors);
  });
});
