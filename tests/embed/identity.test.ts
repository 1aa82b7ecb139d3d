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

describe('the guest key in the browser’s storage', () => {
  const KEY = 'uchi-support:guest-key';

  it('is written only once the widget speaks as a guest, and then kept', () => {
    const store = createMemoryTextStore();
    const signedIn = createIdentity({ apiUrl, token: 'header.payload.sig' }, store);
    expect(signedIn.guest()).toBe(false);
    expect(store.getItem(KEY)).toBeNull();
    signedIn.setToken(null);
    expect(signedIn.guest()).toBe(true);
    const written = store.getItem(KEY);
    expect(written).not.toBeNull();
    // The next page load speaks with the same key, so the guest's drafts and files stay theirs.
    createIdentity({ apiUrl }, store).guest();
    expect(store.getItem(KEY)).toBe(written);
  });

  it('is not written while getToken’s first answer is awaited nor after it gives a token', async () => {
    const store = createMemoryTextStore();
    const identity = createIdentity({ apiUrl, getToken: async () => 'header.payload.sig' }, store);
    expect(identity.guest()).toBe(false);
    const changed = vi.fn();
    identity.whenFirstToken(changed);
    await vi.waitFor(() => expect(changed).toHaveBeenCalled());
    expect(identity.guest()).toBe(false);
    expect(store.getItem(KEY)).toBeNull();
  });

  it('when the storage refuses it, is kept for this page and written at a later render', () => {
    const store = createMemoryTextStore();
    let full = true;
    const refusing = { ...store, getItem: (key: string) => store.getItem(key), setItem: (key: string, value: string) => (full ? (() => { throw new Error('QuotaExceededError'); })() : store.setItem(key, value)) };
    const identity = createIdentity({ apiUrl }, refusing);
    expect(identity.guest()).toBe(true);
    expect(store.getItem(KEY)).toBeNull();
    full = false;
    expect(identity.guest()).toBe(true);
    expect(store.getItem(KEY)).toMatch(/^[A-Za-z0-9_-]{32,128}$/);
  });

  it('is written for a guest from the start', () => {
    const store = createMemoryTextStore();
    expect(createIdentity({ apiUrl }, store).guest()).toBe(true);
    expect(store.getItem(KEY)).toMatch(/^[A-Za-z0-9_-]{32,128}$/);
  });
});

/** A token as the widget reads it: only its claims (the server checks the signature). */
function tokenOf(claims: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ aud: 'uchi-support', exp: 4_000_000_000, ...claims })}.signature`;
}

describe('who the form says sends the ticket', () => {
  const ivanova = { sub: '42', name: 'Иванова Мария Петровна', role: 'listener', org: { title: 'ООО «Ромашка»' }, lms: 'https://lms.example.ru' };
  const petrov = { userId: '7', fullName: 'Петров Пётр', role: 'teacher', organization: { title: 'ООО «Ромашка»' }, lmsUrl: 'https://lms.example.ru' } as const;

  it('is the token’s user when the token carries one, whatever context the host gave: the server files it so', () => {
    const identity = createIdentity({ apiUrl, token: tokenOf(ivanova), context: petrov }, createMemoryTextStore());
    expect(identity.context()).toMatchObject({ userId: '42', fullName: 'Иванова Мария Петровна', role: 'listener' });
    expect(identity.userKey()).toBe('42');
    identity.setToken(tokenOf({ ...ivanova, sub: '43', name: 'Сидорова Ольга' }));
    expect(identity.context()).toMatchObject({ userId: '43', fullName: 'Сидорова Ольга' });
  });

  it('is the host’s context with a token the widget cannot read, without a token, and after the token is dropped', () => {
    const opaque = createIdentity({ apiUrl, token: 'header.payload.sig', context: petrov }, createMemoryTextStore());
    expect(opaque.context()).toMatchObject({ fullName: 'Петров Пётр' });
    const signedIn = createIdentity({ apiUrl, token: tokenOf(ivanova), context: petrov }, createMemoryTextStore());
    signedIn.setToken(null);
    expect(signedIn.context()).toMatchObject({ fullName: 'Петров Пётр' });
    const tokenOnly = createIdentity({ apiUrl, token: tokenOf(ivanova) }, createMemoryTextStore());
    tokenOnly.setToken(null);
    expect(tokenOnly.context()).toBeNull();
  });

  it('follows getToken’s first token over the host’s context', async () => {
    const identity = createIdentity({ apiUrl, getToken: async () => tokenOf(ivanova), context: petrov }, createMemoryTextStore());
    expect(identity.context()).toMatchObject({ fullName: 'Петров Пётр' });
    const changed = vi.fn();
    identity.whenFirstToken(changed);
    await vi.waitFor(() => expect(changed).toHaveBeenCalled());
    expect(identity.context()).toMatchObject({ fullName: 'Иванова Мария Петровна' });
  });
});
