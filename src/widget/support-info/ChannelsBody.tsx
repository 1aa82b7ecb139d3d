/**
 * The other-channels panel's body: the hours and the channels (the server's, once GET /meta answers), with its
 * texts. Loaded when the panel is opened: the first screen shows only its title.
 */
import type { ReactNode } from 'react';
import { extendNamespace } from '../shared/i18n';
import { useTranslation } from '../shared/i18n-react';
import { useChannels } from '../shared/use-channels';
import { mailtoHref, telHref } from './channels';
import { channelsMessages } from './channels-messages';

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

/** The hours and the channels. */
export function ChannelsBody() {
  const { t, i18n } = useTranslation('support');
  // The body's own texts, before anything below reads them.
  extendNamespace(i18n, 'support', channelsMessages);
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
