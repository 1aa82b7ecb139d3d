/**
 * "Помогли ли вам?": once a specialist has answered or the ticket is resolved, the reporter rates the help
 * 1–5 with an optional comment; the given rating is shown and can be changed until its window closes.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { failureOf, useCanRate, useRateTicket } from '../../api';
import { isRatableStatus, MAX_RATING_COMMENT_LENGTH } from '../../core';
import type { Ticket } from '../../core';
import { useTranslation } from '../shared/i18n-react';
import { useWidgetEnv } from '../shared/env';
import { Button, Field, Heading, Notice } from '../shared/ui';
import { failureMessage } from '../shared/failure-message';
import { getLastAnswer } from './timeline-model';

const SCORES = [1, 2, 3, 4, 5] as const;

/** Whether the ticket shows the rating block at all (asked, or given earlier). */
export function showsRating(ticket: Ticket): boolean {
  return ticket.rating !== undefined || isRatableStatus(ticket.status);
}

/** The rating block of a ticket; renders nothing where the API takes no ratings or nothing is to rate. */
export function RateHelp({ ticket }: { ticket: Ticket }) {
  const canRate = useCanRate();
  if (!canRate || !showsRating(ticket)) return null;
  return <RateHelpBlock ticket={ticket} />;
}

function RateHelpBlock({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('timeline');
  const env = useWidgetEnv();
  const rate = useRateTicket(ticket.id);
  const given = ticket.rating;
  // A cancelled ticket keeps the rating it was given before, as it was: there is no help left to rate.
  const changeable = given === undefined || (ticket.status !== 'cancelled' && env.now().getTime() < new Date(given.changeableUntil).getTime());
  const [editing, setEditing] = useState(given === undefined);
  const [score, setScore] = useState<number | null>(given?.score ?? null);
  const [comment, setComment] = useState(given?.comment ?? '');
  const [missing, setMissing] = useState(false);
  const [thanks, setThanks] = useState(false);
  const titleId = useId();
  const firstRadioRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const focusResult = useRef(false);
  const focusScores = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);

  // The fresh ticket may reach the cache a render after the answer: focus once the result is on screen.
  const showsGiven = !editing && given !== undefined;
  useEffect(() => {
    if (!showsGiven || !focusResult.current) return;
    focusResult.current = false;
    resultRef.current?.focus();
  }, [showsGiven]);

  // «Изменить оценку» replaced itself with the form: the focus goes to the score given, ready to change.
  useEffect(() => {
    if (!editing || !focusScores.current) return;
    focusScores.current = false;
    (formRef.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked') ?? firstRadioRef.current)?.focus();
  }, [editing]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (score === null) {
      setMissing(true);
      firstRadioRef.current?.focus();
      return;
    }
    setMissing(false);
    const text = comment.trim();
    rate.mutate(
      { score, ...(text === '' ? {} : { comment: text.slice(0, MAX_RATING_COMMENT_LENGTH) }) },
      {
        onSuccess: () => {
          setThanks(true);
          focusResult.current = true;
          setEditing(false);
        },
      },
    );
  }

  if (showsGiven) {
    return (
      <section className="us-rating" aria-labelledby={titleId} data-state="given">
        <Heading depth={2} className="us-rating__title" id={titleId}>
          {t('rating.title')}
        </Heading>
        <div className="us-rating__given" ref={resultRef} tabIndex={-1}>
          {thanks ? <Notice tone="success" live>{t('rating.thanks')}</Notice> : null}
          <p>{t('rating.given', { score: given.score })}</p>
          {given.comment === undefined ? null : <blockquote className="us-rating__comment">{given.comment}</blockquote>}
        </div>
        {changeable ? (
          <Button
            variant="secondary"
            onClick={() => {
              setThanks(false);
              setScore(given.score);
              setComment(given.comment ?? '');
              focusScores.current = true;
              setEditing(true);
            }}
          >
            {t('rating.change')}
          </Button>
        ) : null}
      </section>
    );
  }

  const errorId = `${titleId}-error`;
  // What is rated, above the scores: on a phone the history with the answer is far below.
  const answer = given === undefined ? getLastAnswer(ticket.events) : null;
  return (
    <form className="us-rating" ref={formRef} aria-labelledby={titleId} data-state={given === undefined ? 'asked' : 'changing'} noValidate onSubmit={submit}>
      <Heading depth={2} className="us-rating__title" id={titleId}>
        {t('rating.title')}
      </Heading>
      {answer === null ? null : (
        <figure className="us-rating__answer">
          <figcaption>{t('rating.answer')}</figcaption>
          <blockquote>{answer}</blockquote>
        </figure>
      )}
      <fieldset className="us-rating__scores" aria-describedby={missing ? errorId : undefined} aria-invalid={missing ? true : undefined}>
        <legend className="us-rating__legend">{t('rating.legend')}</legend>
        <div className="us-rating__options">
          {SCORES.map((value) => (
            <label key={value} className="us-rating__option">
              <input
                ref={value === 1 ? firstRadioRef : undefined}
                type="radio"
                aria-label={t('rating.option', { score: value, meaning: t(`rating.score${value}`) })}
                name={`${titleId}-score`}
                value={value}
                checked={score === value}
                onChange={() => {
                  setScore(value);
                  setMissing(false);
                }}
              />
              <span className="us-rating__value" aria-hidden="true">
                {value}
              </span>
            </label>
          ))}
        </div>
        <p className="us-rating__scale" aria-hidden="true">
          <span>{t('rating.score1')}</span>
          <span>{t('rating.score5')}</span>
        </p>
        {missing ? (
          <p className="us-field__error" id={errorId} role="alert">
            {t('rating.pickScore')}
          </p>
        ) : null}
      </fieldset>
      <Field label={t('rating.comment')} optionalLabel={t('rating.optional')}>
        {(props) => (
          <textarea {...props} rows={3} maxLength={MAX_RATING_COMMENT_LENGTH} value={comment} onChange={(change) => setComment(change.target.value)} />
        )}
      </Field>
      {rate.isError ? (
        <Notice tone="error" live>
          {failureMessage(t, failureOf(rate.error))}
        </Notice>
      ) : null}
      <div className="us-rating__actions">
        <Button type="submit" variant="primary" busy={rate.isPending}>
          {t(given === undefined ? 'rating.submit' : 'rating.save')}
        </Button>
        {given === undefined ? null : (
          <Button
            variant="ghost"
            onClick={() => {
              focusResult.current = true;
              setEditing(false);
            }}
          >
            {t('rating.keep')}
          </Button>
        )}
      </div>
    </form>
  );
}
