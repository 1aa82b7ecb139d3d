/**
 * The phone sheet and the on-screen keyboard where the browser shrinks only the visual viewport (the layout
 * viewport keeps its height, so `100dvh` alone would leave the sheet's lower part under the keyboard). The
 * browser suite proves the whole in Chromium by resizing the window; here the visual viewport alone changes.
 */
import { render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { revealFocused, SHEET_QUERY, useVisibleViewport } from '../../../src/widget/app/use-visible-viewport';

/** A visual viewport that tests move by hand, as a keyboard or a pinch-zoom would. */
class FakeVisualViewport extends EventTarget {
  height = 844;
  offsetTop = 0;
  scale = 1;
  move(next: Partial<Pick<FakeVisualViewport, 'height' | 'offsetTop' | 'scale'>>, event: 'resize' | 'scroll' = 'resize'): void {
    Object.assign(this, next);
    this.dispatchEvent(new Event(event));
  }
}

/** Gives `element` a fixed box (jsdom has no layout). */
function placeBox(element: Element, top: number, height: number): void {
  vi.spyOn(element, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ x: 0, y: top, width: 390, height }));
}

function Sheet({ active }: { active: boolean }) {
  const panel = useRef<HTMLDivElement>(null);
  useVisibleViewport(panel, active);
  return (
    <div className="us-panel" ref={panel} data-testid="panel">
      <textarea aria-label="Опишите проблему" />
      <div className="us-submit-bar">
        <button type="submit">Отправить обращение</button>
      </div>
    </div>
  );
}

/**
 * An open sheet of a 844 px phone with the description focused: the field's top at 560 and bottom at 660 of the
 * unscrolled sheet, the send bar 60 px tall at the foot of what is visible. `keyboard(h)` leaves `h` px visible.
 */
function sheetWithFocusedField() {
  const rendered = render(<Sheet active />);
  const panel = rendered.getByTestId('panel');
  const field = rendered.getByLabelText('Опишите проблему');
  field.focus();
  let visibleHeight = 844;
  vi.spyOn(panel, 'clientHeight', 'get').mockImplementation(() => visibleHeight);
  vi.spyOn(panel, 'getBoundingClientRect').mockImplementation(() => DOMRect.fromRect({ x: 0, y: 0, width: 390, height: visibleHeight }));
  vi.spyOn(field, 'getBoundingClientRect').mockImplementation(() => DOMRect.fromRect({ x: 0, y: 560 - panel.scrollTop, width: 390, height: 100 }));
  const bar = panel.querySelector('.us-submit-bar') as HTMLElement;
  vi.spyOn(bar, 'getBoundingClientRect').mockImplementation(() => DOMRect.fromRect({ x: 0, y: visibleHeight - 60, width: 390, height: 60 }));
  const keyboard = (height: number) => {
    visibleHeight = height;
    view.move({ height });
  };
  return { panel, field, keyboard, rerender: rendered.rerender };
}

let view: FakeVisualViewport;
let narrow: boolean;
beforeEach(() => {
  view = new FakeVisualViewport();
  narrow = true;
  vi.stubGlobal('visualViewport', view);
  // A live media query list, as the browser's: `matches` reads the window's width at the time.
  vi.stubGlobal('matchMedia', (query: string) =>
    Object.defineProperty(Object.assign(new EventTarget(), { media: query }), 'matches', { get: () => query === SHEET_QUERY && narrow }),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the phone sheet', () => {
  it('follows the visual viewport while open, and lets go when closed', () => {
    const { getByTestId, rerender } = render(<Sheet active />);
    const panel = getByTestId('panel');
    expect(panel.style.getPropertyValue('--us-visible-height')).toBe('844px');
    view.move({ height: 450 });
    expect(panel.style.getPropertyValue('--us-visible-height')).toBe('450px');
    // iOS scrolls the layout viewport under the keyboard: the sheet moves to the visible top.
    view.move({ offsetTop: 120 }, 'scroll');
    expect(panel.style.getPropertyValue('--us-visible-top')).toBe('120px');
    rerender(<Sheet active={false} />);
    expect(panel.style.getPropertyValue('--us-visible-height')).toBe('');
    expect(panel.style.getPropertyValue('--us-visible-top')).toBe('');
  });

  it('keeps the layout size when the page is pinch-zoomed or wider than a phone', () => {
    const { getByTestId } = render(<Sheet active />);
    const panel = getByTestId('panel');
    view.move({ height: 300, scale: 2 });
    expect(panel.style.getPropertyValue('--us-visible-height')).toBe('');
    narrow = false;
    view.move({ height: 700, scale: 1 });
    expect(panel.style.getPropertyValue('--us-visible-height')).toBe('');
  });

  it('scrolls the focused field above the sticky bar when the keyboard comes up', () => {
    const { panel, field, keyboard } = sheetWithFocusedField();
    keyboard(600);
    // Bottom 660 must end 12 px above the bar's top at 540: scrolled by 132.
    expect(panel.scrollTop).toBe(132);
    expect(field.getBoundingClientRect().bottom).toBeLessThanOrEqual(600 - 60);
    expect(panel.hasAttribute('data-cramped')).toBe(false);
  });

  it('when little is left visible, the panel is cramped: the field still ends above the send bar', () => {
    const { panel, keyboard, rerender } = sheetWithFocusedField();
    keyboard(400);
    expect(panel.hasAttribute('data-cramped')).toBe(true);
    // Bottom 660 ends 12 px above the bar's top at 340: scrolled by 332.
    expect(panel.scrollTop).toBe(332);
    keyboard(844);
    expect(panel.hasAttribute('data-cramped')).toBe(false);
    keyboard(400);
    rerender(<Sheet active={false} />);
    expect(panel.hasAttribute('data-cramped')).toBe(false);
  });
});

/** The launcher's panel with its sticky header (title, ×, tabs) above the form. */
function PanelWithHeader() {
  return (
    <div className="us-panel" data-testid="panel">
      <div className="us-shell__top">
        <button type="button">Закрыть</button>
      </div>
      <textarea aria-label="Опишите проблему" />
      <div className="us-submit-bar">
        <button type="submit">Отправить обращение</button>
      </div>
    </div>
  );
}

describe('revealFocused', () => {
  it('brings a field out from under the sticky header, and leaves the header\'s own controls be', () => {
    const { getByTestId, getByRole, getByLabelText } = render(<PanelWithHeader />);
    const panel = getByTestId('panel');
    vi.spyOn(panel, 'clientHeight', 'get').mockReturnValue(450);
    vi.spyOn(panel, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ x: 0, y: 0, width: 390, height: 450 }));
    placeBox(panel.querySelector('.us-shell__top') as HTMLElement, 0, 108);
    placeBox(panel.querySelector('.us-submit-bar') as HTMLElement, 390, 60);
    panel.scrollTop = 200;
    // Scrolled so far that the field's top (60) is under the header (to 108).
    const field = getByLabelText('Опишите проблему');
    placeBox(field, 60, 80);
    field.focus();
    revealFocused(panel);
    // Back by 60: the field's top at 120, 12 px below the header.
    expect(panel.scrollTop).toBe(140);

    panel.scrollTop = 200;
    getByRole('button', { name: 'Закрыть' }).focus();
    revealFocused(panel);
    expect(panel.scrollTop).toBe(200);

    // In a cramped panel the header scrolls away with the form: the field at 60 is in view as it is.
    panel.setAttribute('data-cramped', '');
    field.focus();
    revealFocused(panel);
    expect(panel.scrollTop).toBe(200);
  });


  it('shows a field\'s error line above the send bar with the field, and a field taller than the room from its top', () => {
    const { getByTestId, getByLabelText } = render(
      <div className="us-panel" data-testid="panel">
        <div className="us-field">
          <textarea aria-label="Опишите проблему" />
          <div className="us-field__error">Опишите проблему подробнее</div>
        </div>
        <div className="us-submit-bar">
          <button type="submit">Отправить обращение</button>
        </div>
      </div>,
    );
    const panel = getByTestId('panel');
    vi.spyOn(panel, 'clientHeight', 'get').mockReturnValue(450);
    vi.spyOn(panel, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ x: 0, y: 0, width: 390, height: 450 }));
    placeBox(panel.querySelector('.us-submit-bar') as HTMLElement, 390, 60);
    const field = getByLabelText('Опишите проблему');
    // The field ends above the bar (at 340, the bar at 390); its error line (to 400) is under the bar.
    placeBox(field, 260, 80);
    placeBox(panel.querySelector('.us-field__error') as HTMLElement, 344, 56);
    field.focus();
    revealFocused(panel);
    // Up by 22: the line ends 12 px above the bar.
    expect(panel.scrollTop).toBe(22);

    // A field with its line taller than the room shows its beginning, 12 px from the top.
    panel.scrollTop = 0;
    placeBox(field, 40, 380);
    placeBox(panel.querySelector('.us-field__error') as HTMLElement, 424, 56);
    revealFocused(panel);
    expect(panel.scrollTop).toBe(28);
  });

  it('leaves a field already in view, and the send bar, where they are', () => {
    const { getByTestId, getByRole } = render(<Sheet active={false} />);
    const panel = getByTestId('panel');
    vi.spyOn(panel, 'clientHeight', 'get').mockReturnValue(450);
    vi.spyOn(panel, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ x: 0, y: 0, width: 390, height: 450 }));
    placeBox(panel.querySelector('textarea') as HTMLElement, 100, 80);
    (panel.querySelector('textarea') as HTMLElement).focus();
    revealFocused(panel);
    expect(panel.scrollTop).toBe(0);
    getByRole('button').focus();
    revealFocused(panel);
    expect(panel.scrollTop).toBe(0);
  });
});
