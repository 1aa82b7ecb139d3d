/** One file in the list: preview, name, size, status or progress, and its actions. */
import type { TFunction } from 'i18next';
import { useTranslation } from '../shared/i18n-react';
import { Button } from '../shared/ui';
import { formatBytes, typeLabel } from './model/describe';
import type { QueueItem } from './model/types';

/** What the user can do with one file; `focus` keys let the picker move focus after an action. */
export interface ItemActions {
  cancel(id: string): void;
  retry(id: string): void;
  remove(id: string): void;
}

function Preview({ item }: { item: QueueItem }) {
  if (item.thumbnail !== undefined) return <img className="us-attachment__thumb" src={item.thumbnail} alt={item.name} />;
  return (
    <span className="us-attachment__icon" aria-hidden="true">
      {typeLabel(item.type)}
    </span>
  );
}

function Progress({ item }: { item: QueueItem }) {
  const { t } = useTranslation('attachments');
  const percent = Math.round(item.progress * 100);
  return (
    <div
      className="us-progress"
      role="progressbar"
      aria-label={t('progress', { name: item.name })}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
    >
      <span className="us-progress__bar" style={{ inlineSize: `${percent}%` }} />
    </div>
  );
}

function statusText(item: QueueItem, t: TFunction<'attachments'>): string {
  switch (item.status) {
    case 'preparing':
      return t('status.preparing');
    case 'uploading':
      return t('status.uploading', { percent: Math.round(item.progress * 100) });
    case 'uploaded':
      return t('status.uploaded');
    case 'failed':
    case 'refused':
      return t(`failure.${item.error ?? 'server'}`);
    default:
      return item.status satisfies never;
  }
}

/** A row of the attachment list. */
export function AttachmentItem({ item, actions }: { item: QueueItem; actions: ItemActions }) {
  const { t, i18n } = useTranslation('attachments');
  const busy = item.status === 'preparing' || item.status === 'uploading';
  const named = { name: item.name };
  return (
    <li className="us-attachment" data-status={item.status}>
      <Preview item={item} />
      <div className="us-attachment__body">
        <span className="us-attachment__name">{item.name}</span>
        <span className="us-attachment__meta">
          <span>{formatBytes(item.size, i18n.language)}</span>
          <span className="us-attachment__status">{statusText(item, t)}</span>
        </span>
        {item.status === 'uploading' ? <Progress item={item} /> : null}
      </div>
      <div className="us-attachment__actions">
        {busy && item.checked ? (
          <Button variant="ghost" data-focus={`${item.id}:cancel`} aria-label={t('action.cancelNamed', named)} onClick={() => actions.cancel(item.id)}>
            {t('action.cancel')}
          </Button>
        ) : null}
        {item.status === 'failed' && item.error !== 'damaged' ? (
          <Button data-focus={`${item.id}:retry`} aria-label={t('action.retryNamed', named)} onClick={() => actions.retry(item.id)}>
            {t('action.retry')}
          </Button>
        ) : null}
        {busy ? null : (
          <Button variant="ghost" data-focus={`${item.id}:remove`} aria-label={t('action.removeNamed', named)} onClick={() => actions.remove(item.id)}>
            {t('action.remove')}
          </Button>
        )}
      </div>
    </li>
  );
}
