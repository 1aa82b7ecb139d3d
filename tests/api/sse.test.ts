import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSseParser } from '../../src/api/sse';
import type { SseMessage } from '../../src/api/sse';

/** Feeds chunks in order and collects every event. */
function feed(chunks: string[], lastEventId = ''): SseMessage[] {
  const parser = createSseParser(lastEventId);
  return chunks.flatMap((chunk) => parser.push(chunk));
}

const msg = (data: string, type = 'message', lastEventId = ''): SseMessage => ({ type, data, lastEventId });

describe('createSseParser', () => {
  it('dispatches an event on a blank line', () => {
    expect(feed(['data: hello\n\n'])).toEqual([msg('hello')]);
  });

  it('does not dispatch an event before its blank line', () => {
    const parser = createSseParser();
    expect(parser.push('data: hello\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([msg('hello')]);
  });

  it.each([
    ['\\n', '\n'],
    ['\\r\\n', '\r\n'],
    ['\\r', '\r'],
  ])('accepts %s line ends', (_name, eol) => {
    expect(feed([`event: ticket-event${eol}id: 7${eol}data: {"a":1}${eol}${eol}`])).toEqual([msg('{"a":1}', 'ticket-event', '7')]);
  });

  it('joins multi-line data with \\n and keeps empty data lines', () => {
    expect(feed(['data: one\ndata:\ndata: three\n\n'])).toEqual([msg('one\n\nthree')]);
  });

  it('removes exactly one leading space after the colon', () => {
    expect(feed(['data:  two spaces\ndata:none\n\n'])).toEqual([msg(' two spaces\nnone')]);
  });

  it('treats a line without a colon as a field with an empty value', () => {
    expect(feed(['data\n\n'])).toEqual([msg('')]);
  });

  it('ignores comments (heartbeats) but counts them', () => {
    const parser = createSseParser();
    expect(parser.push(': heartbeat\n\n:another\n')).toEqual([]);
    expect(parser.comments).toBe(2);
    expect(parser.push('data: x\n\n')).toEqual([msg('x')]);
  });

  it('does not dispatch an event without data, but keeps its id', () => {
    const parser = createSseParser();
    expect(parser.push('id: 3\nevent: ping\n\n')).toEqual([]);
    expect(parser.lastEventId).toBe('3');
    // The event type resets after a dispatch attempt; the id carries over.
    expect(parser.push('data: y\n\n')).toEqual([msg('y', 'message', '3')]);
  });

  it('carries the last event id over to later events and starts from the resumed id', () => {
    expect(feed(['data: a\n\nid: 9\ndata: b\n\ndata: c\n\n'], '5')).toEqual([msg('a', 'message', '5'), msg('b', 'message', '9'), msg('c', 'message', '9')]);
  });

  it('ignores an id containing NUL', () => {
    const parser = createSseParser('1');
    parser.push('id: 2\0x\ndata: z\n\n');
    expect(parser.lastEventId).toBe('1');
  });

  it('reads retry only when it is all digits', () => {
    const parser = createSseParser();
    parser.push('retry: 3000\n\n');
    expect(parser.retryMs).toBe(3000);
    parser.push('retry: 10s\n\nretry: -1\n\n');
    expect(parser.retryMs).toBe(3000);
  });

  it('ignores unknown fields', () => {
    expect(feed(['foo: bar\ndata: ok\n\n'])).toEqual([msg('ok')]);
  });

  it('strips a leading byte-order mark once', () => {
    expect(feed(['\uFEFFdata: a\n\n'])).toEqual([msg('a')]);
    expect(feed(['\uFEFF', 'data: a\n\n'])).toEqual([msg('a')]);
  });

  it('handles \\r\\n split between chunks as one line end', () => {
    expect(feed(['data: a\r', '\n\r', '\n'])).toEqual([msg('a')]);
    // A lone \r at a chunk end followed by a new line of text is one line end, not two.
    expect(feed(['data: a\r', 'data: b\r\r'])).toEqual([msg('a\nb')]);
  });

  it('handles a field name split across chunks', () => {
    expect(feed(['da', 'ta', ': he', 'llo\n', '\n'])).toEqual([msg('hello')]);
  });

  it('discards an unterminated event at the end of the stream', () => {
    const parser = createSseParser();
    expect(parser.push('data: partial\n')).toEqual([]);
    parser.end();
    expect(parser.push('data: next\n\n')).toEqual([msg('next')]);
  });

  it('parses many events from one chunk in order', () => {
    const stream = 'retry: 3000\n\n' + [1, 2, 3].map((id) => `id: ${id}\nevent: ticket-event\ndata: {"id":${id}}\n\n`).join('');
    expect(feed([stream]).map((event) => [event.lastEventId, event.data])).toEqual([
      ['1', '{"id":1}'],
      ['2', '{"id":2}'],
      ['3', '{"id":3}'],
    ]);
  });

  it('gives the same events however the stream is split (property)', () => {
    const line = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'b', ' ', ':', 'é', '{', '"') }).map((text) => `data: ${text}`),
      fc.nat(1000).map((id) => `id: ${id}`),
      fc.constantFrom('event: ticket-event', ': heartbeat', 'retry: 100', ''),
    );
    const eol = fc.constantFrom('\n', '\r\n', '\r');
    const stream = fc.array(fc.tuple(line, eol), { maxLength: 30 }).map((lines) => lines.map(([text, end]) => text + end).join('') + '\n\n');
    fc.assert(
      fc.property(stream, fc.array(fc.nat(), { maxLength: 10 }), (text, cuts) => {
        const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let from = 0;
        for (const point of points) {
          chunks.push(text.slice(from, point));
          from = point;
        }
        chunks.push(text.slice(from));
        expect(feed(chunks)).toEqual(feed([text]));
      }),
    );
  });
});
