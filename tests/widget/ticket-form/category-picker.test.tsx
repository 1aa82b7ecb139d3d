/** The category question names the files waiting for it, each in the quotes of the interface's language. */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { englishMessages } from '../../../src/widget/app/english';
import { createWidgetI18n } from '../../../src/widget/shared/i18n';
import type { Locale } from '../../../src/widget/shared/i18n';
import { I18nProvider } from '../../../src/widget/shared/i18n-react';
import { commonMessages } from '../../../src/widget/shared/messages';
import { CategoryPicker } from '../../../src/widget/ticket-form/CategoryPicker';
import { formMessages } from '../../../src/widget/ticket-form/messages';

function waitingText(locale: Locale, waiting: string[]): string {
  const i18n = createWidgetI18n(locale, { common: commonMessages, form: formMessages }, englishMessages);
  render(
    <I18nProvider i18n={i18n}>
      <CategoryPicker current="" suggestion={null} focusOnShow={false} waiting={waiting} onChoose={() => undefined} />
    </I18nProvider>,
  );
  const text = screen.getAllByRole('status').at(-1)?.textContent ?? '';
  document.body.replaceChildren();
  return text;
}

describe('the files waiting for the category', () => {
  it('are named in «» in Russian and “” in English', () => {
    expect(waitingText('ru', ['shot.png'])).toBe('Файл «shot.png» приложим, когда вы выберете категорию.');
    expect(waitingText('ru', ['a.png', 'b.pdf'])).toBe('Файлы «a.png», «b.pdf» приложим, когда вы выберете категорию.');
    expect(waitingText('en', ['a.png', 'b.pdf'])).toBe('The files “a.png”, “b.pdf” will be attached once you choose a category.');
  });
});
