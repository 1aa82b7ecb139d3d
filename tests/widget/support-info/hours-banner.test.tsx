/** The working-hours banner: open / closed with the nearest opening, Moscow and local time, provisional. */
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromMoscow } from '../../../src/core';
import { HoursBanner } from '../../../src/widget/support-info';
import { createFakeApi } from '../status-timeline/fake-api';
import { renderWidget } from '../status-timeline/render';

function renderAt(at: Date, timeZone?: string) {
  return renderWidget(<HoursBanner {...(timeZone === undefined ? {} : { timeZone })} />, createFakeApi(), { env: { now: () => at } });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('HoursBanner', () => {
  it('says support is open on a working day at 10:00 MSK', () => {
    renderAt(fromMoscow(2026, 11, 25, 10, 0));
    expect(screen.getByText('Техподдержка работает: специалист посмотрит обращение в течение 60 минут')).toBeInTheDocument();
  });

  it('on Friday 18:00 MSK names Monday 08:00 MSK and the user’s 10:00 (UTC+5)', () => {
    renderAt(fromMoscow(2026, 11, 27, 18, 0));
    const text = screen.getByText(/Сейчас нерабочее время/);
    expect(text).toHaveTextContent(
      'Сейчас нерабочее время: обращение зарегистрируем сразу, техподдержка откроется в пн, 30 ноября, 08:00 МСК (10:00 по вашему времени).',
    );
    expect(text.querySelector('time')).toHaveAttribute('dateTime', '2026-11-30T05:00:00.000Z');
    expect(screen.queryByText(/ориентировочно/i)).toBeNull();
  });

  it('skips a holiday: on 4 November (a day off) support opens on the 5th', () => {
    renderAt(fromMoscow(2026, 11, 4, 11, 0));
    expect(screen.getByText(/Сейчас нерабочее время/)).toHaveTextContent('чт, 5 ноября, 08:00 МСК (10:00 по вашему времени)');
  });

  it('dates the local time too when the user’s day differs from Moscow’s', () => {
    // Monday 08:00 in Moscow is still Sunday evening on the US west coast.
    renderAt(fromMoscow(2026, 11, 27, 18, 0), 'America/Los_Angeles');
    expect(screen.getByText(/Сейчас нерабочее время/)).toHaveTextContent('пн, 30 ноября, 08:00 МСК (вс, 29 ноября, 21:00 по вашему времени)');
  });

  it('shows one time for a user on Moscow time', () => {
    renderAt(fromMoscow(2026, 11, 27, 18, 0), 'Europe/Moscow');
    const text = screen.getByText(/Сейчас нерабочее время/);
    expect(text).toHaveTextContent(/пн, 30 ноября, 08:00 МСК\.$/);
    expect(text).not.toHaveTextContent('по вашему времени');
  });

  it('marks the opening as approximate in a year without a production calendar', () => {
    renderAt(fromMoscow(2031, 1, 4, 12, 0));
    expect(screen.getByText(/Сейчас нерабочее время/)).toBeInTheDocument();
    expect(screen.getByText(/Ориентировочно/)).toBeInTheDocument();
  });

  it('re-evaluates every minute and clears its timer when removed', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let now = fromMoscow(2026, 11, 27, 16, 59);
    const { unmount } = renderWidget(<HoursBanner />, createFakeApi(), { env: { now: () => now } });
    expect(screen.getByText(/Техподдержка работает/)).toBeInTheDocument();
    now = fromMoscow(2026, 11, 27, 17, 0);
    act(() => vi.advanceTimersByTime(60_000));
    expect(screen.getByText(/Сейчас нерабочее время/)).toHaveTextContent('пн, 30 ноября, 08:00 МСК');
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
