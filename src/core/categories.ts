/** Ticket categories, impacts and priorities: their wire codes (docs/architecture.md). */
export const CATEGORIES = ['course', 'test', 'order', 'document', 'technical', 'suggestion', 'other'] as const;
/** One ticket category code. */
export type Category = (typeof CATEGORIES)[number];

/** How much the problem hurts, asked with one question in the form. */
export const IMPACTS = ['blocks_everyone', 'blocks_me', 'minor'] as const;
/** One impact code. */
export type Impact = (typeof IMPACTS)[number];

/** Ticket priorities, highest first. */
export const PRIORITIES = ['high', 'normal', 'low'] as const;
/** One priority code. */
export type Priority = (typeof PRIORITIES)[number];
