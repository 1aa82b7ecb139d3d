import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ScreenshotEditor } from '../../../src/widget/screenshot/editor/ScreenshotEditor';
import { fakeImage, fakeRenderer, renderWithWidget } from './helpers';

function setup() {
  const { renderer, exported } = fakeRenderer();
  const onAttach = vi.fn();
  const onCancel = vi.fn();
  const image = fakeImage(1000, 500);
  renderWithWidget(<ScreenshotEditor image={image} renderer={renderer} onAttach={onAttach} onCancel={onCancel} />, { withMessages: true });
  return { renderer, exported, onAttach, onCancel, user: userEvent.setup() };
}

const canvas = () => screen.getByRole('img', { name: /^Снимок страницы 1000 × 500/ });
const status = () => screen.getByRole('status');

describe('ScreenshotEditor', () => {
  it('offers the tools as toggle buttons in a toolbar', async () => {
    const { user } = setup();
    const toolbar = screen.getByRole('toolbar', { name: 'Инструменты' });
    expect(toolbar).toContainElement(screen.getByRole('button', { name: 'Закрасить', pressed: true }));
    await user.click(screen.getByRole('button', { name: 'Обрезать' }));
    expect(screen.getByRole('button', { name: 'Обрезать', pressed: true })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Закрасить', pressed: false })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Отменить' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Сбросить' })).toBeDisabled();
  });

  it('blacks out and highlights areas with the keyboard alone, announcing each step', async () => {
    const { user, renderer } = setup();
    const frame = screen.getByRole('button', { name: 'Рамка с клавиатуры' });
    expect(frame).toHaveAccessibleDescription(/Стрелки двигают рамку/);
    frame.focus();
    await user.keyboard('{Enter}');
    expect(status()).toHaveTextContent('Рамка 250 × 125, отступ слева 375, сверху 188');
    expect(renderer.draw).toHaveBeenLastCalledWith(expect.anything(), expect.anything(), expect.objectContaining({ draft: expect.objectContaining({ via: 'keyboard' }) }));
    await user.keyboard('{ArrowLeft}{ArrowLeft}{Shift>}{ArrowDown}{/Shift}');
    expect(status()).toHaveTextContent('Рамка 250 × 145, отступ слева 335, сверху 188');
    await user.keyboard('{Enter}');
    expect(status()).toHaveTextContent('Область закрашена');
    expect(canvas()).toHaveAccessibleName(/закрашенных областей — 1, выделенных — 0/);

    await user.click(screen.getByRole('button', { name: 'Выделить' }));
    frame.focus();
    await user.keyboard('{Enter}{ArrowUp}{Enter}');
    expect(status()).toHaveTextContent('Область выделена');
    expect(canvas()).toHaveAccessibleName(/закрашенных областей — 1, выделенных — 1/);

    await user.click(screen.getByRole('button', { name: 'Отменить' }));
    expect(status()).toHaveTextContent('Последнее действие отменено');
    expect(canvas()).toHaveAccessibleName(/выделенных — 0/);
  });

  it('removes the keyboard frame with Escape without closing anything around it', async () => {
    const { user } = setup();
    const outer = vi.fn();
    document.addEventListener('keydown', outer);
    screen.getByRole('button', { name: 'Рамка с клавиатуры' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Рамка с клавиатуры' })).toHaveAttribute('aria-pressed', 'true');
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Рамка с клавиатуры' })).toHaveAttribute('aria-pressed', 'false');
    expect(outer).not.toHaveBeenCalledWith(expect.objectContaining({ key: 'Escape' }));
    document.removeEventListener('keydown', outer);
  });

  it('draws with a pointer in image pixels, whatever size the canvas is shown at', async () => {
    const { user, renderer, exported, onAttach } = setup();
    const element = canvas();
    vi.spyOn(element, 'getBoundingClientRect').mockReturnValue({ left: 10, top: 20, width: 500, height: 250, right: 510, bottom: 270, x: 10, y: 20, toJSON: () => ({}) });
    fireEvent.pointerDown(element, { button: 0, pointerId: 1, clientX: 60, clientY: 70 });
    fireEvent.pointerMove(element, { pointerId: 1, clientX: 110, clientY: 95 });
    fireEvent.pointerUp(element, { pointerId: 1, clientX: 110, clientY: 95 });
    expect(element).toHaveAccessibleName(/закрашенных областей — 1/);

    await user.click(screen.getByRole('button', { name: 'Прикрепить' }));
    await waitFor(() => expect(onAttach).toHaveBeenCalledWith(exported));
    expect(renderer.export).toHaveBeenCalledWith(expect.anything(), { crop: null, marks: [{ kind: 'blackout', rect: { x: 100, y: 100, width: 100, height: 50 } }] });
  });

  it('attaches the picture untouched, and cancels', async () => {
    const { user, renderer, onAttach, onCancel } = setup();
    await user.click(screen.getByRole('button', { name: 'Прикрепить' }));
    await waitFor(() => expect(onAttach).toHaveBeenCalledOnce());
    expect(renderer.export).toHaveBeenCalledWith(expect.anything(), { crop: null, marks: [] });
    await user.click(screen.getByRole('button', { name: 'Отмена' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('says so when the export fails and keeps the edits', async () => {
    const { user, renderer, onAttach } = setup();
    renderer.export.mockRejectedValueOnce(new Error('tainted'));
    await user.click(screen.getByRole('button', { name: 'Прикрепить' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Не получилось сохранить снимок. Попробуйте ещё раз.');
    expect(screen.getByRole('button', { name: 'Прикрепить' })).toBeEnabled();
    expect(onAttach).not.toHaveBeenCalled();
  });
});
