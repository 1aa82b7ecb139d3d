/** A minimal SSE reader over fetch (as the widget reads it: with an Authorization header). */

/** One parsed frame; comments are reported with `comment`. */
export interface SseFrame {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
  retry?: string;
}

/** An open stream. */
export interface SseStream {
  status: number;
  headers: Headers;
  /** The next frame with data (comments and retry lines skipped unless `withComments`), or throws after `timeoutMs`. */
  next(timeoutMs?: number, withComments?: boolean): Promise<SseFrame>;
  /** Frames with data until `count` are collected. */
  take(count: number, timeoutMs?: number): Promise<SseFrame[]>;
  close(): void;
}

/** Opens `url` as an event stream. */
export async function openSse(url: string, headers: Record<string, string>): Promise<SseStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const frames: SseFrame[] = [];
  let waiting: (() => void) | null = null;
  let buffer = '';
  let ended = false;
  const pump = async () => {
    if (response.body === null) return;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        let index: number;
        while ((index = buffer.indexOf('\n\n')) >= 0) {
          frames.push(parseFrame(buffer.slice(0, index)));
          buffer = buffer.slice(index + 2);
        }
        waiting?.();
      }
    } catch {
      // aborted
    } finally {
      ended = true;
      waiting?.();
    }
  };
  if (response.ok) void pump();

  async function next(timeoutMs = 3000, withComments = false): Promise<SseFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = frames.findIndex((frame) => withComments || frame.data !== undefined);
      if (index >= 0) {
        const [frame] = frames.splice(0, index + 1).slice(-1);
        if (frame !== undefined) return frame;
      }
      if (ended) throw new Error('stream ended');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out waiting for an SSE frame');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiting = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      waiting = null;
    }
  }

  return {
    status: response.status,
    headers: response.headers,
    next,
    async take(count, timeoutMs = 5000) {
      const out: SseFrame[] = [];
      while (out.length < count) out.push(await next(timeoutMs));
      return out;
    },
    close: () => controller.abort(),
  };
}

function parseFrame(raw: string): SseFrame {
  const frame: SseFrame = {};
  for (const line of raw.split('\n')) {
    if (line.startsWith(':')) frame.comment = line.slice(1).trim();
    const match = /^(id|event|data|retry): ?(.*)$/.exec(line);
    if (match === null) continue;
    const key = match[1] as 'id' | 'event' | 'data' | 'retry';
    frame[key] = key === 'data' && frame.data !== undefined ? `${frame.data}\n${match[2] ?? ''}` : (match[2] ?? '');
  }
  return frame;
}
