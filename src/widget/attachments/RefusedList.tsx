/** Files that were not attached, each with its own reason, announced as soon as they appear. */
import { useTranslation } from '../shared/i18n-react';
import { Button, Notice } from '../shared/ui';
import { attachmentTypeNamed } from '../../core';
import { formatBytes, listTypes, typeLabel } from './model/describe';
import type { QueueItem, QueueLimits } from './model/types';

/** The sentence that explains one refusal ("invoice.svg — этот тип файлов не принимаем: …"). */
export function useRefusalText(limits: QueueLimits): (item: QueueItem) => string {
  const { t, i18n } = useTranslation('attachments');
  return (item) => {
    switch (item.error) {
      case 'type':
        return t('refused.type', { name: item.name, types: listTypes(limits.acceptedTypes, i18n.language, 'and') });
      case 'damaged':
        return t('refused.damaged', { name: item.name, type: typeLabel(attachmentTypeNamed(item.name) ?? '') });
      case 'size':
        return t('refused.size', { name: item.name, size: formatBytes(limits.maxFileBytes, i18n.language) });
      case 'empty':
        return t('refused.empty', { name: item.name });
      case 'count':
        return t('refused.count', { name: item.name, position: item.ordinal ?? limits.maxFilesPerTicket + 1, count: limits.maxFilesPerTicket });
      default:
        return t(`failure.${item.error ?? 'server'}`);
    }
  };
}

/** The refused files; `onDismiss` forgets one message. */
export function RefusedList({ items, limits, onDismiss }: { items: QueueItem[]; limits: QueueLimits; onDismiss(id: string): void }) {
  const { t } = useTranslation('attachments');
  const explain = useRefusalText(limits);
  // The region exists before anything is refused, so screen readers announce what is added to it: only that (an
  // alert is read whole by default, which would read every earlier refusal again with each new one).
  return (
    <div className="us-refused-region" role="alert" aria-atomic="false" aria-relevant="additions">
      {items.length > 0 ? (
        <Notice tone="error" title={t('refusedTitle')}>
          <ul className="us-refused">
            {items.map((item) => (
              <li key={item.id} className="us-refused__item">
                <span>{explain(item)}</span>
                <Button
                  variant="ghost"
                  data-focus={`${item.id}:remove`}
                  aria-label={t('action.dismissNamed', { name: item.name })}
                  onClick={() => onDismiss(item.id)}
                >
                  {t('action.dismiss')}
                </Button>
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
    </div>
  );
}
