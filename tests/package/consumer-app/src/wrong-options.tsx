// Never built, only type-checked: each line after an expect-error must be a compile error.
import { mount } from '@uchi-pro/support-widget';
import { UchiSupportWidget } from '@uchi-pro/support-widget/react';
import type {} from '@uchi-pro/support-widget/loader.js';

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
  return (
    <UchiSupportWidget
      apiUrl="https://support.example.ru/api/v1"
      // @ts-expect-error: fullName is a string and role one of the LMS roles
      context={{ fullName: 1, role: 'nobody' }}
    />
  );
}
