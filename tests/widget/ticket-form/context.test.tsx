/** Who is asking: read-only from the host, required inputs for a guest (policy: "полные данные"). */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { chooseCategory, fill, fillCommon, send } from './actions';
import { renderForm } from './render-form';

describe('context block', () => {
  it('shows the host user read-only, marked as sent automatically, and does not send it as contact', async () => {
    const { user, api, onSent } = renderForm();
    const block = screen.getByRole('region', { name: /Ваши данные/ });
    expect(within(block).getByText('отправим автоматически')).toBeInTheDocument();
    expect(within(block).getByText('ООО «Учебный центр»')).toBeInTheDocument();
    expect(within(block).getByText('Преподаватель')).toBeInTheDocument();
    expect(within(block).getByText('+7 (912) 345-67-89')).toBeInTheDocument();
    expect(within(block).queryByRole('textbox')).not.toBeInTheDocument();

    await chooseCategory(user, 'Другой вопрос');
    await fillCommon(user);
    await send(user);
    await waitFor(() => expect(onSent).toHaveBeenCalled());
    expect(api.createTicket.mock.calls[0]?.[0]).not.toHaveProperty('contact');
  });

  it('asks a guest for every contact field with the policy wording', async () => {
    const { user, api } = renderForm({ host: null });
    await chooseCategory(user, 'Другой вопрос');
    await fillCommon(user);
    await send(user);
    const summary = await screen.findByRole('region', { name: /Исправьте 6 ошибок/ });
    const expected: Array<[string, string]> = [
      ['Название организации (вендора)', 'Укажите название организации'],
      ['Ссылка на СДО', 'Укажите ссылку на СДО'],
      ['Ваше ФИО', 'Укажите ваше ФИО'],
      ['Ваша роль в СДО', 'Выберите вашу роль в СДО'],
      ['Контактный телефон', 'Укажите контактный телефон'],
    ];
    for (const [label, error] of expected) {
      expect(screen.getByLabelText(label)).toHaveAccessibleDescription(expect.stringContaining(error));
      expect(within(summary).getByRole('button', { name: error })).toBeInTheDocument();
    }
    expect(screen.getByLabelText(/E-mail/)).not.toHaveAttribute('aria-invalid');
    expect(api.createTicket).not.toHaveBeenCalled();
  });

  it('starts a guest\'s «Ссылка на СДО» at the LMS the widget runs in', () => {
    renderForm({ host: null, prefill: { category: 'other' }, pageUrl: 'https://lms.romashka.ru/courses/abc-123?tab=2' });
    expect(screen.getByLabelText('Ссылка на СДО')).toHaveValue('https://lms.romashka.ru/');
  });

  it('offers the seven LMS roles', () => {
    renderForm({ host: null, prefill: { category: 'other' } });
    const options = within(screen.getByLabelText('Ваша роль в СДО')).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['Выберите роль', 'Администратор', 'Менеджер', 'Преподаватель', 'Редактор', 'Слушатель', 'Контрагент', 'Агент']);
  });

  it('validates the phone and links, formats the phone on blur, and sends the contact', async () => {
    const { user, api, onSent } = renderForm({ host: null });
    await chooseCategory(user, 'Другой вопрос');
    await fillCommon(user);
    await fill(user, 'Название организации (вендора)', 'ООО «Ромашка»');
    await fill(user, 'Ссылка на СДО', 'ромашка');
    await fill(user, 'Ваше ФИО', 'Петров Пётр');
    await user.selectOptions(screen.getByLabelText('Ваша роль в СДО'), 'Слушатель');
    await fill(user, 'Контактный телефон', '12345');
    await fill(user, /E-mail/, 'not-an-address');
    await send(user);
    // The refused send moves focus to the summary: typing on before it has would have it taken away.
    await waitFor(() => expect(screen.getByRole('region', { name: /^Исправьте/ })).toHaveFocus());

    expect(await screen.findByLabelText('Контактный телефон')).toHaveAccessibleDescription(
      expect.stringContaining('Введите номер телефона: российский, например +7 912 345-67-89, или другой страны с её кодом, например +44 20 7946 0958'),
    );
    expect(screen.getByLabelText('Ссылка на СДО')).toHaveAccessibleDescription(expect.stringContaining('Вставьте ссылку на СДО целиком: адрес страницы вместе с http:// или https://'));
    expect(screen.getByLabelText(/E-mail/)).toHaveAccessibleDescription(expect.stringContaining('Проверьте адрес почты, например ivanova@example.ru'));

    await fill(user, 'Контактный телефон', '8 912 345 67 89');
    await user.tab();
    expect(screen.getByLabelText('Контактный телефон')).toHaveValue('+7 (912) 345-67-89');
    // The LMS's address typed without its scheme is completed when the field is left.
    await fill(user, 'Ссылка на СДО', 'lms.romashka.ru');
    await user.tab();
    expect(screen.getByLabelText('Ссылка на СДО')).toHaveValue('https://lms.romashka.ru');
    await user.clear(screen.getByLabelText(/E-mail/));
    await user.click(screen.getByRole('checkbox', { name: 'Даю согласие на обработку персональных данных' }));
    await send(user);

    await waitFor(() => expect(onSent).toHaveBeenCalled());
    expect(api.createTicket.mock.calls[0]?.[0].contact).toEqual({
      organization: 'ООО «Ромашка»',
      lmsUrl: 'https://lms.romashka.ru',
      fullName: 'Петров Пётр',
      role: 'listener',
      phone: '+79123456789',
    });
  });
});
