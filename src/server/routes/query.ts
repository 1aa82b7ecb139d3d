/**
 * Query parameters of the list routes, one value each: a parameter given twice, given without a value or in a
 * form's array syntax (`limit[]=1`) is a 400 that names it, rather than one of its values picked silently or
 * its default taken; and one the route does not take is a 400 that names the ones it does, rather than a list
 * that looks filtered and is not (`userId=…`, `stauts=…`).
 */
import type { Context } from 'hono';
import { failures } from '../errors';
import { cleanText } from '../http/clean-text';

/** The value of one query parameter, or undefined when the request does not give it. */
export type QueryParam = (name: string) => string | undefined;

/** The one-value reader of the request's query; it throws 400 for a parameter given twice, empty or as `name[…]`. */
export function singleQuery(c: Context): QueryParam {
  const all = c.req.queries();
  return (name) => {
    if (Object.keys(all).some((key) => key.startsWith(`${name}[`))) {
      throw failures.badRequest({ ru: `Параметр ${name} передаётся как ${name}=значение, без скобок [].`, en: `Pass the parameter ${name} as ${name}=value, without brackets [].` });
    }
    const values = Object.hasOwn(all, name) ? all[name] : undefined;
    if (values === undefined || values.length === 0) return undefined;
    if (values.length > 1) throw failures.badRequest({ ru: `Параметр ${name} указан несколько раз: нужно одно значение.`, en: `The parameter ${name} is given more than once: one value is needed.` });
    // Without invisible characters, as every text a client sends (clean-text.ts): PostgreSQL refuses NUL in text.
    const value = cleanText(values[0] ?? '');
    if (value === '') {
      throw failures.badRequest({ ru: `Параметр ${name} указан без значения: укажите значение или уберите параметр.`, en: `The parameter ${name} has no value: give one or leave the parameter out.` });
    }
    return value;
  };
}

/** How much of an unknown parameter's name a refusal repeats. */
const NAME_SHOWN = 40;

/** A cache buster (`_=1700000000000`, as jQuery's `cache: false` adds): no filter, taken by every route. */
const CACHE_BUSTER = '_';

/** Reads the request's query with `read`, then refuses a parameter `read` never asked for (but a cache buster). */
export function readQuery<T>(c: Context, read: (query: QueryParam) => T): T {
  const asked = new Set<string>();
  const single = singleQuery(c);
  const result = read((name) => {
    asked.add(name);
    return single(name);
  });
  const unknown = Object.keys(c.req.queries())
    .map((key) => key.replace(/\[.*$/s, ''))
    .find((name) => name !== CACHE_BUSTER && !asked.has(name));
  if (unknown !== undefined) {
    const name = cleanText(unknown).slice(0, NAME_SHOWN);
    const taken = [...asked].join(', ');
    throw failures.badRequest({ ru: `Неизвестный параметр ${name}: этот запрос принимает ${taken}.`, en: `Unknown parameter ${name}: this request takes ${taken}.` });
  }
  return result;
}
