/**
 * The error summary shown at the top after a refused send: one button per problem that moves focus to its
 * field. Focus moves to the summary itself each time a send is refused, so it is read out first.
 */
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { Heading } from '../shared/ui';

/** One line of the summary. */
export interface SummaryEntry {
  key: string;
  text: string;
  /** Moves focus to what needs fixing; without it the line is plain text (nothing to go to). */
  focus?: () => void;
}

/**
 * The summary; `attempt` changes on each refused send (that is when focus moves here). `splitting`: the refused
 * attempt was a split, which needs the fields every part shares.
 */
export function ErrorSummary({ entries, attempt, splitting = false }: { entries: readonly SummaryEntry[]; attempt: number; splitting?: boolean }) {
  const { t } = useTranslation('form');
  const ref = useRef<HTMLElement>(null);
  const titleId = useId();
  const visible = entries.length > 0;
  // Only a refused send moves focus here, not the form coming back from the split view with an earlier one.
  const focused = useRef(attempt);
  useEffect(() => {
    if (attempt === focused.current) return;
    focused.current = attempt;
    ref.current?.focus();
  }, [attempt]);
  if (!visible) return null;
  return (
    <section ref={ref} tabIndex={-1} className="us-error-summary" aria-labelledby={titleId}>
      <Heading depth={2} className="us-error-summary__title" id={titleId}>
        {t('summary.title', { count: entries.length })}
      </Heading>
      <p className="us-error-summary__intro">{t(splitting ? 'summary.introSplit' : 'summary.intro')}</p>
      <ul className="us-error-summary__list">
        {entries.map((entry) => (
          <li key={entry.key}>
            {entry.focus === undefined ? (
              entry.text
            ) : (
              <button type="button" className="us-link-button" onClick={entry.focus}>
                {entry.text}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
