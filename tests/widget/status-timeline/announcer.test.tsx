/** The ticket view's live region: says a change once, says the same text again, and clears itself afterwards. */
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ANNOUNCEMENT_MS, useAnnouncer } from '../../../src/widget/shared/use-announcer';

describe('useAnnouncer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('changes the text for a repeated announcement, and clears it so a later reading meets no stale status', () => {
    vi.useFakeTimers();
    const { result } = renderHook(() => useAnnouncer());
    act(() => result.current[1]('Статус обращения изменён: Требуется уточнение'));
    const first = result.current[0];
    expect(first.trim()).toBe('Статус обращения изменён: Требуется уточнение');
    act(() => result.current[1]('Статус обращения изменён: Требуется уточнение'));
    expect(result.current[0]).not.toBe(first);
    act(() => vi.advanceTimersByTime(ANNOUNCEMENT_MS - 1));
    expect(result.current[0]).not.toBe('');
    act(() => vi.advanceTimersByTime(1));
    expect(result.current[0]).toBe('');
  });

  it('keeps a newer announcement for its own full time', () => {
    vi.useFakeTimers();
    const { result } = renderHook(() => useAnnouncer());
    act(() => result.current[1]('Первое'));
    act(() => vi.advanceTimersByTime(ANNOUNCEMENT_MS - 100));
    act(() => result.current[1]('Второе'));
    act(() => vi.advanceTimersByTime(200));
    expect(result.current[0].trim()).toBe('Второе');
    act(() => vi.advanceTimersByTime(ANNOUNCEMENT_MS));
    expect(result.current[0]).toBe('');
  });
});
