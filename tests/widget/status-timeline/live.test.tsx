/** Live updates: an event pushed through the subscription changes the view and is announced, without a refetch. */
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { TicketView } from '../../../src/widget/status-timeline';
import { createFakeApi, ok } from './fake-api';
import { makeEvent, makeTicket } from './fixtures';
import { renderWidget } from './render';

function liveRegion(): HTMLElement {
  const region = document.querySelector<HTMLElement>('[aria-live="polite"]');
  if (region === null) throw new Error('no polite live region');
  return region;
}

describe('TicketView live updates', () => {
  it('shows a status change pushed by the stream, announces it politely and emits ticket:status', async () => {
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('registered')) });
    const { env } = renderWidget(<TicketView ticketId="t1" />, api);
    await screen.findByRole('heading', { name: 'Не открывается урок' });
    await waitFor(() => expect(api.openSubscriptions('t1')).toBe(1));
    expect(api.subscribe).toHaveBeenCalledWith('t1', 1, expect.anything());
    expect(liveRegion()).toHaveTextContent(/^$/);

    act(() => api.push(makeEvent(2, 'in_progress', 'registered', 'support')));

    const history = screen.getByRole('region', { name: 'Ход обращения' });
    const current = within(history)
      .getAllByRole('listitem')
      .find((item) => item.getAttribute('aria-current') === 'step');
    expect(current).toHaveTextContent('Обращение в работе');
    expect(screen.getByText('Обращение в работе', { selector: '.us-status-badge' })).toBeInTheDocument();
    expect(liveRegion()).toHaveTextContent('Статус обращения изменён: Обращение в работе');
    expect(env.emit).toHaveBeenCalledWith({ type: 'ticket:status', ticketId: 't1', number: 'UP-2026-000123', status: 'in_progress' });
    expect(api.getTicket).toHaveBeenCalledTimes(1);
  });

  it('announces a new specialist message, and reports the newest event id for "seen"', async () => {
    const onViewed = vi.fn();
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('in_progress')) });
    renderWidget(<TicketView ticketId="t1" onViewed={onViewed} />, api);
    await waitFor(() => expect(api.openSubscriptions('t1')).toBe(1));
    expect(onViewed).toHaveBeenLastCalledWith('t1', 2);

    act(() => api.push(makeEvent(3, 'in_progress', 'in_progress', 'support', { text: 'Проверяем на стенде.' })));

    expect(screen.getByText('Проверяем на стенде.')).toBeInTheDocument();
    expect(liveRegion()).toHaveTextContent('Новое сообщение от специалиста техподдержки');
    expect(onViewed).toHaveBeenLastCalledWith('t1', 3);
    // A message does not move the status: the status-setting event stays current.
    const current = document.querySelector('[aria-current="step"]');
    expect(current).toHaveTextContent('Обращение в работе');
  });

  it('says that files came with a specialist’s question, and shows them beside the question to answer', async () => {
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('in_progress')) });
    renderWidget(<TicketView ticketId="t1" />, api);
    await waitFor(() => expect(api.openSubscriptions('t1')).toBe(1));
    const sample = { id: 'f-sample-0001', name: 'Образец снимка.png', contentType: 'image/png' as const, size: 48_213, width: 640, height: 400, createdAt: '2026-11-27T05:00:00.000Z' };
    act(() => api.push(makeEvent(3, 'clarification_requested', 'in_progress', 'support', { text: 'Пришлите снимок экрана, как на образце.', attachments: [sample] })));
    expect(liveRegion()).toHaveTextContent('Статус обращения изменён: Техподдержке требуется уточнение Приложен 1 файл.');
    const form = await screen.findByRole('form', { name: 'Ответ на вопрос специалиста' });
    const files = within(form).getByRole('list', { name: 'Файлы' });
    expect(files).toHaveTextContent('Образец снимка.png');
  });

  it('keeps what arrives while the panel is closed unseen, and reports it once the view is seen again', async () => {
    const onViewed = vi.fn();
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('in_progress')) });
    const { rerender } = renderWidget(<TicketView ticketId="t1" onViewed={onViewed} />, api);
    await waitFor(() => expect(api.openSubscriptions('t1')).toBe(1));
    expect(onViewed).toHaveBeenLastCalledWith('t1', 2);
    // The panel is closed: the view stays live, but the answer is not seen (the launcher's badge shows it).
    rerender(<TicketView ticketId="t1" onViewed={onViewed} shown={false} />);
    act(() => api.push(makeEvent(3, 'answered', 'in_progress', 'support', { text: 'Готово, проверьте.' })));
    expect(screen.getByText('Готово, проверьте.')).toBeInTheDocument();
    expect(onViewed).not.toHaveBeenCalledWith('t1', 3);
    rerender(<TicketView ticketId="t1" onViewed={onViewed} shown />);
    expect(onViewed).toHaveBeenLastCalledWith('t1', 3);
  });

  it('closes the subscription when the view goes away', async () => {
    const api = createFakeApi({ getTicket: async () => ok(makeTicket('registered')) });
    const { unmount } = renderWidget(<TicketView ticketId="t1" />, api);
    await waitFor(() => expect(api.openSubscriptions('t1')).toBe(1));
    unmount();
    expect(api.openSubscriptions('t1')).toBe(0);
  });

  it('offers a retry when the ticket cannot be loaded', async () => {
    const getTicket = vi
      .fn()
      .mockResolvedValueOnce({ ok: false, error: { kind: 'network', message: 'offline' } })
      .mockResolvedValueOnce(ok(makeTicket('registered')));
    const api = createFakeApi({ getTicket });
    const { user } = renderWidget(<TicketView ticketId="t1" />, api);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Не удалось загрузить обращение.');
    await user.click(within(alert).getByRole('button', { name: 'Повторить' }));
    expect(await screen.findByRole('heading', { name: 'Не открывается урок' })).toBeInTheDocument();
  });
});
