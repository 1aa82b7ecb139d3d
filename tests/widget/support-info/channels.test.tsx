/** The other-channels panel: official e-mail vs consultation phone, server values when sane. */
import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Meta } from '../../../src/core';
import { DEFAULT_ATTACHMENT_LIMITS, DEFAULT_CHANNELS, resolveChannels } from '../../../src/core';
import { ChannelsPanel, telHref } from '../../../src/widget/support-info';
import { createFakeApi, ok } from '../status-timeline/fake-api';
import { renderWidget } from '../status-timeline/render';

function meta(channels: Meta['channels']): Meta {
  return {
    serverTime: '2026-11-27T05:05:00.000Z',
    open: true,
    nextOpening: '2026-11-27T05:05:00.000Z',
    provisional: false,
    timeZone: 'Europe/Moscow',
    channels,
    limits: DEFAULT_ATTACHMENT_LIMITS,
    version: '1',
  };
}

/** Opens the panel (a closed <details> under the form) and returns it. */
async function openPanel(user: UserEvent): Promise<HTMLElement> {
  await user.click(screen.getByText('Другие способы связаться с нами'));
  return screen.getByRole('group');
}

describe('ChannelsPanel', () => {
  it('offers the policy’s e-mail and phone when the server cannot be reached, and explains the difference', async () => {
    const api = createFakeApi();
    const { user } = renderWidget(<ChannelsPanel />, api);
    const panel = await openPanel(user);
    expect(await within(panel).findByRole('link', { name: 'support@uchi.pro' })).toHaveAttribute('href', 'mailto:support@uchi.pro');
    expect(within(panel).getByRole('link', { name: '8 (800) 100-08-62' })).toHaveAttribute('href', 'tel:88001000862');
    const items = within(panel).getAllByRole('listitem');
    const email = items.find((item) => item.textContent?.includes('support@uchi.pro'));
    const phone = items.find((item) => item.textContent?.includes('100-08-62'));
    expect(email).toHaveTextContent('Официальное обращение');
    expect(phone).toHaveTextContent('Консультация');
    expect(phone).toHaveTextContent('поможет составить официальное обращение');
    expect(panel).toHaveTextContent('в будние дни с 08:00 до 17:00 (МСК)');
    await screen.findByRole('link', { name: 'support@uchi.pro' });
    expect(api.getMeta).toHaveBeenCalled();
  });

  it('uses the channels from GET /meta once loaded', async () => {
    const api = createFakeApi({
      getMeta: async () => ok(meta({ email: 'help@uchi.pro', phone: '+7 (495) 000-00-00', phoneDisplay: '+7 (495) 000-00-00' })),
    });
    const { user } = renderWidget(<ChannelsPanel />, api);
    await openPanel(user);
    expect(await screen.findByRole('link', { name: 'help@uchi.pro' })).toHaveAttribute('href', 'mailto:help@uchi.pro');
    expect(screen.getByRole('link', { name: '+7 (495) 000-00-00' })).toHaveAttribute('href', 'tel:+74950000000');
  });

  it('is a closed <details> that loads its body and asks GET /meta only once it is opened', async () => {
    const api = createFakeApi({
      getMeta: async () => ok(meta({ email: 'help@uchi.pro', phone: '+7 (495) 000-00-00', phoneDisplay: '+7 (495) 000-00-00' })),
    });
    const { user } = renderWidget(<ChannelsPanel />, api);
    const group = screen.getByRole('group');
    expect(group.tagName).toBe('DETAILS');
    expect(group).not.toHaveAttribute('open');
    expect(api.getMeta).not.toHaveBeenCalled();
    expect(group).not.toHaveTextContent('Официальное обращение');
    await user.click(screen.getByText('Другие способы связаться с нами'));
    expect(group).toHaveAttribute('open');
    expect(await within(group).findByRole('link', { name: 'help@uchi.pro' })).toHaveAttribute('href', 'mailto:help@uchi.pro');
    expect(api.getMeta).toHaveBeenCalledTimes(1);
  });
});

describe('resolveChannels', () => {
  it('falls back field by field on anything that is not an address', () => {
    expect(resolveChannels(undefined)).toEqual(DEFAULT_CHANNELS);
    expect(resolveChannels({ email: 'javascript:alert(1)//@x.ru', phone: 'call me', phoneDisplay: 'call me' })).toEqual(DEFAULT_CHANNELS);
    expect(resolveChannels({ email: 'a@b.ru', phone: '8 800 100-08-62', phoneDisplay: '8 800 100-08-62' })).toEqual({
      email: 'a@b.ru',
      phone: '88001000862',
      phoneDisplay: '8 800 100-08-62',
    });
    expect(telHref('8 (800) 100-08-62')).toBe('tel:88001000862');
  });
});
