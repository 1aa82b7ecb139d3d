/** A guest's consent to the processing of personal data (152-ФЗ): required of guests, never asked of signed-in users. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fill, fillCommon, send } from './actions';
import { createFakeApi, failed, renderForm } from './render-form';
import type { UserEvent } from '@testing-library/user-event';

const LABEL = 'Даю согласие на обработку персональных данных';
const POLICY = 'https://lms.example.ru/privacy';
const UNTICKED = 'Отметьте согласие на обработку персональных данных: без него обращение не отправить';

/** Every contact field a guest must give. */
async function fillContact(user: UserEvent): Promise<void> {
  await fill(user, 'Название организации (вендора)', 'ООО «Ромашка»');
  await fill(user, 'Ссылка на СДО', 'https://lms.romashka.ru');
  await fill(user, 'Ваше ФИО', 'Петров Пётр');
  await user.selectOptions(screen.getByLabelText('Ваша роль в СДО'), 'Слушатель');
  await fill(user, 'Контактный телефон', '+7 912 345-67-89');
}

describe('consent to the processing of personal data', () => {
  it('asks a guest with a required box and a link to the policy that opens in a new tab', () => {
    renderForm({ host: null, prefill: { category: 'other' }, privacyPolicyUrl: POLICY });
    const box = screen.getByRole('checkbox', { name: LABEL });
    expect(box).not.toBeChecked();
    expect(box).toHaveAttribute('aria-required', 'true');
    expect(box).toHaveAccessibleDescription(expect.stringContaining('ФИО, телефон и e-mail нужны только для ответа на обращение.'));
    const link = screen.getByRole('link', { name: 'Политика обработки персональных данных (откроется в новой вкладке)' });
    expect(link).toHaveAttribute('href', POLICY);
    expect(link).toHaveAttribute('target', '_blank');
    expect(link.getAttribute('rel')?.split(' ')).toContain('noopener');
  });

  it('keeps the consent text without a link when the host gave no policy', () => {
    renderForm({ host: null, prefill: { category: 'other' } });
    expect(screen.getByRole('checkbox', { name: LABEL })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Политика обработки/ })).not.toBeInTheDocument();
  });

  it('never asks a signed-in user and sends no consent for them', async () => {
    const { user, api, onSent } = renderForm({ prefill: { category: 'other' }, privacyPolicyUrl: POLICY });
    expect(screen.queryByRole('checkbox', { name: LABEL })).not.toBeInTheDocument();
    await fillCommon(user);
    await send(user);
    await waitFor(() => expect(onSent).toHaveBeenCalled());
    expect(api.createTicket.mock.calls[0]?.[0]).not.toHaveProperty('consent');
  });

  it('refuses to send a guest ticket unticked: the box and the summary say why; ticked, it is sent with consent', async () => {
    const { user, api, onSent } = renderForm({ host: null, prefill: { category: 'other' }, privacyPolicyUrl: POLICY });
    await fillCommon(user);
    await fillContact(user);
    await send(user);
    const summary = await screen.findByRole('region', { name: /Исправьте 1 ошибку/ });
    const box = screen.getByRole('checkbox', { name: LABEL });
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box).toHaveAccessibleDescription(expect.stringContaining(UNTICKED));
    await user.click(within(summary).getByRole('button', { name: UNTICKED }));
    expect(box).toHaveFocus();
    expect(api.createTicket).not.toHaveBeenCalled();

    await user.click(box);
    await send(user);
    await waitFor(() => expect(onSent).toHaveBeenCalled());
    expect(api.createTicket.mock.calls[0]?.[0]).toMatchObject({ consent: true, contact: { fullName: 'Петров Пётр' } });
  });

  it('shows the server’s refusal of consent on the box', async () => {
    const api = createFakeApi();
    const sentence = 'Подтвердите согласие на обработку персональных данных: без него обращение гостя не принимается';
    api.createTicket.mockResolvedValueOnce(failed({ kind: 'http', status: 422, code: 'validation_failed', message: 'Проверьте заполнение полей.', fields: { consent: sentence } }));
    const { user } = renderForm({ host: null, api, prefill: { category: 'other' } });
    await fillCommon(user);
    await fillContact(user);
    await user.click(screen.getByRole('checkbox', { name: LABEL }));
    await send(user);
    await waitFor(() => expect(screen.getByRole('checkbox', { name: LABEL })).toHaveAccessibleDescription(expect.stringContaining(sentence)));
  });
});
