/** `mount()` on a page whose React is older than the widget needs: a message the host can act on, and no widget. */
import type * as React from 'react';
import { describe, expect, it, vi } from 'vitest';

vi.mock('react', async (original) => ({ ...(await original<typeof React>()), version: '18.3.1' }));

describe('mount() with React 18', () => {
  it('names the version it needs and the files that bring their own, and renders nothing', async () => {
    const { mount, UchiSupportOptionError } = await import('../../src/embed/package/mount');
    const element = document.createElement('div');
    expect(() => mount(element, { apiUrl: 'https://support.example.ru/api/v1' })).toThrow(UchiSupportOptionError);
    expect(() => mount(element, { apiUrl: 'https://support.example.ru/api/v1' })).toThrow('needs React 19 or newer, and this page has React 18.3.1; load loader.js or element.js instead');
    expect(element.childElementCount).toBe(0);
  });
});
