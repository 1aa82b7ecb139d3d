/**
 * The reporter writing to support: the answer to a clarification request (the question quoted), or, once a
 * specialist has answered, a message about that answer; a labelled text box, files, and send.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { failureOf, useSendMessage } from '../../api';
import { messageBodySchema } from '../../core';
import type { Ticket } from '../../core';
import type { AttachmentsSlot } from '../shared/attachments-slot';
import { useWidgetEnv } from '../shared/env';
import { Button, Field, Heading, Notice } from '../shared/ui';
import { failureMessage } from '../shared/failure-message';
import { readReplyDraft, replyDraftKey, writeReplyDraft } from './reply-draft';
import { AttachmentList } from './AttachmentList';
import { getLastQuestionEvent } from './timeline-model';

const QUESTION_KEYS = { title: 'reply.title', label: 'reply.label', submit: 'reply.submit', empty: 'reply.emptyQuestion' } as const;
const MESSAGE_KEYS = { title: 'reply.messageTitle', label: 'reply.messageLabel', submit: 'reply.messageSubmit', empty: 'reply.emptyMessage' } as const;

/** Props of {@link ReplyBox}. */
export interface ReplyBoxProps {
  ticket: Ticket;
  /**
   * A hook building the reply's attachments picker for this ticket: called on every render of this box, and it
   * must keep being given (or not) for as long as the box is shown.
   */
  useAttachments?: ((ticketId: string) => AttachmentsSlot) | undefined;
  /** 'question' answers a clarification request; 'message' writes about an answer. 'question' by default. */
  kind?: 'question' | 'message';
  /** A message before support's word: it adds to the ticket (the hint says so), rather than answering an answer. */
  adding?: boolean;
  /** Takes the focus when shown (the user asked for the box). */
  focusOnMount?: boolean;
  /** Called with the updated ticket after the reply is accepted. */
  onSent(ticket: Ticket): void;
}

/** Sends the reporter's answer; on failure the text stays, on success the ticket moves to clarification_sent. */
export function ReplyBox({ ticket, useAttachments, kind = 'question', adding = false, focusOnMount = false, onSent }: ReplyBoxProps) {
  const { t } = useTranslation('timeline');
  const env = useWidgetEnv();
  const slot = useAttachments?.(ticket.id);
  const send = useSendMessage(ticket.id);
  const draftKey = replyDraftKey(env.userKey, ticket.id);
  const [text, setText] = useState(() => readReplyDraft(env.textStore, draftKey));
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [filesProblem, setFilesProblem] = useState<'busy' | 'failed' | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const titleId = useId();
  const question = kind === 'question' ? getLastQuestionEvent(ticket.events) : null;
  const keys = kind === 'question' ? QUESTION_KEYS : MESSAGE_KEYS;
  useEffect(() => {
    if (focusOnMount) textRef.current?.focus();
    // Only when it appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = messageBodySchema.safeParse({ text, attachmentIds: slot?.ids ?? [] });
    if (!parsed.success) {
      const code = parsed.error.issues.find((issue) => issue.path[0] === 'text')?.message ?? 'invalid';
      setFieldError(code === 'required' ? t(keys.empty) : t(`common:fieldError.${code}`, { defaultValue: t('common:fieldError.invalid') }));
      textRef.current?.focus();
      return;
    }
    setFieldError(undefined);
    const problem = slot?.busy === true ? 'busy' : slot?.failed === true ? 'failed' : null;
    setFilesProblem(problem);
    if (problem !== null) return;
    // Not mutate's own onSuccess: the live stream often brings the new status first, which takes this box
    // away, and a mutation's callbacks do not run once its component is gone. The promise still settles.
    // The box stays after a message (the status stays answered): emptied, so a second press does not send it
    // again; what was typed while it was being sent stays.
    const sent = text;
    send.mutateAsync(parsed.data).then(
      (updated) => {
        if (readReplyDraft(env.textStore, draftKey) === sent) writeReplyDraft(env.textStore, draftKey, '');
        setText((current) => (current === sent ? '' : current));
        slot?.clear();
        onSent(updated);
      },
      () => undefined, // shown by send.isError while the box is there
    );
  }

  return (
    <form className="us-reply" data-kind={kind} aria-labelledby={titleId} noValidate onSubmit={submit}>
      <Heading depth={2} className="us-reply__title" id={titleId}>
        {t(adding ? 'reply.add' : keys.title)}
      </Heading>
      {kind === 'message' ? <p className="us-reply__hint">{t(adding ? 'reply.addHint' : 'reply.messageHint')}</p> : null}
      {question === null ? null : (
        <figure className="us-reply__question">
          <figcaption>{t('reply.question')}</figcaption>
          <blockquote>{question.text}</blockquote>
          {/* What the specialist sent with the question (a sample to follow), beside it rather than only in the history. */}
          <AttachmentList attachments={question.attachments} />
        </figure>
      )}
      <Field label={t(keys.label)} error={fieldError} required>
        {(props) => (
          <textarea
            {...props}
            ref={textRef}
            value={text}
            rows={5}
            onChange={(change) => {
              setText(change.target.value);
              writeReplyDraft(env.textStore, draftKey, change.target.value);
            }}
          />
        )}
      </Field>
      {slot?.node}
      {/* Shown only while the files are still in the state that stopped the send. */}
      {(filesProblem === 'busy' && slot?.busy === true) || (filesProblem === 'failed' && slot?.failed === true) ? (
        <Notice tone="warning" live>
          {t(filesProblem === 'busy' ? 'reply.busyFiles' : 'reply.failedFiles')}
        </Notice>
      ) : null}
      {send.isError ? (
        <Notice tone="error" live>
          {failureMessage(t, failureOf(send.error))}
        </Notice>
      ) : null}
      <Button type="submit" variant="primary" busy={send.isPending}>
        {send.isPending ? t('reply.sending') : t(keys.submit)}
      </Button>
    </form>
  );
}
