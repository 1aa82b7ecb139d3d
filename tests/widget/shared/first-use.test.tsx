/** The panel's first use: events a person causes inside the widget count, focus the widget moves does not. */
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { SupportApi } from '../../../src/api';
import { useFirstUse } from '../../../src/widget/shared/first-use';
import { renderWidget } from '../status-timeline/render';

function Probe({ shown, onUse }: { shown: boolean; onUse(): void }) {
  useFirstUse(shown, onUse);
  return <button type="button">Кнопка</button>;
}

/** Renders the probe inside a container of its own, outside of which events do not count. */
function renderProbe(shown: boolean) {
  const root = document.body.appendChild(document.createElement('div'));
  const outside = document.body.appendChild(document.createElement('button'));
  const onUse = vi.fn();
  const rendered = renderWidget(<Probe shown={shown} onUse={onUse} />, {} as SupportApi, { env: { container: () => root } });
  root.appendChild(rendered.container);
  return { ...rendered, outside, onUse, button: () => screen.getByRole('button', { name: 'Кнопка' }) };
}

describe('useFirstUse', () => {
  it('calls back at the first pointer movement inside the widget, once while shown; not outside it, nor at focus moved there', () => {
    const { outside, onUse, button } = renderProbe(true);
    act(() => button().focus());
    fireEvent.pointerMove(outside);
    fireEvent.keyDown(outside, { key: 'Tab' });
    expect(onUse).not.toHaveBeenCalled();
    fireEvent.pointerMove(button());
    fireEvent.pointerMove(button());
    fireEvent.keyDown(button(), { key: 'Tab' });
    expect(onUse).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a key', (target: Element) => fireEvent.keyDown(target, { key: 'Tab' })],
    ['a click', (target: Element) => fireEvent.click(target)],
  ])('counts %s', (_, use) => {
    const { onUse, button } = renderProbe(true);
    use(button());
    expect(onUse).toHaveBeenCalledTimes(1);
  });

  it('waits while the widget is not shown (prepared, hidden), then counts', () => {
    const { onUse, rerender, button } = renderProbe(false);
    fireEvent.pointerMove(button());
    expect(onUse).not.toHaveBeenCalled();
    rerender(<Probe shown onUse={onUse} />);
    fireEvent.pointerMove(button());
    expect(onUse).toHaveBeenCalledTimes(1);
  });
});
