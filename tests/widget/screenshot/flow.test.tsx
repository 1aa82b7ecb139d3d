import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import ScreenshotFlow from '../../../src/widget/screenshot/ScreenshotFlow';
import { loadScreenshot } from '../../../src/widget/screenshot';
import type { CaptureServices } from '../../../src/widget/screenshot';
import { fakeImage, fakeServices, renderWithWidget } from './helpers';

const desktop = () => ({ hasDisplayMedia: true, isSecureContext: true, permissionsPolicyAllows: true, isMobile: false });

function setup(services: CaptureServices, container?: () => HTMLElement | ShadowRoot | null) {
  const log: string[] = [];
  const hideWidget = vi.fn(() => {
    log.push('hide');
    return () => log.push('restore');
  });
  const onDone = vi.fn();
  const onCancel = vi.fn();
  const view = renderWithWidget(<ScreenshotFlow hideWidget={hideWidget} onDone={onDone} onCancel={onCancel} services={services} />, container === undefined ? {} : { container });
  return { log, hideWidget, onDone, onCancel, view, user: userEvent.setup() };
}

describe('ScreenshotFlow', () => {
  it('is the default export of the lazy chunk', async () => {
    expect((await loadScreenshot()).default).toBe(ScreenshotFlow);
  });

  it('renders the page without the widget, hidden for the moment, then opens the editor and hands over a PNG', async () => {
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    const services = fakeServices({
      captureDom: vi.fn(async (exclude) => {
        log.push(exclude === host ? 'capture without host' : 'capture WITH host');
        return new Blob(['dom'], { type: 'image/png' });
      }),
    });
    const { log, onDone, user } = setup(services, () => shadow);

    const canvas = await screen.findByRole('img', { name: /^Снимок страницы 1000 × 500/ });
    expect(log).toEqual(['hide', 'capture without host', 'restore']);
    expect(screen.getByRole('heading', { name: 'Скриншот страницы' })).toHaveFocus();
    expect(canvas).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Прикрепить' }));
    // 09:00 UTC is 14:00 in the test's zone (Yekaterinburg): the name is in the user's local time.
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.any(Blob), 'screenshot-2025-12-01-14-00.png'));
  });

  it('asks before using the screen-capture API and respects a refusal', async () => {
    const captureDisplay = vi.fn(async () => {
      throw new DOMException('denied', 'NotAllowedError');
    });
    const services = fakeServices({ detect: desktop, captureDisplay });
    const { user, hideWidget } = setup(services);

    expect(screen.getByText(/выберите эту вкладку/)).toBeInTheDocument();
    expect(services.captureDom).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Снять страницу' }));
    expect(captureDisplay).toHaveBeenCalledWith(hideWidget);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Доступ к экрану не дан'));
    expect(services.captureDom).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Снять без доступа к экрану' }));
    expect(await screen.findByRole('img', { name: /Снимок страницы/ })).toBeInTheDocument();
    expect(services.captureDom).toHaveBeenCalledOnce();
  });

  it('falls back to the DOM rendering when the screen-capture API does not work here', async () => {
    const services = fakeServices({ detect: desktop, captureDisplay: vi.fn(async () => Promise.reject(new DOMException('x', 'NotSupportedError'))) });
    const { user } = setup(services);
    await user.click(screen.getByRole('button', { name: 'Снять страницу' }));
    expect(await screen.findByRole('img', { name: /Снимок страницы/ })).toBeInTheDocument();
    expect(services.captureDom).toHaveBeenCalledOnce();
  });

  it('ends with instructions when nothing works, and takes a pasted screenshot to the editor', async () => {
    const loaded = fakeImage(640, 480);
    const services = fakeServices({ captureDom: vi.fn(async () => Promise.reject(new Error('CSP'))), loadImage: vi.fn(async () => loaded) });
    const { log, view } = setup(services);

    expect(await screen.findByRole('heading', { name: 'Сделайте снимок сами' })).toHaveFocus();
    expect(log).toEqual(['hide', 'restore']);
    expect(screen.getByText('Снять страницу автоматически не получилось.')).toBeInTheDocument();
    expect(screen.getByText(/Win \+ Shift \+ S/)).toBeInTheDocument();
    expect(screen.getByText(/⌘\+Ctrl\+Shift\+4/)).toBeInTheDocument();

    // A native listener higher up (like the attachment picker's) must not get the paste as well.
    const outer = vi.fn();
    view.container.addEventListener('paste', outer);
    const image = new File(['png'], 'image.png', { type: 'image/png' });
    fireEvent.paste(screen.getByText(/Затем вставьте снимок/), { clipboardData: { files: [image], types: ['Files'] } });
    expect(outer).not.toHaveBeenCalled();
    expect(await screen.findByRole('img', { name: /^Снимок страницы 640 × 480/ })).toBeInTheDocument();
    expect(services.loadImage).toHaveBeenCalledWith(image);
  });

  it('goes straight to the instructions where the page cannot be rendered, and accepts a picked file', async () => {
    const services = fakeServices({ detect: () => ({ ...desktop(), hasDisplayMedia: false, canRenderDom: false }) });
    const { user, hideWidget, onCancel } = setup(services);
    expect(screen.getByRole('heading', { name: 'Сделайте снимок сами' })).toBeInTheDocument();
    expect(screen.queryByText('Снять страницу автоматически не получилось.')).toBeNull();
    expect(hideWidget).not.toHaveBeenCalled();
    const picked = new File(['png'], 'shot.png', { type: 'image/png' });
    await user.upload(screen.getByLabelText('Выбрать файл со снимком'), picked);
    await screen.findByRole('img', { name: /Снимок страницы/ });
    expect(services.loadImage).toHaveBeenCalledWith(picked);
    await user.click(screen.getByRole('button', { name: 'Отмена' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('on a phone, where the page could not be rendered, says to use the phone’s buttons and pick the file, not a computer’s keys', async () => {
    const services = fakeServices({
      detect: () => ({ ...desktop(), hasDisplayMedia: false, isMobile: true }),
      captureDom: vi.fn(async () => Promise.reject(new Error('CSP'))),
    });
    const { user } = setup(services);
    expect(await screen.findByRole('heading', { name: 'Сделайте снимок сами' })).toHaveFocus();
    expect(screen.getByText(/кнопками телефона или планшета/)).toBeInTheDocument();
    expect(screen.queryByText(/Win \+ Shift \+ S/)).toBeNull();
    expect(screen.queryByText(/Ctrl\+V/)).toBeNull();
    const picked = new File(['png'], 'shot.png', { type: 'image/png' });
    await user.upload(screen.getByLabelText('Выбрать файл со снимком'), picked);
    await screen.findByRole('img', { name: /Снимок страницы/ });
  });

  it('frees the decoded picture when it closes', async () => {
    const loaded = fakeImage();
    const services = fakeServices({ loadImage: vi.fn(async () => loaded) });
    const view = renderWithWidget(<ScreenshotFlow hideWidget={() => () => undefined} onDone={vi.fn()} onCancel={vi.fn()} services={services} />);
    await screen.findByRole('img', { name: /Снимок страницы/ });
    expect(loaded.release).not.toHaveBeenCalled();
    view.unmount();
    expect(loaded.release).toHaveBeenCalledOnce();
  });

  it('captures once under StrictMode, whose rehearsal runs effects twice', async () => {
    const services = fakeServices();
    const hideWidget = vi.fn(() => () => undefined);
    renderWithWidget(<ScreenshotFlow hideWidget={hideWidget} onDone={vi.fn()} onCancel={vi.fn()} services={services} />, { strict: true });
    await screen.findByRole('img', { name: /Снимок страницы/ });
    expect(hideWidget).toHaveBeenCalledOnce();
    expect(services.captureDom).toHaveBeenCalledOnce();
  });
});
