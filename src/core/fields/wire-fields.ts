/** The wire schema's parts built from the field table: each category's own fields, nested by wire path. */
import * as z from 'zod/mini';
import type { Category } from '../categories';
import { emailSchema, fieldError, httpUrlSchema, optionalText, requiredText, phoneSchema } from '../schemas/fields';
import { lmsRoleSchema } from '../schemas/roles';
import type { LmsRole } from '../schemas/roles';
import { isDateAfter } from './dates';
import { categoryFieldNames, CONTACT_FIELD_NAMES, contactFieldSpec, fieldSpec, isFieldRequired, isUrlKind } from './ticket-fields';
import type { CONTACT_FIELDS, TICKET_FIELDS } from './ticket-fields';
import type { ContactFieldName, FieldKind, TicketFieldName } from './ticket-fields';

/** A field schema of unknown output: the shape is built at run time from the table. */
type AnySchema = z.ZodMiniType<unknown, unknown>;

type Spec = typeof TICKET_FIELDS;
type IsCommon<N extends TicketFieldName> = Category extends Spec[N]['required'][number] ? true : false;
/** The category's own fields, as a type. */
type NamesOf<C extends Category> = {
  [N in TicketFieldName]: IsCommon<N> extends true ? never : C extends Spec[N]['required'][number] | Spec[N]['offered'][number] ? N : never;
}[TicketFieldName];
/** A text field's schema, optional where the category only offers it. */
type SchemaOf<N extends TicketFieldName, C extends Category> = C extends Spec[N]['required'][number] ? z.ZodMiniType<string, string> : z.ZodMiniOptional<z.ZodMiniType<string, string>>;
type ByWire<C extends Category> = { [N in NamesOf<C> as Spec[N]['wire']]: SchemaOf<N, C> };
type Nest<T extends Record<string, AnySchema>> = {
  [H in keyof T as H extends `${infer A}.${string}` ? A : H]: H extends `${infer A}.${string}` ? z.ZodMiniObject<{ [K in keyof T as K extends `${A}.${infer B}` ? B : never]: T[K] }> : T[H];
};
/** The wire shape of a category's own fields as the type system sees it (what the table says, at compile time). */
export type CategoryWireShape<C extends Category> = Nest<ByWire<C>>;

/** A calendar date as `<input type="date">` gives it (YYYY-MM-DD). */
const dateSchema = z.iso.date({ error: 'invalid' });

/**
 * A date no later than `latest` (YYYY-MM-DD): an attempt that has not happened yet is a typo; so is one before
 * 1900 (a year typed short), refused as a date to pick again.
 */
function pastDateSchema(latest: string): AnySchema {
  return dateSchema.check(z.refine((value) => value >= '1900', 'invalid'), z.refine((value) => !isDateAfter(value, latest), 'future'));
}

/**
 * The check of one field, required or optional. `latestDate` bounds a date field (a new ticket's); without it
 * any calendar date passes, as in a ticket already stored.
 */
export function fieldSchema(spec: { kind: FieldKind; maxLength: number }, required: boolean, latestDate?: string): AnySchema {
  const own = spec.kind === 'date' && latestDate !== undefined ? pastDateSchema(latestDate) : kindSchema(spec.kind);
  if (own !== null) return required ? own : z.optional(own);
  return required ? requiredText(spec.maxLength) : optionalText(spec.maxLength);
}

/** The check a kind brings with it, or null for plain text (checked by its length). */
function kindSchema(kind: FieldKind): AnySchema | null {
  if (isUrlKind(kind)) return httpUrlSchema;
  switch (kind) {
    case 'date':
      return dateSchema;
    case 'phone':
      return phoneSchema;
    case 'email':
      return emailSchema;
    case 'role':
      return lmsRoleSchema;
    default:
      return null;
  }
}

type ContactSpec = typeof CONTACT_FIELDS;
/** What a kind holds once checked. */
type ValueOf<K extends FieldKind> = K extends 'role' ? LmsRole : string;
/** The guest's contact on the wire, as the type system sees the table. */
export type ContactWire = { [N in ContactFieldName as ContactSpec[N]['required'] extends true ? N : never]: ValueOf<ContactSpec[N]['kind']> } & {
  [N in ContactFieldName as ContactSpec[N]['required'] extends true ? never : N]?: ValueOf<ContactSpec[N]['kind']> | undefined;
};

/** The wire check of the guest's contact, one entry per contact row of the table. */
export const contactWireSchema = z.lazy(() => z.object(
  Object.fromEntries(CONTACT_FIELD_NAMES.map((name) => [name, fieldSchema(contactFieldSpec(name), contactFieldSpec(name).required)])),
) as unknown as z.ZodMiniType<ContactWire, ContactWire>);

/** The object shape of `names` for `category`, with `a.b` paths grouped into nested objects; dates bounded by `latestDate`. */
export function wireShape(names: readonly TicketFieldName[], category: Category, latestDate?: string): Record<string, AnySchema> {
  const shape: Record<string, AnySchema> = {};
  const groups = new Map<string, Record<string, AnySchema>>();
  for (const name of names) {
    const spec = fieldSpec(name);
    const schema = fieldSchema(spec, isFieldRequired(name, category), latestDate);
    const [head, tail] = spec.wire.split('.') as [string, string | undefined];
    if (tail === undefined) shape[head] = schema;
    else groups.set(head, { ...groups.get(head), [tail]: schema });
  }
  for (const [head, fields] of groups) shape[head] = z.object(fields, fieldError('invalid'));
  return shape;
}

/** The wire shape of a category's own fields (the course, the order link, the steps…); dates bounded by `latestDate`. */
export function categoryWireShape<C extends Category>(category: C, latestDate?: string): CategoryWireShape<C> {
  return wireShape(categoryFieldNames(category), category, latestDate) as CategoryWireShape<C>;
}
