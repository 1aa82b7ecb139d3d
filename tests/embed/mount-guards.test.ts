/** `mount()` refuses what would otherwise fail later or quietly: a second widget in one element. */
import { act } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount, UchiSupportOptionError } from '../../src/embed/package/mount';
import type { MountedWidget } from '../../src/embed/package/mount';

describe('mount() guards', () => {
  const mounted: MountedWidget[] = [];
  afterEach(() => {
    act(() => mounted.splice(0).forEach((widget) => widget.unmount()));
    vi.unstubAllGlobals();
  });

  it('refuses a second widget in the element that holds one, and takes one again once it is unmounted', () => {
    vi.stubGlobal('fetch', vi.fn(() => new Promise(() => undefined)));
    const element = document.body.appendChild(document.createElement('div'));
    const options = { apiUrl: 'https://support.example.ru/api/v1' };
    let first: MountedWidget | undefined;
    act(() => void (first = mount(element, options)));
    if (first === undefined) throw new Error('not mounted');
    mounted.push(first);
    expect(() => mount(element, options)).toThrow(UchiSupportOptionError);
    expect(() => mount(element, options)).toThrow('the element holds a widget already');
    expect(element.querySelectorAll('uchi-support-inline')).toHaveLength(1);
    act(() => first?.unmount());
    mounted.splice(0);
    act(() => void mounted.push(mount(element, options)));
    expect(element.querySelectorAll('uchi-support-inline')).toHaveLength(1);
  });
});
