/**
 * The seam between the client and the wire: one `send` over fetch, one over XMLHttpRequest (browsers only,
 * for upload progress). Both answer with the same small response shape, so retries and parsing are shared.
 */

/** What the client reads of a response. */
export interface RawResponse {
  status: number;
  header(name: string): string | null;
  text(): Promise<string>;
  /** The body as bytes (a downloaded file); only `fetch` gives it. */
  blob?(): Promise<Blob>;
}

/** One request on the wire. */
export interface SendRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: URL;
  headers: Record<string, string>;
  body?: string | FormData;
  signal: AbortSignal;
  /** Upload progress, 0…1; only XHR can report it as it goes. */
  onProgress?: (fraction: number) => void;
}

/** Sends one request; rejects on network failure or abort (never on an HTTP error status). */
export type Send = (request: SendRequest) => Promise<RawResponse>;

/** A `send` over fetch. Cookies are never sent (auth is a header) and redirects are refused (same origin only). */
export function fetchSend(fetchImpl: typeof fetch): Send {
  return async (request) => {
    request.onProgress?.(0);
    const init: RequestInit = {
      method: request.method,
      headers: request.headers,
      signal: request.signal,
      credentials: 'omit',
      redirect: 'error',
    };
    if (request.body !== undefined) init.body = request.body;
    const response = await fetchImpl(request.url.href, init);
    if (response.ok) request.onProgress?.(1);
    return { status: response.status, header: (name) => response.headers.get(name), text: () => response.text(), blob: () => response.blob() };
  };
}

/** A `send` over XMLHttpRequest, reporting upload progress. */
export function xhrSend(): Send {
  return (request) =>
    new Promise<RawResponse>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      const onAbort = () => xhr.abort();
      const cleanup = () => request.signal.removeEventListener('abort', onAbort);
      xhr.open(request.method, request.url.href);
      xhr.withCredentials = false;
      for (const [name, value] of Object.entries(request.headers)) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) request.onProgress?.(Math.min(1, event.loaded / event.total));
      };
      xhr.onload = () => {
        cleanup();
        if (xhr.status >= 200 && xhr.status < 300) request.onProgress?.(1);
        const body = xhr.responseText;
        resolve({ status: xhr.status, header: (name) => xhr.getResponseHeader(name), text: () => Promise.resolve(body) });
      };
      xhr.onerror = () => {
        cleanup();
        reject(new TypeError('Network request failed'));
      };
      xhr.ontimeout = xhr.onerror;
      xhr.onabort = () => {
        cleanup();
        reject(new DOMException('The upload was aborted', 'AbortError'));
      };
      if (request.signal.aborted) {
        reject(new DOMException('The upload was aborted', 'AbortError'));
        return;
      }
      request.signal.addEventListener('abort', onAbort, { once: true });
      request.onProgress?.(0);
      xhr.send(request.body ?? null);
    });
}
