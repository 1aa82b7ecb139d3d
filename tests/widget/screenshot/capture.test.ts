import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureDisplay, isRefusal } from '../../../src/widget/screenshot/capture/capture-display';
import { captureDom } from '../../../src/widget/screenshot/capture/capture-dom';
import type { DomRenderer } from '../../../src/widget/screenshot/capture/capture-dom';
import { chooseCaptureMethod } from '../../../src/widget/screenshot/capture/choose-capture-method';
import { MASK, maskClonedNode } from '../../../src/widget/screenshot/capture/mask-clone';
import { screenshotName } from '../../../src/widget/screenshot/capture/screenshot-name';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('chooseCaptureMethod', () => {
  const desktop = { hasDisplayMedia: true, isSecureContext: true, permissionsPolicyAllows: true, isMobile: false };
  it.each([
    ['desktop, secure, allowed', desktop, 'display-media'],
    ['no getDisplayMedia (Safari < 13, old browsers)', { ...desktop, hasDisplayMedia: false }, 'dom'],
    ['plain http', { ...desktop, isSecureContext: false }, 'dom'],
    ['iframe without allow="display-capture"', { ...desktop, permissionsPolicyAllows: false }, 'dom'],
    ['a phone that claims getDisplayMedia', { ...desktop, isMobile: true }, 'dom'],
    ['DOM rendering impossible', { ...desktop, hasDisplayMedia: false, canRenderDom: false }, 'manual'],
    ['mobile without DOM rendering', { ...desktop, isMobile: true, canRenderDom: false }, 'manual'],
    ['display media wins even if DOM rendering is impossible', { ...desktop, canRenderDom: false }, 'display-media'],
  ] as const)('%s → %s', (_label, environment, expected) => {
    expect(chooseCaptureMethod(environment)).toBe(expected);
  });
});

function form() {
  const page = document.createElement('form');
  const text = Object.assign(document.createElement('input'), { value: 'Иванов Иван' });
  const password = Object.assign(document.createElement('input'), { type: 'password', value: 'secret' });
  const empty = document.createElement('input');
  const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox', value: 'on' });
  const area = document.createElement('textarea');
  area.value = 'паспорт 1234 567890';
  const select = document.createElement('select');
  select.append(Object.assign(document.createElement('option'), { textContent: 'Москва', selected: true }));
  page.append(text, password, empty, checkbox, area, select);
  document.body.append(page);
  return { page, text, password, empty, checkbox, area, select };
}

describe('maskClonedNode', () => {
  it('masks typed values in a clone and never touches the page’s own fields', () => {
    const original = form();
    const clone = original.page.cloneNode(true) as HTMLFormElement;
    // Like the capture library: the live value is copied onto the clone's attribute first.
    for (const [index, field] of Array.from(original.page.elements).entries()) {
      (clone.elements[index] as HTMLInputElement).setAttribute('value', (field as HTMLInputElement).value);
    }
    for (const node of [clone, ...Array.from(clone.querySelectorAll('*'))]) maskClonedNode(node);
    const [text, password, empty, checkbox, area, select] = Array.from(clone.elements) as HTMLInputElement[];

    expect(text!.getAttribute('value')).toBe(MASK);
    expect(password!.getAttribute('value')).toBe(MASK);
    expect(empty!.getAttribute('value')).toBe('');
    expect(checkbox!.getAttribute('value')).toBe('on');
    expect(area!.textContent).toBe(MASK);
    expect(select!.textContent).toBe(MASK);
    expect(clone.textContent).not.toMatch(/Иванов|1234|Москва/);

    expect(original.text.value).toBe('Иванов Иван');
    expect(original.area.value).toBe('паспорт 1234 567890');
    expect(original.select.options[0]!.textContent).toBe('Москва');
  });
});

describe('maskClonedNode in a same-origin frame and in an element edited in place', () => {
  it('masks the fields of a frame’s document, whose nodes are not this window’s Elements', () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const inner = frame.contentDocument!;
    const field = (tag: 'input' | 'textarea', id: string, value: string, type?: string) => {
      const element = inner.createElement(tag);
      element.id = id;
      if (type !== undefined) element.setAttribute('type', type);
      element.value = value;
      element.setAttribute('value', value);
      inner.body.append(element);
    };
    field('input', 'card', '4111 1111 1111 1111');
    field('input', 'pass', 'hunter2hunter2', 'password');
    field('textarea', 'note', 'секрет в рамке');
    inner.getElementById('note')!.textContent = 'секрет в рамке';
    // Cloned as the library clones a frame: nodes of the frame's own document, from the frame's window.
    const clone = inner.body.cloneNode(true) as HTMLElement;
    expect(clone instanceof Element).toBe(false);
    for (const node of [clone, ...Array.from(clone.querySelectorAll('*'))]) maskClonedNode(node);
    expect(clone.querySelector('#card')!.getAttribute('value')).toBe(MASK);
    // Not even the length of the password: the same mask as any field.
    expect(clone.querySelector('#pass')!.getAttribute('value')).toBe(MASK);
    expect(clone.querySelector('#note')!.textContent).toBe(MASK);
    const left = [clone, ...Array.from(clone.querySelectorAll('*'))].map((node) => `${node.getAttribute('value') ?? ''} ${node.textContent ?? ''}`).join(' ');
    expect(left).not.toMatch(/4111|hunter2|секрет/);
    frame.remove();
  });

  it('masks the whole text of a contenteditable element, and leaves one switched off alone', () => {
    const page = document.createElement('div');
    const editable = (id: string, mode: string, ...content: Array<string | Node>) => {
      const element = document.createElement('div');
      element.id = id;
      element.setAttribute('contenteditable', mode);
      element.append(...content);
      page.append(element);
    };
    const bold = document.createElement('b');
    bold.textContent = 'паспорт 1234 567890';
    editable('answer', 'true', 'Мой ответ: ', bold);
    editable('plain', 'plaintext-only', 'телефон +7 912');
    editable('off', 'false', 'Заголовок урока');
    editable('empty', '');
    const clone = page.cloneNode(true) as HTMLElement;
    // Children first, then their parent, as the capture library calls it.
    for (const node of [...Array.from(clone.querySelectorAll('*')).reverse(), clone]) maskClonedNode(node);
    expect(clone.querySelector('#answer')!.textContent).toBe(MASK);
    expect(clone.querySelector('#plain')!.textContent).toBe(MASK);
    expect(clone.querySelector('#off')!.textContent).toBe('Заголовок урока');
    expect(clone.querySelector('#empty')!.textContent).toBe('');
    expect(page.querySelector('#answer')!.textContent).toBe('Мой ответ: паспорт 1234 567890');
  });
});

describe('captureDom', () => {
  it('renders the document without the widget host and with the masking hook', async () => {
    const host = document.createElement('uchi-support-widget');
    const other = document.createElement('main');
    document.body.append(host, other);
    const png = new Blob(['png'], { type: 'image/png' });
    const domToBlob = vi.fn<DomRenderer['domToBlob']>(async () => png);
    await expect(captureDom(host, async () => ({ domToBlob }))).resolves.toBe(png);

    const [root, options] = domToBlob.mock.calls[0]!;
    expect(root).toBe(document.documentElement);
    expect(options.filter(host)).toBe(false);
    expect(options.filter(other)).toBe(true);
    expect(options.onCloneEachNode).toBe(maskClonedNode);
    expect(options.type).toBe('image/png');
  });

  it('renders through a context and always destroys it, so nothing is left on the host page', async () => {
    const context = { sandbox: 'iframe added to the host page' };
    const createContext = vi.fn(async () => context);
    const destroyContext = vi.fn();
    const failing = vi.fn(async () => {
      throw new Error('render failed');
    });
    await expect(captureDom(null, async () => ({ domToBlob: failing, createContext, destroyContext }))).rejects.toThrow('render failed');
    expect(failing).toHaveBeenCalledWith(context);
    expect(destroyContext).toHaveBeenCalledWith(context);

    const png = new Blob(['png'], { type: 'image/png' });
    destroyContext.mockClear();
    await expect(captureDom(null, async () => ({ domToBlob: async () => png, createContext, destroyContext }))).resolves.toBe(png);
    expect(destroyContext).toHaveBeenCalledTimes(1);
  });
});

describe('captureDisplay', () => {
  function fakeStream() {
    const track = { stop: vi.fn() };
    return { track, stream: { getTracks: () => [track] } as unknown as MediaStream };
  }

  it('asks for this tab, hides the widget for the frame and stops every track', async () => {
    const { track, stream } = fakeStream();
    const getDisplayMedia = vi.fn(async () => stream);
    Object.defineProperty(navigator, 'mediaDevices', { value: { getDisplayMedia }, configurable: true });
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    const drawImage = vi.fn();
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({ drawImage } as unknown as CanvasRenderingContext2D);
    const frame = new Blob(['frame'], { type: 'image/png' });
    vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((callback) => callback(frame));
    const order: string[] = [];
    const hide = vi.fn(() => {
      order.push('hide');
      return () => order.push('restore');
    });

    await expect(captureDisplay(hide)).resolves.toBe(frame);
    expect(getDisplayMedia).toHaveBeenCalledWith(
      expect.objectContaining({ video: { displaySurface: 'browser' }, preferCurrentTab: true, selfBrowserSurface: 'include' }),
    );
    expect(order).toEqual(['hide', 'restore']);
    expect(drawImage).toHaveBeenCalledOnce();
    expect(track.stop).toHaveBeenCalled();
  });

  it('stops the tracks and shows the widget again when grabbing the frame fails', async () => {
    const { track, stream } = fakeStream();
    Object.defineProperty(navigator, 'mediaDevices', { value: { getDisplayMedia: async () => stream }, configurable: true });
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockRejectedValue(new Error('no video'));
    const restore = vi.fn();
    await expect(captureDisplay(() => restore)).rejects.toThrow('no video');
    expect(restore).toHaveBeenCalledOnce();
    expect(track.stop).toHaveBeenCalled();
  });

  it('tells a refusal from a failure', () => {
    expect(isRefusal(new DOMException('denied', 'NotAllowedError'))).toBe(true);
    expect(isRefusal(new DOMException('closed', 'AbortError'))).toBe(true);
    expect(isRefusal(new DOMException('nope', 'NotSupportedError'))).toBe(false);
    expect(isRefusal(new Error('x'))).toBe(false);
  });
});

describe('screenshotName', () => {
  it('uses the local date and time', () => {
    expect(screenshotName(new Date(2025, 11, 1, 9, 5))).toBe('screenshot-2025-12-01-09-05.png');
  });
});
