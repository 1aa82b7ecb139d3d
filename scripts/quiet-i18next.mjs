// A build plugin for the widget bundle (vite.config.ts).
import { parseSync } from 'vite';

const I18NEXT = /[\\/]node_modules[\\/]i18next[\\/]dist[\\/]esm[\\/]i18next\.js$/;
/** The logger's levels that print only with i18next's `debug` option (its `Logger.forward`); `error` always prints. */
const DEBUG_ONLY = new Set(['log', 'warn', 'deprecate', 'once']);

/** Whether an expression is a logger: `logger`, `this.logger`, `x.logger` (each possibly `?.`). */
function isLogger(node) {
  if (node.type === 'Identifier') return node.name === 'logger';
  return node.type === 'MemberExpression' && !node.computed && node.property.name === 'logger';
}

/** Every node below `node` (an ESTree object), depth first. */
function* walk(node) {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) yield* walk(child);
    return;
  }
  if (typeof node.type === 'string') yield node;
  for (const key of Object.keys(node)) if (key !== 'type' && key !== 'start' && key !== 'end') yield* walk(node[key]);
}

/**
 * i18next's messages to a developer (a key of a namespace not loaded yet, a nesting gone wrong: some 3 kB, 1 kB
 * gzip) print only with its `debug` option, which the widget never sets: they are dropped from the widget's
 * bundle, the calls kept with no arguments (each returns at once, as before). The arguments are strings and
 * what they quote, so nothing else changes. `error` stays whole.
 * @returns {import('vite').Plugin}
 */
export function quietI18next() {
  return {
    name: 'uchi-support:quiet-i18next',
    transform(code, id) {
      if (!I18NEXT.test(id)) return null;
      const { program } = parseSync(id, code);
      const cuts = [];
      for (const node of walk(program)) {
        if (node.type !== 'CallExpression' || node.arguments.length === 0) continue;
        const callee = node.callee.type === 'ChainExpression' ? node.callee.expression : node.callee;
        if (callee.type !== 'MemberExpression' || callee.computed || !DEBUG_ONLY.has(callee.property.name) || !isLogger(callee.object)) continue;
        cuts.push([node.arguments[0].start, node.arguments.at(-1).end]);
      }
      // An i18next that logs some other way keeps its messages; the build says so rather than drift unnoticed.
      if (cuts.length < 30) throw new Error(`i18next: expected at least 30 debug-only logger calls to quiet, found ${cuts.length}`);
      let quiet = '';
      let at = 0;
      for (const [start, end] of cuts.sort((a, b) => a[0] - b[0])) {
        if (start < at) continue; // inside a call already cut
        quiet += code.slice(at, start);
        at = end;
      }
      return { code: quiet + code.slice(at), map: null };
    },
  };
}
