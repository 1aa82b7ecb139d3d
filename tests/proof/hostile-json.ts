/**
 * Hostile JSON bodies for every JSON endpoint, generated from one valid body each: every field with a value of
 * another type, every required field missing or smuggled through `__proto__` / `constructor.prototype`, every
 * string 1 MB long or carrying invalid UTF-8 bytes, other content types, bodies that are not a JSON object,
 * and random JSON from fast-check.
 */
import fc from 'fast-check';

/** One request of the batch. */
export interface HostileCase {
  name: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer | string;
}

/** A JSON endpoint and a body it accepts. */
export interface JsonEndpoint {
  name: string;
  path: string;
  /** Headers of a valid call (auth, Idempotency-Key…); a function so each request can get a fresh key. */
  headers: () => Record<string, string>;
  valid: Record<string, unknown>;
  /** Dotted paths that may be left out. */
  optional: readonly string[];
}

type Path = readonly (string | number)[];
const dotted = (path: Path) => path.join('.');

/** Every value in the body with its path, objects and arrays included (not the root). */
function walk(value: unknown, path: Path = []): Array<[Path, unknown]> {
  const out: Array<[Path, unknown]> = path.length === 0 ? [] : [[path, value]];
  if (Array.isArray(value)) value.forEach((item, index) => out.push(...walk(item, [...path, index])));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) out.push(...walk(item, [...path, key]));
  }
  return out;
}

const kindOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
const WRONG_TYPES: readonly unknown[] = [42, true, null, [], {}, 'text'];
const MB = 1024 * 1024;
// Lone continuation byte, truncated 2-byte sequence, UTF-16 surrogate, overlong "/", 5-byte form, bare 0xFF.
const INVALID_UTF8 = [[0x80], [0xc3], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xff, 0xfe]];
const MARKER = 'MARKER-7b1e';

/** A deep copy of `body` with the value at `path` replaced (or removed when `value` is `REMOVE`). */
const REMOVE = Symbol('remove');
function withValue(body: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1) ?? '';
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return copy;
}

/** The text `{"<trap>": <inner>, …rest}`, which JSON.stringify cannot produce for `__proto__`. */
function withTrapKey(rest: Record<string, unknown>, trap: string, inner: unknown): string {
  const tail = JSON.stringify(rest).slice(1);
  return `{${JSON.stringify(trap)}:${JSON.stringify(inner)}${tail === '}' ? '}' : `,${tail}`}`;
}

/** Every hostile body for one endpoint. */
export function hostileJsonCases(endpoint: JsonEndpoint, seed: number): HostileCase[] {
  const cases: HostileCase[] = [];
  const add = (name: string, body: Buffer | string, contentType: string | null = 'application/json') => {
    const headers = endpoint.headers();
    if (contentType !== null) headers['content-type'] = contentType;
    cases.push({ name: `${endpoint.name}: ${name}`, method: 'POST', path: endpoint.path, headers, body });
  };
  const values = walk(endpoint.valid);
  const isOptional = (path: Path) => endpoint.optional.some((prefix) => dotted(path) === prefix || dotted(path).startsWith(`${prefix}.`));

  for (const [path, value] of values) {
    for (const wrong of WRONG_TYPES.filter((candidate) => kindOf(candidate) !== kindOf(value))) {
      add(`${dotted(path)} as ${kindOf(wrong)}`, JSON.stringify(withValue(endpoint.valid, path, wrong)));
    }
    if (!isOptional(path) && typeof path.at(-1) === 'string') add(`${dotted(path)} missing`, JSON.stringify(withValue(endpoint.valid, path, REMOVE)));
    if (typeof value === 'string') {
      add(`${dotted(path)} 1 MB long`, JSON.stringify(withValue(endpoint.valid, path, 'x'.repeat(MB))));
      const sequence = INVALID_UTF8[cases.length % INVALID_UTF8.length] ?? [0xff];
      const [head, tail] = JSON.stringify(withValue(endpoint.valid, path, `a${MARKER}b`)).split(MARKER);
      add(`${dotted(path)} with invalid UTF-8 ${Buffer.from(sequence).toString('hex')}`, Buffer.concat([Buffer.from(head ?? ''), Buffer.from(sequence), Buffer.from(tail ?? '')]));
    }
  }

  for (const key of Object.keys(endpoint.valid).filter((name) => !isOptional([name]))) {
    const { [key]: smuggled, ...rest } = endpoint.valid;
    add(`${key} only via __proto__`, withTrapKey(rest, '__proto__', { [key]: smuggled }));
    add(`${key} only via constructor.prototype`, withTrapKey(rest, 'constructor', { prototype: { [key]: smuggled } }));
  }
  add('everything inside __proto__', withTrapKey({}, '__proto__', endpoint.valid));

  const text = JSON.stringify(endpoint.valid);
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=abc', 'application/xml', 'text/json', 'application/json-seq', 'application/jsonx', 'application/json, text/plain']) {
    add(`content type ${type}`, text, type);
  }
  add('no content type', text, null);
  const broken = ['', ' ', '[]', 'null', '"object"', '1', 'true', '{', '{"a":', '{"a":1,}', "{'a':1}", 'NaN', '\ufeff{garbage}', '['.repeat(100_000), text.slice(0, Math.floor(text.length / 2))];
  broken.forEach((body, index) => add(`not a JSON object #${index}`, body));

  // Random JSON: objects of arbitrary keys and values, and arbitrary non-object values.
  for (const body of fc.sample(fc.object({ maxDepth: 3, maxKeys: 6 }), { seed, numRuns: 8 })) add('random object', JSON.stringify(body));
  for (const body of fc.sample(fc.jsonValue({ maxDepth: 2 }), { seed: seed + 1, numRuns: 4 })) {
    if (body !== null && typeof body === 'object' && !Array.isArray(body)) continue;
    add('random JSON value', JSON.stringify(body));
  }
  return cases;
}
