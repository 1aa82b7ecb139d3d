/**
 * The widget itself, the second of the two files a first open loads. The entry starts fetching it before it
 * evaluates its own part (React), so both arrive at once, and the browser evaluates each in a task of its
 * own: preparing the panel on a hover never holds the host page for the whole bundle at once.
 */
import { config } from 'zod/mini';

// No generated parsers in the script-tag bundle: zod's first parse of an object schema would compile one with
// `new Function` (a cost the first open pays), and under the strict CSP hosts use, even zod's probe for it is
// reported as a violation. (The npm package leaves the host's zod settings alone.)
config({ jitless: true });

export { createWidget } from './widget';
