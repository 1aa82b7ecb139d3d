/**
 * The form past the category choice is a part of its own, loaded right after the form screen's first frame
 * (FormScreen.tsx) or when a category is chosen. These tests take fresh module instances, so the part starts
 * unloaded (the setup file loads the shared one for the rest).
 */
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.doUnmock('../../../src/widget/ticket-form/CategoryForm');
  vi.resetModules();
});

/** Fresh instances of the form and its part (nothing loaded yet). */
async function freshForm() {
  vi.resetModules();
  const [{ renderForm }, { chooseCategory }, { categoryFormPart }] = await Promise.all([
    import('./render-form'),
    import('./actions'),
    import('../../../src/widget/ticket-form/category-form-part'),
  ]);
  return { renderForm, chooseCategory, categoryFormPart };
}

/** Renders a fresh form whose part arrives only on `release()`, and chooses «Другой вопрос» before it does. */
async function chooseWhilePartHeldBack() {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  vi.doMock('../../../src/widget/ticket-form/CategoryForm', async (importOriginal) => {
    await gate;
    return importOriginal();
  });
  const { renderForm, chooseCategory } = await freshForm();
  const { user } = renderForm();
  await chooseCategory(user, 'Другой вопрос');
  return { release, user };
}

describe('the fields part', () => {
  it('is not part of the first frame, and the chosen category gets its fields and focus', async () => {
    const { renderForm, chooseCategory, categoryFormPart } = await freshForm();
    const { user } = renderForm();
    expect(categoryFormPart.peek()).toBeUndefined();
    await chooseCategory(user, 'Тест');
    // Chosen before the part came: the fields come with it, and the first field to type into takes focus.
    expect(await screen.findByLabelText(/Полное название курса/)).toBeInTheDocument();
    expect(categoryFormPart.peek()).toBeDefined();
    await waitFor(() => expect(screen.getByLabelText(/Опишите проблему/)).toHaveFocus());
    expect(screen.getByRole('button', { name: 'Изменить категорию «Тест»' })).toBeInTheDocument();
  });

  it('keeps focus in the form while a chosen category waits for the part, then moves it to the first field', async () => {
    const { release } = await chooseWhilePartHeldBack();
    const box = await screen.findByText('Загрузка…');
    await waitFor(() => expect(box.parentElement).toHaveFocus());
    expect(box.parentElement).toHaveAttribute('aria-busy', 'true');
    release();
    await waitFor(() => expect(screen.getByLabelText(/Опишите проблему/)).toHaveFocus());
  });

  it('keeps what the user typed and pasted while the part was on its way, in the first field, caret after it', async () => {
    const { release, user } = await chooseWhilePartHeldBack();
    const box = (await screen.findByText('Загрузка…')).parentElement;
    await waitFor(() => expect(box).toHaveFocus());
    await user.keyboard('Не грузитсч{Backspace}я видео');
    await user.paste(' в уроке 3');
    // A shortcut types nothing.
    await user.keyboard('{Control>}b{/Control}');
    release();
    const description = await screen.findByLabelText(/Опишите проблему/);
    await waitFor(() => expect(description).toHaveFocus());
    expect(description).toHaveValue('Не грузится видео в уроке 3');
    await user.keyboard(', чёрный экран');
    expect(description).toHaveValue('Не грузится видео в уроке 3, чёрный экран');
  });

  it('leaves focus the user moved elsewhere while the part was on its way', async () => {
    const { release } = await chooseWhilePartHeldBack();
    await screen.findByText('Загрузка…');
    // A control of the host page, where the user went meanwhile.
    const page = document.body.appendChild(document.createElement('button'));
    page.textContent = 'Страница СДО';
    page.focus();
    release();
    expect(await screen.findByLabelText(/Опишите проблему/)).toBeInTheDocument();
    expect(page).toHaveFocus();
    page.remove();
  });

  it('shows the fields with the attachment zone, not before it: the choice asks for a zone still on its way', async () => {
    const [{ renderForm, createSlot }, { chooseCategory }, { categoryFormPart }] = await Promise.all([
      import('./render-form'),
      import('./actions'),
      import('../../../src/widget/ticket-form/category-form-part'),
    ]);
    await categoryFormPart.load();
    let arrive: () => void = () => undefined;
    const state = { pending: true };
    const prepare = vi.fn(() => new Promise<void>((resolve) => (arrive = () => ((state.pending = false), resolve()))));
    const slot = createSlot({ prepare, node: <p>Зона файлов</p> });
    Object.defineProperty(slot, 'pending', { get: () => state.pending });
    const { user } = renderForm({ slot });
    await chooseCategory(user, 'Другой вопрос');
    // The fields are there, but the zone is not: the busy box holds their place, and the zone is asked for.
    expect(await screen.findByText('Загрузка…')).toBeInTheDocument();
    expect(prepare).toHaveBeenCalled();
    expect(screen.queryByLabelText(/Опишите проблему/)).toBeNull();
    arrive();
    expect(await screen.findByLabelText(/Опишите проблему/)).toBeInTheDocument();
    expect(screen.getByText('Зона файлов')).toBeInTheDocument();
  });

  it('brings a restored draft its notice, a part asked for only when there is a draft', async () => {
    const [{ renderForm }, { chooseCategory, fill }, { createMemoryTextStore }, { restoredNoticePart }] = await Promise.all([
      import('./render-form'),
      import('./actions'),
      import('../../../src/widget/shared/memory-stores'),
      import('../../../src/widget/ticket-form/category-form-part'),
    ]);
    const store = createMemoryTextStore();
    const first = renderForm({ store });
    await chooseCategory(first.user, 'Другой вопрос');
    await screen.findByLabelText(/Опишите проблему/);
    await fill(first.user, 'Опишите проблему', 'Не приходит письмо.');
    first.unmount();
    expect(restoredNoticePart.peek()).toBeUndefined();
    renderForm({ store });
    expect(await screen.findByText('Черновик от 14:02 восстановлен')).toBeInTheDocument();
  });

  it('shows a retry instead of the fields when the part fails to load, and the retry brings them', async () => {
    vi.doMock('../../../src/widget/ticket-form/CategoryForm', () => {
      throw new Error('offline');
    });
    const { renderForm, chooseCategory } = await freshForm();
    const { user } = renderForm();
    await chooseCategory(user, 'Другой вопрос');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Не удалось загрузить поля формы');
    // The user had just chosen: focus is on the way to try again.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Повторить' })).toHaveFocus());
    expect(screen.queryByLabelText(/Опишите проблему/)).toBeNull();
    vi.doUnmock('../../../src/widget/ticket-form/CategoryForm');
    await user.click(screen.getByRole('button', { name: 'Повторить' }));
    expect(await screen.findByLabelText(/Опишите проблему/)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
