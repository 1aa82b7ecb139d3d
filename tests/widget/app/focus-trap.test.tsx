/**
 * The launcher's panel: Escape closes it everywhere; Tab stays inside only where the panel covers the page (a
 * phone's full-screen sheet, announced as modal), and may leave it beside the page (a non-modal dialog).
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useFocusTrap } from '../../../src/widget/app/use-focus-trap';
import { SHEET_QUERY } from '../../../src/widget/app/use-visible-viewport';
import { stubMatchMedia } from '../media-stub';

function Panel({ onEscape }: { onEscape: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useFocusTrap(ref, true, onEscape);
  return (
    <div ref={ref}>
      <h2 tabIndex={-1}>Техподдержка</h2>
      <button type="button">Первая</button>
      <h3 tabIndex={-1}>Шаг</h3>
      <button type="button">Последняя</button>
    </div>
  );
}

const sheet = (matches: boolean) => (matches ? stubMatchMedia(SHEET_QUERY) : stubMatchMedia());

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the panel’s keyboard', () => {
  it('beside the page: Tab from the last control is left to the browser, Escape closes', () => {
    sheet(false);
    const onEscape = vi.fn();
    render(<Panel onEscape={onEscape} />);
    const last = screen.getByRole('button', { name: 'Последняя' });
    last.focus();
    expect(fireEvent.keyDown(last, { key: 'Tab' })).toBe(true);
    expect(last).toHaveFocus();
    fireEvent.keyDown(last, { key: 'Escape' });
    expect(onEscape).toHaveBeenCalledTimes(1);
  });

  it('covering a phone’s screen: Tab from the last control comes back to the first, Shift+Tab the other way', () => {
    sheet(true);
    // jsdom lays nothing out: every button counts as rendered.
    vi.spyOn(HTMLElement.prototype, 'getClientRects').mockReturnValue([new DOMRect(0, 0, 10, 10)] as unknown as DOMRectList);
    render(<Panel onEscape={() => undefined} />);
    const first = screen.getByRole('button', { name: 'Первая' });
    const last = screen.getByRole('button', { name: 'Последняя' });
    last.focus();
    expect(fireEvent.keyDown(last, { key: 'Tab' })).toBe(false);
    expect(first).toHaveFocus();
    expect(fireEvent.keyDown(first, { key: 'Tab', shiftKey: true })).toBe(false);
    expect(last).toHaveFocus();
  });

  it('covering a phone’s screen: Shift+Tab from the title the panel focuses on opening goes round to the last control', () => {
    sheet(true);
    vi.spyOn(HTMLElement.prototype, 'getClientRects').mockReturnValue([new DOMRect(0, 0, 10, 10)] as unknown as DOMRectList);
    render(<Panel onEscape={() => undefined} />);
    const title = screen.getByRole('heading', { name: 'Техподдержка' });
    title.focus();
    expect(fireEvent.keyDown(title, { key: 'Tab', shiftKey: true })).toBe(false);
    expect(screen.getByRole('button', { name: 'Последняя' })).toHaveFocus();
    // Tab from the title, and either key from a heading between the controls, are the browser's to move.
    title.focus();
    expect(fireEvent.keyDown(title, { key: 'Tab' })).toBe(true);
    const step = screen.getByRole('heading', { name: 'Шаг' });
    step.focus();
    expect(fireEvent.keyDown(step, { key: 'Tab', shiftKey: true })).toBe(true);
    expect(fireEvent.keyDown(step, { key: 'Tab' })).toBe(true);
    expect(step).toHaveFocus();
  });
});
