/** The widget's i18next binding: namespaces, language changes, tagged parts rendered without HTML parsing. */
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createWidgetI18n } from '../../../src/widget/shared/i18n';
import { I18nProvider, RichText, useTranslation } from '../../../src/widget/shared/i18n-react';

const namespaces = {
  common: { ru: { hello: 'Привет' } },
  form: { ru: { title: 'Новое обращение', rich: 'Ответ придёт <when>{{when}}</when>' } },
};
const english = { common: { hello: 'Hello' }, form: { title: 'New request', rich: 'An answer comes <when>{{when}}</when>' } };

function Texts() {
  const { t } = useTranslation('form');
  const common = useTranslation();
  return (
    <p>
      <span data-testid="title">{t('title')}</span> <span data-testid="hello">{common.t('hello')}</span>
    </p>
  );
}

describe('useTranslation', () => {
  it('reads the given namespace, the default one without, and follows a language change', async () => {
    const i18n = createWidgetI18n('ru', namespaces, english);
    render(
      <I18nProvider i18n={i18n}>
        <Texts />
      </I18nProvider>,
    );
    expect(screen.getByTestId('title')).toHaveTextContent('Новое обращение');
    expect(screen.getByTestId('hello')).toHaveTextContent('Привет');
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByTestId('title')).toHaveTextContent('New request');
    expect(screen.getByTestId('hello')).toHaveTextContent('Hello');
  });

  it('needs a provider', () => {
    const quiet = console.error;
    console.error = () => undefined;
    try {
      expect(() => render(<Texts />)).toThrow(/I18nProvider/);
    } finally {
      console.error = quiet;
    }
  });
});

describe('RichText', () => {
  it('puts a tagged part inside its element', () => {
    render(<RichText text="Ответ придёт <when>завтра в 08:00</when>." parts={{ when: <time dateTime="2026-11-27T05:00:00Z" /> }} />);
    const time = document.querySelector('time');
    expect(time).toHaveTextContent('завтра в 08:00');
    expect(time).toHaveAttribute('dateTime', '2026-11-27T05:00:00Z');
    expect(time?.parentElement).toHaveTextContent('Ответ придёт завтра в 08:00.');
  });

  it('never parses markup: unknown tags and values stay text', () => {
    const { container } = render(
      <RichText text={'<img src=x onerror=alert(1)> <b>жирный</b> <when><script>x()</script></when>'} parts={{ when: <em /> }} />,
    );
    expect(container.querySelector('img, b, script')).toBeNull();
    expect(container.querySelector('em')).toHaveTextContent('<script>x()</script>');
    expect(container).toHaveTextContent('<img src=x onerror=alert(1)> <b>жирный</b> <script>x()</script>');
  });

  it('renders a message from t with its value inside the part', () => {
    const i18n = createWidgetI18n('ru', namespaces);
    function Rich() {
      const { t } = useTranslation('form');
      return <RichText text={t('rich', { when: 'пн, 08:00 МСК' })} parts={{ when: <strong /> }} />;
    }
    render(
      <I18nProvider i18n={i18n}>
        <Rich />
      </I18nProvider>,
    );
    expect(screen.getByText('пн, 08:00 МСК').tagName).toBe('STRONG');
  });
});
