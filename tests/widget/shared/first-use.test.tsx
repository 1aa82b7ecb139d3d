/** The panel's first use: events a person causes inside the widget count, focus the widget moves does not. */
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SupportApi } from '../../../src/api';
import { useFirstUse } from '../../../src/widget/shared/first-use';
import { renderWidget } from '../status-timeline/render';

function Probe({ shown }: { shown: boolean }) {
  const used = useFirstUse(shown);
  return (
    <div>
      <button type="button">Кнопка</button>
      <output>{used ? 'used' : 'not used'}</output>
    </div>
  );
}

/** Renders the probe inside a container of its own, outside of which events do not count. */
function renderProbe(shown: boolean) {
  const root = document.body.appendChild(document.createElement('div'));
  const outside = document.body.appendChild(document.createElement('button'));
  const rendered = renderWidget(<Probe shown={shown} />, {} as SupportApi, { env: { container: () => root } });
  root.appendChild(rendered.container);
  return { ...rendered, outside, state: () => screen.getByRole('status').textContent };
}

describe('useFirstUse', () => {
  it('turns on at the first pointer movement inside the widget, not outside it, nor at focus moved there', () => {
    const { outside, state } = renderProbe(true);
    act(() => screen.getByRole('button', { name: 'Кнопка' }).focus());
    fireEvent.pointerMove(outside);
    fireEvent.keyDown(outside, { key: 'Tab' });
    expect(state()).toBe('not used');
    fireEvent.pointerMove(screen.getByRole('button', { name: 'Кнопка' }));
    expect(state()).toBe('used');
  });

  it.each([
    ['a key', (target: Element) => fireEvent.keyDown(target, { key: 'Tab' })],
    ['a click', (target: Element) => fireEvent.click(target)],
    ['a wheel', (target: Element) => fireEvent.wheel(target)],
  ])('counts %s', (_, use) => {
    const { state } = renderProbe(true);
    use(screen.getByRole('button', { name: 'Кнопка' }));
    expect(state()).toBe('used');
  });

  it('waits while the widget is not shown (prepared, hidden), then counts', () => {
    const { state, rerender } = renderProbe(false);
    fireEvent.pointerMove(screen.getByRole('button', { name: 'Кнопка' }));
    expect(state()).toBe('not used');
    rerender(<Probe shown />);
    fireEvent.pointerMove(screen.getByRole('button', { name: 'Кнопка' }));
    expect(state()).toBe('used');
  });
});
