/** A split restored with the draft whose view's file does not load: the way to try again, not an empty box. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderForm } from './render-form';
import { serializeDraft } from '../../../src/widget/ticket-form/stored-draft';
import { emptyValues } from '../../../src/widget/ticket-form/form-values';
import { createMemoryTextStore } from '../../../src/widget/shared/memory-stores';

// The split view's file, as the network gives it: missing until `offline` is turned off. (A file of its own: the
// loaded view stays loaded for the rest of a file's tests.)
const network = vi.hoisted(() => ({ offline: true }));
vi.mock('../../../src/widget/ticket-form/SplitDrafts', async (importOriginal) => {
  if (network.offline) throw new TypeError('Failed to fetch dynamically imported module: SplitDrafts.js');
  return importOriginal();
});

const TWO_PROBLEMS = 'Не открывается курс «Охрана труда». Также не приходит письмо с паролем новым слушателям.';

describe('a restored split whose view does not load', () => {
  it('a split restored with the draft says so when its view does not load, and «Повторить» opens it', async () => {
    network.offline = true;
    const store = createMemoryTextStore();
    const values = { ...emptyValues(), category: 'other' as const, subject: 'Две проблемы', description: TWO_PROBLEMS, impact: 'blocks_me' as const };
    const split = [
      { subject: 'Не открывается курс', description: 'Не открывается курс «Охрана труда».', idempotencyKey: 'split-key-00000001' },
      { subject: 'Нет письма с паролем', description: 'Не приходит письмо с паролем новым слушателям.', idempotencyKey: 'split-key-00000002' },
    ];
    store.setItem('uchi-support:ticket-draft:u-1', serializeDraft({ values, idempotencyKey: 'draft-key-00000001', split }, new Date()));
    const { user } = renderForm({ store });
    const notice = await screen.findByText('Не удалось загрузить поля формы. Проверьте подключение к интернету и повторите.');
    expect(screen.queryByRole('heading', { name: '2 обращения вместо одного' })).not.toBeInTheDocument();

    network.offline = false;
    await user.click(within(notice.closest('.us-notice') as HTMLElement).getByRole('button', { name: 'Повторить' }));
    expect(await screen.findByRole('heading', { name: '2 обращения вместо одного' })).toBeInTheDocument();
    expect(screen.getAllByLabelText('Тема обращения').map((input) => (input as HTMLInputElement).value)).toEqual(['Не открывается курс', 'Нет письма с паролем']);
  });
});
