/** Right after sending: number, priority, review deadline and resolution target, in Moscow and local time. */
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { TicketView } from '../../../src/widget/status-timeline';
import { createFakeApi, ok } from './fake-api';
import { makeTicket } from './fixtures';
import { renderWidget } from './render';

function confirmation(): HTMLElement {
  return screen.getByText('Обращение зарегистрировано', { selector: '.us-confirmation__title' }).parentElement as HTMLElement;
}

describe('confirmation after sending', () => {
  it('gives the number, priority, review by 09:00 MSK (11:00 local) and the resolution target, and takes focus', async () => {
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('registered')) });
    renderWidget(<TicketView ticketId="t1" justCreated />, api);
    await screen.findByRole('heading', { name: 'Не открывается урок' });
    const notice = confirmation();
    expect(notice).toHaveFocus();
    // Read out as a named group, its title a heading under the ticket's.
    expect(notice).toBe(screen.getByRole('group', { name: 'Обращение зарегистрировано' }));
    expect(screen.getByRole('heading', { level: 3, name: 'Обращение зарегистрировано' })).toBeInTheDocument();
    expect(notice).toHaveTextContent('Номер обращения: UP-2026-000123');
    expect(notice.querySelector('.us-nowrap')).toHaveTextContent(/^UP-2026-000123$/);
    expect(notice).toHaveTextContent('Приоритет: обычный');
    expect(notice).toHaveTextContent('Специалист посмотрит его до 09:00 МСК (11:00 по вашему времени).');
    expect(notice).toHaveTextContent('Срок решения: до вт, 1 декабря, 08:00 МСК (10:00 по вашему времени).');
    expect(notice).not.toHaveTextContent('ориентировочно');
  });

  it('shows one time when the user is on Moscow time', async () => {
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('registered')) });
    renderWidget(<TicketView ticketId="t1" justCreated timeZone="Europe/Moscow" />, api);
    await screen.findByRole('heading', { name: 'Не открывается урок' });
    expect(confirmation()).toHaveTextContent('Специалист посмотрит его до 09:00 МСК.');
    expect(confirmation()).not.toHaveTextContent('по вашему времени');
  });

  it('marks deadlines from a year without a production calendar as approximate', async () => {
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('registered', { deadlinesProvisional: true })) });
    renderWidget(<TicketView ticketId="t1" justCreated />, api);
    await screen.findByRole('heading', { name: 'Не открывается урок' });
    expect(confirmation()).toHaveTextContent('до 09:00 МСК (11:00 по вашему времени), ориентировочно.');
    expect(confirmation()).toHaveTextContent('Срок решения: до вт, 1 декабря, 08:00 МСК (10:00 по вашему времени), ориентировочно.');
  });

  it('shows a guest their access key once, with advice to keep it', async () => {
    const guestTicket = makeTicket('registered', {
      reporter: { fullName: 'Гость', role: 'guest', organization: 'ООО «Ромашка»', lmsUrl: 'https://lms.example.ru', guest: true },
    });
    const api = createFakeApi({ getTicket: async () => ok(guestTicket) });
    renderWidget(<TicketView ticketId="t1" justCreated ticketAccessKey="k-7f3a9c" />, api, { env: { host: null, userKey: 'guest' } });
    await screen.findByRole('heading', { name: 'Не открывается урок' });
    expect(screen.getByText('k-7f3a9c')).toBeInTheDocument();
    expect(confirmation()).toHaveTextContent('Сохраните номер и ключ');
  });

  it('copies the key with one button and says so in a live region', async () => {
    const guestTicket = makeTicket('registered', {
      reporter: { fullName: 'Гость', role: 'guest', organization: 'ООО «Ромашка»', lmsUrl: 'https://lms.example.ru', guest: true },
    });
    const api = createFakeApi({ getTicket: async () => ok(guestTicket) });
    // user-event puts a clipboard of its own on navigator: the key must land there.
    const { user } = renderWidget(<TicketView ticketId="t1" justCreated ticketAccessKey="k-7f3a9c" />, api, { env: { host: null, userKey: 'guest' } });
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(await screen.findByRole('button', { name: 'Скопировать ключ' }));
    expect(writeText).toHaveBeenCalledWith('k-7f3a9c');
    expect(await navigator.clipboard.readText()).toBe('k-7f3a9c');
    const said = await screen.findByText('Скопировано');
    expect(said).toHaveAttribute('aria-live', 'polite');
  });

  it('where the page may not copy, selects the key and says which keys to press', async () => {
    const guestTicket = makeTicket('registered', {
      reporter: { fullName: 'Гость', role: 'guest', organization: 'ООО «Ромашка»', lmsUrl: 'https://lms.example.ru', guest: true },
    });
    const api = createFakeApi({ getTicket: async () => ok(guestTicket) });
    const { user } = renderWidget(<TicketView ticketId="t1" justCreated ticketAccessKey="k-7f3a9c" />, api, { env: { host: null, userKey: 'guest' } });
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('NotAllowedError'));
    await user.click(await screen.findByRole('button', { name: 'Скопировать ключ' }));
    expect(await screen.findByText(/Не удалось скопировать автоматически: ключ выделен/)).toHaveAttribute('aria-live', 'polite');
    expect(document.getSelection()?.toString()).toBe('k-7f3a9c');
  });

  it('does not show a key to a signed-in user, nor the notice when the ticket is just opened', async () => {
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('registered')) });
    const { rerender } = renderWidget(<TicketView ticketId="t1" justCreated ticketAccessKey="k-7f3a9c" />, api);
    await screen.findByRole('heading', { name: 'Не открывается урок' });
    expect(screen.queryByText('k-7f3a9c')).toBeNull();
    rerender(<TicketView ticketId="t1" />);
    expect(screen.queryByText('Обращение зарегистрировано', { selector: '.us-confirmation__title' })).toBeNull();
  });

  it('speaks English too', async () => {
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('registered')) });
    renderWidget(<TicketView ticketId="t1" justCreated />, api, { locale: 'en' });
    await screen.findByRole('heading', { name: 'Не открывается урок' });
    expect(screen.getByText('A specialist will review it by 09:00 Moscow time (11:00 your time).')).toBeInTheDocument();
    expect(screen.getByText('Request registered', { selector: '.us-status-badge' })).toBeInTheDocument();
  });
});
