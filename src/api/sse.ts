/**
 * An incremental parser of `text/event-stream` (the WHATWG "event stream interpretation"), fed decoded text
 * in chunks that may split anywhere — inside a field, between `\r` and `\n`, or inside a multi-line event.
 * It is pure: no timers, no I/O, so every edge case is a unit test.
 */

/** One dispatched event. */
export interface SseMessage {
  /** The `event:` field, or `message` when none was given. */
  type: string;
  /** The `data:` lines joined with `\n`. */
  data: string;
  /** The last event id seen so far on this stream (it carries over to later events, as the spec says). */
  lastEventId: string;
}

/** The parser's surface: feed text, get the events it completed. */
export interface SseParser {
  /** Parses the next chunk of decoded text; returns the events it completed, in order. */
  push(chunk: string): SseMessage[];
  /** The stream ended: an event without its terminating blank line is discarded (spec), state is reset. */
  end(): void;
  /** The last `retry:` value (milliseconds), or null when the server sent none. */
  readonly retryMs: number | null;
  /** The last event id seen, even from an event that carried no data. */
  readonly lastEventId: string;
  /** How many comment lines (heartbeats) were seen: a liveness signal for the caller. */
  readonly comments: number;
}

/** Creates a parser; `lastEventId` starts a resumed stream's id buffer. */
export function createSseParser(lastEventId = ''): SseParser {
  let buffer = '';
  let skipLeadingNewline = false;
  let atStart = true;
  let data: string[] = [];
  let type = '';
  let idBuffer = lastEventId;
  let retryMs: number | null = null;
  let comments = 0;

  const dispatch = (out: SseMessage[]) => {
    if (data.length > 0) out.push({ type: type === '' ? 'message' : type, data: data.join('\n'), lastEventId: idBuffer });
    data = [];
    type = '';
  };

  const line = (text: string, out: SseMessage[]) => {
    if (text === '') return dispatch(out);
    if (text.startsWith(':')) {
      comments++;
      return;
    }
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        data.push(value);
        break;
      case 'event':
        type = value;
        break;
      case 'id':
        // An id with NUL is ignored, so a hostile value cannot truncate the header we echo back.
        if (!value.includes('\0')) idBuffer = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) retryMs = Number(value);
        break;
      default:
        break; // Unknown fields are ignored.
    }
  };

  return {
    push(chunk) {
      const out: SseMessage[] = [];
      let text = chunk;
      if (skipLeadingNewline && text.length > 0) {
        // The previous chunk ended in `\r`: a `\n` here belongs to that same line end.
        if (text.startsWith('\n')) text = text.slice(1);
        skipLeadingNewline = false;
      }
      if (atStart && text.length > 0) {
        if (text.startsWith('\uFEFF')) text = text.slice(1);
        atStart = text.length === 0;
      }
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const char = buffer[i];
        if (char !== '\n' && char !== '\r') continue;
        line(buffer.slice(start, i), out);
        if (char === '\r') {
          if (i + 1 < buffer.length) {
            if (buffer[i + 1] === '\n') i++;
          } else {
            skipLeadingNewline = true;
          }
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
      return out;
    },
    end() {
      buffer = '';
      data = [];
      type = '';
      skipLeadingNewline = false;
      atStart = true;
    },
    get retryMs() {
      return retryMs;
    },
    get lastEventId() {
      return idBuffer;
    },
    get comments() {
      return comments;
    },
  };
}
