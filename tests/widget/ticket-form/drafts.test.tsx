/** Drafts are never lost: autosaved per user, restored after a remount, discarded on request. */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createMemoryTextStore } from '../../../src/widget/shared/memory-stores';
import { chooseCategory, fill, fillCommon, send } from './actions';
import { NOW, renderForm } from './render-form';

const KEY = 'uchi-support:ticket-draft:u-1';

function stored(store: ReturnType<typeof createMemoryTextStore>) {
  const raw = store.getItem(KEY);
  return raw === null ? null : (JSON.parse(raw) as { version: number; savedAt: string; idempotencyKey: string; values: Record<string, unknown> });
}

/** A form whose category is already chosen (the host's pre-fill), so the fields are on screen. */
const OTHER = { category: 'other' } as const;

describe('draft autosave', () => {
  it('saves the draft with its idempotency key after a pause in typing', async () => {
    const { user, store } = renderForm({ prefill: OTHER });
    expect(store.getItem(KEY)).toBeNull();
    await fill(user, 'Тема обращения', 'Не открывается урок');
    await waitFor(() => expect(stored(store)).not.toBeNull());
    expect(stored(store)).toMatchObject({
      version: 1,
      savedAt: NOW.toISOString(),
      idempotencyKey: 'test-key-1',
      values: expect.objectContaining({ subject: 'Не открывается урок' }),
    });
  });

  it('restores the values and the key after a remount, with a notice', async () => {
    const store = createMemoryTextStore();
    const first = renderForm({ store });
    await chooseCategory(first.user, 'Заявка на обучение');
    await fill(first.user, 'Ссылка на заявку', 'https://lms.example.ru/orders/ord-1');
    await fill(first.user, 'Опишите проблему', 'Не добавляются слушатели в заявку.');
    first.unmount(); // flushes the pending save

    const second = renderForm({ store });
    expect(screen.getByText('Черновик от 14:02 восстановлен')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Изменить категорию «Заявка на обучение»' })).toBeInTheDocument();
    expect(screen.getByLabelText('Ссылка на заявку')).toHaveValue('https://lms.example.ru/orders/ord-1');
    expect(screen.getByLabelText('Опишите проблему')).toHaveValue('Не добавляются слушатели в заявку.');

    // A resend after reload reuses the stored key.
    await fill(second.user, 'Тема обращения', 'Слушатели');
    await second.user.click(screen.getByRole('radio', { name: 'Мешает работать мне' }));
    await send(second.user);
    await waitFor(() => expect(second.api.createTicket).toHaveBeenCalled());
    expect(second.api.createTicket.mock.calls[0]?.[1]).toBe('test-key-1');
    expect(second.createKey).toHaveBeenCalledTimes(1); // the fresh key for the next draft, after sending
  });

  it('"Удалить черновик" asks, then clears the store and the form', async () => {
    const store = createMemoryTextStore();
    const first = renderForm({ store, prefill: OTHER });
    await fill(first.user, 'Тема обращения', 'Черновик');
    first.unmount();

    const { user, slot } = renderForm({ store, prefill: OTHER });
    await user.click(screen.getByRole('button', { name: 'Удалить черновик' }));
    // The confirmation is a dialog of its own, outside the notice's live region (or it would be read out twice).
    const dialog = await screen.findByRole('dialog', { name: 'Удалить черновик?' });
    expect(dialog.closest('[role="status"], [aria-live]')).toBeNull();
    await user.click(await screen.findByRole('button', { name: 'Удалить' }));
    expect(screen.getByLabelText('Тема обращения')).toHaveValue('');
    expect(screen.queryByText(/Черновик от/)).not.toBeInTheDocument();
    expect(store.getItem(KEY)).toBeNull();
    expect(slot.clear).toHaveBeenCalled();
    // The notice went with the draft, not the focus: it is on the form's heading (the fields stay).
    expect(screen.getByRole('heading', { name: 'Новое обращение' })).toHaveFocus();
  });

  it('after deleting a draft whose category the user chose, focus is on the category question again', async () => {
    const store = createMemoryTextStore();
    const first = renderForm({ store });
    await chooseCategory(first.user, 'Другой вопрос');
    await fill(first.user, 'Тема обращения', 'Черновик');
    first.unmount();

    const { user } = renderForm({ store });
    await user.click(await screen.findByRole('button', { name: 'Удалить черновик' }));
    await user.click(await screen.findByRole('button', { name: 'Удалить' }));
    expect(screen.getByRole('heading', { name: 'О чём обращение?' })).toHaveFocus();
    expect(screen.queryByLabelText('Тема обращения')).not.toBeInTheDocument();
  });

  it('a host\'s request about another category is named beside the draft and replaces it only when asked', async () => {
    const store = createMemoryTextStore();
    const first = renderForm({ store });
    await chooseCategory(first.user, 'Тест');
    await fill(first.user, 'Опишите проблему', 'Не засчитывается ответ на вопрос 5.');
    first.unmount();

    const documentUrl = 'https://lms.example.ru/documents/doc-9';
    const { user } = renderForm({ store, prefill: { category: 'document', orderUrl: 'https://lms.example.ru/orders/ord-1', documentUrl } });
    // The draft is what the user was writing: it stays, and the page's request is offered, not lost.
    expect(screen.getByText('Черновик от 14:02 восстановлен')).toBeInTheDocument();
    expect(screen.getByText('Эта страница предлагает обращение «Документ формируется неправильно», а черновик — о другом.')).toBeInTheDocument();
    expect(screen.getByLabelText('Опишите проблему')).toHaveValue('Не засчитывается ответ на вопрос 5.');
    await user.click(screen.getByRole('button', { name: 'Начать обращение «Документ формируется неправильно»' }));
    const dialog = await screen.findByRole('dialog', { name: 'Удалить черновик?' });
    expect(dialog).toHaveTextContent('форма откроется для обращения «Документ формируется неправильно»');
    await user.click(screen.getByRole('button', { name: 'Удалить' }));

    expect(screen.getByRole('button', { name: 'Изменить категорию «Документ формируется неправильно»' })).toBeInTheDocument();
    expect(screen.getByLabelText('Ссылка на документ')).toHaveValue(documentUrl);
    expect(screen.getByLabelText('Опишите проблему')).toHaveValue('');
    expect(store.getItem(KEY)).toBeNull();
  });

  it('a host\'s request about the draft\'s own category offers nothing more', async () => {
    const store = createMemoryTextStore();
    const first = renderForm({ store, prefill: OTHER });
    await fill(first.user, 'Тема обращения', 'Черновик');
    first.unmount();
    renderForm({ store, prefill: OTHER });
    expect(screen.getByText('Черновик от 14:02 восстановлен')).toBeInTheDocument();
    expect(screen.queryByText(/Эта страница предлагает/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Начать обращение/ })).not.toBeInTheDocument();
  });

  it('ignores corrupt or foreign data in the store', () => {
    for (const raw of ['{not json', JSON.stringify({ version: 99, values: {} }), JSON.stringify({ hello: 'world' })]) {
      const store = createMemoryTextStore();
      store.setItem(KEY, raw);
      const view = renderForm({ store, prefill: OTHER });
      expect(screen.queryByText(/Черновик от/)).not.toBeInTheDocument();
      expect(screen.getByLabelText('Тема обращения')).toHaveValue('');
      view.unmount();
    }
  });

  it('keeps valid fields of a draft and drops wrong ones', () => {
    const store = createMemoryTextStore();
    const values = { subject: 'Тема', category: 'no-such-category', impact: 42, description: 'Описание' };
    store.setItem(KEY, JSON.stringify({ version: 1, savedAt: NOW.toISOString(), idempotencyKey: 'stored-key-1', values }));
    renderForm({ store, prefill: OTHER });
    expect(screen.getByText('Черновик от 14:02 восстановлен')).toBeInTheDocument();
    expect(screen.getByLabelText('Тема обращения')).toHaveValue('Тема');
    expect(screen.getByLabelText('Опишите проблему')).toHaveValue('Описание');
    expect(screen.getAllByRole('radio').filter((radio) => (radio as HTMLInputElement).checked)).toEqual([]);
  });

  it('clears the draft after a successful send', async () => {
    const { user, store, onSent } = renderForm({ prefill: OTHER });
    await chooseCategory(user, 'Другой вопрос');
    await fillCommon(user);
    await waitFor(() => expect(store.getItem(KEY)).not.toBeNull());
    await send(user);
    await waitFor(() => expect(onSent).toHaveBeenCalled());
    expect(store.getItem(KEY)).toBeNull();
    expect(screen.getByLabelText('Тема обращения')).toHaveValue('');
  });
});

describe('beforeunload warning', () => {
  const leave = () => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  };

  it('warns only while there are unsent changes, and stops after unmount', async () => {
    const { user, unmount } = renderForm({ prefill: OTHER });
    expect(leave()).toBe(false);
    await fill(user, 'Тема обращения', 'Что-то');
    expect(leave()).toBe(true);
    await user.clear(screen.getByLabelText('Тема обращения'));
    expect(leave()).toBe(false);
    await fill(user, 'Тема обращения', 'Снова');
    unmount();
    expect(leave()).toBe(false);
  });
});
