/**
 * The widget itself, the second of the two files a first open loads. The entry starts fetching it before it
 * evaluates its own part (React), so both arrive at once, and the browser evaluates each in a task of its
 * own: preparing the panel on a hover never holds the host page for the whole bundle at once.
 */
export { createWidget } from './widget';
