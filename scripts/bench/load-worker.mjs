// Load generators, run in a worker thread so they do not share the server's event loop:
// `throughput` — N reporters creating tickets back to back for a while; `streams` — M event streams held open
// while an agent changes the ticket's status now and then, timing each event's arrival on every stream.
import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';

const sleep = (delay) => new Promise((resolve) => setTimeout(resolve, delay));

/** Each reporter creates tickets one after another until the time is up. */
async function throughput({ apiUrl, tokens, durationMs, draft }) {
  const latencies = [];
  const statuses = {};
  let errors = 0;
  const started = performance.now();
  const until = started + durationMs;
  await Promise.all(
    tokens.map(async (token, reporter) => {
      for (let n = 0; performance.now() < until; n++) {
        const sent = performance.now();
        try {
          const response = await fetch(`${apiUrl}/tickets`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
            body: JSON.stringify({ ...draft, subject: `Нагрузка ${reporter}-${n}` }),
          });
          await response.arrayBuffer();
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
          if (response.status === 201) latencies.push(performance.now() - sent);
          else errors++;
        } catch {
          errors++;
        }
      }
    }),
  );
  return { created: latencies.length, errors, statuses, latencies, elapsedMs: performance.now() - started };
}

/** One event stream: records when each event id arrives; `ended` once the server or the network ends it. */
async function openStream(url, token, arrivals, state) {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: state.abort.signal });
  if (!response.ok || response.body === null) throw new Error(`stream ${response.status}`);
  state.open = true;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const id = /^id: ?(\d+)$/m.exec(buffer.slice(0, end))?.[1];
          if (id !== undefined && !arrivals.has(Number(id))) arrivals.set(Number(id), performance.now());
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // aborted at the end
    } finally {
      state.ended = true;
    }
  })();
}

/** Opens the streams, broadcasts `broadcasts` status changes spread over `holdMs`, and times every arrival. */
async function streams({ apiUrl, token, agentToken, ticketId, count, holdMs, broadcasts }) {
  const url = `${apiUrl}/tickets/${ticketId}/events`;
  const all = Array.from({ length: count }, () => ({ arrivals: new Map(), state: { open: false, ended: false, abort: new AbortController() } }));
  const openStarted = performance.now();
  await Promise.all(all.map((stream) => openStream(url, token, stream.arrivals, stream.state)));
  const openMs = performance.now() - openStarted;
  const started = performance.now();
  const results = [];
  for (let i = 0; i < broadcasts; i++) {
    await sleep(Math.max(0, started + ((i + 1) * holdMs) / (broadcasts + 1) - performance.now()));
    const sent = performance.now();
    const response = await fetch(`${apiUrl}/agent/tickets/${ticketId}/status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${agentToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: i % 2 === 0 ? 'in_progress' : 'clarification_requested', text: `Рассылка ${i + 1}` }),
    });
    const change = await response.json();
    const eventId = change.event.id;
    await sleep(1500);
    const latencies = all.map((stream) => (stream.arrivals.has(eventId) ? stream.arrivals.get(eventId) - sent : Number.POSITIVE_INFINITY));
    results.push({ eventId, withinOneSecond: latencies.filter((ms) => ms <= 1000).length, received: latencies.filter(Number.isFinite).length, maxMs: Math.max(...latencies) });
  }
  await sleep(Math.max(0, started + holdMs - performance.now()));
  const heldMs = performance.now() - started;
  const stillOpen = all.filter((stream) => stream.state.open && !stream.state.ended).length;
  for (const stream of all) stream.state.abort.abort();
  return { count, openMs, heldMs, stillOpen, broadcasts: results };
}

const jobs = { throughput, streams };
jobs[workerData.job](workerData).then(
  (result) => parentPort?.postMessage({ ok: true, result }),
  (error) => parentPort?.postMessage({ ok: false, error: String(error?.stack ?? error) }),
);
