/**
 * Whether the widget speaks as a guest — the only case in which the tickets a guest left in this browser show:
 * not while the host's `getToken` may still give a token, and never with a token.
 */
import { describe, expect, it, vi } from 'vitest';
import { createIdentity } from '../../src/embed/identity';
import { createMemoryTextStore } from '../../src/widget/shared/memory-stores';

const apiUrl = 'https://support.example.ru/api/v1';

describe('the identity’s guest mode', () => {
  it('is a guest without a token, not with one, and again after the host drops it', () => {
    expect(createIdentity({ apiUrl }, createMemoryTextStore()).guest()).toBe(true);
    const signedIn = createIdentity({ apiUrl, token: 'header.payload.sig' }, createMemoryTextStore());
    expect(signedIn.guest()).toBe(false);
    signedIn.setToken(null);
    expect(signedIn.guest()).toBe(true);
  });

  it('is no guest while getToken’s first answer is awaited; one after it answers none, and told so', async () => {
    let answer: ((token: string | null) => void) | undefined;
    const identity = createIdentity({ apiUrl, getToken: () => new Promise<string | null>((resolve) => (answer = resolve)) }, createMemoryTextStore());
    const changed = vi.fn();
    identity.whenFirstToken(changed);
    await vi.waitFor(() => expect(answer).toBeDefined());
    expect(identity.guest()).toBe(false);
    answer?.(null);
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1));
    expect(identity.guest()).toBe(true);
    expect(identity.userKey()).toBe('guest');
  });

  it('is no guest once getToken gives a token, even with a context of the host’s own', async () => {
    const identity = createIdentity(
      {
        apiUrl,
        getToken: async () => 'header.payload.sig',
        context: { userId: 'u1', fullName: 'Иванова Анна', role: 'listener', organization: { title: 'Учебный центр' }, lmsUrl: 'https://lms.example.ru' },
      },
      createMemoryTextStore(),
    );
    const changed = vi.fn();
    identity.whenFirstToken(changed);
    await vi.waitFor(() => expect(changed).toHaveBeenCalled());
    expect(identity.guest()).toBe(false);
  });
});
