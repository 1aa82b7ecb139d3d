/** «Уведомлять по e-mail» in «Мои обращения»: read, switched off and on, saving announced, a failure said and undone. */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { NotificationPrefs } from '../../../src/core';
import { MyTickets } from '../../../src/widget/my-tickets';
import { createFakeApi, fail, ok } from '../status-timeline/fake-api';
import { HOST, renderWidget } from '../status-timeline/render';

const LABEL = 'Уведомлять по e-mail';

/** A server keeping one preference, whose saves can be held until released. */
function prefsServer(initial: boolean) {
  let email = initial;
  let release: (() => void) | null = null;
  let failNext = false;
  return {
    getNotificationPrefs: vi.fn(async () => ok({ email })),
    setNotificationPrefs: vi.fn(async (prefs: NotificationPrefs) => {
      await new Promise<void>((done) => {
        release = done;
      });
      if (failNext) {
        failNext = false;
        return fail<NotificationPrefs>({ kind: 'http', status: 503, code: 'unavailable', message: 'Сервис недоступен' });
      }
      email = prefs.email;
      return ok({ email });
    }),
    release: () => release?.(),
    failNextSave() {
      failNext = true;
    },
    stored: () => email,
  };
}

describe('e-mail notifications switch', () => {
  it('is not offered to a user whose LMS profile has no e-mail: no e-mail could be sent, and the note says why', async () => {
    const server = prefsServer(true);
    const api = createFakeApi({ listTickets: async () => ok([]), getNotificationPrefs: server.getNotificationPrefs, setNotificationPrefs: server.setNotificationPrefs });
    const { email: _email, ...withoutEmail } = HOST;
    renderWidget(<MyTickets onOpen={vi.fn()} onNew={vi.fn()} />, api, { env: { host: withoutEmail } });
    expect(await screen.findByText('Письма о ходе обращений приходят на e-mail из профиля СДО, а в вашем профиле его нет. Следите за обращениями здесь.')).toBeInTheDocument();
    expect(screen.queryByRole('switch')).not.toBeInTheDocument();
    expect(server.getNotificationPrefs).not.toHaveBeenCalled();
  });

  it('shows the stored choice, says it is saving, then saved; off and on again', async () => {
    const server = prefsServer(true);
    const api = createFakeApi({ listTickets: async () => ok([]), getNotificationPrefs: server.getNotificationPrefs, setNotificationPrefs: server.setNotificationPrefs });
    const { user } = renderWidget(<MyTickets onOpen={vi.fn()} onNew={vi.fn()} />, api);
    const toggle = await screen.findByRole('switch', { name: LABEL });
    expect(toggle).toBeChecked();
    expect(toggle).toHaveAccessibleDescription('Пришлём письмо, когда обращение зарегистрируют и когда специалист задаст вопрос, напишет, ответит или решит его.');

    await user.click(toggle);
    expect(toggle).not.toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent('Сохраняем…');
    expect(server.setNotificationPrefs).toHaveBeenCalledWith({ email: false });
    server.release();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Письма отключены.'));
    expect(server.stored()).toBe(false);
    expect(toggle).not.toBeChecked();

    await user.click(toggle);
    server.release();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Письма включены.'));
    expect(server.stored()).toBe(true);
    expect(toggle).toBeChecked();
  });

  it('a failed save says so, goes back to what is stored, and can be tried again', async () => {
    const server = prefsServer(true);
    const api = createFakeApi({ listTickets: async () => ok([]), getNotificationPrefs: server.getNotificationPrefs, setNotificationPrefs: server.setNotificationPrefs });
    const { user } = renderWidget(<MyTickets onOpen={vi.fn()} onNew={vi.fn()} />, api);
    const toggle = await screen.findByRole('switch', { name: LABEL });
    server.failNextSave();
    await user.click(toggle);
    server.release();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Не удалось сохранить настройку писем. Попробуйте ещё раз.');
    expect(toggle).toBeChecked();
    expect(toggle).toHaveAccessibleDescription(expect.stringContaining('Не удалось сохранить настройку писем.'));
    expect(server.stored()).toBe(true);

    await user.click(toggle);
    server.release();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Письма отключены.'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(server.stored()).toBe(false);
  });

  it('is not offered to a guest, nor by a backend without preferences', async () => {
    const server = prefsServer(true);
    const guestApi = createFakeApi({ listTickets: async () => ok([]), getNotificationPrefs: server.getNotificationPrefs, setNotificationPrefs: server.setNotificationPrefs });
    const guest = renderWidget(<MyTickets onOpen={vi.fn()} onNew={vi.fn()} />, guestApi, { env: { host: null } });
    expect(await screen.findByText(/Список обращений доступен/)).toBeInTheDocument();
    expect(screen.queryByRole('switch')).not.toBeInTheDocument();
    expect(server.getNotificationPrefs).not.toHaveBeenCalled();
    guest.unmount();

    renderWidget(<MyTickets onOpen={vi.fn()} onNew={vi.fn()} />, createFakeApi({ listTickets: async () => ok([]) }));
    expect(await screen.findByText('У вас пока нет обращений.')).toBeInTheDocument();
    expect(screen.queryByRole('switch')).not.toBeInTheDocument();
  });
});
