/**
 * What we attach about the browser (the policy asks for its version), collected automatically and shown
 * so the user knows; page errors are attached only when the user ticks the box.
 */
import { useId, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from '../shared/i18n-react';
import { describeBrowser } from '../../core';
import type { BrowserInfo, PageError } from '../../core';
import { runtimeTimeZone } from './browser';
import type { TicketFormValues } from './form-values';

/** `<details>` with the one-line summary and the full list; the page-errors checkbox below it. */
export function BrowserInfoDisclosure({ info, pageErrors }: { info: BrowserInfo; pageErrors: readonly PageError[] }) {
  const { t } = useTranslation('form');
  const { register } = useFormContext<TicketFormValues>();
  const hintId = useId();
  // The time zone is read once the list is opened (or when the draft is built): see runtimeTimeZone.
  const [open, setOpen] = useState(false);
  const yesNo = (value: boolean) => t(value ? 'browser.yes' : 'browser.no');
  const join = (...parts: string[]) => parts.filter(Boolean).join(' ');
  const rows: Array<[string, string]> = [
    [t('browser.browser'), join(info.browser.name, info.browser.version)],
    [t('browser.os'), join(info.os.name, info.os.version)],
    [t('browser.screen'), `${info.screen.width}×${info.screen.height}`],
    [t('browser.viewport'), `${info.viewport.width}×${info.viewport.height}`],
    [t('browser.pixelRatio'), String(info.pixelRatio)],
    [t('browser.language'), [info.language, ...info.languages.filter((l) => l !== info.language)].filter(Boolean).join(', ')],
    [t('browser.timeZone'), info.timeZone || (open ? runtimeTimeZone() : '')],
    [t('browser.mobile'), yesNo(info.mobile)],
    [t('browser.page'), info.pageUrl ?? ''],
    [t('browser.userAgent'), info.userAgent],
  ];
  return (
    <div className="us-browser-info">
      <details className="us-disclosure" onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>{t('browser.summary', { summary: describeBrowser(info) })}</summary>
        <dl className="us-browser-info__list">
          {rows
            .filter(([, value]) => value !== '')
            .map(([label, value]) => (
              <div key={label} className="us-browser-info__row">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
      </details>
      {pageErrors.length === 0 ? null : (
        <div className="us-check">
          <label className="us-check__label">
            <input type="checkbox" aria-describedby={hintId} {...register('attachPageErrors')} />
            <span>{t('browser.pageErrors', { count: pageErrors.length })}</span>
          </label>
          <p className="us-field__hint" id={hintId}>
            {t('browser.pageErrorsHint')}
          </p>
          <ul className="us-browser-info__errors">
            {pageErrors.map((error, index) => (
              <li key={index}>{error.message}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
