// Never built, only type-checked: each line after an expect-error must be a compile error.
import { mount } from '@uchi-pro/support-widget';
import { UchiSupportWidget } from '@uchi-pro/support-widget/react';
import type {} from '@uchi-pro/support-widget/loader.js';
import type {} from '@uchi-pro/support-widget/element.js';

export function wrongOptions(element: HTMLElement) {
  // @ts-expect-error: the option is apiUrl
  const widget = mount(element, { apiurl: 'x' });
  // @ts-expect-error: open() takes only the fields it pre-fills
  widget.open({ bogus: 1 });
  // @ts-expect-error: a locale is 'ru' or 'en'
  widget.setLocale('de');
  // @ts-expect-error: a token is a string or null
  widget.setToken(42);
  // @ts-expect-error: no such event
  widget.on('opened', () => undefined);
  // @ts-expect-error: no such command
  window.UchiSupport('opne');
  // @ts-expect-error: init's options are those of mount
  window.UchiSupport('init', { apiUrl: 'https://support.example.ru/api/v1', placement: 'top' });
  window.UchiSupport('init', { apiUrl: 'https://support.example.ru/api/v1', mode: 'inline', container: '#support' });
  widget.on('ticket:created', (payload) => payload.number.toUpperCase());
  // A refused token is told by its code.
  widget.on('error', (payload) => (payload.code === 'unauthorized' ? payload.message : undefined));
  // @ts-expect-error: the only code is 'unauthorized'
  widget.on('error', (payload) => payload.code === 'expired');
  // The snippet's global, without `window.`; `on` through the queue may return nothing yet.
  UchiSupport.open({ category: 'order' });
  const off = UchiSupport('on', 'unread', (count) => count.toFixed());
  off?.();
  // @ts-expect-error: before loader.js runs, the command form's `on` returns nothing
  UchiSupport('on', 'close', () => undefined)();
  // The element's events bubble with their payload as `detail`.
  element.addEventListener('uchi-support:ticket:created', (event) => event.detail.number.toUpperCase());
  document.querySelector('uchi-support-widget')?.addEventListener('uchi-support:unread', (event) => event.detail.toFixed());
  // @ts-expect-error: an unread count is a number
  element.addEventListener('uchi-support:unread', (event) => event.detail.toUpperCase());
  return (
    <UchiSupportWidget
      apiUrl="https://support.example.ru/api/v1"
      // @ts-expect-error: fullName is a string and role one of the LMS roles
      context={{ fullName: 1, role: 'nobody' }}
    />
  );
}
