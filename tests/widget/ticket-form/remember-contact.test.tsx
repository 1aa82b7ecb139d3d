/** A guest's contact remembered on this device at their wish: never by default, never the consent. */
import { screen, waitFor } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createMemoryTextStore } from '../../../src/widget/shared/memory-stores';
import { fill, fillCommon, send } from './actions';
import { renderForm } from './render-form';

const KEY = 'uchi-support:remembered-contact';
const DRAFT = 'uchi-support:ticket-draft:u-1';
const REMEMBER = 'Запомнить на этом устройстве';
const CONSENT = 'Даю согласие на обработку персональных данных';

async function fillContact(user: UserEvent): Promise<void> {
  await fill(user, 'Название организации (вендора)', 'ООО «Ромашка»');
  await fill(user, 'Ссылка на СДО', 'https://lms.romashka.ru');
  await fill(user, 'Ваше ФИО', 'Петров Пётр');
  await user.selectOptions(screen.getByLabelText('Ваша роль в СДО'), 'Слушатель');
  await fill(user, 'Контактный телефон', '+7 912 345-67-89');
  await fill(user, /E-mail/, 'petrov@romashka.ru');
}

describe('remembering a guest’s contact on this device', () => {
  it('is off by default: nothing is kept, and the next form starts empty', async () => {
    const store = createMemoryTextStore();
    const first = renderForm({ host: null, prefill: { category: 'other' }, store });
    expect(screen.getByRole('checkbox', { name: REMEMBER })).not.toBeChecked();
    await fillCommon(first.user);
    await fillContact(first.user);
    await first.user.click(screen.getByRole('checkbox', { name: CONSENT }));
    await send(first.user);
    await waitFor(() => expect(first.onSent).toHaveBeenCalled());
    expect(store.getItem(KEY)).toBeNull();
    first.unmount();
    renderForm({ host: null, prefill: { category: 'other' }, store });
    expect(screen.getByLabelText('Ваше ФИО')).toHaveValue('');
  });

  it('ticked, keeps the contact (not the consent) for the next ticket, on this form and the next one', async () => {
    const store = createMemoryTextStore();
    const first = renderForm({ host: null, prefill: { category: 'other' }, store });
    await fillCommon(first.user);
    await fillContact(first.user);
    await first.user.click(screen.getByRole('checkbox', { name: REMEMBER }));
    await first.user.click(screen.getByRole('checkbox', { name: CONSENT }));
    // Typed after ticking: kept as it reads.
    await fill(first.user, 'Ваше ФИО', 'Петров Пётр Ильич');
    await send(first.user);
    await waitFor(() => expect(first.onSent).toHaveBeenCalled());
    expect(JSON.parse(store.getItem(KEY) ?? 'null')).toEqual({
      organization: 'ООО «Ромашка»',
      lmsUrl: 'https://lms.romashka.ru',
      fullName: 'Петров Пётр Ильич',
      role: 'listener',
      phone: '+7 (912) 345-67-89',
      email: 'petrov@romashka.ru',
    });
    expect(store.getItem(KEY)).not.toMatch(/consent/);
    // The same form starts over with it.
    await waitFor(() => expect(screen.getByLabelText('Тема обращения')).toHaveValue(''));
    expect(screen.getByLabelText('Ваше ФИО')).toHaveValue('Петров Пётр Ильич');
    first.unmount();

    // The next ticket (the app opens a new form after sending): filled in and ticked, the consent asked again, and
    // the remembered contact alone is no draft.
    renderForm({ host: null, prefill: { category: 'other' }, store });
    expect(screen.getByLabelText('Ваше ФИО')).toHaveValue('Петров Пётр Ильич');
    expect(screen.getByLabelText('Контактный телефон')).toHaveValue('+7 (912) 345-67-89');
    expect(screen.getByLabelText('Ваша роль в СДО')).toHaveValue('listener');
    expect(screen.getByRole('checkbox', { name: REMEMBER })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: CONSENT })).not.toBeChecked();
    expect(store.getItem(DRAFT)).toBeNull();
  });

  it('«Забыть мои данные» removes them from the device and the fields, and says so', async () => {
    const store = createMemoryTextStore();
    store.setItem(KEY, JSON.stringify({ organization: 'ООО «Ромашка»', lmsUrl: 'https://lms.romashka.ru', fullName: 'Петров Пётр', role: 'listener', phone: '+79123456789', email: '' }));
    const { user } = renderForm({ host: null, prefill: { category: 'other' }, store });
    expect(screen.getByLabelText('Ваше ФИО')).toHaveValue('Петров Пётр');
    await user.click(screen.getByRole('button', { name: 'Забыть мои данные' }));
    expect(store.getItem(KEY)).toBeNull();
    expect(screen.getByLabelText('Ваше ФИО')).toHaveValue('');
    expect(screen.getByLabelText('Название организации (вендора)')).toHaveValue('');
    const box = screen.getByRole('checkbox', { name: REMEMBER });
    expect(box).not.toBeChecked();
    expect(box).toHaveFocus();
    expect(screen.getByText('Ваши данные удалены с этого устройства.')).toBeInTheDocument();
    expect(store.getItem(DRAFT)).toBeNull();
  });

  it('unticking forgets what was kept but leaves this ticket’s fields; a broken stored value is ignored', async () => {
    const store = createMemoryTextStore();
    store.setItem(KEY, '{"fullName": 42, "role": "admin-of-all"}');
    const { user } = renderForm({ host: null, prefill: { category: 'other' }, store });
    expect(screen.getByLabelText('Ваше ФИО')).toHaveValue('');
    expect(screen.getByRole('checkbox', { name: REMEMBER })).not.toBeChecked();
    await fill(user, 'Ваше ФИО', 'Петров Пётр');
    await user.click(screen.getByRole('checkbox', { name: REMEMBER }));
    expect(JSON.parse(store.getItem(KEY) ?? '{}')).toMatchObject({ fullName: 'Петров Пётр' });
    await user.click(screen.getByRole('checkbox', { name: REMEMBER }));
    expect(store.getItem(KEY)).toBeNull();
    expect(screen.getByLabelText('Ваше ФИО')).toHaveValue('Петров Пётр');
  });

  it('is not offered to a signed-in user', () => {
    renderForm({ prefill: { category: 'other' } });
    expect(screen.queryByRole('checkbox', { name: REMEMBER })).not.toBeInTheDocument();
  });
});
