/**
 * Query parameters of the list routes, one value each: a parameter given twice, given without a value or in a
 * form's array syntax (`limit[]=1`) is a 400 that names it, rather than one of its values picked silently or
 * its default taken.
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
