/** "Other ways to reach us": e-mail and phone, and why one is an official request and the other is not. */
import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { useChannels } from '../shared/use-channels';
import { mailtoHref, telHref } from './channels';

/** One channel: its kind (official / consultation), name, link and what it means. */
function ChannelItem({ kind, name, link, note }: { kind: 'official' | 'consultation'; name: string; link?: ReactNode; note: string }) {
  const { t } = useTranslation('support');
  return (
    <li className="us-channels__item" data-kind={kind}>
      <span className="us-channels__tag">{t(`channels.${kind}`)}</span>
      <span className="us-channels__name">{name}</span>
      {link === undefined ? null : <span className="us-channels__link">{link}</span>}
      <span className="us-channels__note">{note}</span>
    </li>
  );
}

/** The hours and the channels (the server's, once GET /meta answers). */
function ChannelsBody() {
  const { t } = useTranslation('support');
  const channels = useChannels();
  return (
    <>
      <p className="us-channels__hours">{t('channels.hours')}</p>
      <ul className="us-channels__list">
        <ChannelItem kind="official" name={t('channels.lms')} note={t('channels.lmsNote')} />
        <ChannelItem
          kind="official"
          name={t('channels.email')}
          link={<a href={mailtoHref(channels.email)}>{channels.email}</a>}
          note={t('channels.emailNote')}
        />
        <ChannelItem
          kind="consultation"
          name={t('channels.phone')}
          link={<a href={telHref(channels.phone)}>{channels.phoneDisplay}</a>}
          note={t('channels.phoneNote')}
        />
      </ul>
    </>
  );
}

/** The channels as a <details>, closed by default: its body (and GET /meta) only once it is opened. */
function CollapsibleChannels() {
  const { t } = useTranslation('support');
  const [open, setOpen] = useState(false);
  return (
    <details className="us-channels" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="us-channels__title">{t('channels.title')}</summary>
      {open ? <ChannelsBody /> : null}
    </details>
  );
}

/** The channels list; `collapsible` renders it as a <details> (closed by default), else as a section. */
export function ChannelsPanel({ collapsible = false }: { collapsible?: boolean }) {
  const { t } = useTranslation('support');
  const titleId = useId();
  if (collapsible) return <CollapsibleChannels />;
  return (
    <section className="us-channels" aria-labelledby={titleId}>
      <h2 className="us-channels__title" id={titleId}>
        {t('channels.title')}
      </h2>
      <ChannelsBody />
    </section>
  );
}
