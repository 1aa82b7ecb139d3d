/** The XHR upload seam (browsers): picked when XMLHttpRequest exists and no fetch was injected; reports progress. */
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpSupportApi, fieldErrorsOf, isTransientFailure } from '../../src/api';

const attachment = { id: 'att_12345678', name: 'a.png', contentType: 'image/png', size: 3, createdAt: '2025-03-10T09:00:00.000Z' };

/** Just enough of XMLHttpRequest: records the request, sends progress, answers `answer` or fails. */
class FakeXhr {
  static last: FakeXhr | null = null;
  static answer: { status: number; body: string } | 'network' = { status: 201, body: JSON.stringify(attachment) };
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  withCredentials = true;
  status = 0;
  responseText = '';
  upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;
  private aborted = false;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
    FakeXhr.last = this;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getResponseHeader(name: string) {
    return name.toLowerCase() === 'content-type' ? 'application/json' : null;
  }
  send(body: unknown) {
    this.body = body;
    setTimeout(() => {
      if (this.aborted) return;
      this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 });
      const answer = FakeXhr.answer;
      if (answer === 'network') return this.onerror?.();
      this.status = answer.status;
      this.responseText = answer.body;
      this.onload?.();
    }, 1);
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
}

const original = Object.getOwnPropertyDescriptor(globalThis, 'XMLHttpRequest');
function installXhr() {
  Object.defineProperty(globalThis, 'XMLHttpRequest', { value: FakeXhr, configurable: true, writable: true });
}
afterEach(() => {
  if (original === undefined) delete (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest;
  else Object.defineProperty(globalThis, 'XMLHttpRequest', original);
  FakeXhr.answer = { status: 201, body: JSON.stringify(attachment) };
  FakeXhr.last = null;
});

describe('upload over XMLHttpRequest', () => {
  it('sends the form with auth, no credentials, and reports progress as it goes', async () => {
    installXhr();
    const api = createHttpSupportApi({ baseUrl: 'https://support.example.ru/api/v1', token: 'tok', sleep: () => Promise.resolve() });
    const progress: number[] = [];
    const result = await api.uploadAttachment(new Blob(['abc']), 'a.png', { onProgress: (f) => progress.push(f) });
    expect(result).toEqual({ ok: true, value: attachment });
    expect(progress).toEqual([0, 0.5, 1]);
    const xhr = FakeXhr.last;
    expect(xhr?.method).toBe('POST');
    expect(xhr?.url).toBe('https://support.example.ru/api/v1/attachments');
    expect(xhr?.headers.Authorization).toBe('Bearer tok');
    expect(xhr?.withCredentials).toBe(false);
    expect((xhr?.body as FormData).get('file')).toBeInstanceOf(Blob);
  });

  it('maps an XHR network error to a network failure after retries, and an abort to aborted', async () => {
    installXhr();
    FakeXhr.answer = 'network';
    const api = createHttpSupportApi({ baseUrl: 'https://support.example.ru/api/v1', token: 'tok', sleep: () => Promise.resolve(), maxAttempts: 2 });
    const failed = await api.uploadAttachment(new Blob(['abc']), 'a.png');
    expect(failed).toMatchObject({ ok: false, error: { kind: 'network' } });

    const controller = new AbortController();
    const pending = api.uploadAttachment(new Blob(['abc']), 'a.png', { signal: controller.signal });
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'aborted' } });
  });

  it('is not used when a fetch is injected (all traffic goes through it)', async () => {
    installXhr();
    let fetched = 0;
    const fetch = () => {
      fetched++;
      return Promise.resolve(new Response(JSON.stringify(attachment), { status: 201 }));
    };
    const api = createHttpSupportApi({ baseUrl: 'https://support.example.ru/api/v1', token: 'tok', fetch });
    expect((await api.uploadAttachment(new Blob(['abc']), 'a.png')).ok).toBe(true);
    expect(fetched).toBe(1);
    expect(FakeXhr.last).toBeNull();
  });
});

describe('failure helpers', () => {
  it('gives the field messages of a 422 and nothing otherwise', () => {
    const fields = { subject: 'Укажите тему обращения' };
    expect(fieldErrorsOf({ kind: 'http', status: 422, code: 'validation_failed', message: '…', fields })).toEqual(fields);
    expect(fieldErrorsOf({ kind: 'network', message: '…' })).toEqual({});
  });

  it.each([
    [{ kind: 'network', message: '' }, true],
    [{ kind: 'http', status: 503, code: 'unavailable', message: '' }, true],
    [{ kind: 'http', status: 429, code: 'rate_limited', message: '' }, true],
    [{ kind: 'http', status: 422, code: 'validation_failed', message: '' }, false],
    [{ kind: 'aborted', message: '' }, false],
    [{ kind: 'invalid-response', message: '' }, false],
  ] as const)('%j is transient: %s', (failure, transient) => expect(isTransientFailure(failure)).toBe(transient));
});
