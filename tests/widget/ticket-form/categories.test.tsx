/** Every category asks for its own fields, and sends exactly those. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Category } from '../../../src/core';
import { chooseCategory, fill, fillCommon, send } from './actions';
import { renderForm } from './render-form';
import { TOUCH_ONLY_QUERY } from '../../../src/widget/shared/media';
import { stubMatchMedia } from '../media-stub';

interface Row {
  category: Category;
  label: string;
  /** Field label → the error shown when it is empty, and a valid value. */
  fields: Array<[label: string, error: string, value: string]>;
  /** What the draft carries beyond the common fields. */
  sent: Record<string, unknown>;
}

const COURSE = 'https://lms.example.ru/courses/abc-123';
const ORDER = 'https://lms.example.ru/orders/ord-1';
const DOC = 'https://lms.example.ru/files/doc-1.pdf';

const ROWS: Row[] = [
  {
    category: 'course',
    label: 'Курс или учебный материал',
    fields: [
      ['Полное название курса', 'Укажите полное название курса', 'Охрана труда'],
      ['Ссылка на курс', 'Укажите ссылку на курс', COURSE],
    ],
    sent: { course: { title: 'Охрана труда', url: COURSE } },
  },
  {
    category: 'test',
    label: 'Тест',
    fields: [
      ['Полное название курса', 'Укажите полное название курса', 'Охрана труда'],
      ['Ссылка на курс', 'Укажите ссылку на курс', COURSE],
      ['Текст вопроса теста', 'Приведите текст вопроса теста', 'Какой документ подтверждает инструктаж?'],
    ],
    sent: { course: { title: 'Охрана труда', url: COURSE }, testQuestion: 'Какой документ подтверждает инструктаж?' },
  },
  { category: 'order', label: 'Заявка на обучение', fields: [['Ссылка на заявку', 'Укажите ссылку на заявку', ORDER]], sent: { orderUrl: ORDER } },
  {
    category: 'document',
    label: 'Документ формируется неправильно',
    fields: [
      ['Ссылка на заявку', 'Укажите ссылку на заявку', ORDER],
      ['Ссылка на документ', 'Укажите ссылку на документ', DOC],
    ],
    sent: { orderUrl: ORDER, documentUrl: DOC },
  },
  {
    category: 'technical',
    label: 'Ошибка в работе СДО',
    fields: [['Какие действия вызывают ошибку', 'Опишите действия, которые приводят к ошибке', 'Открыть курс, нажать «Начать»']],
    sent: { steps: 'Открыть курс, нажать «Начать»' },
  },
  { category: 'suggestion', label: 'Предложение по доработке СДО или курсов', fields: [], sent: {} },
  { category: 'other', label: 'Другой вопрос', fields: [], sent: {} },
];

describe('category fields', () => {
  it.each(ROWS)('$category: empty fields are refused with their own messages, filled ones are sent alone', async (row) => {
    const { user, api, onSent } = renderForm();
    await chooseCategory(user, row.label);
    await send(user);

    const summary = await screen.findByRole('region', { name: /Исправьте/ });
    await waitFor(() => expect(summary).toHaveFocus());
    // A field's own sentence names it: the summary says it once, without the field's label or question before it.
    expect(within(summary).getByRole('button', { name: 'Укажите тему обращения' })).toBeInTheDocument();
    expect(screen.getByLabelText('Тема обращения')).toHaveAccessibleDescription(expect.stringContaining('Укажите тему обращения'));
    expect(screen.getByRole('radiogroup', { name: 'Насколько это мешает работе?' })).toHaveAccessibleDescription(
      expect.stringContaining('Укажите, насколько проблема мешает работе'),
    );
    expect(within(summary).getByRole('button', { name: 'Укажите, насколько проблема мешает работе' })).toBeInTheDocument();
    expect(summary).not.toHaveTextContent(/Насколько это мешает работе|Тема обращения/);
    for (const [label, error] of row.fields) {
      expect(screen.getByLabelText(label)).toHaveAccessibleDescription(expect.stringContaining(error));
      expect(within(summary).getByRole('button', { name: error })).toBeInTheDocument();
    }
    expect(api.createTicket).not.toHaveBeenCalled();

    await fillCommon(user);
    for (const [label, , value] of row.fields) await fill(user, label, value);
    await send(user);

    await waitFor(() => expect(onSent).toHaveBeenCalledTimes(1));
    const [draft, key] = api.createTicket.mock.calls[0] ?? [];
    expect(key).toBe('test-key-1');
    expect(draft).toEqual({
      category: row.category,
      subject: 'Не открывается урок',
      description: 'При открытии урока появляется белый экран.',
      impact: 'blocks_me',
      attachmentIds: [],
      browser: expect.objectContaining({ browser: { name: 'Chrome', version: '131.0.0.0' } }),
      ...row.sent,
    });
  });

  it('a suggestion asks for a description of the change, not of a problem', async () => {
    const { user } = renderForm();
    await chooseCategory(user, 'Предложение по доработке СДО или курсов');
    const description = screen.getByLabelText('Опишите предложение');
    expect(description).toHaveAccessibleDescription(expect.stringContaining('Что изменить в СДО или курсе, где именно и чем это поможет.'));
    expect(screen.queryByLabelText('Опишите проблему')).not.toBeInTheDocument();
    const checklist = screen.getByRole('region', { name: 'Что поможет решить быстрее' });
    expect(within(checklist).getByText('Описание предложения')).toBeInTheDocument();
    expect(within(checklist).queryByText('Описание проблемы')).not.toBeInTheDocument();

    // Any other category asks about the problem again, with what was typed kept.
    await fill(user, 'Опишите предложение', 'Добавьте тёмную тему.');
    await chooseCategory(user, 'Другой вопрос');
    expect(screen.getByLabelText('Опишите проблему')).toHaveValue('Добавьте тёмную тему.');
    expect(screen.getByLabelText('Опишите проблему')).toHaveAccessibleDescription(expect.stringContaining('Что случилось, что вы ожидали'));
    expect(within(screen.getByRole('region', { name: 'Что поможет решить быстрее' })).getByText('Описание проблемы')).toBeInTheDocument();
  });

  it('a summary entry moves focus to its field', async () => {
    const { user } = renderForm();
    await chooseCategory(user, 'Заявка на обучение');
    await send(user);
    await user.click(await screen.findByRole('button', { name: 'Укажите ссылку на заявку' }));
    expect(screen.getByLabelText('Ссылка на заявку')).toHaveFocus();
  });

  it('starts with the choice of category; choosing moves to its fields, the chip goes back to it', async () => {
    const { user } = renderForm({ pageUrl: 'https://lms.example.ru/orders/ord-1' });
    const choice = screen.getByRole('region', { name: 'О чём обращение?' });
    const options = within(choice).getAllByRole('button');
    // The page's order first, each option with its line on what belongs there.
    expect(options.map((option) => option.textContent?.length ?? 0).every((length) => length > 20)).toBe(true);
    expect(options[0]).toHaveAccessibleName('Заявка на обучение');
    expect(options[0]).toHaveAccessibleDescription('Похоже, вопрос о заявке на этой странице Вопрос по заявке на обучение. Попросим ссылку на заявку.');
    expect(options).toHaveLength(7);
    expect(screen.queryByLabelText('Тема обращения')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Отправить обращение' })).not.toBeInTheDocument();

    await user.click(options[1] as HTMLElement);
    // Straight to where the user types first: the description (the subject is proposed from it).
    expect(screen.getByLabelText('Опишите проблему')).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Изменить категорию «Курс или учебный материал»' }));
    expect(screen.getByRole('heading', { name: 'О чём обращение?' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Курс или учебный материал' })).toHaveAttribute('aria-current', 'true');
    await user.click(screen.getByRole('button', { name: 'Заявка на обучение' }));
    expect(screen.getByLabelText('Ссылка на заявку')).toHaveValue('https://lms.example.ru/orders/ord-1');
  });

  it('on a touch screen the choice moves focus to the chip, not into a field that would bring up the keyboard', async () => {
    stubMatchMedia(TOUCH_ONLY_QUERY);
    try {
      const { user } = renderForm();
      await user.click(screen.getByRole('button', { name: 'Другой вопрос' }));
      await waitFor(() => expect(screen.getByRole('button', { name: 'Изменить категорию «Другой вопрос»' })).toHaveFocus());
      expect(screen.getByLabelText('Опишите проблему')).not.toHaveFocus();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('keeps hidden fields while switching and sends only the active category', async () => {
    const { user, api, onSent } = renderForm();
    await chooseCategory(user, 'Курс или учебный материал');
    await fill(user, 'Полное название курса', 'Охрана труда');
    await chooseCategory(user, 'Документ формируется неправильно');
    expect(screen.queryByLabelText('Полное название курса')).not.toBeInTheDocument();
    await fill(user, 'Ссылка на заявку', ORDER);
    await chooseCategory(user, 'Заявка на обучение');
    expect(screen.getByLabelText('Ссылка на заявку')).toHaveValue(ORDER);
    await chooseCategory(user, 'Курс или учебный материал');
    expect(screen.getByLabelText('Полное название курса')).toHaveValue('Охрана труда');

    await chooseCategory(user, 'Заявка на обучение');
    await fillCommon(user);
    await send(user);
    await waitFor(() => expect(onSent).toHaveBeenCalled());
    const draft = api.createTicket.mock.calls[0]?.[0];
    expect(draft).toMatchObject({ category: 'order', orderUrl: ORDER });
    expect(draft).not.toHaveProperty('course');
    expect(draft).not.toHaveProperty('documentUrl');
  });

  it('validates links and shows the priority before sending', async () => {
    const { user } = renderForm();
    await chooseCategory(user, 'Курс или учебный материал');
    // An address without its scheme is completed when the field is left.
    await fill(user, 'Ссылка на курс', 'lms.example.ru/courses/1');
    await user.tab();
    expect(screen.getByLabelText('Ссылка на курс')).toHaveValue('https://lms.example.ru/courses/1');
    // Something that is no address is refused with the rule.
    await fill(user, 'Ссылка на курс', 'курс по охране труда');
    await send(user);
    expect(await screen.findByLabelText('Ссылка на курс')).toHaveAccessibleDescription(
      expect.stringContaining('Вставьте ссылку на курс целиком: адрес страницы вместе с http:// или https://'),
    );
    expect(screen.getByLabelText('Ссылка на курс')).toHaveValue('курс по охране труда');
    expect(screen.queryByText(/Приоритет:/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Мешает работать всей организации' }));
    expect(screen.getByText('Приоритет: высокий')).toBeInTheDocument();
    await chooseCategory(user, 'Предложение по доработке СДО или курсов');
    expect(screen.getByText('Приоритет: низкий')).toBeInTheDocument();
  });
});
